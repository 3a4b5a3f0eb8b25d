/**
 * The shapes an item takes in a link newsletter, besides the header line (`header.ts`), each by
 * its Markdown form alone, with no newsletter's words:
 *   #### [Title](url)                          a heading that is a link, the story in the paragraphs under it
 *   ### Title  then  > Author, Outlet -- [Link title](url)     a heading over a byline that links the story
 *   #### [Title](url)  then  **Author, Outlet**               a link heading over a bold byline
 *   * [Title](url) - "a quote"                 a list item that begins with a link
 *   [Title](url). Summary ...                  a paragraph that begins with a link (or is one link alone)
 * and the links of a `Related:` list under an item. Pure: text in, parts out.
 */
import type { RelatedLink } from '../records/types.ts';
import { firstLinkUrl, stripMarkup } from './markup.ts';

/** `[text](url)` at the start, its text with balanced brackets, its target with balanced parentheses. */
const LEADING_LINK = /^(?:[*_]{1,2})?\[((?:[^[\]]|\[[^[\]]*\])+)\]\(([^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+"[^"]*")?\)(?:[*_]{1,2})?/;
/** A list item's marker: `* `, `- `, `+ `, `1. `, `1) `. */
const LIST_MARKER = /^(?:[-*+]|\d{1,3}[.)])\s+/;
/** What stands between a link and the text about it: ` - `, ` – `, `: `, `. `, `, `, `|`. */
const SEPARATOR = /^\s*(?:[-–—:|]+|[.,;](?=\s|$))\s*/;

/** An item that begins with a link: its title, target, and the text after the link. */
export interface LinkStart {
  title: string;
  url: string;
  /** Markdown: what follows the link and its separator; '' when the link stands alone. */
  rest: string;
  /** True when the text was a list item. */
  listItem: boolean;
  /** Offset in the text just after the link (and its emphasis). */
  end: number;
}

function unescapeUrl(url: string): string {
  return url.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** The link a text begins with (after a list marker, when `list` allows one), or null. */
export function leadingLink(text: string): LinkStart | null {
  const marker = LIST_MARKER.exec(text);
  const body = marker ? text.slice(marker[0].length) : text;
  const m = LEADING_LINK.exec(body);
  if (!m || m[1]!.startsWith('^') || m[2] === '') return null;
  const title = stripMarkup(m[1]!).replace(/^["“']|["”']$/g, '');
  if (title === '' || !/[\p{L}\p{N}]/u.test(title)) return null;
  const after = body.slice(m[0].length);
  const rest = after.replace(SEPARATOR, '').trim();
  // `[Title](url) and more text` is a sentence that starts with a link, unless it is a list item.
  if (!marker && rest !== '' && !SEPARATOR.test(after) && !/^\s*\(/.test(after)) return null;
  return { title, url: unescapeUrl(m[2]!), rest, listItem: marker !== null, end: (marker ? marker[0].length : 0) + m[0].length };
}

/** True for a text that is nothing but an image (or several): `![](https://...)`. */
export function isImageOnly(text: string): boolean {
  return /^(?:!\[[^\]]*\]\((?:[^()\s]|\([^()\s]*\))*\)\s*)+$/.test(text.trim());
}

/** A heading whose whole text is one link: `[Title](url)`, maybe in bold, maybe ending in punctuation. */
export function linkHeading(text: string): { title: string; url: string } | null {
  const link = leadingLink(text);
  if (!link || link.listItem || link.rest.replace(/[.!?]$/, '').trim() !== '') return null;
  return { title: link.title, url: link.url };
}

export interface Byline {
  authors: string | null;
  outlet: string | null;
  /** The story's link, when the byline carries one. */
  url: string | null;
}

/** `Jeremy Kahn, Bloomberg` -> authors and outlet; one name alone is the outlet. */
function credit(text: string): { authors: string | null; outlet: string | null } {
  const plain = stripMarkup(text)
    .replace(/[\s,\-–—:]+$/, '')
    .trim();
  if (plain === '') return { authors: null, outlet: null };
  const comma = plain.lastIndexOf(',');
  if (comma < 0) return { authors: null, outlet: plain };
  return { authors: plain.slice(0, comma).trim() || null, outlet: plain.slice(comma + 1).trim() || null };
}

/** A credit is short and reads as names: no sentence in it. */
function creditLike(text: string): boolean {
  const plain = stripMarkup(text);
  // An abbreviation's full stop (`Govt. of UK`) is not a sentence's end.
  return plain.length > 0 && plain.length <= 150 && plain.split(/\s+/).length <= 16 && !/[.!?]\s+\p{Lu}/u.test(plain);
}

/**
 * The byline under an item's heading: a quote line `> Author, Outlet -- [Link title](url)` (or
 * `> Outlet, [Link title](url)`), or a bold line `**Author, Outlet**` (`**Outlet**`). Null for anything else.
 */
export function byline(text: string): Byline | null {
  const trimmed = text.trim();
  if (trimmed.includes('\n')) return null;
  if (trimmed.startsWith('>')) {
    const inner = trimmed.replace(/^>\s*/, '');
    const at = inner.search(/\[[^\]]+\]\([^)\s]+\)\s*$/);
    if (at <= 0) return null;
    const before = inner.slice(0, at);
    if (!creditLike(before)) return null;
    return { ...credit(before), url: firstLinkUrl(inner.slice(at)) };
  }
  // `**Outlet** | from the [May 14th edition](...)`: the bold part is the credit.
  const bold = /^(\*\*|__)([^*_\n]{2,150})\1[*_]?(?:\s*\|.*)?$/.exec(trimmed);
  if (bold && creditLike(bold[2]!) && !/[.:!?]$/.test(bold[2]!.trim())) return { ...credit(bold[2]!), url: null };
  return null;
}

/** The links of a list of links under a `Related:` label: one list item each; null when the text is no such item. */
export function relatedLink(text: string): RelatedLink | null {
  const link = leadingLink(text);
  return link?.listItem ? { title: link.title, url: link.url } : null;
}

/** Every link of a text (a `Related:` label with its links on the same line). */
export function linksIn(text: string): RelatedLink[] {
  const out: RelatedLink[] = [];
  for (const m of text.matchAll(/\[((?:[^[\]]|\[[^[\]]*\])+)\]\(([^()\s]*(?:\([^()\s]*\)[^()\s]*)*)\)/g)) {
    out.push({ title: stripMarkup(m[1]!), url: unescapeUrl(m[2]!) });
  }
  return out;
}
