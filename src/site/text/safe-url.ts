/**
 * The one rule for every link target that comes from the newsletter text: a summary's Markdown
 * links, a Markdown export's title link (`[Title](url) (Authors)`), an issue's `source`.
 *
 * Kept: `http:`, `https:`, `mailto:` and relative links (`/issues/wr-074/`, `#x`, `paper.pdf`);
 * a relative link from the newsletter text is resolved against where the issue was published
 * first (`resolveHref`), so only the site's own links reach this as relative.
 * Everything else has no target and is shown as text: `javascript:alert(1)`, `data:text/html,...`,
 * `vbscript:`, and protocol-relative `//evil.example/x` (which leaves the site although it has
 * no scheme).
 */
import { parseWebAddress } from '../../records/web-address.ts';

/** The URL as a browser reads it: tabs and newlines dropped anywhere, spaces and control characters at the ends. */
function asFollowed(url: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters at the ends are what browsers drop
  return url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
}

const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

/** `javascript:`, `HTTPS:`: a scheme is a letter, then letters, digits, `+`, `-`, `.`, then a colon. */
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/**
 * The URL as a browser would follow it when it is safe to link to, else null. Browsers drop tabs
 * and newlines anywhere in a URL and spaces and control characters at its ends, so
 * `java\tscript:x` and ` javascript:x` are `javascript:` links: the check is made on that form.
 */
export function safeHref(url: string | null | undefined): string | null {
  if (url === null || url === undefined) return null;
  const href = asFollowed(url);
  // A control character left inside (`java\u0000script:`) has no place in a real link.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a control character is what this refuses
  if (href === '' || /[\u0000-\u001f\u007f]/.test(href)) return null;
  const scheme = SCHEME.exec(href);
  if (scheme) {
    const name = scheme[1]!.toLowerCase();
    // `HTTPS://X.ORG` is kept as `https://X.ORG`: one spelling for the sanitizer's scheme list.
    return SAFE_SCHEMES.has(name) ? `${name}${href.slice(name.length)}` : null;
  }
  // `//host/x`, and `/\host` or `\\host`, which browsers read the same way.
  if (/^[\\/]{2}/.test(href)) return null;
  return href;
}

/**
 * Where an issue was published, as a base to resolve its relative links against: an absolute
 * http(s) address (front matter `source`, the dates file's `url`, what the parser found in a saved
 * page); null for anything else.
 */
export function sourceBase(source: string | null | undefined): string | null {
  const href = safeHref(source);
  return href === null ? null : (parseWebAddress(href)?.href ?? null);
}

/**
 * A link target from the newsletter text as the site links it: an address with a scheme through
 * `safeHref`; a relative one (`/posts/abc`, `../s/xyz`, `#part-2`, `//host/x`) resolved against
 * `base`, where the page was published, as a reader of the original page would have followed it;
 * null (shown as text) when it is unsafe, or relative with no base to resolve it against: the
 * site has no page at that address.
 */
export function resolveHref(url: string | null | undefined, base: string | null): string | null {
  if (url === null || url === undefined) return null;
  const href = asFollowed(url);
  if (href === '' || SCHEME.test(href)) return safeHref(href);
  if (base === null) return null;
  try {
    return safeHref(new URL(href, base).href);
  } catch {
    return null;
  }
}
