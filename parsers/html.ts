/**
 * Shared HTML-to-text reader (web pages and mammoth's DOCX output): drops page chrome (menus,
 * cookie banners, breadcrumbs, scripts), turns blocks into lines, list items into "- " / "N. "
 * lines, table rows into tab-separated lines, records heading lines, and removes UI text.
 */
import { HTMLElement, Node, NodeType, parse, TextNode } from 'node-html-parser';
import type { Diagnostic } from '../schemas/referat.js';
import type { ParsedText } from './types.js';
import { decodeBytes, cleanDecodedText, tryUtf8 } from './text.js';
import { stripUiText } from './ui-text.js';

// ---------------------------------------------------------------------------------------------

/** Elements whose content is never document text. */
const DROP_TAGS = new Set([
  'script', 'style', 'noscript', 'nav', 'aside', 'form', 'button', 'svg', 'template', 'iframe', 'object',
  'embed', 'select', 'textarea', 'input', 'canvas', 'video', 'audio', 'map', 'head', 'link', 'meta', 'img',
  'picture', 'dialog',
]);

const BLOCK_TAGS = new Set([
  'address', 'article', 'blockquote', 'body', 'center', 'dd', 'details', 'dl', 'dt', 'div', 'fieldset',
  'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'li',
  'main', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'ul',
  'caption', 'legend', 'menu', 'option',
]);

const HEADING = /^h[1-6]$/;
const BOLD = new Set(['b', 'strong']);
const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'summary']);
/** A bold line longer than this is emphasised text, not a heading. */
const MAX_BOLD_HEADING = 120;
/** Marks a table cell boundary inside a line until white space has been cleaned up. */
const CELL_SEP = '\u0001';

/** id/class tokens of page chrome: cookie banners, consent dialogs, breadcrumbs, menus, skip links. */
const CHROME_TOKEN =
  /^(?:cookie|consent|cybotcookiebot|breadcrumb|skip)|cookie|consent|breadcrumb|^(?:nav|navbar|navigation|menu|menus|mainmenu|topmenu|submenu|megamenu|sitemenu)$|^(?:nav|menu)[-_]|[-_](?:nav|menu|navigation)$|^skip[-_]?link/i;

const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'menu', 'menubar', 'dialog', 'alertdialog', 'search']);

function isChrome(el: HTMLElement): boolean {
  const role = el.getAttribute('role')?.toLowerCase();
  if (role && CHROME_ROLES.has(role)) {
    // role="dialog" is how cookie banners announce themselves; a dialog that holds the document is unlikely
    return true;
  }
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
  const tokens = `${el.getAttribute('id') ?? ''} ${el.getAttribute('class') ?? ''}`.split(/\s+/).filter(Boolean);
  return tokens.some((t) => CHROME_TOKEN.test(t));
}

function hasAncestor(el: HTMLElement, tags: Set<string>): boolean {
  for (let p = el.parentNode; p; p = p.parentNode) if (p.rawTagName && tags.has(p.rawTagName.toLowerCase())) return true;
  return false;
}

const CONTENT_SECTIONS = new Set(['article', 'main']);
const SVG = new Set(['svg']);

export interface HtmlTextOptions {
  /** keep tabs (mammoth writes Word tabs as \t): runs of white space containing a tab become one \t */
  preserveTabs?: boolean;
  /** apply the UI_TEXT rules (web pages: yes; Word documents: no) */
  stripUi?: boolean;
  /** put the <title> first when no h1 repeats it */
  useTitle?: boolean;
}

export interface HtmlText {
  text: string;
  headingStarts: number[];
  /** the lines, in order (text === lines.map(l => l.text).join("\n")) */
  lines: { text: string; heading: boolean }[];
}

class LineBuilder {
  lines: { text: string; heading: boolean }[] = [];
  private cur = '';
  private pendingPrefix: string | null = null;
  headingDepth = 0;
  preDepth = 0;
  /** Inside <b>/<strong>; a line whose every character is bold is a heading by typography. */
  boldDepth = 0;
  private boldChars = 0;
  private plainChars = 0;

  constructor(private readonly opts: HtmlTextOptions) {}

