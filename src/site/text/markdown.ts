/**
 * Markdown from the newsletter text (summaries, opinions, intros, Read more) to safe HTML, in
 * one sanitizing step:
 *
 *   remark-parse -> (raw HTML as text, relative links resolved, `(WR #N)` links: prepareTree)
 *     -> remark-html (LINK_HANDLERS: link targets through safeHref, images as links; sanitize: SCHEMA)
 *
 * Raw HTML in the scraped text is turned into text before rendering (shown escaped, never as
 * elements); a link whose target is not safe (`javascript:`, `data:`, `//host`) is shown as its
 * text; an image is shown as a link to it, so no page loads a remote image from the input. The
 * sanitizer's explicit schema is the last line: only the elements and attributes Markdown makes
 * survive, with http, https and mailto as the only schemes. Only this renderer's output is marked
 * safe in templates. `(WR #74)` / `( WR #74 )` references become links to that issue while the
 * tree is still mdast, so no regex ever touches HTML. A link the parser left relative
 * (`/posts/abc`, as a forum page writes it) is resolved against where the issue was published
 * (the `base` given to `render`: its source), or shown as its text when that is not known.
 */
import { type Plugin, unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkHtml, { type Options as RemarkHtmlOptions } from 'remark-html';
import { defaultHandlers, type Handlers } from 'mdast-util-to-hast';
import type { Element, ElementContent } from 'hast';
import type { Image, ImageReference, Link, LinkReference, Nodes, PhrasingContent, Root, Text } from 'mdast';
import { linkTextIssue } from '../../records/citations.ts';
import { type CitationRules, NO_CITATIONS } from '../../records/dialect.ts';
import { resolveHref, safeHref } from './safe-url.ts';

/** Where issue N lives on the site, or null when N is not in the archive (the reference stays plain text). */
export type IssueHref = (issueNumber: number) => string | null;

/** Splits one text node into text and link nodes; returns null when it has no resolvable reference. */
function splitReferences(node: Text, issueHref: IssueHref, citations: CitationRules): PhrasingContent[] | null {
  const parts: PhrasingContent[] = [];
  let last = 0;
  const { citation, citationLabel } = citations;
  if (!citation || !citationLabel) return null;
  for (const match of node.value.matchAll(citation)) {
    const href = issueHref(Number(match[1]));
    if (href === null) continue;
    const start = match.index;
    parts.push({ type: 'text', value: `${node.value.slice(last, start)}(` });
    const link: Link = { type: 'link', url: href, children: [{ type: 'text', value: citationLabel(Number(match[1])) }] };
    parts.push(link);
    parts.push({ type: 'text', value: ')' });
    last = start + match[0].length;
  }
  if (parts.length === 0) return null;
  parts.push({ type: 'text', value: node.value.slice(last) });
  return parts.filter((part) => part.type !== 'text' || part.value !== '');
}

/** Nodes whose children are inline (phrasing) content: raw markup inside them becomes a text node. */
const PHRASING_PARENTS = new Set(['paragraph', 'heading', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'tableCell']);

/**
 * Raw HTML in the newsletter text (`<img src=x onerror=...>`, a scraped `<b>`) is shown as the
 * text it is, escaped, instead of being dropped by the sanitizer: a summary that quotes markup
 * keeps its words, and nothing from the input ever becomes an element.
 */
export function htmlAsText(tree: Root): void {
  const walk = (node: Nodes): void => {
    if (!('children' in node)) return;
    const children = node.children as Nodes[];
    children.forEach((child, i) => {
      if (child.type === 'html') {
        const text: Text = { type: 'text', value: child.value };
        children[i] = PHRASING_PARENTS.has(node.type) ? text : { type: 'paragraph', children: [text] };
      } else walk(child);
    });
  };
  walk(tree);
}

/**
 * Every link, image and link definition whose address is relative is resolved against `base`
 * (`resolveHref`). A link that cannot be (no base) becomes its text; an image is left to
 * `linksOnly` (which shows a relative one as `[image: alt]`); a definition gets no address, so the
 * references to it are shown as text. Runs before `linkIssueReferences`, whose links to the
 * archive's own pages are relative on purpose.
 */
export function resolveLinks(tree: Root, base: string | null): void {
  const walk = (node: Nodes): void => {
    if (node.type === 'definition') {
      node.url = resolveHref(node.url, base) ?? '';
      return;
    }
    if (node.type === 'image') {
      const href = resolveHref(node.url, base);
      if (href !== null) node.url = href;
      return;
    }
    if (!('children' in node)) return;
    const children = node.children as Nodes[];
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      walk(child);
      if (child.type !== 'link') continue;
      const href = resolveHref(child.url, base);
      if (href !== null) child.url = href;
      else {
        children.splice(i, 1, ...(child.children as Nodes[]));
        i += child.children.length - 1;
      }
    }
  };
  walk(tree);
}

