/**
 * The one test for "this text is a web address": `http://` or `https://` (any case), then no
 * whitespace to its end. Used wherever a value from the newsletter text or a data file is taken
 * as an address (front matter `source`, a saved page's link, the database's and the dates file's
 * URL column, a BibTeX `url`), and `parseWebAddress` for one whose parts are read (a redirect's
 * target, a page's own address, the base relative links resolve against, the site's address).
 * Whether the site may link to it is `safeHref`'s rule (`src/site/text/safe-url.ts`).
 */
export function isWebAddress(text: string): boolean {
  return /^https?:\/\/\S+$/i.test(text);
}

/**
 * The text as an absolute http(s) address, parsed (`new URL`): it starts `http://` or `https://`
 * (any case) and names a host; null for anything else (another scheme, a relative or malformed
 * address). For reading an address's parts or resolving against it, where `isWebAddress` only says
 * what the text is.
 */
export function parseWebAddress(text: string): URL | null {
  if (!/^https?:\/\//i.test(text)) return null;
  try {
    const url = new URL(text);
    return url.host === '' ? null : url;
  } catch {
    return null;
  }
}
