/** Error-message helpers shared by the readers. */

/** The first line of an error message, tidied for users: no stack, no tabs, no "Error:" prefixes, ≤ 160 chars. */
export function shortReason(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  const line = (msg.split('\n').find((l) => l.trim() !== '') ?? '')
    .replace(/\s+/g, ' ')
    .replace(/^(?:\w*error:\s*)+/i, '')
    .replace(/\[xmldom error\]\s*/i, 'XML: ')
    .replace(/^Invalid PDF structure\.?$/i, 'invalid PDF structure')
    .trim();
  return (line || 'unknown error').slice(0, 160);
}
