/**
 * Stage 1b (HTML input only): a saved web page, an ebook chapter or an email's HTML into the same
 * Markdown the forum export has, one block per paragraph, each kept on the line of the raw file
 * its element starts on. A pipeline of named stages under `src/parse/html/`:
 *
 *   readTree (htmlparser2) -> pageFacts
 *     -> [dropChrome, dropFurniture, readOffice, dropTitleHeading, readTables, fixLinks]
 *     -> writeMarkdown -> dropStandingText
 *
 * (the stages in brackets are edits made in one walk of the tree, innermost elements first)
 *
 * So headings stay headings (`<h1>HIGHLIGHTS</h1>` -> `# HIGHLIGHTS`), title links stay links
 * (`<strong><a href="https://arxiv.org/abs/...">Title</a></strong>` -> `**[Title](https://...)**`,
 * which becomes `Entry.url`), layout tables are read as the blocks they hold, and what a mail or
 * blog platform adds around the newsletter is gone. The page's own title heading (an ebook chapter
 * repeats its `<title>` as an `<h1>` above the post) is the title line, returned as
 * `title`, not a section heading. No stage recurses deeper than the tree's bounded depth
 * (`tree.ts`), and none throws on any input.
 */
import type { Line } from './clean-text.ts';
import { readTree } from './html/tree.ts';
import { pageFacts } from './html/page.ts';
import { dropChrome } from './html/chrome.ts';
import { fixLinks } from './html/links.ts';
import { readTables } from './html/tables.ts';
import { joinBlocks, writeMarkdown } from './html/write.ts';
import { dropFurniture } from './html/platform.ts';
import { classStyles, readOffice } from './html/office.ts';
import { dropStandingText } from './html/standing-text.ts';
import { composeEdits, type Edit, rewrite, squash, textOf } from './html/nodes.ts';

export interface HtmlPage {
  /** Markdown lines, each with the 1-based line of the raw file its block starts on; blank lines between blocks. */
  lines: Line[];
  /** The page's title (`<title>`, a platform's suffix removed), with its line; null when the page has none. */
  title: Line | null;
  /** The date the page gives itself (`<time datetime>`, `article:published_time`), YYYY-MM-DD, or null. */
  date: string | null;
  /** Where the page was published (canonical link, `og:url`, `<base href>`, crosspost notice), or null. */
  source: string | null;
  /** Lines the reader wants the user to know about (`[line, message]`): nesting it had to flatten. */
  notes: [number, string][];
}

/** A file that holds HTML: `.html`/`.htm`/`.xhtml`, or a text that starts like a web page (`<!DOCTYPE html>`, `<html>`, `<?xml ...?><html>`, `<body>`). */
export function isHtml(file: string, text: string): boolean {
  if (/\.x?html?$/i.test(file)) return true;
  return /^\s*(?:<\?xml[^>]*>\s*)?(?:<!doctype html|<html[\s>]|<body[\s>])/i.test(text.slice(0, 512));
}

export interface HtmlOptions {
  /** The address the page was published at when the file says it elsewhere (front matter `source`): relative links resolve against it. */
  source?: string | null;
}

/** Converts one HTML file body; `firstLine` is the raw file's line the body starts on. */
export function htmlToMarkdown(html: string, firstLine: number, options: HtmlOptions = {}): HtmlPage {
  const { root, tooDeep } = readTree(html, firstLine);
  const facts = pageFacts(root);
  const notes: [number, string][] = [];
  if (tooDeep !== null) notes.push([tooDeep, 'elements nested deeper than any page needs: their text is read as one block']);
  // The page's title repeated as a heading over the post: `<h1 style="...">[WR #101]: Why we should ...</h1>`.
  const title = facts.title;
  const dropTitleHeading: Edit = (e) => (title !== null && /^h[1-6]$/.test(e.name) && squash(textOf(e)) === title ? null : e);
  // One walk, innermost elements first: each element is seen by every stage after its children were.
  rewrite(
    root,
    composeEdits(
      dropChrome,
      dropFurniture,
      readOffice(classStyles(facts.styles)),
      dropTitleHeading,
      readTables,
      fixLinks(facts.base ?? options.source ?? null),
    ),
  );
  const lines = joinBlocks(dropStandingText(writeMarkdown(root)));
  return {
    lines,
    title: facts.title ? { text: facts.title, line: facts.titleLine } : null,
    date: facts.date,
    source: facts.source,
    notes,
  };
}
