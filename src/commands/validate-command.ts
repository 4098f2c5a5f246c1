/**
 * The `referat validate` command line (what `referat --help` and the parser need); the command itself,
 * src/commands/validate.ts with the rules and formatters, is loaded when it runs.
 */
import { Option, type Command } from 'commander';
import { createLogger } from '../log.js';
import { DEFAULT_LIMITS } from '../../parsers/limits.js';
import type { OcrMode } from '../../parsers/ocr.js';
import type { FormatName } from '../formatters/index.js';
import { CONFIG_FILE } from '../validate/config-file.js';
import { useColor } from './conventions.js';
import { startPdfEngineEarly } from './early.js';

/** --timeout in seconds (as `referat convert --timeout`) -> ms; null when it is not a number of seconds. */
export function parseTimeoutSeconds(v: string | number | undefined): number | null {
  if (v === undefined) return DEFAULT_LIMITS.perFileTimeoutMs;
  const n = Number(v);
  return Number.isFinite(n) && n >= 0 ? Math.round(n * 1000) : null;
}

/** Registers `referat validate` on the CLI program; `setExit` receives the exit code. */
export function registerValidateCommand(program: Command, setExit: (code: number) => void): void {
  program
    .command('validate')
    .description('check minutes before publication and report the findings (human, json or sarif)')
    .argument('<files...>', 'PDF, DOCX, HTML or text files, or folders (folders are walked)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['human', 'json', 'sarif']).default('human'))
    .option('--strict', 'warnings count as errors for the exit code')
    .option('-c, --config <file>', `rule configuration (default: ${CONFIG_FILE} in the working folder)`)
    .option('-r, --rule <id=level>', 'turn a rule off or re-grade it: off, info, warning or error (repeatable)', (v: string, all: string[]) => [...all, v], [] as string[])
    .option('-q, --quiet', 'show only errors (human format)')
    .addOption(new Option('--ocr <mode>', 'OCR (Tesseract, Danish) of scanned PDF pages: auto = pages without a usable text layer, off, force = every page').choices(['auto', 'off', 'force']).default('auto'))
    .option('--timeout <seconds>', `per-file time limit in seconds, as for convert; a file that takes longer fails (0 = none; default ${DEFAULT_LIMITS.perFileTimeoutMs / 1000})`)
    .action(async (files: string[], opts: { format: FormatName; strict?: boolean; config?: string; rule: string[]; quiet?: boolean; ocr: OcrMode; timeout?: string }) => {
      const log = createLogger({ json: program.opts().logJson, verbose: program.opts().verbose });
      const timeoutMs = parseTimeoutSeconds(opts.timeout);
      if (timeoutMs === null) {
        process.stderr.write(`referat validate: --timeout must be a number of seconds (0 = no limit), not "${opts.timeout}"\n`);
        setExit(2);
        return;
      }
      // one PDF checked in this thread (see inlineFits): its reader starts now
      startPdfEngineEarly(files, opts.timeout === undefined);
      const color = opts.format === 'human' && useColor(process.stdout);
      const { runValidate } = await import('./validate.js');
      // no --timeout: the default limit, which the one file converted in this thread keeps (see inlineFits)
      setExit(await runValidate(files, { ...opts, timeoutMs: opts.timeout === undefined ? undefined : timeoutMs, color }, log));
    });
}
