/**
 * Where a Word document's XML is broken. mammoth stops at the first XML error without saying in which
 * part or where, and its parser (xmldom) quotes what it stopped at; the reason is rebuilt here from the
 * part, the line and column, and the kind of damage, with nothing of the text.
 */
import { createRequire } from 'node:module';
import type JSZip from 'jszip';
import { IngestError } from './types.js';
import { isXmlParserMessage, withoutContent, xmlProblem } from './errors.js';

type ErrorCallback = (level: string, message: string) => void;
interface XmlDom {
  DOMParser: new (options: { locator: object; errorHandler: ErrorCallback }) => { parseFromString(text: string, mimeType: string): unknown };
}

/** mammoth's own xmldom (resolved from mammoth's folder), so the parser that failed is the one run again. */
function mammothXmlDom(): XmlDom {
  const mammoth = createRequire(import.meta.url).resolve('mammoth');
  return createRequire(mammoth)('@xmldom/xmldom') as XmlDom;
}

/** The parts mammoth reads, in the order it reads them; the others (themes, docProps) after them. */
const READ_ORDER = [
  '[Content_Types].xml', '_rels/.rels', 'word/_rels/document.xml.rels', 'word/document.xml', 'word/styles.xml',
  'word/numbering.xml', 'word/footnotes.xml', 'word/endnotes.xml', 'word/comments.xml',
];
const rank = (name: string) => (READ_ORDER.includes(name) ? READ_ORDER.indexOf(name) : READ_ORDER.length);

interface XmlFault {
  part: string;
  problem: string;
  /** every kind of damage the parser met in the part */
  problems: Set<string>;
  line?: number;
  column?: number;
}

async function firstFault(zip: JSZip, name: string, DOMParser: XmlDom['DOMParser']): Promise<XmlFault | null> {
  let fault: XmlFault | null = null;
  const text = await zip.file(name)!.async('string');
  const errorHandler: ErrorCallback = (_level, message) => {
    const problem = xmlProblem(message.replace(/^\[xmldom \w+\]\s*/, ''));
    if (fault) return void fault.problems.add(problem);
    const at = /#\[line:(\d+),col:(\d+)\]/.exec(message);
    fault = { part: name, problem, problems: new Set([problem]), line: at ? +at[1] : undefined, column: at ? +at[2] : undefined };
  };
  try {
    new DOMParser({ locator: {}, errorHandler }).parseFromString(text, 'text/xml');
  } catch (e) {
    errorHandler('fatalError', e instanceof Error ? e.message : String(e));
  }
  return fault;
}

/**
 * For an xmldom error from reading `zip`: the reason with the part, the line and column and the kind
 * (`corrupt DOCX: malformed XML in word/styles.xml at line 2, column 118: an attribute value without
 * quotes`); null for other errors.
 */
export async function locateXmlError(zip: JSZip, e: unknown): Promise<IngestError | null> {
  if (!isXmlParserMessage(e)) return null;
  const expected = xmlProblem(e instanceof Error ? e.message : String(e));
  const names = Object.keys(zip.files)
    .filter((n) => !zip.files[n].dir && /\.(?:xml|rels)$/i.test(n))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const { DOMParser } = mammothXmlDom();
  let first: XmlFault | null = null;
  for (const name of names) {
    const fault = await firstFault(zip, name, DOMParser);
    if (!fault) continue;
    first ??= fault;
    // the part whose damage is the kind mammoth met (mammoth names the last): a theme's quirk is not what stopped it
    if (fault.problems.has(expected)) {
      first = fault;
      break;
    }
  }
  if (!first) return null;
  const where = first.line !== undefined ? ` at line ${first.line}, column ${first.column}` : '';
  return new IngestError(`corrupt DOCX: malformed XML in ${withoutContent(first.part).slice(0, 80)}${where}: ${first.problem}`, 'corrupt');
}
