/**
 * `referat validate <file...>`: reads PDF, DOCX, HTML or text, runs the pipeline and the rules, and
 * reports the findings for a secretariat about to publish (human output, --format json or sarif).
 * Exit code (src/commands/conventions.ts): 0 no error, 1 at least one error (--strict: or a warning) or a
 * document that cannot be read, 2 bad usage or an input that does not exist or cannot be opened (one line
 * on stderr naming the file and the reason).
 */
import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import type { Logger } from 'pino';
import { Option, type Command } from 'commander';
import { createLogger } from '../log.js';
import type { Diagnostic } from '../../schemas/referat.js';
import { collectInputs, fsPath } from '../files.js';
import { VERSION } from '../version.js';
import { describeError } from '../batch/errors.js';
import { RULES, validator } from '../validate/index.js';
import { applyRuleOptions, CONFIG_FILE, ConfigError, loadConfigFile, type RuleConfig } from '../validate/config.js';
import { FORMATTERS, counts, notMinutesReason, type FileReport, type FormatName, type Report } from '../formatters/index.js';
import type { OcrMode } from '../../parsers/ocr.js';
import { useColor } from './conventions.js';

export interface ValidateOptions {
  format?: FormatName;
  strict?: boolean;
  config?: string;
  rule?: string[];
  quiet?: boolean;
  color?: boolean;
  /** OCR of scanned PDF pages (default auto) */
  ocr?: OcrMode;
  /** Working folder for .referatrc.json and relative paths (default: process.cwd()). */
  cwd?: string;
  /** Where the report goes (default: stdout) and one-line errors go (default: stderr). */
  out?: (s: string) => void;
  err?: (s: string) => void;
}

const RULE_IDS = new Set(RULES.map((r) => r.meta.id));

/** Which of an analysis' diagnostics a validation report shows: the rules', and the reader's warnings and errors. */
export function reportable(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => RULE_IDS.has(d.code) || d.code === 'rule-failed' || d.severity !== 'info');
}

function displayPath(cwd: string, abs: string): string {
  const rel = relative(cwd, abs);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs;
}

export async function runValidate(inputs: string[], opts: ValidateOptions = {}, log?: Logger): Promise<number> {
  const cwd = opts.cwd ?? process.cwd();
  const out = opts.out ?? ((s: string) => process.stdout.write(s));
  const err = opts.err ?? ((s: string) => process.stderr.write(s + '\n'));
  const format = opts.format ?? 'human';
  const formatter = FORMATTERS[format];
  if (!formatter) {
    err(`referat validate: unknown format "${format}" (use human, json or sarif)`);
    return 2;
  }

  let config: RuleConfig;
  try {
    const loaded = await loadConfigFile(opts.config, cwd);
    config = applyRuleOptions(loaded.config, opts.rule ?? []);
    if (loaded.path) log?.debug({ config: loaded.path }, 'rule configuration');
  } catch (e) {
    if (e instanceof ConfigError) {
      err(`referat validate: ${e.message}`);
      return 2;
    }
    throw e;
  }

  const collected = await collectInputs(inputs.map((i) => resolve(cwd, i)));
  const { problems } = collected;
  // A file named twice (or reached through a folder and by name, or a link) is checked and counted once.
  const seen = new Set<string>();
  const files = collected.files.filter((f) => {
    let key = f.path;
    try {
      key = realpathSync(f.path);
    } catch {
      /* unreadable: reported when read */
    }
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const reports: FileReport[] = [];
  for (const p of problems) {
    const shown = displayPath(cwd, p.path);
    err(`referat validate: ${shown}: ${p.reason}`);
    reports.push({ path: shown, format: null, documentType: null, text: null, diagnostics: [], error: p.reason });
  }
  if (!files.length && !problems.length) {
    err('referat validate: no documents found (PDF, DOCX, HTML or text)');
    return 2;
  }
  // the readers (pdf.js, mammoth) load only when there is something to read
  const { convertFile } = await import('../convert.js');
  for (const file of files) {
    const shown = displayPath(cwd, file.path);
    try {
      const ctx = await convertFile(fsPath(file), { validate: validator(config), displayPath: shown, read: { ocr: opts.ocr } });
      const r = ctx.referat;
      reports.push({ path: shown, format: r.source.format, documentType: r.documentType, text: r.text, diagnostics: reportable(r.diagnostics), error: null, notMinutes: notMinutesReason(r) });
      log?.info({ file: shown, findings: r.diagnostics.length }, 'validated');
    } catch (e) {
      const reason = describeError(e);
      err(`referat validate: ${shown}: ${reason}`);
      log?.debug({ err: e, file: shown }, 'failed');
      reports.push({ path: shown, format: null, documentType: null, text: null, diagnostics: [], error: reason });
    }
  }

  const report: Report = {
    files: reports,
    rules: RULES.map((r) => ({ id: r.meta.id, description: r.meta.description, defaultSeverity: r.meta.defaultSeverity, level: config[r.meta.id] ?? r.meta.defaultSeverity })),
    version: VERSION,
    cwd,
  };
  out(formatter(report, { color: opts.color, quiet: opts.quiet }));

  // an input that does not exist or cannot be opened is a usage error; a document that cannot be read is a failed document
  if (problems.length > 0) return 2;
  if (reports.some((f) => f.error)) return 1;
  const all = counts(reports.flatMap((f) => f.diagnostics));
  if (all.errors > 0 || (opts.strict && all.warnings > 0)) return 1;
  return 0;
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
    .action(async (files: string[], opts: { format: FormatName; strict?: boolean; config?: string; rule: string[]; quiet?: boolean; ocr: OcrMode }) => {
      const log = createLogger({ json: program.opts().logJson, verbose: program.opts().verbose });
      const color = opts.format === 'human' && useColor(process.stdout);
      setExit(await runValidate(files, { ...opts, color }, log));
    });
}
