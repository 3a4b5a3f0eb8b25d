/**
 * HTML stage, last: the cleaned tree written as the Markdown the forum export has, one block per
 * paragraph, heading, list, quote, code block or table, each line with the line of the raw file
 * it comes from. Headings stay headings (`<h1>HIGHLIGHTS</h1>` -> `# HIGHLIGHTS`), title links stay
 * links (`<strong><a href="https://arxiv.org/abs/...">Title</a></strong>` -> `**[Title](https://...)**`),
 * emphasis is `_x_`, strong `**x**`, struck text `~~x~~`, code `` `x` ``, a `<pre>` a fenced block
 * with its indentation, a list item `- x` or `1. x`, a quote `> x`, a data table a GFM table.
 *
 * The text is escaped so that it reads back as written (`\*`, `\_`, `\[`, a `#` or `1.` that
 * starts a line), and spaces at the edges of emphasis, strong text and links stand outside them,
 * as the page shows them: `<a>Title </a><em>(Ann)</em>` is `[Title](url) _(Ann)_`.
 *
 * An element that may only hold text (`<span>`, `<a>`, `<font>`) but holds blocks (an email's
 * `<a><div>...</div></a>`, a `<table>` inside a `<span>`) is read as the blocks it holds.
 */
import type { Line } from '../clean-text.ts';
import type { HtmlElement, HtmlNode } from './tree.ts';

/** Elements that start a block of their own. */
export const BLOCK = new Set([
  '#root',
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'listing',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'search',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'xmp',
]);

const STRONG = new Set(['strong', 'b']);
const EMPHASIS = new Set(['em', 'i', 'cite', 'dfn', 'var']);
const CODE = new Set(['code', 'kbd', 'samp', 'tt']);
const STRUCK = new Set(['del', 's', 'strike']);
const LIST = new Set(['ul', 'ol', 'menu', 'dir']);
const PRE = new Set(['pre', 'listing', 'xmp']);

type Block = Line[];

/** What the phrasing content around a text already is (a set of IN_ bits), so that markup is not doubled (`<b><strong>`). */
type Marks = number;
const NO_MARKS = 0;
const IN_STRONG = 1;
const IN_EMPHASIS = 2;
const IN_STRUCK = 4;
const IN_LINK = 8;

/** True when the element holds a block anywhere inside it. */
function holdsBlock(element: HtmlElement): boolean {
  for (const child of element.children) if (child.type === 'element' && (BLOCK.has(child.name) || holdsBlock(child))) return true;
  return false;
}

const ALNUM = /[\p{L}\p{N}]/u;
/** The whitespace HTML collapses (ASCII only: a no-break space is kept). */
const HTML_SPACE = /[ \t\n\f\r]+/g;
const SPACE_TO_SQUASH = /[\t\n\f\r]| {2}/;

/** Escapes text so that Markdown reads it back as written; `_` between letters is no emphasis and stays. */
const NEEDS_ESCAPE = /[\\`*[\]_<&]/;

function escapeText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(/[\\`*[\]_<&]/g, (c, at: number) => {
    if (c === '_') return ALNUM.test(text[at - 1] ?? '') && ALNUM.test(text[at + 1] ?? '') ? c : '\\_';
    if (c === '<') return /[A-Za-z/!?]/.test(text[at + 1] ?? '') ? '\\<' : c;
    if (c === '&') return /^&#?\w+;/.test(text.slice(at, at + 12)) ? '\\&' : c;
    return `\\${c}`;
  });
}