  add(s: string): void {
    this.cur += s;
    const visible = s.replace(/[\s\u00a0\u200b]+/g, '').length;
    if (this.boldDepth > 0) this.boldChars += visible;
    else this.plainChars += visible;
  }

  setPrefix(p: string): void {
    this.flush();
    this.pendingPrefix = p;
  }

  private clean(s: string): string {
    let t = s;
    if (this.opts.preserveTabs) {
      t = t.replace(/[ \n\r\f\v\u00a0\u2007\u202f]*\t[\s\u00a0]*/g, '\t').replace(/[ \n\r\f\v\u00a0\u2007\u202f\u200b]+/g, ' ');
    } else {
      t = t.replace(/[\s\u00a0\u2007\u202f\u200b]+/g, ' ');
    }
    // table cell separators survive the white-space clean-up
    return t.replace(/[ \t]*\u0001[ \t]*/g, '\t').replace(/^[ \t]+|[ \t]+$/g, '');
  }

  /** Ends the current line. `endOfItem`: a list item ends, so a marker still waiting is an empty item. */
  flush(endOfItem = false): void {
    let content = this.clean(this.cur);
    this.cur = '';
    const allBold = this.boldChars > 0 && this.plainChars === 0;
    this.boldChars = this.plainChars = 0;
    if (content !== '' && this.opts.stripUi) content = stripUiText(content) ?? '';
    if (content === '' && (this.pendingPrefix === null || !endOfItem)) return;
    const prefix = this.pendingPrefix;
    this.pendingPrefix = null;
    const text = prefix === null ? content : content === '' ? prefix.trimEnd() : prefix + content;
    this.lines.push({ text, heading: content !== '' && (this.headingDepth > 0 || (allBold && content.length <= MAX_BOLD_HEADING)) });
  }

  /** For <pre>: every source line becomes a line. */
  addPre(s: string): void {
    const parts = s.replace(/\r\n?/g, '\n').split('\n');
    parts.forEach((p, i) => {
      if (i > 0) this.flush();
      this.cur += p;
    });
  }
}

/** The label of item `n` of an ordered list of `type` ('a', 'A', 'i', 'I'; else numbers). */
export function olLabel(n: number, type: string | undefined): string {
  switch (type) {
    case 'a':
      return toLetters(n).toLowerCase();
    case 'A':
      return toLetters(n);
    case 'i':
      return toRoman(n).toLowerCase();
    case 'I':
      return toRoman(n);
    default:
      return String(n);
  }
}

function toLetters(n: number): string {
  let s = '';
  let v = n;
  while (v > 0) {
    v--;
    s = String.fromCharCode(65 + (v % 26)) + s;
    v = Math.floor(v / 26);
  }
  return s || String(n);
}

function toRoman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let s = '';
  let v = n;
  for (const [k, r] of table) while (v >= k) ((s += r), (v -= k));
  return s;
}

function tagOf(node: Node): string {
  return node instanceof HTMLElement ? (node.rawTagName ?? '').toLowerCase() : '';
}

function elementChildren(el: HTMLElement): HTMLElement[] {
  return el.childNodes.filter((n): n is HTMLElement => n instanceof HTMLElement);
}

/** A list item that holds a page section (headings, tables, several blocks) rather than a list entry. */
function isContainerItem(li: HTMLElement): boolean {
  return li.querySelector('h1,h2,h3,h4,h5,h6,table,article,section') !== null || li.querySelectorAll('div,p').length > 3;
}

/** The rows of a table, not descending into nested tables. */
function tableRows(table: HTMLElement): HTMLElement[] {
  const rows: HTMLElement[] = [];
  for (const child of elementChildren(table)) {
    const t = tagOf(child);
    if (t === 'tr') rows.push(child);
    else if (t === 'thead' || t === 'tbody' || t === 'tfoot') rows.push(...elementChildren(child).filter((c) => tagOf(c) === 'tr'));
  }
  return rows;
}

