/**
 * Stage 1b (HTML input only): a saved web page, an ebook chapter or an email's HTML into the same
 * Markdown the forum export has, one block per paragraph, each kept on the line of the raw file
 * its element starts on. The unified ecosystem does the reading: rehype-parse gives the HTML tree,
 * hast-util-to-mdast the Markdown tree, mdast-util-to-markdown the text of each block. So
 * headings stay headings (`<h1>HIGHLIGHTS</h1>` -> `# HIGHLIGHTS`) and title links stay links
 * (`<strong><a href="https://arxiv.org/abs/...">Title</a></strong>` -> `**[Title](https://...)**`,
 * which becomes `Entry.url`).
 *
 * Site chrome is dropped before the conversion: scripts, styles, navigation, forms, and the page's
 * own title heading (an ebook chapter repeats its `<title>` as an `<h1>` above the post; that text
 * is the title line, returned as `title`, not a section heading). A link whose target is
 * not an absolute web or mail address (`/posts/xCpu.../my-take-on...`, a path on the site the page
 * was saved from) keeps its text and loses its target: it would point nowhere on the archive site.
 */
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import { toMdast } from 'hast-util-to-mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast';
import type { RootContent as MdastContent, Nodes as MdastNodes } from 'mdast';
import type { Line } from './clean-text.ts';

export interface HtmlPage {
  /** Markdown lines, each with the 1-based line of the raw file its block starts on; blank lines between blocks. */
  lines: Line[];
  /** The page's title (`<title>`), with its line; null when the page has none. */
  title: Line | null;
}

/** Elements that are never newsletter text. */
const CHROME = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'form',
  'button',
  'input',
  'select',
  'textarea',
  'iframe',
  'object',
  'embed',
  'svg',
  'canvas',
]);
const SAFE_TARGET = /^(?:https?:|mailto:)/i;

/** A file that holds HTML: `.html`/`.htm`, or a text that starts like a web page (`<!DOCTYPE html>`, `<html>`, `<?xml ...?><html>`, `<body>`). */
export function isHtml(file: string, text: string): boolean {
  if (/\.html?$/i.test(file)) return true;
  return /^\s*(?:<\?xml[^>]*>\s*)?(?:<!doctype html|<html[\s>]|<body[\s>])/i.test(text.slice(0, 512));
}

function textOf(node: ElementContent | RootContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The first element, in document order, that `test` accepts. */
function find(parent: HastRoot | Element, test: (e: Element) => boolean): Element | null {
  for (const child of parent.children) {
    if (child.type !== 'element') continue;
    if (test(child)) return child;
    const inside = find(child, test);
    if (inside) return inside;
  }
  return null;
}

/** Removes chrome and unsafe link targets in place; returns the `<title>` element's text and line. */
function strip(tree: HastRoot): { title: string | null; titleLine: number } {
  const titleElement = find(tree, (e) => e.tagName === 'title');
  const title = titleElement ? squash(textOf(titleElement)) || null : null;
  const titleLine = titleElement?.position?.start.line ?? 0;
  const visit = (parent: HastRoot | Element): void => {
    const out: (ElementContent | RootContent)[] = [];
    for (const child of parent.children) {
      if (child.type === 'comment' || child.type === 'doctype') continue;
      if (child.type !== 'element') {
        out.push(child);
        continue;
      }
      if (CHROME.has(child.tagName) || child.properties.role === 'navigation') continue;
      // The page's title repeated as a heading over the post: `<h1 style="...">[WR #101]: Why we should ...</h1>`.
      if (/^h[1-6]$/.test(child.tagName) && title !== null && squash(textOf(child)) === title) continue;
      visit(child);
      const href = child.properties.href;
      if (child.tagName === 'a' && !(typeof href === 'string' && SAFE_TARGET.test(href.trim()))) {
        out.push(...child.children);
        continue;
      }
      out.push(child);
    }
    parent.children = out as typeof parent.children;
  };
  visit(tree);
  return { title, titleLine };
}

/** Inline markup whose edges may hold spaces the Markdown writer could only keep as `&#x20;`. */
const INLINE = new Set(['emphasis', 'strong', 'delete', 'link']);

/** Takes the whitespace off one end of an inline node's text and returns it ('' when there is none). */
function takeEdgeSpace(node: MdastNodes, end: 'start' | 'end'): string {
  if (!('children' in node) || node.children.length === 0) return '';
  const children = node.children as MdastNodes[];
  const at = end === 'start' ? 0 : children.length - 1;
  const edge = children[at]!;
  if (edge.type !== 'text') return INLINE.has(edge.type) ? takeEdgeSpace(edge, end) : '';
  const match = end === 'start' ? /^\s+/.exec(edge.value) : /\s+$/.exec(edge.value);
  if (!match) return '';
  edge.value = end === 'start' ? edge.value.slice(match[0].length) : edge.value.slice(0, edge.value.length - match[0].length);
  if (edge.value === '') children.splice(at, 1);
  return match[0];
}

/**
 * Spaces at the edges of emphasis, strong text and links are moved outside them, as the page
 * shows them: `<a>Title </a><em>(Ann)</em>` is `[Title](url) _(Ann)_`, and `<strong>My opinion:
 * </strong>Nice` is `**My opinion:** Nice`. Left inside, the Markdown writer can only keep them as
 * character references (`Title&#x20;`, `&#x4E;ice`), which a title or a label would then carry.
 */
function hoistEdgeSpaces(node: MdastNodes): void {
  if (!('children' in node)) return;
  const out: MdastNodes[] = [];
  for (const child of node.children as MdastNodes[]) {
    hoistEdgeSpaces(child);
    if (!INLINE.has(child.type)) {
      out.push(child);
      continue;
    }
    const before = takeEdgeSpace(child, 'start');
    const after = takeEdgeSpace(child, 'end');
    if (before !== '') out.push({ type: 'text', value: before });
    // Markup around nothing but spaces (`<em> </em>`) is the spaces alone.
    if ('children' in child && child.children.length > 0) out.push(child);
    if (after !== '') out.push({ type: 'text', value: after });
  }
  (node as { children: MdastNodes[] }).children = out;
}

/** Converts one HTML file body; `firstLine` is the raw file's line the body starts on. */
export function htmlToMarkdown(html: string, firstLine: number): HtmlPage {
  const hast = unified().use(rehypeParse).parse(html);
  const { title, titleLine } = strip(hast);
  const mdast = toMdast(hast);
  hoistEdgeSpaces(mdast);
  const lines: Line[] = [];
  const blocks: MdastContent[] = mdast.type === 'root' ? mdast.children : [];
  for (const block of blocks) {
    const text = toMarkdown(block, { bullet: '-', emphasis: '_', strong: '*', rule: '-' }).trimEnd();
    if (text.trim() === '') continue;
    // A block made from loose text (`<div>Crossposted from ...</div>`) has no position: it stands where the last one did.
    const line = block.position ? firstLine - 1 + block.position.start.line : (lines[lines.length - 1]?.line ?? firstLine);
    if (lines.length > 0) lines.push({ text: '', line });
    // A line break inside a paragraph (`... benchmarks.<br/><strong>My opinion:</strong> ...`) is written
    // `\` at the end of the line; the line after it starts a block of its own or continues this one.
    text.split('\n').forEach((t, i) => {
      lines.push({ text: t.replace(/\\$/, ''), line: line + i });
    });
  }
  return { lines, title: title ? { text: title, line: firstLine - 1 + titleLine } : null };
}
