/**
 * A deliberately simple reading of a link newsletter's Markdown file, as the reference the parser
 * is scored against where no ground truth exists (tools/score-parser.ts). It shares no code with
 * `src/parse/`: it walks the mdast tree remark-parse gives, top-level blocks in order, and reads
 * items by their Markdown structure alone:
 *   - a heading whose only content is a link is an item; so is a heading followed by a quote that
 *     ends in a link (the byline `> Author, Outlet -- [Title](url)`);
 *   - any other heading is a section, nested by depth;
 *   - a list item, or a paragraph (under a section, outside a heading item), whose first content is
 *     a link is an item; a list after a paragraph `Related...:` is that item's related links;
 *   - an item has a summary when text follows its link, or paragraphs of text stand under it
 *     before the next item or heading (images, HTML and bylines are not text).
 * Metadata: the title from the front matter, the number from the title's `#N`, the date from the
 * file name (`2021-2-1-101.md`). Not part of the product.
 */
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { toString as mdText } from 'mdast-util-to-string';
import yaml from 'js-yaml';
import type { Heading, Link, List, Paragraph, PhrasingContent, RootContent } from 'mdast';

export interface ReferenceItem {
  title: string;
  url: string;
  section: string[];
  hasSummary: boolean;
}

export interface ReferenceIssue {
  file: string;
  title: string | null;
  number: number | null;
  date: string | null;
  items: ReferenceItem[];
}

/** The body and the front matter's title; a file wrapped in one code fence is unwrapped first. */
function split(text: string): { title: string | null; body: string } {
  let lines = text.split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  if (lines[0]?.startsWith('```') && lines[lines.length - 1]?.trim() === '```') lines = lines.slice(1, -1);
  if (lines[0]?.trim() !== '---') return { title: null, body: lines.join('\n') };
  const end = lines.findIndex((l, i) => i > 0 && l.startsWith('---'));
  if (end < 0) return { title: null, body: lines.join('\n') };
  let data: { title?: unknown } | null;
  try {
    data = yaml.load(lines.slice(1, end).join('\n')) as { title?: unknown } | null;
  } catch {
    // Unescaped quotes inside a value: the title line as written.
    const line = lines.slice(1, end).find((l) => l.startsWith('title:'));
    data = line ? { title: line.slice(6).trim().replace(/^"|"$/g, '') } : null;
  }
  const rest = lines[end]!.slice(3);
  const body = [rest, ...lines.slice(end + 1)].join('\n');
  return { title: typeof data?.title === 'string' ? data.title : null, body };
}

function dateOf(file: string): string | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})-/.exec(file);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** Phrasing content without emphasis wrappers and empty text. */
function flat(children: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const c of children) {
    if (c.type === 'strong' || c.type === 'emphasis') out.push(...flat(c.children));
    else if (c.type === 'text' && c.value.trim() === '') continue;
    else out.push(c);
  }
  return out;
}

/** The link a paragraph or heading starts with, and the text after it. */
function startLink(children: PhrasingContent[]): { link: Link; after: string } | null {
  const parts = flat(children);
  const first = parts[0];
  if (first?.type !== 'link') return null;
  const after = parts
    .slice(1)
    .map((p) => mdText(p))
    .join('')
    .replace(/^[\s\-–—:.,|]+/, '')
    .trim();
  return { link: first, after };
}

const textOf = (node: RootContent): string => mdText(node).trim();
const isImageOnly = (p: Paragraph): boolean => flat(p.children).every((c) => c.type === 'image' || c.type === 'break');

export function readReference(file: string, text: string): ReferenceIssue {
  const { title, body } = split(text);
  const number = title ? /#\s*(\d+)/.exec(title) : null;
  const tree = unified().use(remarkParse).parse(body);
  const items: ReferenceItem[] = [];
  const sections: { depth: number; text: string }[] = [];
  let current: ReferenceItem | null = null;
  let inHeadingItem = false;
  let related = false;
  const nodes = tree.children;
  const section = (): string[] => sections.map((s) => s.text);
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (node.type === 'heading') {
      related = false;
      const h = node as Heading;
      const parts = flat(h.children);
      const next = nodes[i + 1];
      const bylineLink =
        next?.type === 'blockquote' && textOf(next).length < 250
          ? (() => {
              const p = next.children[0];
              if (p?.type !== 'paragraph' || flat(p.children).at(-1)?.type !== 'link') return null;
              return flat(p.children).find((c): c is Link => c.type === 'link') ?? null;
            })()
          : null;
      if (parts.length === 1 && parts[0]!.type === 'link') {
        current = { title: textOf(parts[0]!), url: parts[0]!.url, section: section(), hasSummary: false };
      } else if (bylineLink) {
        current = { title: textOf(h), url: bylineLink.url, section: section(), hasSummary: false };
        i++;
      } else {
        while (sections.length > 0 && sections[sections.length - 1]!.depth >= h.depth) sections.pop();
        sections.push({ depth: h.depth, text: textOf(h) });
        current = null;
        inHeadingItem = false;
        continue;
      }
      items.push(current);
      inHeadingItem = true;
      // A paragraph opening in bold right under a link heading is its byline, not its text.
      const after = nodes[i + 1];
      if (after?.type === 'paragraph' && after.children[0]?.type === 'strong') i++;
      continue;
    }
    if (node.type === 'list') {
      if (related || inHeadingItem) {
        related = false;
        continue;
      }
      for (const li of (node as List).children) {
        const p = li.children[0];
        const start = p?.type === 'paragraph' ? startLink(p.children) : null;
        if (!start) continue;
        const summary = start.after !== '' || li.children.length > 1;
        items.push({ title: mdText(start.link).trim(), url: start.link.url, section: section(), hasSummary: summary });
      }
      current = null;
      continue;
    }
    if (node.type === 'paragraph') {
      if (isImageOnly(node)) continue;
      const plain = textOf(node);
      if (/^Related[\w ]{0,20}:\s*$/i.test(plain)) {
        related = true;
        continue;
      }
      related = false;
      const start = !inHeadingItem && sections.length > 0 ? startLink(node.children) : null;
      if (start) {
        current = { title: mdText(start.link).trim(), url: start.link.url, section: section(), hasSummary: start.after !== '' };
        items.push(current);
        continue;
      }
      if (current && plain !== '') current.hasSummary = true;
      continue;
    }
    if (node.type === 'blockquote' && current && textOf(node) !== '') current.hasSummary = true;
    // A rule ends the item before it: what follows (a site's footer) is not its text.
    if (node.type === 'thematicBreak' || (node.type === 'html' && /^<hr\s*\/?>$/i.test(node.value.trim()))) {
      current = null;
      inHeadingItem = false;
    }
  }
  return { file, title, number: number ? Number(number[1]) : null, date: dateOf(file), items };
}
