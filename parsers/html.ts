/**
 * Shared HTML-to-text reader (web pages and mammoth's DOCX output): drops page chrome (menus,
 * cookie banners, breadcrumbs, scripts), turns blocks into lines, list items into "- " / "N. "
 * lines, table rows into tab-separated lines, records heading lines, and removes UI text.
 *
 * The page is parsed by parse5, which builds the tree as a browser does (HTML5 tree construction:
 * `<tr><td>a<td>b` is a row of two cells, a `<p>` ends at the next block) in time linear in the input.
 * The tree is walked with explicit stacks, never by recursion, so that any nesting depth parse5
 * builds (100,000 nested elements) is read without overflowing the call stack.
 */
import { defaultTreeAdapter, parse, type DefaultTreeAdapterTypes } from 'parse5';
import type { Diagnostic } from '../schemas/referat.js';
import { IngestError, type ParsedText } from './types.js';
import { decodeBytes, cleanDecodedText, tryUtf8 } from './text.js';
import { stripUiText } from './ui-text.js';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

/**
 * Most elements the tree may get per character of HTML (and at least ELEMENT_FLOOR). A tag makes one
 * element from at least three characters; only HTML5's recovery makes more, by reopening formatting
 * elements that were left open (`<b id=1>…<b id=2000>` closed by a `</div>`, then 2,000 paragraphs that
 * each reopen all 2,000: four million elements from 29 KB, quadratic in the input). Real pages stay far
 * below one per character.
 */
const MAX_ELEMENTS_PER_CHAR = 2;
const ELEMENT_FLOOR = 10_000;
/** Nested list items indent their marker one space per level, up to this many (deeper lists would make each line as long as the nesting). */
const MAX_LIST_INDENT = 10;

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

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function tagOf(node: Node): string {
  return isElement(node) ? node.tagName.toLowerCase() : '';
}

function getAttribute(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

function hasAttribute(el: Element, name: string): boolean {
  return el.attrs.some((a) => a.name === name);
}

function childrenOf(node: Node): Node[] {
  return 'childNodes' in node ? node.childNodes : [];
}

function elementChildren(el: Element): Element[] {
  return el.childNodes.filter(isElement);
}

function isChrome(el: Element): boolean {
  const role = getAttribute(el, 'role')?.toLowerCase();
  if (role && CHROME_ROLES.has(role)) {
    // role="dialog" is how cookie banners announce themselves; a dialog that holds the document is unlikely
    return true;
  }
  if (hasAttribute(el, 'hidden') || getAttribute(el, 'aria-hidden') === 'true') return true;
  const style = getAttribute(el, 'style');
  if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
  const tokens = `${getAttribute(el, 'id') ?? ''} ${getAttribute(el, 'class') ?? ''}`.split(/\s+/).filter(Boolean);
  return tokens.some((t) => CHROME_TOKEN.test(t));
}

/** Every element under `root`, in document order (depth first, without recursion). */
function* descendants(root: Node): Generator<Element> {
  const stack: Node[] = [...childrenOf(root)].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    yield node;
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}

/** All the text under a node (its text content), entities decoded. */
function textContent(root: Node): string {
  if (root.nodeName === '#text') return (root as DefaultTreeAdapterTypes.TextNode).value;
  let s = '';
  const stack: Node[] = [...childrenOf(root)].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeName === '#text') s += (node as DefaultTreeAdapterTypes.TextNode).value;
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return s;
}

const CONTENT_SECTIONS = new Set(['article', 'main']);
const SECTION_DESCENDANTS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'article', 'section']);

/**
 * The list items that hold a page section (headings, tables, several blocks) rather than a list entry,
 * found for the whole page in one pass from the leaves up (asking each item about its subtree would
 * read nested lists again for every level).
 */
function containerItems(root: Node): Set<Element> {
  const order = [...descendants(root)];
  /** per element: a heading, table, article or section below it; how many div/p below it (counted up to 4) */
  const below = new Map<Element, { section: boolean; blocks: number }>();
  const containers = new Set<Element>();
  for (let i = order.length - 1; i >= 0; i--) {
    const el = order[i];
    const mine = below.get(el) ?? { section: false, blocks: 0 };
    if (tagOf(el) === 'li' && (mine.section || mine.blocks > 3)) containers.add(el);
    const parent = el.parentNode;
    if (!parent || !isElement(parent)) continue;
    const tag = tagOf(el);
    const up = below.get(parent) ?? { section: false, blocks: 0 };
    up.section ||= mine.section || SECTION_DESCENDANTS.has(tag);
    up.blocks = Math.min(4, up.blocks + mine.blocks + (tag === 'div' || tag === 'p' ? 1 : 0));
    below.set(parent, up);
    below.delete(el);
  }
  return containers;
}

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

