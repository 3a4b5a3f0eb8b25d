/**
 * Markdown (as held in specs and in the newsletter's database) to the text a scraper of the
 * web page would have produced: link texts without URLs, no emphasis markers.
 *   `See [this post](https://x) (**AN #74**).` -> `See this post (AN #74).`
 * The flattened layout also pads link texts with spaces, as the real flattened issues do:
 *   `... resources here . In particular ...`, `( AN #74 )`.
 */

/** Paragraphs of a Markdown text: split on blank lines, inner newlines folded to spaces. */
export function paragraphsOf(markdown: string): string[] {
  return markdown
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter((p) => p !== '');
}

/** One Markdown paragraph as plain text. */
export function toPlain(paragraph: string, padLinks = false): string {
  let text = paragraph
    // images first: ![alt](src) -> alt
    .replace(/!\[([^\]]*)\]\([^)\s]*\)/g, '$1')
    // [text](url) -> text (padded in the flattened layout, where link texts stood in their own element)
    .replace(/\[([^\]]*)\]\((?:[^()\s]|\([^()\s]*\))*\)/g, (_m, inner: string) => (padLinks ? ` ${inner.trim()} ` : inner))
    // emphasis markers: **x**, __x__, *x*, _x_ (only at word edges: `n_parameters` keeps its underscore)
    .replace(/\*\*|__/g, '')
    .replace(/(^|[\s(])[*_](?=\S)/g, '$1')
    .replace(/(\S)[*_](?=$|[\s).,;:!?])/g, '$1')
    // headings and block quotes inside a summary become plain sentences
    .replace(/^#{1,6}\s+/, '')
    .replace(/^>\s?/, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1');
  if (padLinks) {
    text = text.replace(/\(\s*AN\s+#(\d+)\s*\)/g, '( AN #$1 )');
  }
  return text.replace(/[ \t]{2,}/g, ' ').trim();
}

/** `(AN #74)` as the forum export writes it: a link to the issue. */
export function linkReferences(markdown: string): string {
  return markdown.replace(/\(AN #(\d+)\)/g, (_m, n: string) => `([AN #${n}](https://mailchi.mp/alignment-newsletter-${n}))`);
}
