/**
 * The one test for "this text is a web address": `http://` or `https://` (any case), then no
 * whitespace to its end. Used wherever a value from the newsletter text or a data file is taken
 * as an address (front matter `source`, a saved page's link, the database's and the dates file's
 * URL column, a BibTeX `url`). Whether the site may link to it is `safeHref`'s rule
 * (`src/site/safe-url.ts`).
 */
export function isWebAddress(text: string): boolean {
  return /^https?:\/\/\S+$/i.test(text);
}