/** The rows of a table, not descending into nested tables. */
function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of elementChildren(table)) {
    const t = tagOf(child);
    if (t === 'tr') rows.push(child);
    else if (t === 'thead' || t === 'tbody' || t === 'tfoot') rows.push(...elementChildren(child).filter((c) => tagOf(c) === 'tr'));
  }
  return rows;
}

/** A cell that holds one line of inline text (so its row can be one tab-separated line). */
function isSimpleCell(cell: Element): boolean {
  let blocks = 0;
  const stack = elementChildren(cell);
  while (stack.length > 0) {
    const el = stack.pop()!;
    const t = tagOf(el);
    if (t === 'table' || t === 'ul' || t === 'ol' || t === 'br' || HEADING.test(t)) return false;
    if (BLOCK_TAGS.has(t) && ++blocks > 1) return false;
    for (const c of el.childNodes) if (isElement(c)) stack.push(c);
  }
  return true;
}

/** The text of a cell, its pieces separated by spaces, without dropped elements and page chrome. */
function inlineText(root: Element): string {
  const parts: string[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeName === '#text') {
      parts.push((node as DefaultTreeAdapterTypes.TextNode).value);
      continue;
    }
    if (!isElement(node) || DROP_TAGS.has(tagOf(node)) || isChrome(node)) continue;
    for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]);
  }
  return parts.join(' ');
}

/** A step of the walk: a node to read, or what is left to do when an element's content has been read. */
type Step = Node | (() => void);

/** Where the walk is: what encloses the node it reads. */
interface WalkState {
  /** list items (with a marker) around the node, for indenting nested lists */
  ul: number;
  /** h1-h6 and summary elements around the node (an accordion button inside one is its heading) */
  headings: number;
  /** article and main elements around the node (their header and footer are content) */
  contentSections: number;
  containerItems: Set<Element>;
}

/** Reads the document's nodes in order into `b`: a depth-first walk on an explicit stack of steps. */
function walk(root: Node, b: LineBuilder, state: WalkState): void {
  const steps: Step[] = [root];
  /** Schedules steps to run next, in the given order. */
  const then = (...next: Step[]): void => {
    for (let i = next.length - 1; i >= 0; i--) steps.push(next[i]);
  };
  while (steps.length > 0) {
    const step = steps.pop()!;
    if (typeof step === 'function') step();
    else visit(step, b, state, then);
  }
}

function visit(node: Node, b: LineBuilder, state: WalkState, then: (...next: Step[]) => void): void {
  if (node.nodeName === '#text') {
    const t = (node as DefaultTreeAdapterTypes.TextNode).value;
    if (b.preDepth > 0) b.addPre(t);
    else b.add(t);
    return;
  }
  if (!isElement(node)) {
    // the document itself; comments and the doctype have no children
    then(...childrenOf(node));
    return;
  }
  const tag = tagOf(node);
  if (tag === 'title') return;
  // An accordion's toggle button carries the item heading it opens (aria-expanded/aria-controls, or inside
  // a heading); other buttons are page controls.
  const headingButton = tag === 'button' && (hasAttribute(node, 'aria-expanded') || hasAttribute(node, 'aria-controls') || state.headings > 0);
  if ((DROP_TAGS.has(tag) && !headingButton) || isChrome(node)) return;
  if ((tag === 'header' || tag === 'footer') && state.contentSections === 0) return;
  if (tag === 'br') {
    b.flush();
    return;
  }
  if (tag === 'table') {
    b.flush();
    visitTable(node, b, then);
    return;
  }
  if (tag === 'ul' || tag === 'ol' || tag === 'menu') {
    b.flush();
    visitList(node, tag === 'ol', b, state, then);
    return;
  }
  const block = BLOCK_TAGS.has(tag) || headingButton;
  const heading = HEADING.test(tag) || headingButton;
  const bold = BOLD.has(tag);
  const headingTag = HEADING_TAGS.has(tag);
  const contentSection = CONTENT_SECTIONS.has(tag);
  if (block) b.flush();
  if (heading) b.headingDepth++;
  if (bold) b.boldDepth++;
  if (tag === 'pre') b.preDepth++;
  if (headingTag) state.headings++;
  if (contentSection) state.contentSections++;
  then(...node.childNodes, () => {
    if (block) b.flush();
    if (tag === 'pre') b.preDepth--;
    if (bold) b.boldDepth--;
    if (heading) b.headingDepth--;
    if (headingTag) state.headings--;
    if (contentSection) state.contentSections--;
  });
}

