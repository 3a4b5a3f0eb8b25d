/**
 * HTML stage: what word processors write when a document is saved as a web page.
 *
 * - Styled text: a `<span>` made bold or italic by its style (`font-weight:700`, `font-style:italic`)
 *   or by a class the page's style sheet makes so (a Google Docs export: `<span class="c2">` with
 *   `.c2{font-weight:700}`) is strong or emphasised text, as it shows.
 * - Reviewer comments of a Google Docs export: the marks in the text (`<a href="#cmnt1"
 *   id="cmnt_ref1">[a]</a>`) and the comments' bodies at the end (a paragraph starting with
 *   `<a href="#cmnt_ref1" id="cmnt1">[a]</a>`) are not the document's text.
 * - Word's lists ("Save as Web Page"): `<p class="MsoListParagraph" style="mso-list:l0 level1">`
 *   paragraphs with a fake bullet (`·`, `§`, `o`, `1.`) in a `mso-list:Ignore` span are list items,
 *   the bullet dropped; a run of them is one list, numbered when the bullets are numbers.
 */
import { type Edit, namesOf, styleOf, textOf } from './nodes.ts';
import type { HtmlElement, HtmlNode } from './tree.ts';

export interface ClassStyles {
  bold: Set<string>;
  italic: Set<string>;
}

/** The classes a page's style sheets make bold or italic: `.c2{font-weight:700}`, `.c5{font-style:italic}`. */
export function classStyles(sheets: string[]): ClassStyles {
  const styles: ClassStyles = { bold: new Set(), italic: new Set() };
  for (const sheet of sheets) {
    for (const rule of sheet.matchAll(/((?:\.[\w-]+\s*,?\s*)+)\{([^}]*)\}/g)) {
      const body = rule[2]!.toLowerCase().replace(/\s+/g, '');
      const bold = /(?:^|;)font-weight:(?:bold|[6-9]00)/.test(body);
      const italic = /(?:^|;)font-style:italic/.test(body);
      if (!bold && !italic) continue;
      for (const name of rule[1]!.matchAll(/\.([\w-]+)/g)) {
        if (bold) styles.bold.add(name[1]!.toLowerCase());
        if (italic) styles.italic.add(name[1]!.toLowerCase());
      }
    }
  }
  return styles;
}

const COMMENT_MARK = /^#cmnt\d+$/;
const COMMENT_BACK = /^#cmnt_ref\d+$/;
/** A reviewer comment's link back to its mark, and the paragraph it starts, until the block they open is dropped (the writer never prints a `#` element). */
const COMMENT_BODY = '#comment-link';
const COMMENT_PARAGRAPH = '#comment';
const FAKE_BULLET = /^[\s\u00a0]*(?:[·•§▪◦o\-–*]|\d{1,3}[.)]|[a-z][.)]|[ivx]{1,5}[.)])[\s\u00a0]*/i;

function isListParagraph(element: HtmlElement): boolean {
  if (element.name !== 'p') return false;
  return /\bmsolistparagraph/.test(namesOf(element)) || /(?:^|;)mso-list:l\d/.test(styleOf(element));
}

/** A Word list paragraph as a list item: its fake bullet dropped; `ordered` when the bullet was a number or letter. */
function asListItem(element: HtmlElement): HtmlElement {
  let bullet = '';
  const strip = (node: HtmlElement): HtmlNode[] =>
    node.children.filter((child) => {
      if (child.type === 'element' && /(?:^|;)mso-list:ignore/.test(styleOf(child))) {
        bullet += textOf(child);
        return false;
      }
      if (child.type === 'element') child.children = strip(child);
      return true;
    });
  let children = strip(element);
  // No Ignore span: the bullet is the paragraph's first text.
  if (bullet === '') {
    const first = children[0];
    if (first?.type === 'text') {
      const m = FAKE_BULLET.exec(first.value);
      if (m) {
        bullet = m[0];
        children = [{ ...first, value: first.value.slice(m[0].length) }, ...children.slice(1)];
      }
    }
  }
  const ordered = /\d|^[\s\u00a0]*[a-z][.)]/i.test(bullet) && !/^[\s\u00a0]*o[\s\u00a0]*$/.test(bullet);
  return { type: 'element', name: 'li', attrs: { 'data-word-list': ordered ? 'ol' : 'ul' }, children, line: element.line };
}

/** Runs of Word list items among an element's children, each made one list. */
function groupListItems(element: HtmlElement): void {
  if (!element.children.some((c) => c.type === 'element' && c.attrs['data-word-list'] !== undefined)) return;
  const out: HtmlNode[] = [];
  let list: HtmlElement | null = null;
  for (const child of element.children) {
    const kind = child.type === 'element' ? child.attrs['data-word-list'] : undefined;
    if (kind !== undefined) {
      if (list === null || list.name !== kind) {
        list = { type: 'element', name: kind, attrs: {}, children: [], line: child.line };
        out.push(list);
      }
      list.children.push(child);
    } else if (child.type === 'text' && child.value.trim() === '' && list !== null) {
      // Whitespace between two items stays in the list.
    } else {
      list = null;
      out.push(child);
    }
  }
  element.children = out;
}

/** The word processors' edits, with the classes the page's style sheets make bold or italic. */
export function readOffice(styles: ClassStyles): Edit {
  const styled = styles.bold.size > 0 || styles.italic.size > 0;
  return (element) => {
    const name = element.name;
    if (name === 'a') {
      const href = element.attrs.href ?? '';
      if (COMMENT_MARK.test(href)) return null;
      // The body of a reviewer comment starts with its link back to the mark.
      if (COMMENT_BACK.test(href)) return { ...element, name: COMMENT_BODY };
      return element;
    }
    // A reviewer comment's body: the paragraph that starts with the link back, and the block it opens.
    if (element.children.some((c) => c.type === 'element' && (c.name === COMMENT_BODY || c.name === COMMENT_PARAGRAPH))) {
      const first = element.children.find((c) => c.type !== 'text' || c.value.trim() !== '');
      if (first?.type === 'element' && first.name === COMMENT_BODY) return { ...element, name: COMMENT_PARAGRAPH };
      if (first?.type === 'element' && first.name === COMMENT_PARAGRAPH) return null;
      element.children = element.children.filter((c) => c.type !== 'element' || (c.name !== COMMENT_BODY && c.name !== COMMENT_PARAGRAPH));
    }
    if (isListParagraph(element)) return asListItem(element);
    groupListItems(element);
    if (name === 'span') {
      const style = styleOf(element);
      const classes = styled ? (element.attrs.class ?? '').toLowerCase().split(/\s+/) : [];
      const bold = /(?:^|;)font-weight:(?:bold|[6-9]00)/.test(style) || classes.some((c) => styles.bold.has(c));
      const italic = /(?:^|;)font-style:italic/.test(style) || classes.some((c) => styles.italic.has(c));
      if (bold && italic)
        return { type: 'element', name: 'strong', attrs: {}, children: [{ ...element, name: 'em', attrs: {} }], line: element.line };
      if (bold || italic) return { ...element, name: bold ? 'strong' : 'em', attrs: {} };
    }
    return element;
  };
}
