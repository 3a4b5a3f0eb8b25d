/** Small reads of the HTML reader's tree (`tree.ts`), shared by its stages. */
import type { HtmlElement, HtmlNode } from './tree.ts';

/** The text of a node as written, every descendant's text in order. */
export function textOf(node: HtmlNode): string {
  if (node.type === 'text') return node.value;
  let out = '';
  for (const child of node.children) out += textOf(child);
  return out;
}

/** The start of a node's text: at least `max` characters of it when it has that many (cheap on a large element). */
export function textStart(node: HtmlNode, max: number): string {
  if (node.type === 'text') return node.value;
  let out = '';
  for (const child of node.children) {
    out += textStart(child, max - out.length);
    if (out.length >= max) break;
  }
  return out;
}

/** Text with its whitespace squashed to single spaces and trimmed. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The element's classes and id, lowercased, as one string to test shapes against: `class="post-footer" id="x"` -> `post-footer x`. */
export function namesOf(element: HtmlElement): string {
  const { class: cls, id } = element.attrs;
  return cls === undefined && id === undefined ? '' : `${cls ?? ''} ${id ?? ''}`.toLowerCase();
}

/** The element's inline style, lowercased, without spaces: `display: none` -> `display:none`. */
export function styleOf(element: HtmlElement): string {
  const style = element.attrs.style;
  return style === undefined ? '' : style.toLowerCase().replace(/\s+/g, '');
}

/** The first element, in document order, that `test` accepts. */
export function findElement(parent: HtmlElement, test: (e: HtmlElement) => boolean): HtmlElement | null {
  for (const child of parent.children) {
    if (child.type !== 'element') continue;
    if (test(child)) return child;
    const inside = findElement(child, test);
    if (inside) return inside;
  }
  return null;
}

/** Every element `test` accepts, in document order (not looking inside the ones it accepts). */
export function findElements(parent: HtmlElement, test: (e: HtmlElement) => boolean, out: HtmlElement[] = []): HtmlElement[] {
  for (const child of parent.children) {
    if (child.type !== 'element') continue;
    if (test(child)) out.push(child);
    else findElements(child, test, out);
  }
  return out;
}

/**
 * Rewrites the tree bottom-up: `edit` sees each element after its children were edited and
 * returns what stands in its place (itself, other nodes, or nothing).
 */
export function rewrite(parent: HtmlElement, edit: Edit): void {
  let changed = false;
  const out: HtmlNode[] = [];
  for (const child of parent.children) {
    if (child.type !== 'element') {
      out.push(child);
      continue;
    }
    rewrite(child, edit);
    const result = edit(child);
    if (result === child) out.push(child);
    else {
      changed = true;
      if (Array.isArray(result)) out.push(...result);
      else if (result !== null) out.push(result);
    }
  }
  if (changed) parent.children = out;
}

/** What an edit of `rewrite` returns in place of an element. */
export type Edit = (element: HtmlElement) => HtmlNode | HtmlNode[] | null;

/** Several edits as one, in order: the first that replaces the element decides (one walk of the tree for all of them). */
export function composeEdits(...edits: Edit[]): Edit {
  return (element) => {
    for (const edit of edits) {
      const result = edit(element);
      if (result !== element) return result;
    }
    return element;
  };
}

/** Words of a text: runs of letters and digits. */
export function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}