function visitList(list: Element, ordered: boolean, b: LineBuilder, state: WalkState, then: (...next: Step[]) => void): void {
  const type = getAttribute(list, 'type');
  const start = Number.parseInt(getAttribute(list, 'start') ?? '', 10);
  const reversed = hasAttribute(list, 'reversed');
  const items = elementChildren(list).filter((c) => tagOf(c) === 'li');
  let n = Number.isFinite(start) ? start : reversed ? items.length : 1;
  const steps: Step[] = [];
  for (const child of list.childNodes) {
    if (tagOf(child) !== 'li') {
      steps.push(child);
      continue;
    }
    const li = child as Element;
    steps.push(() => {
      const value = Number.parseInt(getAttribute(li, 'value') ?? '', 10);
      if (ordered && Number.isFinite(value)) n = value;
      const label = n;
      n += reversed ? -1 : 1;
      if (state.containerItems.has(li)) {
        // a list used for page layout (agenda items as <li> with headings and sections): no marker
        b.flush();
        then(...li.childNodes, () => b.flush());
      } else {
        const indent = ' '.repeat(Math.min(state.ul, MAX_LIST_INDENT));
        b.setPrefix(ordered ? `${indent}${olLabel(label, type)}. ` : `${indent}- `);
        state.ul++;
        then(...li.childNodes, () => {
          state.ul--;
          b.flush(true);
        });
      }
    });
  }
  then(...steps, () => b.flush());
}

function visitTable(table: Element, b: LineBuilder, then: (...next: Step[]) => void): void {
  const steps: Step[] = [];
  for (const child of elementChildren(table)) {
    if (tagOf(child) === 'caption') steps.push(child, () => b.flush());
  }
  for (const row of tableRows(table)) {
    const cells = elementChildren(row).filter((c) => tagOf(c) === 'td' || tagOf(c) === 'th');
    if (cells.length === 0) continue;
    if (cells.length > 1 && cells.every(isSimpleCell)) {
      steps.push(() => {
        const texts = cells.map((c) => inlineText(c).replace(/[\s\u00a0]+/g, ' ').trim());
        while (texts.length > 0 && texts[texts.length - 1] === '') texts.pop();
        if (texts.length === 0) return;
        b.flush();
        b.add(texts.join(CELL_SEP));
        b.flush();
      });
    } else {
      // layout tables and cells with several blocks: each cell is a run of blocks of its own
      for (const cell of cells) steps.push(() => b.flush(), ...cell.childNodes, () => b.flush());
    }
  }
  then(...steps);
}

/** parse5's tree of the page, refused when HTML5's recovery would multiply the elements (see MAX_ELEMENTS_PER_CHAR). */
function parseBounded(html: string): DefaultTreeAdapterTypes.Document {
  const limit = Math.max(ELEMENT_FLOOR, MAX_ELEMENTS_PER_CHAR * html.length);
  let elements = 0;
  return parse(html, {
    treeAdapter: {
      ...defaultTreeAdapter,
      createElement(tagName, namespaceURI, attrs) {
        if (++elements > limit) {
          throw new IngestError(
            `unreadable HTML: formatting tags left open are reopened so often that the page would build more than ${limit} elements (${MAX_ELEMENTS_PER_CHAR} per character of HTML)`,
            'too-complex',
          );
        }
        return defaultTreeAdapter.createElement(tagName, namespaceURI, attrs);
      },
    },
  });
}

const norm = (s: string): string => s.toLowerCase().replace(/[\s\u00a0]+/g, ' ').trim();

/** Converts an HTML string to lines of text. */
export function htmlToText(html: string, opts: HtmlTextOptions = {}): HtmlText {
  const root = parseBounded(html);
  const b = new LineBuilder(opts);
  walk(root, b, { ul: 0, headings: 0, contentSections: 0, containerItems: containerItems(root) });
  b.flush();
  const lines = b.lines;

  if (opts.useTitle) {
    let titleEl: Element | undefined;
    const h1s: string[] = [];
    for (const el of descendants(root)) {
      const tag = tagOf(el);
      // an SVG icon's <title> is not the page's
      if (tag === 'title' && !titleEl && el.namespaceURI === HTML_NAMESPACE) titleEl = el;
      else if (tag === 'h1') h1s.push(norm(textContent(el)));
    }
    const title = titleEl ? textContent(titleEl).replace(/[\s\u00a0]+/g, ' ').trim() : '';
    if (title) {
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
    const isStart = new Set(headingStarts);
    let off = 0;
    text.split('\n').forEach((l, i) => {
      if (isStart.has(off)) headingLines.add(i);
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
