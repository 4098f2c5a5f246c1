import type { Diagnostic, Severity, Span } from '../schemas/referat.js';

/** Builds a diagnostic with every key present (the schema has no optional keys). */
export function diagnostic(
  code: string,
  severity: Severity,
  message: string,
  where: { span?: Span | null; item?: number | null; quote?: string | null } = {},
): Diagnostic {
  return { code, severity, message, span: where.span ?? null, item: where.item ?? null, quote: where.quote ?? null };
}
