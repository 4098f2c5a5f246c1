/** Error-message helpers shared by the readers. */

/**
 * The first line of an error message, tidied for users: no stack, no tabs or control characters, no
 * "Error:" prefixes, no runs of undecodable bytes that a damaged file put into a parser's message,
 * at most 160 characters.
 */
export function shortReason(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  const line = (msg.split('\n').find((l) => l.trim() !== '') ?? '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
    .replace(/[\ufffd\ud800-\udfff]+/g, '�')
    .replace(/\s+/g, ' ')
    .replace(/^(?:\w*error:\s*)+/i, '')
    .replace(/^warning:\s*/i, '')
    .replace(/\[xmldom (?:error|warning)\]\s*/i, 'XML: ')
    .replace(/(\w) error: Error: /g, '$1 error: ')
    .replace(/!!+/g, '')
    .replace(/^Invalid PDF structure\.?$/i, 'invalid PDF structure')
    .trim();
  return (line || 'unknown error').slice(0, 160);
}
