/**
 * A document viewer's transcript of a PDF (docplayer.dk and the like), saved as text: after a
 * "Transkript" line every page of the PDF is one line led by its page number ("2 Indholdsfortegnelse
 * Side 1. Godkendelse …", "3 1. Godkendelse af dagsorden Dok.nr.: …"). The page numbers are the
 * viewer's, not the document's text: read as page breaks, they give the pages back and no longer stand
 * in front of the item headings.
 */
import { TRANSCRIPT_MARKER, TRANSCRIPT_PAGE_FOOTER } from '../src/vocabulary/layout.js';

const PAGE_LINE = /^(\d{1,4})[ \t]+(?=\S)/;

/**
 * The text as pages, each page's leading number removed, when the text is such a transcript (page
 * lines numbered 1, 2, 3 … after the marker line, and nothing else but blank lines); otherwise null.
 */
export function transcriptPages(text: string): string[] | null {
  const lines = text.split('\n');
  const marker = lines.findIndex((l) => TRANSCRIPT_MARKER.test(l.trim()));
  if (marker < 0) return null;
  const pages: string[] = [lines.slice(0, marker + 1).join('\n')];
  let expected = 1;
  let current: string[] | null = null;
  for (let i = marker + 1; i < lines.length; i++) {
    const line = lines[i];
    const m = PAGE_LINE.exec(line.trimStart());
    if (m && Number(m[1]) === expected) {
      if (current) pages.push(withoutFooter(current));
      current = [line.trimStart().slice(m[0].length)];
      expected++;
      continue;
    }
    // Only blank lines, or the wrapped rest of a page line, stand between page lines.
    if (!current) {
      if (line.trim()) return null;
      pages[0] += '\n' + line;
      continue;
    }
    current.push(line);
  }
  if (!current) return null;
  pages.push(withoutFooter(current));
  // The viewer's frame before the first page is page 1's head: the document's title as the viewer shows it.
  const [frame, first, ...rest] = pages;
  return [frame + '\n' + first, ...rest];
}

/** A page's lines without the page number it ends with (its footer, kept as a page break only). */
function withoutFooter(page: string[]): string {
  const last = page.length - 1 - [...page].reverse().findIndex((l) => l.trim());
  if (last < page.length) page[last] = page[last].replace(TRANSCRIPT_PAGE_FOOTER, '');
  return page.join('\n');
}