/** A cell that holds one line of inline text (so its row can be one tab-separated line). */
function isSimpleCell(cell: HTMLElement): boolean {
  let blocks = 0;
  let simple = true;
  const visit = (el: HTMLElement): void => {
    for (const c of elementChildren(el)) {
      const t = tagOf(c);
      if (t === 'table' || t === 'ul' || t === 'ol' || t === 'br' || HEADING.test(t)) simple = false;
      else if (BLOCK_TAGS.has(t)) {
        blocks++;
        visit(c);
      } else visit(c);
      if (!simple) return;
    }
  };
  visit(cell);
  return simple && blocks <= 1;
}

function inlineText(el: Node): string {
  if (el instanceof TextNode) return el.text;
  if (!(el instanceof HTMLElement)) return '';
  const t = tagOf(el);
  if (DROP_TAGS.has(t) || (el instanceof HTMLElement && isChrome(el))) return '';
  return el.childNodes.map(inlineText).join(' ');
}

/** `listDepth.ul`: how many list items (with a marker) enclose the node, for indenting nested lists. */
function walk(node: Node, b: LineBuilder, listDepth: { ul: number }, opts: HtmlTextOptions): void {
  if (node.nodeType === NodeType.TEXT_NODE) {
    const t = (node as TextNode).text;
    if (b.preDepth > 0) b.addPre(t);
    else b.add(t);
    return;
  }
  if (!(node instanceof HTMLElement)) return; // comments
  const tag = tagOf(node);
  if (tag === 'title') return;
  // An accordion's toggle button carries the item heading it opens (aria-expanded/aria-controls, or inside
  // a heading); other buttons are page controls.
  const headingButton = tag === 'button' && (node.hasAttribute('aria-expanded') || node.hasAttribute('aria-controls') || hasAncestor(node, HEADING_TAGS));
  if ((DROP_TAGS.has(tag) && !headingButton) || isChrome(node)) return;
  if ((tag === 'header' || tag === 'footer') && !hasAncestor(node, CONTENT_SECTIONS)) return;
  if (tag === 'br') {
    b.flush();
    return;
  }
  if (tag === 'table') {
    b.flush();
    walkTable(node, b, listDepth, opts);
    return;
  }
  if (tag === 'ul' || tag === 'ol' || tag === 'menu') {
    b.flush();
    const ordered = tag === 'ol';
    const type = node.getAttribute('type') ?? undefined;
    const start = Number.parseInt(node.getAttribute('start') ?? '', 10);
    const reversed = node.hasAttribute('reversed');
    const items = elementChildren(node).filter((c) => tagOf(c) === 'li');
    let n = Number.isFinite(start) ? start : reversed ? items.length : 1;
    for (const child of node.childNodes) {
      if (tagOf(child) !== 'li') {
        walk(child, b, listDepth, opts);
        continue;
      }
      const li = child as HTMLElement;
      const value = Number.parseInt(li.getAttribute('value') ?? '', 10);
      if (ordered && Number.isFinite(value)) n = value;
      if (isContainerItem(li)) {
        // a list used for page layout (agenda items as <li> with headings and sections): no marker
        b.flush();
        for (const c of li.childNodes) walk(c, b, listDepth, opts);
        b.flush();
      } else {
        const indent = ' '.repeat(listDepth.ul);
        b.setPrefix(ordered ? `${indent}${olLabel(n, type)}. ` : `${indent}- `);
        listDepth.ul++;
        for (const c of li.childNodes) walk(c, b, listDepth, opts);
        listDepth.ul--;
        b.flush(true);
      }
      n += reversed ? -1 : 1;
    }
    b.flush();
    return;
  }
  const block = BLOCK_TAGS.has(tag) || headingButton;
  const heading = HEADING.test(tag) || headingButton;
  const bold = BOLD.has(tag);
  if (block) b.flush();
  if (heading) b.headingDepth++;
  if (bold) b.boldDepth++;
  if (tag === 'pre') b.preDepth++;
  for (const c of node.childNodes) walk(c, b, listDepth, opts);
  if (block) b.flush();
  if (tag === 'pre') b.preDepth--;
  if (bold) b.boldDepth--;
  if (heading) b.headingDepth--;
}