/**
 * Turns every resolvable `(WR #N)` in text nodes into a link. Existing links are not nested;
 * a Markdown export's `[WR #72](https://mailchi.mp/...)` is pointed at the archive's own copy
 * of issue 72 when the archive has it.
 */
export function linkIssueReferences(tree: Root, issueHref: IssueHref, citations: CitationRules = NO_CITATIONS): void {
  const walk = (node: Nodes): void => {
    if (node.type === 'link') {
      const only = node.children.length === 1 ? node.children[0] : undefined;
      // A link whose whole text is `WR #72`: an export's link to the issue's original post.
      const cited = only?.type === 'text' ? linkTextIssue(only.value, citations) : null;
      const href = cited === null ? null : issueHref(cited);
      if (href !== null) node.url = href;
      return;
    }
    if (!('children' in node) || node.type === 'linkReference') return;
    const children = node.children as Nodes[];
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (child.type === 'text') {
        const replaced = splitReferences(child, issueHref, citations);
        if (replaced) {
          children.splice(i, 1, ...replaced);
          i += replaced.length - 1;
        }
      } else {
        walk(child);
      }
    }
  };
  walk(tree);
}

/**
 * What the rendered HTML may hold: the elements CommonMark makes (images aside, see
 * `linksOnly`), links with a title, and nothing else. No `id` or `name` (nothing from the input
 * can clobber the page's own anchors), no `class`, no `style`.
 */
/** hast-util-sanitize's schema, as remark-html takes it. */
export type SanitizeSchema = Exclude<NonNullable<RemarkHtmlOptions['sanitize']>, boolean>;

export const SCHEMA: SanitizeSchema = {
  tagNames: [
    'p',
    'br',
    'hr',
    'em',
    'strong',
    'del',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
  ],
  attributes: { a: ['href', 'title'], ol: ['start'] },
  protocols: { href: ['http', 'https', 'mailto'] },
  required: {},
  clobber: [],
  clobberPrefix: '',
  strip: ['script', 'style'],
  ancestors: { li: ['ol', 'ul'] },
};

const textOf = (value: string): ElementContent => ({ type: 'text', value });

/** An alt text that is a content hash (`166e682ca6a94fa5...`, as saved pages and ebooks write them) describes nothing. */
const HEX_DIGEST = /^[0-9a-f]{16,}$/i;
/** An address with a scheme (`https:`, `mailto:`): one the site can link to as it is. */
const ABSOLUTE = /^[a-z][a-z0-9+.-]*:/i;

