/**
 * A failure's reason names the place and the kind, never the document's text (issue 17, point 8): the
 * reasons go into errors.ndjson, the manifest and the log, which are shared more widely than the
 * documents. Each document here fails where a name and an e-mail address stand.
 */
import JSZip from 'jszip';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { describeFailure } from '../../src/batch/errors.js';
import { ensureBuilt, place, readNdjson, runCli, sample, SAMPLES, tempDir } from './helpers.js';

const NAME = 'Jens Hansen';
const MAIL = 'jens.hansen@example.dk';
/** What must not leave the documents: the name's parts, the address and its domain. */
const PRIVATE = /Jens|Hansen|example\.dk|@/i;

let work: string;

beforeAll(() => {
  ensureBuilt();
  work = tempDir('private-reasons');
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

async function brokenDocx(part: string, edit: (xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(readFileSync(sample('003_e413edb90be0967c.docx')));
  zip.file(part, edit((await zip.file(part)?.async('string')) ?? ''));
  return zip.generateAsync({ type: 'nodebuffer' });
}

test('a DOCX whose XML breaks at a name or an e-mail address: the reason gives the part, line, column and kind, not the text', async () => {
  const dir = join(work, 'docx');
  mkdirSync(dir, { recursive: true });
  // xmldom quotes an unquoted attribute value, and a tag it cannot end, in its messages
  writeFileSync(join(dir, 'document.docx'), await brokenDocx('word/document.xml', (x) => x.replace('<w:body>', `<w:body>\n<w:p w:rsidR=${MAIL}><w:r><w:t>${NAME}</w:t></w:r></w:p>`)));
  writeFileSync(join(dir, 'styles.docx'), await brokenDocx('word/styles.xml', (x) => x.replace(/<w:style /, `<w:style w:styleId=${NAME.replace(' ', '.')} `)));
  writeFileSync(join(dir, 'numbering.docx'), await brokenDocx('word/numbering.xml', () => `<?xml version="1.0"?>\n<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:x="${MAIL}" ${NAME}`));
  const out = join(work, 'docx-out');
  const r = await runCli(['convert', dir, '--out', out, '--no-db', '--jobs', '1']);
  expect(r.code).toBe(1);
  const errors = readNdjson<{ input: string; reason: string; kind: string }>(join(out, 'errors.ndjson'));
  const reasons = Object.fromEntries(errors.map((e) => [e.input.replace(/^.*\//, ''), e.reason]));
  expect(reasons['document.docx']).toMatch(/^corrupt DOCX: malformed XML in word\/document\.xml at line 2, column \d+: an attribute value without quotes$/);
  expect(reasons['styles.docx']).toMatch(/^corrupt DOCX: malformed XML in word\/styles\.xml at line \d+, column \d+: an attribute value without quotes$/);
  expect(reasons['numbering.docx']).toMatch(/^corrupt DOCX: malformed XML in word\/numbering\.xml at line 2, column \d+: /);
  expect(errors.every((e) => e.kind === 'input')).toBe(true);
  expect(JSON.stringify(errors)).not.toMatch(PRIVATE);
  expect(r.stderr).not.toMatch(PRIVATE);
  expect(readFileSync(join(out, '.referat-manifest.ndjson'), 'utf8')).not.toMatch(PRIVATE);
}, 120_000);

test('an earlier output that is damaged where it holds a name: the log names the file, not what it says', async () => {
  const first = join(work, 'first');
  const second = join(work, 'second');
  place(join(SAMPLES, '001_7b1df9de962b88b2.txt'), join(first, 'a.txt'));
  place(join(SAMPLES, '000_94bc2a59beba3b57.txt'), join(second, 'b.txt'));
  const out = join(work, 'earlier-out');
  expect((await runCli(['convert', first, '--out', out])).code).toBe(0);
  // a.txt is not among the next run's inputs, so its output is read back for the tables
  writeFileSync(join(out, 'a.txt.json'), `{"${NAME}": ${MAIL}}`);
  const r = await runCli(['--log-json', 'convert', second, '--out', out]);
  const warning = r.stderr.split('\n').find((l) => l.includes('output not readable'));
  expect(warning).toBeDefined();
  expect(JSON.parse(warning!)).toMatchObject({ file: join(out, 'a.txt.json'), err: expect.stringMatching(/not valid JSON/) });
  expect(r.stderr).not.toMatch(PRIVATE);
}, 120_000);

test("an exception of our own whose message carries the document's text: the reason gives the kind and the place in our code", () => {
  let thrown: unknown;
  try {
    JSON.parse(`${NAME} <${MAIL}>`);
  } catch (e) {
    thrown = e;
  }
  const { reason, kind } = describeFailure(thrown);
  expect(kind).toBe('internal');
  expect(reason).toMatch(/^internal error: SyntaxError: not valid JSON \(a bug in referat/);
  expect(reason).not.toMatch(PRIVATE);
  // thrown in the conversion: the innermost frame of referat's code is the place
  const inCode = Object.assign(new RangeError(`no entry for '${NAME}' (${MAIL}) in "${NAME}"`), {
    stack: `RangeError: no entry for '${NAME}'\n    at Object.parse (node:internal/x:1:1)\n    at amounts (file:///opt/referat/dist/src/extract/amounts.js:120:7)\n    at run (file:///opt/referat/dist/src/pipeline.js:40:3)`,
  });
  const quoted = describeFailure(inCode).reason;
  expect(quoted).toMatch(/^internal error: RangeError: no entry for "…" \(…\) in "…" at src\/extract\/amounts\.js:120 \(a bug in referat/);
  expect(quoted).not.toMatch(PRIVATE);
});
