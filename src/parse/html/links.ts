/**
 * HTML stage: every link and image target made what the archive can publish.
 *
 * - A redirect wrapper is unwrapped to the address it leads to: a Google Docs export's
 *   `https://www.google.com/url?q=https://arxiv.org/abs/...&sa=D`, Facebook's `l.php?u=`, Outlook's
 *   safe links `?url=`: a redirect endpoint (`/url`, `/l.php`, `/redirect`, `/out`, ...) whose
 *   query names an absolute web address.
 * - A target that is not safe to publish (`javascript:`, `data:`, `//host`: `src/site/text/safe-url.ts`,
 *   the one rule) is dropped, the text kept; so is a link into the saved page itself (`#section`,
 *   `#cmnt1`), which the archive cuts into other pages.
 * - A relative target (`/posts/abc/moon`, `../s/xyz`) is resolved against the page's address when
 *   it names one (`page.ts`); else it is kept as written, for a later stage that knows the address.
 */
import { safeHref } from '../../site/text/safe-url.ts';
import type { Edit } from './nodes.ts';
import { isWebAddress, parseWebAddress } from '../../records/web-address.ts';

const REDIRECT_PATH = /^\/(?:url|l\.php|redirect|out|r|click|link|away|exit|goto|redir)\/?$/i;
const TARGET_PARAMS = ['q', 'url', 'u', 'target', 'dest', 'destination', 'redirect', 'link'];
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** The address a redirect wrapper leads to, or the URL itself. */
export function unwrapRedirect(url: string): string {
  if (!url.includes('?')) return url;
  const parsed = parseWebAddress(url);
  if (parsed === null) return url;
  if (!REDIRECT_PATH.test(parsed.pathname) && !/(?:^|\.)safelinks\./i.test(parsed.hostname)) return url;
  for (const key of TARGET_PARAMS) {
    const value = parsed.searchParams.get(key);
    if (value !== null && isWebAddress(value.trim())) return unwrapRedirect(value.trim());
  }
  return url;
}

/** The target to publish for a link or image address, or null for none. */
export function publishedTarget(url: string, base: string | null): string | null {
  const given = url.trim();
  if (given === '' || given.startsWith('#')) return null;
  const safe = safeHref(unwrapRedirect(given));
  if (safe === null) return null;
  if (SCHEME.test(safe) || base === null) return safe;
  try {
    return safeHref(new URL(safe, base).href);
  } catch {
    return safe;
  }
}

/** Rewrites an `<a href>` or `<img src>`: a link without a target to publish is its text. */
export function fixLinks(base: string | null): Edit {
  return (element) => {
    if (element.name === 'a' && element.attrs.href !== undefined) {
      const href = publishedTarget(element.attrs.href, base);
      if (href === null) return element.children;
      element.attrs.href = href;
    } else if (element.name === 'img' && element.attrs.src !== undefined) {
      const src = publishedTarget(element.attrs.src, base);
      if (src === null) delete element.attrs.src;
      else element.attrs.src = src;
    }
    return element;
  };
}
