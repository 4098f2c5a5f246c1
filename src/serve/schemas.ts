/**
 * The review server's HTTP contract as zod schemas: what a request may carry besides the file, and
 * what each endpoint answers. Responses are parsed with these before they are sent, and the OpenAPI
 * document (openapi.ts) is generated from them, so the published description cannot drift from what
 * the server does.
 */
import { z } from 'zod';
import { Diagnostic, DocumentType, Format, Referat, Severity } from '../../schemas/referat.js';
import { LEVELS } from '../validate/config.js';
import { RULES } from '../validate/index.js';

export const RuleLevel = z.enum(LEVELS);

const RULE_IDS = RULES.map((r) => r.meta.id);

/** The `rules` form field: {"rule-id": "off" | "info" | "warning" | "error"}, applied on top of the server's configuration. */
export const RulesField = z
  .record(z.string(), RuleLevel)
  .superRefine((rules, ctx) => {
    for (const id of Object.keys(rules)) {
      if (!RULE_IDS.includes(id)) ctx.addIssue({ code: 'custom', message: `ukendt regel "${id}" (kendte regler: ${RULE_IDS.join(', ')})`, path: [id] });
    }
  })
  .describe('rule overrides for this check, e.g. {"placeholder": "off"}');

export const RuleInfo = z.object({
  id: z.string(),
  description: z.string().describe('what the rule checks, in Danish'),
  defaultSeverity: Severity,
  level: RuleLevel.describe('the level in force (server configuration plus this request\'s overrides)'),
});

export const RulesResponse = z.object({
  rules: z.array(RuleInfo),
  /** where the server's own configuration came from */
  config: z.string().nullable().describe('the configuration file the server read, or null'),
});

/** A finding as `referat validate --format json` prints it: the diagnostic plus page, line and column. */
export const LocatedDiagnostic = Diagnostic.extend({
  page: z.number().int().positive().nullable().describe('the page (PDF), as span.page'),
  line: z.number().int().positive().nullable(),
  column: z.number().int().positive().nullable(),
  endLine: z.number().int().positive().nullable(),
  endColumn: z.number().int().positive().nullable(),
});

/** One file's entry in `referat validate --format json`. */
export const FileValidation = z.object({
  file: z.string(),
  format: Format.nullable(),
  documentType: DocumentType.nullable(),
  error: z.string().nullable(),
  notMinutes: z.string().nullable().describe('why the file does not look like minutes (no items, no minutes or agenda header), or null'),
  errorCount: z.number().int().nonnegative(),
  warningCount: z.number().int().nonnegative(),
  infoCount: z.number().int().nonnegative(),
  diagnostics: z.array(LocatedDiagnostic),
});

export const ValidateResponse = z.array(FileValidation).describe('the same as `referat validate --format json` on the uploaded file');

export const Verdict = z.object({
  ready: z.boolean().describe('no finding of severity error'),
  label: z.string().describe('"Klar til offentliggørelse" or "Ikke klar til offentliggørelse"'),
});

export const Timings = z.object({
  queueMs: z.number().nonnegative().describe('waiting for a free worker'),
  convertMs: z.number().nonnegative().describe('reading, analysing and checking in the worker'),
  totalMs: z.number().nonnegative().describe('from the end of the upload to the response'),
});

export const ReviewResponse = z.object({
  file: z.string(),
  verdict: Verdict,
  report: FileValidation,
  referat: Referat,
  pageStarts: z.array(z.number().int().nonnegative()).nullable().describe('offsets in referat.text where each PDF page starts'),
  rules: z.array(RuleInfo),
  sarif: z.record(z.string(), z.unknown()).describe('the SARIF 2.1.0 log of the same findings'),
  timings: Timings,
});

export const ErrorResponse = z.object({
  error: z.string().describe('the reason, as the CLI gives it'),
  file: z.string().nullable().describe('the uploaded file name, when there was one'),
  message: z.string().describe('one line: file and reason'),
});

export const Health = z.object({
  status: z.literal('ok'),
  version: z.string(),
  workers: z.number().int().positive(),
  running: z.number().int().nonnegative(),
  queued: z.number().int().nonnegative(),
});

export type RuleInfo = z.infer<typeof RuleInfo>;
export type FileValidation = z.infer<typeof FileValidation>;
export type ReviewResponse = z.infer<typeof ReviewResponse>;
export type ErrorResponse = z.infer<typeof ErrorResponse>;
