/**
 * `referat validate <file...>`: reads PDF, DOCX, HTML or text, runs the pipeline and the rules, and
 * reports the findings for a secretariat about to publish (human output, --format json or sarif).
 * Exit code (src/commands/conventions.ts): 0 no error, 1 at least one error (--strict: or a warning) or a
 * document that cannot be read, 2 bad usage or an input that does not exist or cannot be opened (one line
 * on stderr naming the file and the reason).
 *
 * Each file is converted in a worker thread under the same time limit as `referat convert` (--timeout):
 * a document that takes longer fails ("timed out after 60 s") and its worker is replaced, so that no
 * input can make validate hang. One PDF or small text file under the default limit is converted in this
 * thread instead (see inlineFits), as `referat convert` converts one file: a worker would load every
 * module again before it starts.
 */
import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import type { Logger } from 'pino';
import { createLogger } from '../log.js';
import type { Diagnostic, Referat } from '../../schemas/referat.js';
import { DEFAULT_LIMITS } from '../../parsers/limits.js';
import { collectInputs, fsPath } from '../files.js';
import { VERSION } from '../version.js';
import { RULES, validator } from '../validate/index.js';
import { applyRuleOptions, ConfigError, loadConfigFile, type RuleConfig } from '../validate/config.js';
import { FORMATTERS, counts, notMinutesReason, type FileReport, type FormatName, type Report } from '../formatters/index.js';
import type { OcrMode } from '../../parsers/ocr.js';

export interface ValidateOptions {
  format?: FormatName;
  strict?: boolean;
  config?: string;
  rule?: string[];
  quiet?: boolean;
  color?: boolean;
  /** OCR of scanned PDF pages (default auto) */
  ocr?: OcrMode;
  /** per-file time limit in ms, as `referat convert --timeout` (default 60 s; 0 = none) */
  timeoutMs?: number;
  /** Working folder for .referatrc.json and relative paths (default: process.cwd()). */
  cwd?: string;
  /** Where the report goes (default: stdout) and one-line errors go (default: stderr). */
  out?: (s: string) => void;
  err?: (s: string) => void;
}

const RULE_IDS = new Set(RULES.map((r) => r.meta.id));

/** The largest text file converted in this thread: its analysis (linear in its size) ends far inside the default limit. */
const INLINE_TEXT_MAX_BYTES = 2 * 1024 * 1024;

/**
 * Whether the one file to check may be converted in this thread, where no time limit can end synchronous
 * work: under the default limit only (a --timeout given is kept by a worker), and only for a PDF, whose
 * reader keeps the limit itself (pdf.js runs in a thread of its own, ended at the limit), or a text file
 * small enough. DOCX and HTML, whose readers parse in this thread, go to a worker.
 */
function inlineFits(file: { path: string; raw?: Uint8Array }, timeoutGiven: boolean): boolean {
  if (timeoutGiven) return false;
  if (/\.pdf$/i.test(file.path)) return true;
  if (!/\.txt$/i.test(file.path)) return false;
  try {
    return statSync(fsPath(file)).size <= INLINE_TEXT_MAX_BYTES;
  } catch {
    return false; // unreadable: the worker reports it as it always has
  }
}

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
  // The readers (pdf.js, mammoth) load in the worker, only when there is something to read; where PDFs are
  // to be read the worker loads the PDF engine first, so that the time limit is the same for every format.
  const timeoutMs = opts.timeoutMs ?? DEFAULT_LIMITS.perFileTimeoutMs;
  const pool =
    files.length === 1 && inlineFits(files[0], opts.timeoutMs !== undefined)
      ? new (await import('../batch/inline.js')).InlineExecutor()
      : new (await import('../batch/pool.js')).WorkerPool({ size: 1, timeoutMs, warm: files.some((f) => /\.pdf$/i.test(f.path)), maxHeapMb: 4096 });
  try {
    for (const file of files) {
      const shown = displayPath(cwd, file.path);
      const result = await pool.run({
        path: file.path,
        rawPath: file.raw,
        displayPath: shown,
        output: '',
        documentId: '',
        outputFile: '',
        maxBytes: Number.MAX_SAFE_INTEGER,
        // the reader stops a runaway PDF itself a little before the pool would end the worker
        timeoutMs: timeoutMs > 0 ? Math.max(1000, timeoutMs - 1000) : 0,
        wantJson: false,
        wantRows: false,
        returnOutput: true,
        config,
        ocr: opts.ocr,
      });
      if (result.status === 'converted' && result.output !== undefined) {
        const r = JSON.parse(result.output) as Referat;
        reports.push({ path: shown, format: r.source.format, documentType: r.documentType, text: r.text, diagnostics: reportable(r.diagnostics), error: null, notMinutes: notMinutesReason(r) });
        log?.info({ file: shown, findings: r.diagnostics.length }, 'validated');
      } else {
        const reason = result.status === 'failed' ? result.reason : 'internal error: no result from the worker';
        err(`referat validate: ${shown}: ${reason}`);
        log?.debug({ file: shown, reason }, 'failed');
        reports.push({ path: shown, format: null, documentType: null, text: null, diagnostics: [], error: reason });
      }
    }
  } finally {
    await pool.close();
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
