/**
 * HTML stage 1: the page's text into a small element tree, each node with the 1-based line of the
 * raw file it starts on. htmlparser2 does the reading (it never throws, closes what the HTML
 * standard implies: `<p>` before a block, `<li>` before the next, void elements, and reads
 * `<script>`, `<style>`, `<title>` as raw text); entities are decoded (`&#x20;`, `&rsquo;`).
 *
 * The tree is this reader's own, not hast: the attributes as written (lowercase names), which is
 * all the stages after this one read. Comments and the doctype are not kept.
 *
 * Nesting is bounded: an element more than MAX_DEPTH levels deep is not made; its content goes to
 * the element at that depth, in order (20,000 nested `<div>`s read as one `<div>` of their text),
 * so every later stage may walk the tree recursively.
 */
import { Parser } from 'htmlparser2';

export interface HtmlElement {
  type: 'element';
  /** Lowercase tag name: `p`, `o:p`, `font`. */
  name: string;
  /** Attributes as written, names lowercase, values entity-decoded. */
  attrs: Record<string, string>;
  children: HtmlNode[];
  /** 1-based line of the raw text the start tag stands on. */
  line: number;
}

export interface HtmlText {
  type: 'text';
  value: string;
  line: number;
}

export type HtmlNode = HtmlElement | HtmlText;

export interface HtmlTree {
  root: HtmlElement;
  /** The line of the first element nested deeper than MAX_DEPTH, or null. */
  tooDeep: number | null;
}

export const MAX_DEPTH = 160;

/** Offsets of the first character of each line, for the line of an offset by binary search. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** Reads `html`, whose first character is on line `firstLine` of the raw file. */
export function readTree(html: string, firstLine: number): HtmlTree {
  const starts = lineStarts(html);
  const root: HtmlElement = { type: 'element', name: '#root', attrs: {}, children: [], line: firstLine };
  // One entry per open tag; `node` is null for a tag opened past MAX_DEPTH (its content goes to the nearest made one).
  const stack: { name: string; node: HtmlElement | null }[] = [];
  let parent = root;
  let depth = 0;
  let tooDeep: number | null = null;
  const lineOf = (offset: number): number => firstLine - 1 + lineAt(starts, offset);
  const parser: Parser = new Parser(
    {
      onopentag(name, attrs) {
        if (depth >= MAX_DEPTH) {
          tooDeep ??= lineOf(parser.startIndex);
          stack.push({ name, node: null });
          return;
        }
        const node: HtmlElement = { type: 'element', name, attrs, children: [], line: lineOf(parser.startIndex) };
        parent.children.push(node);
        stack.push({ name, node });
        parent = node;
        depth++;
      },
      onclosetag() {
        // A tag opened past MAX_DEPTH stands above every made one: closing it leaves the parent as it is.
        if (!stack.pop()?.node) return;
        depth--;
        parent = stack[stack.length - 1]?.node ?? root;
      },
      ontext(value) {
        const last = parent.children[parent.children.length - 1];
        if (last?.type === 'text') last.value += value;
        else parent.children.push({ type: 'text', value, line: lineOf(parser.startIndex) });
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.end(html);
  return { root, tooDeep };
}