/** A label for an image without alt text: its file name (`https://x/icons/twitter-48.png` -> `twitter-48.png`). */
function imageName(href: string): string {
  const file =
    href
      .replace(/[?#].*$/, '')
      .replace(/\/+$/, '')
      .split('/')
      .pop() ?? '';
  try {
    return decodeURIComponent(file) || href;
  } catch {
    return file || href;
  }
}

/**
 * An `<img>` from the Markdown (an image or an image reference), as the page shows it: a link to
 * the image, labelled with its alt text (`![a chart](https://x/c.png)` ->
 * `<a href="https://x/c.png">a chart</a>`) or else its file name; its alt text alone when its
 * address is unsafe; `[image: its alt text]` when its address is relative (a file beside the saved
 * page, which the site does not have), never a link that leads nowhere. An alt text that is a hex
 * digest is no description and is not shown. No page loads a remote image from the input.
 */
export function safeImage(image: Element): ElementContent[] {
  const src = typeof image.properties.src === 'string' ? image.properties.src : '';
  const alt = typeof image.properties.alt === 'string' ? image.properties.alt.trim() : '';
  const described = HEX_DIGEST.test(alt) ? '' : alt;
  const href = safeHref(src);
  if (href === null) return described === '' ? [] : [textOf(described)];
  // A relative address points at a file beside the page the issue was saved from, which the site does not have.
  if (!ABSOLUTE.test(href)) return [textOf(`[image${described === '' ? '' : `: ${described}`}]`)];
  return [{ type: 'element', tagName: 'a', properties: { href }, children: [textOf(described === '' ? imageName(href) : described)] }];
}

/** An `<a>` from the Markdown (inline link, autolink, reference link): its target through `safeHref`; an unsafe link keeps its text and loses the link. */
export function safeLink(link: Element): ElementContent[] {
  const href = safeHref(typeof link.properties.href === 'string' ? link.properties.href : null);
  if (href === null) return link.children;
  link.properties.href = href;
  return [link];
}

/** What a link or image handler made, through `safeLink` / `safeImage`. */
function safeElements(made: ElementContent | ElementContent[] | undefined): ElementContent[] {
  const nodes = made === undefined ? [] : Array.isArray(made) ? made : [made];
  return nodes.flatMap((node) => {
    if (node.type !== 'element') return [node];
    if (node.tagName === 'img') return safeImage(node);
    if (node.tagName === 'a') return safeLink(node);
    return [node];
  });
}

/**
 * remark-html's handlers for the four nodes that carry an address: mdast-util-to-hast's own, then
 * `safeLink` / `safeImage` on what they make (their children have been through these handlers
 * already, so an image inside a link is a link to the image).
 */
export const LINK_HANDLERS: Handlers = {
  link: (state, node: Link) => safeElements(defaultHandlers.link(state, node)),
  linkReference: (state, node: LinkReference) => safeElements(defaultHandlers.linkReference(state, node)),
  image: (state, node: Image) => safeElements(defaultHandlers.image(state, node)),
  imageReference: (state, node: ImageReference) => safeElements(defaultHandlers.imageReference(state, node)),
};

/**
 * The mdast steps before HTML, as a unified plugin: raw HTML as text, relative links resolved
 * against the file's `data.base`, `(WR #N)` references linked.
 */
export function prepareTree(issueHref: IssueHref, citations: CitationRules = NO_CITATIONS): Plugin<[], Root> {
  return () => (tree, file) => {
    htmlAsText(tree);
    resolveLinks(tree, (file.data as { base?: string | null }).base ?? null);
    linkIssueReferences(tree, issueHref, citations);
  };
}

export interface MarkdownRenderer {
  /**
   * Sanitized HTML for a Markdown string, its relative links resolved against `base` (where the
   * text was published: an absolute http(s) address, `sourceBase`) or shown as text without one;
   * the same input is rendered once and then served from a cache.
   */
  render(markdown: string, base?: string | null): string;
}

/**
 * A renderer bound to one archive (which issues exist, and under which URL).
 * The cache lives as long as the renderer: the same summary is shown on its issue page,
 * its summary page and its summarizers' pages, and rendered once.
 */
export function createMarkdown(issueHref: IssueHref, citations: CitationRules = NO_CITATIONS): MarkdownRenderer {
  const processor = unified()
    .use(remarkParse)
    .use(prepareTree(issueHref, citations))
    // Named references (&lt;) read better than &#x3C; in the page source.
    .use(remarkHtml, { sanitize: SCHEMA, handlers: LINK_HANDLERS, characterReferences: { useNamedReferences: true } });
  const cache = new Map<string, string>();
  return {
    render(markdown: string, base: string | null = null): string {
      if (markdown.trim() === '') return '';
      const key = base === null ? markdown : `${base}\u0000${markdown}`;
      let html = cache.get(key);
      if (html === undefined) {
        html = String(processor.processSync({ value: markdown, data: { base } })).trim();
        cache.set(key, html);
      }
      return html;
    },
  };
}

/** `plainExcerpt`, or a function that gives what it gives (kept per text: SiteReuse). */
export type Excerpt = (markdown: string, max: number) => string;
