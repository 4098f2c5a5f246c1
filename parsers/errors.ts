/**
 * Error-message helpers shared by the readers. A reason goes into errors.ndjson, the manifest and the
 * log, which are not as private as the documents: it names the place and the kind of damage, never the
 * document's content (parsers echo what they choke on: an attribute value, a tag name, a JSON snippet).
 */

/**
 * The first line of an error message, tidied for users: no stack, no tabs or control characters, no
 * "Error:" prefixes, no runs of undecodable bytes that a damaged file put into a parser's message,
 * nothing the parser quoted from the document, at most 160 characters.
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
    .replace(/\[xmldom (?:error|warning|fatalError)\]\s*(.*)$/i, (_, m: string) => `XML: ${xmlProblem(m)}`)
    .replace(/(\w) error: Error: /g, '$1 error: ')
    .replace(/!!+/g, '')
    .replace(/^Invalid PDF structure\.?$/i, 'invalid PDF structure')
    .trim();
  return (withoutContent(line) || 'unknown error').slice(0, 160);
}

/**
 * A message with what it quotes from the input left out: quoted runs, e-mail addresses and web
 * addresses become "…" (punctuation in quotes stays), V8's JSON snippet becomes "not valid JSON", and a word after a final colon
 * ('Unknown PatternName: …', pdf.js's way of naming what it met) goes too; numbers (offsets, counts,
 * sizes) stay, as they name places.
 */
export function withoutContent(message: string): string {
  return message
    .replace(/^Unexpected token .*(?:is not valid JSON|in JSON at position (\d+))$/, (_, at?: string) => `not valid JSON${at ? ` (at position ${at})` : ''}`)
    // V8's "(reading 'tagName')" names a property of our code, not of the document
    .replace(/\((?:reading|setting) '[\w$]+'\)|"[^"]*"|“[^”]*”|«[^»]*»|(^|[\s(:=,[])'[^']*'/g, (m: string, before?: string) =>
      /^\((?:reading|setting) /.test(m) || !/[\p{L}\p{N}]/u.test(m) ? m : `${before ?? ''}"…"`,
    )
    .replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, '…')
    .replace(/[^\s"'<>()[\]@,;:]+(?:@|\s*\(at\)\s*)[^\s"'<>()[\]@,;:]+\.[a-z]{2,}/gi, '…')
    .replace(/(:\s*)(?=\S*\p{L}\S*\p{L})[^\s:,]+\.?$/u, '$1…');
}

/**
 * What an xmldom message says, in words of our own: xmldom quotes the attribute value or the tag name
 * it stopped at (a name, an e-mail address in a Word document).
 */
const XML_PROBLEMS: [RegExp, string][] = [
  [/missed (?:start )?quot|attribute value must after|missed value/i, 'an attribute value without quotes'],
  [/attribute value no end/i, 'an attribute value that does not end'],
  [/attribute space is required/i, 'attributes without a space between them'],
  [/redefined/i, 'an attribute given twice'],
  [/unclosed xml attribute/i, 'a start tag that does not end'],
  [/^end tag name/i, 'an end tag that does not match its start tag'],
  [/invalid tagName/i, 'an invalid element name'],
  [/entity not found/i, 'an unknown entity'],
  [/unclosed comment/i, 'a comment that does not end'],
  [/unexpected end of input/i, 'the XML ends too early (cut off?)'],
  [/Hierarchy request error|only one element/i, 'text or elements outside the root element (cut off?)'],
  [/element parse error/i, 'an element that cannot be parsed'],
];

export function xmlProblem(message: string): string {
  return XML_PROBLEMS.find(([re]) => re.test(message))?.[1] ?? 'malformed XML';
}

/** True for the messages of xmldom (the XML parser inside mammoth). */
export function isXmlParserMessage(e: unknown): boolean {
  return /\[xmldom (?:error|warning|fatalError)\]/i.test(e instanceof Error ? e.message : String(e));
}