function walkTable(table: HTMLElement, b: LineBuilder, listDepth: { ul: number }, opts: HtmlTextOptions): void {
  for (const child of elementChildren(table)) {
    if (tagOf(child) === 'caption') {
      walk(child, b, listDepth, opts);
      b.flush();
    }
  }
  for (const row of tableRows(table)) {
    const cells = elementChildren(row).filter((c) => tagOf(c) === 'td' || tagOf(c) === 'th');
    if (cells.length === 0) continue;
    if (cells.length > 1 && cells.every(isSimpleCell)) {
      const texts = cells.map((c) => inlineText(c).replace(/[\s\u00a0]+/g, ' ').trim());
      while (texts.length > 0 && texts[texts.length - 1] === '') texts.pop();
      if (texts.length === 0) continue;
      const hasHeading = cells.some((c) => c.querySelector('h1,h2,h3,h4,h5,h6') !== null);
      b.flush();
      if (hasHeading) b.headingDepth++;
      b.add(texts.join(CELL_SEP));
      b.flush();
      if (hasHeading) b.headingDepth--;
    } else {
      // layout tables and cells with several blocks: each cell is a run of blocks of its own
      for (const cell of cells) {
        b.flush();
        for (const c of cell.childNodes) walk(c, b, listDepth, opts);
        b.flush();
      }
    }
  }
}

const norm = (s: string): string => s.toLowerCase().replace(/[\s\u00a0]+/g, ' ').trim();

/** Converts an HTML string to lines of text. */
export function htmlToText(html: string, opts: HtmlTextOptions = {}): HtmlText {
  const root = parse(html.replace(/<!doctype[^>]*>/gi, '').replace(/<\?xml[^>]*\?>/gi, ''), {
    lowerCaseTagName: false,
    comment: false,
    blockTextElements: { script: false, noscript: false, style: false, pre: true },
  });
  const b = new LineBuilder(opts);
  walk(root, b, { ul: 0 }, opts);
  b.flush();
  const lines = b.lines;

  if (opts.useTitle) {
    const titleEl = root.querySelectorAll('title').find((t) => !hasAncestor(t, SVG));
    const title = titleEl ? titleEl.text.replace(/[\s\u00a0]+/g, ' ').trim() : '';
    if (title) {
      const h1s = root.querySelectorAll('h1').map((h) => norm(h.text));
      const t = norm(title);
      const repeated = h1s.some((h) => h === t || (h.length > 0 && h.includes(t)));
      if (!repeated) lines.unshift({ text: title, heading: false });
    }
  }

  const headingStarts: number[] = [];
  let offset = 0;
  const out: string[] = [];
  for (const l of lines) {
    if (l.heading) headingStarts.push(offset);
    out.push(l.text);
    offset += l.text.length + 1;
  }
  return { text: out.join('\n'), headingStarts, lines };
}

/** The charset a page declares in <meta charset> / http-equiv, if any. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_:.-]+)/i.exec(head);
  return m ? m[1].toLowerCase() : null;
}

/** Reads an HTML page. */
export function readHtml(input: Uint8Array): ParsedText {
  const charset = declaredCharset(input);
  const decoded =
    tryUtf8(input) !== null || !charset ? decodeBytes(input) : decodeBytes(input, charset === 'iso-8859-1' ? 'windows-1252' : charset);
  const diagnostics: Diagnostic[] = [];
  const { text, headingStarts } = htmlToText(decoded.text, { stripUi: true, useTitle: true });
  const norm2 = cleanDecodedText(text, { pages: false });
  diagnostics.push(...norm2.diagnostics);
  // cleanDecodedText only replaces characters one-for-one or repairs words inside lines; when the length changed
  // (NUL removal, mojibake repair), heading offsets are recomputed from line positions.
  let starts = headingStarts;
  if (norm2.text.length !== text.length) {
    const headingLines = new Set<number>();
    let off = 0;
    text.split('\n').forEach((l, i) => {
      if (headingStarts.includes(off)) headingLines.add(i);
      off += l.length + 1;
    });
    starts = [];
    off = 0;
    norm2.text.split('\n').forEach((l, i) => {
      if (headingLines.has(i)) starts.push(off);
      off += l.length + 1;
    });
  }
  return { format: 'html', text: norm2.text, pageStarts: null, headingStarts: starts, encoding: decoded.encoding, diagnostics };
}
