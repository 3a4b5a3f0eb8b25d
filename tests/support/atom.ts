/**
 * Checks an Atom document against the rules of RFC 4287 that a feed reader relies on; returns
 * every problem found (none: valid), each naming the element.
 *
 * - the document is well-formed XML whose root is `feed` in the Atom namespace;
 * - the feed has exactly one `id` (an absolute IRI), `title` and `updated` (an RFC 3339
 *   date-time), and an `author` unless every entry has one (§4.1.1);
 * - every `link` has an `href`; at most one `rel="alternate"` link per type (§4.1.1);
 * - every entry has exactly one `id`, `title` and `updated` with the same rules, and a
 *   `rel="alternate"` link (RFC 4287 only requires one when there is no `content`; the site's
 *   entries always link to their page); no two entries share an id;
 * - `type` on text constructs and `content` is `text`, `html` or `xhtml` (or a media type on
 *   `content`), and xhtml content is wrapped in one `div` (§3.1.1, §4.1.3).
 */
import type { Element } from '@xmldom/xmldom';
import { parseXml } from './xml.ts';

export const ATOM_NS = 'http://www.w3.org/2005/Atom';
const XHTML_NS = 'http://www.w3.org/1999/xhtml';
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
const ABSOLUTE_IRI = /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/;

/** Atom children of `parent` named `name` (direct children only). */
function atomChildren(parent: Element, name: string): Element[] {
  const out: Element[] = [];
  for (let i = 0; i < parent.childNodes.length; i++) {
    const node = parent.childNodes[i]!;
    if (node.nodeType === 1 && (node as Element).namespaceURI === ATOM_NS && (node as Element).localName === name)
      out.push(node as Element);
  }
  return out;
}

function checkCommon(element: Element, where: string, problems: string[]): void {
  for (const name of ['id', 'title', 'updated']) {
    const found = atomChildren(element, name);
    if (found.length !== 1) problems.push(`${where}: needs exactly one <${name}>, has ${found.length}`);
  }
  const id = atomChildren(element, 'id')[0]?.textContent?.trim() ?? '';
  if (atomChildren(element, 'id').length === 1 && !ABSOLUTE_IRI.test(id)) problems.push(`${where}: <id> "${id}" is not an absolute IRI`);
  const updated = atomChildren(element, 'updated')[0]?.textContent?.trim() ?? '';
  if (atomChildren(element, 'updated').length === 1 && !(RFC3339.test(updated) && !Number.isNaN(Date.parse(updated))))
    problems.push(`${where}: <updated> "${updated}" is not an RFC 3339 date-time`);
  const title = atomChildren(element, 'title')[0];
  if (title && (title.textContent ?? '').trim() === '' && title.getElementsByTagNameNS(XHTML_NS, 'div').length === 0)
    problems.push(`${where}: <title> is empty`);
  for (const text of ['title', 'subtitle', 'summary', 'rights'].flatMap((n) => atomChildren(element, n))) {
    const type = text.getAttribute('type');
    if (type && !['text', 'html', 'xhtml'].includes(type))
      problems.push(`${where}: <${text.localName} type="${type}"> is not text, html or xhtml`);
  }
  const alternates = new Map<string, number>();
  for (const link of atomChildren(element, 'link')) {
    if (!link.getAttribute('href')) problems.push(`${where}: a <link> has no href`);
    const rel = link.getAttribute('rel') ?? 'alternate';
    if (rel === 'alternate') {
      const key = `${link.getAttribute('type') ?? ''} ${link.getAttribute('hreflang') ?? ''}`;
      alternates.set(key, (alternates.get(key) ?? 0) + 1);
    }
  }
  for (const [key, n] of alternates)
    if (n > 1) problems.push(`${where}: ${n} rel="alternate" links with the same type and hreflang (${key.trim() || 'none'})`);
}

export function atomProblems(xml: string): string[] {
  let root: Element;
  try {
    root = parseXml(xml).documentElement!;
  } catch (error) {
    return [(error as Error).message];
  }
  if (root.localName !== 'feed' || root.namespaceURI !== ATOM_NS)
    return [`the root element is <${root.tagName}> in ${root.namespaceURI ?? 'no namespace'}, not an Atom <feed>`];
  const problems: string[] = [];
  checkCommon(root, 'feed', problems);
  const entries = atomChildren(root, 'entry');
  if (atomChildren(root, 'author').length === 0 && !entries.every((e) => atomChildren(e, 'author').length > 0))
    problems.push('feed: has no <author>, and not every entry has one');
  const ids = new Map<string, number>();
  entries.forEach((entry, i) => {
    const id = atomChildren(entry, 'id')[0]?.textContent?.trim() ?? '';
    const where = `entry ${i + 1}${id ? ` (${id})` : ''}`;
    checkCommon(entry, where, problems);
    ids.set(id, (ids.get(id) ?? 0) + 1);
    if (!atomChildren(entry, 'link').some((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate'))
      problems.push(`${where}: has no rel="alternate" <link>`);
    for (const content of atomChildren(entry, 'content')) {
      const type = content.getAttribute('type') ?? 'text';
      if (!['text', 'html', 'xhtml'].includes(type) && !/^[\w.+-]+\/[\w.+-]+$/.test(type))
        problems.push(`${where}: <content type="${type}"> is not text, html, xhtml or a media type`);
      if (type === 'xhtml' && content.getElementsByTagNameNS(XHTML_NS, 'div').length === 0)
        problems.push(`${where}: xhtml <content> is not wrapped in an XHTML <div>`);
    }
  });
  for (const [id, n] of ids) if (id !== '' && n > 1) problems.push(`${n} entries share the id ${id}`);
  return problems;
}
