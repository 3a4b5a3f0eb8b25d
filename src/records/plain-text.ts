/**
 * Markdown to plain text, in one place for the parser and the site: remark-parse's tree
 * (mdast-util-from-markdown, the parser remark-parse wraps) read by mdast-util-to-string. Links keep
 * their text, images their alt text, inline and reference links alike (`[text][ref]` when the text
 * holds its definition); emphasis and code marks go; escapes and character references are read
 * (`2\*3` is `2*3`, `&amp;` is `&`, `&#x20;` a space); a line break is a space.
 *
 * Two readings, named by what they read:
 *   plainText(markdown)    a Markdown document as a reader sees it: the text of its blocks, list
 *                          bullets and quote marks gone (`- a\n- b` is `a b`). For the site: meta
 *                          descriptions, feeds, excerpts, search data, word counts.
 *   phrasingText(text)     one piece of a newsletter's source (a line, a header, a paragraph) as
 *                          its words: inline markup read, but a line's own start kept as written
 *                          (`1. Title`, `- item`, `> quote`, four spaces of indent), for the parser,
 *                          which reads those starts itself; only a heading's `#` goes. A
 *                          definition is read only when a reference of the same text uses it:
 *                          else `[Issue 7]: Gardens` is a title line, as written.
 *
 * The parser calls `phrasingText` on every block and header, so a text with nothing Markdown reads
 * as syntax (no `\`, `` ` ``, `*`, `_`, `[`, `<`, `&`, nor `#` at a line's start) skips the tree:
 * its plain text is itself, its spaces collapsed.
 *
 * Pure: the one memo (`READ`) only saves building the same tree twice.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString as textOfMdast } from 'mdast-util-to-string';
import type { Nodes, Root } from 'mdast';

/** Blocks whose text is read together; between two of them stands a space. */
const PHRASING_BLOCKS = new Set(['paragraph', 'heading', 'tableCell', 'code', 'html', 'definition']);

/** Each phrasing block's text (mdast-util-to-string), a line break read as a space. */
function blockTexts(node: Nodes, out: string[]): void {
  if (PHRASING_BLOCKS.has(node.type)) {
    spaceBreaks(node);
    out.push(textOfMdast(node, { includeImageAlt: true }));
    return;
  }
  if ('children' in node) for (const child of node.children) blockTexts(child, out);
}

/** A hard line break (`  ` or `\\` at a line's end) as the space a reader sees between the two lines. */
function spaceBreaks(node: Nodes): void {
  if (!('children' in node)) return;
  const children = node.children as Nodes[];
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type === 'break') children[i] = { type: 'text', value: ' ' };
    else spaceBreaks(child);
  }
}

/** Runs of white space as one space, none at the ends. */
function collapse(text: string): string {
  return /[^\S ]| {2}|^ | $/.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}

/** The text of every phrasing block of a tree, joined by spaces. */
function textOfTree(tree: Nodes): string {
  const parts: string[] = [];
  blockTexts(tree, parts);
  return collapse(parts.join(' '));
}

/** One line that holds no markup, escape or character reference, nor starts like a block (a list item, a quote, a heading): its plain text is itself. */
const PLAIN_DOCUMENT = /^(?![-+\d])[^\n\\`*_[\]<>&#~|]*$/;

/**
 * Plain text of Markdown as a reader sees it: the text of each block (paragraph, heading, list
 * item, table cell, code) joined by spaces, links as their text, images as their alt text, marks
 * gone, escapes and character references read.
 *   plainText('**Big** [paper](http://x) &amp; more')  ->  'Big paper & more'
 *   plainText('- one\n- two')                           ->  'one two'
 */
export function plainText(markdown: string): string {
  if (PLAIN_DOCUMENT.test(markdown)) return collapse(markdown);
  return textOfTree(fromMarkdown(markdown));
}

/**
 * The block constructs `phrasingText` does not read: a piece of source keeps its own start as
 * written. (Definitions stay read, so a reference link in the same text resolves; so does a
 * heading's `#`.)
 */
const SOURCE_LINES = {
  disable: { null: ['list', 'blockQuote', 'codeIndented', 'codeFenced', 'thematicBreak', 'setextUnderline', 'htmlFlow'] },
};

/** Definitions read as the text they are written as. */
const NO_DEFINITIONS = { disable: { null: ['definition'] } };

/**
 * True when the tree holds a definition no reference of the same text uses: in a piece of
 * source, `[Issue 7]: Gardens` is a title line, not the definition CommonMark would read.
 */
function definesUnused(tree: Root): boolean {
  const defined = tree.children.filter((c) => c.type === 'definition').map((d) => d.identifier);
  if (defined.length === 0) return false;
  const used = new Set<string>();
  const walk = (node: Nodes): void => {
    if (node.type === 'linkReference' || node.type === 'imageReference') used.add(node.identifier);
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  return defined.some((id) => !used.has(id));
}

/** Anything Markdown may read as inline syntax, or a heading's `#` at a line's start. */
const INLINE_SYNTAX = /[\\`*_[<&]|^[ \t]{0,3}#/m;

/**
 * Plain text of one piece of Markdown source, as its words: inline markup read as `plainText`
 * reads it, a line's start (`1. `, `- `, `> `) kept as written, only a heading's `#` dropped.
 *   phrasingText('**[A \\[draft\\] note](https://x.org)** _(Ann)_')  ->  'A [draft] note (Ann)'
 *   phrasingText('1. [Title][t]\n\n[t]: https://x.org')               ->  '1. Title'
 *   phrasingText('2\\*3 &amp; [link](u(x))')                           ->  '2*3 & link'
 */
export function phrasingText(text: string): string {
  if (!INLINE_SYNTAX.test(text)) return collapse(text);
  const known = READ.get(text);
  if (known !== undefined) return known;
  const tree = fromMarkdown(text, { extensions: [SOURCE_LINES] });
  const plain = textOfTree(definesUnused(tree) ? fromMarkdown(text, { extensions: [SOURCE_LINES, NO_DEFINITIONS] }) : tree);
  if (READ.size >= READ_LIMIT) READ.clear();
  READ.set(text, plain);
  return plain;
}

/**
 * The texts `phrasingText` built a tree for, with their plain text: the parser's stages ask about
 * one block several times (is it a heading, a title, a header?), and a rebuild asks about the same
 * blocks again. A memo of a pure function, so what it holds never changes an answer; emptied when
 * full, so it stays within a few megabytes.
 */
const READ = new Map<string, string>();
const READ_LIMIT = 20_000;

/** How many words a Markdown string has as read (a link counts its text, not its address; `--` is no word). */
export function wordCount(markdown: string): number {
  return plainText(markdown)
    .split(' ')
    .filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/**
 * `plainText`, for meta descriptions and excerpts, cut at a word boundary to at most `max`
 * characters, with an ellipsis.
 */
export function plainExcerpt(markdown: string, max: number): string {
  const text = plainText(markdown);
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}
