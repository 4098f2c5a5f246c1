/**
 * Issue 17.7: a DOCX reader failure gets the right kind. A TypeError inside mammoth on an invalid document
 * (a part that is not XML, a reference to a relationship or note that does not exist) is the input's
 * fault and says what is wrong; on a document that looks valid it is a bug in the reader, reported as an
 * internal error with the hint to report it. Before, both were "corrupt DOCX: Cannot read properties of
 * null (reading 'tagName')".
 */
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { readDocument } from '../../parsers/index.js';
import { IngestError, ReaderBugError } from '../../parsers/types.js';
import { describeFailure, REPORT_HINT } from '../../src/batch/errors.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const CONTENT_TYPES =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const PACKAGE_RELS =
  '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const documentXml = (body: string) => `<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`;
const PARAGRAPH = '<w:p><w:r><w:t>Referat af mødet</w:t></w:r></w:p>';

/** A small Word document: the package parts plus `parts` (null drops one). */
async function docx(parts: Record<string, string | null> = {}): Promise<Buffer> {
  const zip = new JSZip();
  const all: Record<string, string | null> = { '[Content_Types].xml': CONTENT_TYPES, '_rels/.rels': PACKAGE_RELS, 'word/document.xml': documentXml(PARAGRAPH), ...parts };
  for (const [name, text] of Object.entries(all)) if (text !== null) zip.file(name, text);
  return zip.generateAsync({ type: 'nodebuffer' });
}

async function failure(bytes: Buffer): Promise<unknown> {
  try {
    await readDocument(bytes, { path: 'crafted.docx' });
  } catch (e) {
    return e;
  }
  throw new Error('the document was read');
}

afterEach(() => vi.restoreAllMocks());

describe('DOCX failures have the right kind (issue 17.7)', () => {
  test('the crafted document itself is read', async () => {
    expect((await readDocument(await docx(), { path: 'crafted.docx' })).text).toBe('Referat af mødet');
  });

  test.each([
    ['word/styles.xml', 'not XML at all'],
    ['word/numbering.xml', 'garbage'],
    ['word/_rels/document.xml.rels', '\u0000\u0001'],
  ])('a part that is not XML (%s): the input, naming the part', async (part, text) => {
    const e = await failure(await docx({ [part]: text }));
    expect(e).toBeInstanceOf(IngestError);
    expect((e as IngestError).reason).toBe(`corrupt DOCX: ${part} is not XML`);
    expect(describeFailure(e).kind).toBe('input');
  });

  test('a hyperlink or picture whose relationship does not exist: the input, naming the relationship', async () => {
    const link = documentXml('<w:p><w:hyperlink r:id="rId9"><w:r><w:t>Bilag</w:t></w:r></w:hyperlink></w:p>');
    expect(describeFailure(await failure(await docx({ 'word/document.xml': link })))).toEqual({
      reason: 'corrupt DOCX: word/document.xml refers to relationship "rId9", which word/_rels/document.xml.rels does not define',
      kind: 'input',
    });
  });

  test('a footnote reference without the footnote: the input', async () => {
    const ref = documentXml('<w:p><w:r><w:t>Se note</w:t></w:r><w:r><w:footnoteReference w:id="5"/></w:r></w:p>');
    expect((await failure(await docx({ 'word/document.xml': ref })) as IngestError).reason).toBe('corrupt DOCX: word/document.xml refers to footnote 5, which the document does not have');
  });

  test('mammoth failing with a TypeError on a document that looks valid: an internal error with the hint to report it', async () => {
    vi.spyOn(mammoth, 'convertToHtml').mockRejectedValueOnce(new TypeError("Cannot read properties of null (reading 'tagName')"));
    const e = await failure(await docx());
    expect(e).toBeInstanceOf(ReaderBugError);
    expect(describeFailure(e)).toEqual({
      reason: `internal error: the DOCX reader (mammoth) failed on a document that looks valid: Cannot read properties of null (reading 'tagName') (${REPORT_HINT})`,
      kind: 'internal',
    });
  });

  test("mammoth's own error for a document without a body stays the input's fault", async () => {
    const e = await failure(await docx({ 'word/document.xml': `<?xml version="1.0"?><w:document ${W}></w:document>` }));
    expect(describeFailure(e)).toEqual({ reason: 'corrupt DOCX: Could not find the body element: are you sure this is a docx file?', kind: 'input' });
  });

  test('a TypeError in any reader is a bug in it, not an unreadable input', async () => {
    vi.spyOn(mammoth, 'convertToHtml').mockResolvedValueOnce({ value: null as unknown as string, messages: [] });
    const e = await failure(await docx());
    expect(e).toBeInstanceOf(ReaderBugError);
    expect(describeFailure(e)).toMatchObject({ kind: 'internal', reason: expect.stringMatching(/^internal error: the DOCX reader failed: .* \(a bug in referat; please report it with the file\)$/) });
  });
});