/** Escapes what would make a line's start markup: `# x`, `> x`, `- x`, `1. x`, a line of `===`. */
function escapeLineStart(text: string): string {
  if (!/^(?:#|>|[-+=]|\d)/.test(text)) return text;
  return text
    .replace(/^(#{1,6})(?=\s|$)/, '\\$1')
    .replace(/^>/, '\\>')
    .replace(/^([-+])(?=\s|$)/, '\\$1')
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
    .replace(/^([=-])(?=[=-]*\s*$)/, '\\$1');
}

/** A link destination as Markdown reads it: spaces and unbalanced parentheses percent-encoded. */
function destination(url: string): string {
  let out = url.replace(/[\s<>]/g, encodeURIComponent);
  let depth = 0;
  for (const c of out) {
    if (c === '(') depth++;
    else if (c === ')' && --depth < 0) break;
  }
  if (depth !== 0) out = out.replace(/[()]/g, encodeURIComponent);
  return out;
}

/** Markup around text, the text's edge spaces (and line breaks) outside it; markup around nothing is nothing. */
function wrap(mark: string, inner: string, close = mark): string {
  const m = /^([ \n\u00a0]*)([\s\S]*?)([ \n\u00a0]*)$/.exec(inner)!;
  return m[2] === '' ? m[1]! + m[3]! : `${m[1]}${mark}${m[2]}${close}${m[3]}`;
}

/**
 * One paragraph's text as it is written: pieces of Markdown and line breaks, each line with the
 * line of the raw file its first text stands on.
 */
class Paragraph {
  /** The pieces of Markdown written so far (joined when the paragraph is taken). */
  private parts: string[] = [];
  /** The raw line of each line of the text (the first, then one after each `\n`). */
  lines: number[] = [];
  /** Index into `lines` still waiting for the line of its first text (set after a `<br>`). */
  private waiting = -1;
  /** The last `_x_` written, as its part and the length of the spaces before it: made `*x*` if a letter follows at once (`_general_intelligence` is no emphasis). */
  private emphasis: { part: number; lead: number } | null = null;

  get text(): string {
    if (this.parts.length > 1) this.parts = [this.parts.join('')];
    return this.parts[0] ?? '';
  }

  /** True when nothing is written yet, or the text written ends with a space. */
  get atSpace(): boolean {
    for (let i = this.parts.length - 1; i >= 0; i--) {
      const part = this.parts[i]!;
      if (part !== '') return part.endsWith(' ');
    }
    return true;
  }

  /** Notes where the text that follows stands, when the current line has none yet. */
  at(line: number): void {
    if (this.lines.length === 0) this.lines.push(line);
    else if (this.waiting >= 0) {
      this.lines[this.waiting] = line;
      this.waiting = -1;
    }
  }

  add(markdown: string): void {
    const em = this.emphasis;
    if (em !== null && em.part === this.parts.length - 1 && ALNUM.test(markdown[0] ?? '')) {
      const part = this.parts[em.part]!;
      this.parts[em.part] = `${part.slice(0, em.lead)}*${part.slice(em.lead + 1, -1)}*`;
    }
    this.emphasis = null;
    this.parts.push(markdown);
  }

  /** A place in the text, for markup put around what is written after it. */
  mark(): number {
    return this.parts.length;
  }

  /** The text written since `from`, taken out to be wrapped. */
  private since(from: number): string {
    const inner = this.parts.slice(from).join('');
    this.parts.length = from;
    return inner;
  }

  /** The text written since `from`, with markup around it. */
  wrapSince(from: number, mark: string, close = mark): void {
    this.parts.push(wrap(mark, this.since(from), close));
    this.emphasis = null;
  }

  /** The text written since `from`, with emphasis marks around it. */
  emphasise(from: number): void {
    const mark = ALNUM.test(this.lastChar(from)) ? '*' : '_';
    const wrapped = wrap(mark, this.since(from));
    this.parts.push(wrapped);
    const lead = /^[ \n\u00a0]*/.exec(wrapped)![0].length;
    const closed = mark === '_' && wrapped.length > lead && wrapped.endsWith('_');
    this.emphasis = closed ? { part: this.parts.length - 1, lead } : null;
  }

  /** The last character written before part `end`, or ''. */
  private lastChar(end: number): string {
    for (let i = end - 1; i >= 0; i--) {
      const part = this.parts[i]!;
      if (part !== '') return part[part.length - 1]!;
    }
    return '';
  }

  lineBreak(line: number): void {
    if (this.lines.length === 0) return;
    this.emphasis = null;
    this.parts.push('\n');
    this.lines.push(line);
    this.waiting = this.lines.length - 1;
  }

  /** The finished block: lines trimmed, their starts escaped; null when it holds nothing. */
  take(): Block | null {
    const text = this.text;
    const lines = this.lines;
    this.parts = [];
    this.lines = [];
    this.waiting = -1;
    if (text.trim() === '') return null;
    const out: Block = [];
    const parts = text.split('\n');
    for (let i = 0; i < parts.length; i++) {
      let t = parts[i]!;
      if (t.includes('  ')) t = t.replace(/ {2,}/g, ' ');
      if (t.startsWith(' ') || t.endsWith(' ')) t = t.replace(/^ +| +$/g, '');
      out.push({ text: escapeLineStart(t), line: lines[i] ?? lines[lines.length - 1]! });
    }
    while (out.length > 0 && out[out.length - 1]!.text === '') out.pop();
    while (out.length > 0 && out[0]!.text === '') out.shift();
    return out;
  }
}

/** The Markdown of an image: `![alt](src)`; only its alt text when it has no target; nothing when it has neither. */
function image(element: HtmlElement): string {
  const alt = escapeText((element.attrs.alt ?? '').replace(HTML_SPACE, ' ').trim());
  const src = element.attrs.src?.trim() ?? '';
  if (src === '') return alt;
  return `![${alt}](${destination(src)})`;
}

/** The text of a `<math>` element: its tokens (`<mi>x</mi><mo>=</mo><mn>2</mn>`) with spaces between them. */
function mathText(node: HtmlNode, out: string[]): void {
  if (node.type === 'text') out.push(node.value);
  else {
    for (const child of node.children) mathText(child, out);
    if (node.children.length > 0) out.push(' ');
  }
}

/** Writes phrasing content into a paragraph. Blocks met inside (in a heading or a table cell) are spaces. */
function phrase(node: HtmlNode, into: Paragraph, marks: Marks): void {
  if (node.type === 'text') {
    const value = SPACE_TO_SQUASH.test(node.value) ? node.value.replace(HTML_SPACE, ' ') : node.value;
    if (value !== ' ' && value !== '') into.at(node.line);
    // One space between words, however many the page has: a space after a space is dropped.
    into.add(escapeText(value.startsWith(' ') && into.atSpace ? value.slice(1) : value));
    return;
  }
  const name = node.name;
  if (name.startsWith('#')) return;
  if (name === 'br') {
    into.lineBreak(node.line);
    return;
  }
  if (name === 'img') {
    const md = image(node);
    if (md !== '') {
      into.at(node.line);
      into.add(md);
    }
    return;
  }
  if (name === 'math') {
    const parts: string[] = [];
    mathText(node, parts);
    const text = parts.join('').replace(HTML_SPACE, ' ');
    if (text.trim() !== '') into.at(node.line);
    into.add(escapeText(text));
    return;
  }
  if (CODE.has(name)) {
    const text = textOfCode(node);
    if (text.trim() === '') {
      into.add(text === '' ? '' : ' ');
      return;
    }
    into.at(node.line);
    const ticks = '`'.repeat(longestRun(text, '`') + 1);
    const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
    into.add(`${ticks}${pad}${text}${pad}${ticks}`);
    return;
  }
  if (STRONG.has(name) && !(marks & IN_STRONG)) around(node, into, marks | IN_STRONG, '**', '**');
  else if (EMPHASIS.has(name) && !(marks & IN_EMPHASIS)) {
    const from = into.mark();
    for (const child of node.children) phrase(child, into, marks | IN_EMPHASIS);
    into.emphasise(from);
  } else if (STRUCK.has(name) && !(marks & IN_STRUCK)) around(node, into, marks | IN_STRUCK, '~~', '~~');
  else if (name === 'a' && !(marks & IN_LINK) && node.attrs.href !== undefined && node.attrs.href.trim() !== '') {
    around(node, into, marks | IN_LINK, '[', `](${destination(node.attrs.href.trim())})`);
  } else {
    const block = BLOCK.has(name);
    if (block) into.add(' ');
    for (const child of node.children) phrase(child, into, marks);
    if (block) into.add(' ');
  }
}

/** Markup written around what the element's children write into the paragraph (so their line breaks keep their lines). */
function around(element: HtmlElement, into: Paragraph, marks: Marks, open: string, close: string): void {
  const from = into.mark();
  for (const child of element.children) phrase(child, into, marks);
  into.wrapSince(from, open, close);
}

function textOfCode(node: HtmlNode): string {
  if (node.type === 'text') return node.value.replace(HTML_SPACE, ' ');
  if (node.name === 'br') return ' ';
  let out = '';
  for (const child of node.children) out += textOfCode(child);
  return out;
}

function longestRun(text: string, char: string): number {
  let best = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    if (run > best) best = run;
  }
  return best;
}

/** The text of a `<pre>` exactly as written, its first line break dropped (as browsers do). */
function preText(node: HtmlNode): string {
  if (node.type === 'text') return node.value;
  if (node.name === 'br') return '\n';
  let out = '';
  for (const child of node.children) out += preText(child);
  return out;
}

class Writer {
  readonly blocks: Block[] = [];
  private paragraph = new Paragraph();

  flush(): void {
    const block = this.paragraph.take();
    if (block) this.blocks.push(block);
  }

  /** Writes the children of a block container. */
  flow(children: HtmlNode[]): void {
    for (const child of children) {
      if (child.type === 'text') {
        phrase(child, this.paragraph, NO_MARKS);
        continue;
      }
      const name = child.name;
      // A stage's mark for what is not text (`office.ts`).
      if (name.startsWith('#')) continue;
      if (!BLOCK.has(name)) {
        if (name === 'br' || !holdsBlock(child)) phrase(child, this.paragraph, NO_MARKS);
        // Phrasing markup around blocks (`<a href><div>Title</div></a>`, `<font><table>`) is read as the blocks it holds.
        else this.flow(child.children);
        continue;
      }
      this.flush();
      if (/^h[1-6]$/.test(name)) this.heading(child);
      else if (name === 'hr') this.blocks.push([{ text: '---', line: child.line }]);
      else if (PRE.has(name)) this.pre(child);
      else if (LIST.has(name)) this.list(child);
      else if (name === 'blockquote') this.quote(child);
      else if (name === 'table') this.table(child);
      else this.flow(child.children);
      this.flush();
    }
  }

  private heading(element: HtmlElement): void {
    const p = new Paragraph();
    for (const child of element.children) phrase(child, p, NO_MARKS);
    const text = p.text.replace(HTML_SPACE, ' ').trim();
    if (text !== '') this.blocks.push([{ text: `${'#'.repeat(Number(element.name[1]))} ${text}`, line: p.lines[0] ?? element.line }]);
  }

  private pre(element: HtmlElement): void {
    const text = preText(element)
      .replace(/^\r?\n/, '')
      .replace(/\s+$/, '');
    if (text.trim() === '') return;
    const fence = '`'.repeat(Math.max(3, longestRun(text, '`') + 1));
    const lines = text.split('\n');
    this.blocks.push([
      { text: fence, line: element.line },
      ...lines.map((t, i) => ({ text: t, line: element.line + i })),
      { text: fence, line: element.line + lines.length - 1 },
    ]);
  }

  /** The blocks of some content, written apart and handed back. */
  private sub(children: HtmlNode[]): Block[] {
    const writer = new Writer();
    writer.flow(children);
    writer.flush();
    return writer.blocks;
  }

  private list(element: HtmlElement): void {
    const ordered = element.name === 'ol';
    let n = ordered ? Number.parseInt(element.attrs.start ?? '1', 10) : 0;
    if (!Number.isFinite(n)) n = 1;
    const out: Block = [];
    // Text or markup straight inside the list (not in an item) is an item of its own.
    const items: HtmlNode[][] = [];
    let loose: HtmlNode[] = [];
    for (const child of element.children) {
      if (child.type === 'element' && child.name === 'li') {
        if (loose.length > 0) items.push(loose);
        loose = [];
        items.push(child.children);
      } else loose.push(child);
    }
    if (loose.length > 0) items.push(loose);
    for (const item of items) {
      const blocks = this.sub(item);
      if (blocks.length === 0) continue;
      const marker = ordered ? `${n++}. ` : '- ';
      const indent = ' '.repeat(marker.length);
      let first = true;
      for (const block of blocks) {
        for (const l of block) {
          out.push({ text: first ? marker + l.text : l.text === '' ? '' : indent + l.text, line: l.line });
          first = false;
        }
      }
    }
    if (out.length > 0) this.blocks.push(out);
  }

  private quote(element: HtmlElement): void {
    const blocks = this.sub(element.children);
    blocks.forEach((block, i) => {
      const quoted = block.map((l) => ({ text: l.text === '' ? '>' : `> ${l.text}`, line: l.line }));
      // Paragraphs of one quote stay one quote: a `>` line between them.
      if (i > 0) quoted.unshift({ text: '>', line: block[0]!.line });
      this.blocks.push(quoted);
    });
    // The blocks of a quote were pushed one by one: join them into one block.
    const joined = this.blocks.splice(this.blocks.length - blocks.length, blocks.length).flat();
    if (joined.length > 0) this.blocks.push(joined);
  }

  /** A data table (layout tables are read as their cells before this stage): a GFM table, its first row the header. */
  private table(element: HtmlElement): void {
    const rows: { cells: string[]; line: number }[] = [];
    const caption: HtmlNode[] = [];
    const visit = (node: HtmlElement): void => {
      for (const child of node.children) {
        if (child.type !== 'element') continue;
        if (child.name === 'caption') caption.push(...child.children);
        else if (child.name === 'tr') {
          const cells = child.children
            .filter((c): c is HtmlElement => c.type === 'element' && (c.name === 'td' || c.name === 'th'))
            .map((c) => {
              const p = new Paragraph();
              for (const x of c.children) phrase(x, p, NO_MARKS);
              return p.text.replace(HTML_SPACE, ' ').trim().replace(/\|/g, '\\|');
            });
          if (cells.some((c) => c !== '')) rows.push({ cells, line: child.line });
        } else visit(child);
      }
    };
    visit(element);
    if (caption.length > 0) this.flow(caption);
    this.flush();
    if (rows.length === 0) return;
    const width = Math.max(...rows.map((r) => r.cells.length));
    const line = (cells: string[]): string => `| ${Array.from({ length: width }, (_, i) => cells[i] ?? '').join(' | ')} |`;
    this.blocks.push([
      { text: line(rows[0]!.cells), line: rows[0]!.line },
      { text: line(Array.from({ length: width }, () => '---')), line: rows[0]!.line },
      ...rows.slice(1).map((r) => ({ text: line(r.cells), line: r.line })),
    ]);
  }
}

/** The tree's Markdown blocks, each line with its raw line. */
export function writeMarkdown(root: HtmlElement): Line[][] {
  const writer = new Writer();
  writer.flow(root.children);
  writer.flush();
  return writer.blocks;
}

/** Blocks as lines, a blank line between two. */
export function joinBlocks(blocks: Line[][]): Line[] {
  const lines: Line[] = [];
  for (const block of blocks) {
    if (lines.length > 0) lines.push({ text: '', line: block[0]!.line });
    for (const l of block) lines.push(l);
  }
  return lines;
}
