/**
 * JSON output: an array with one object per file: the file, its document type, the counts, and the
 * diagnostics (as in the `diagnostics` array of `referat convert`, plus line and column of the span in
 * the extracted text, and the page: for a PDF, page and item are the place a person looks up).
 * `notMinutes` gives the reason when the file does not look like minutes, else null.
 */
import { LineIndex } from './location.js';
import { counts, type Formatter } from './types.js';

export const json: Formatter = (report) => {
  const files = report.files.map((f) => {
    const index = f.text != null ? new LineIndex(f.text) : null;
    const c = counts(f.diagnostics);
    return {
      file: f.path,
      format: f.format,
      documentType: f.documentType,
      error: f.error,
      notMinutes: f.notMinutes ?? null,
      errorCount: c.errors,
      warningCount: c.warnings,
      infoCount: c.infos,
      diagnostics: f.diagnostics.map((d) => {
        const start = d.span && index ? index.at(d.span.start) : null;
        const end = d.span && index ? index.at(d.span.end) : null;
        return { ...d, page: d.span?.page ?? null, line: start?.line ?? null, column: start?.column ?? null, endLine: end?.line ?? null, endColumn: end?.column ?? null };
      }),
    };
  });
  return JSON.stringify(files, null, 2) + '\n';
};
