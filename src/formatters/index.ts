/** The output formats of `referat validate`, separate from the rules (as ESLint's formatters are). */
import { human } from './human.js';
import { json } from './json.js';
import { sarif } from './sarif.js';
import type { Formatter } from './types.js';

export const FORMATTERS: Record<'human' | 'json' | 'sarif', Formatter> = { human, json, sarif };
export type FormatName = keyof typeof FORMATTERS;
export type { FileReport, Formatter, FormatOptions, Report, RuleInfo } from './types.js';
export { counts, notMinutesReason } from './types.js';
