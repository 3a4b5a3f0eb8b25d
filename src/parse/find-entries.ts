/**
 * Stage 6: groups blocks into entries. An entry starts at a header (`Title (Authors): ...`), an
 * item heading or a block that begins with a link (item-shapes.ts), and owns every block up to
 * the next entry, heading or the footer; labels (`Ada's opinion:`, `Read more:`) open its fields,
 * and a `Related:` label's list of links is its related links. Blocks before the first entry are
 * the intro, once the standing text is removed.
 */
import type { SectionedBlock } from './split-blocks.ts';
import type { Header } from './header.ts';
import { cleanTitle, isTitleCase, matchHeader } from './header.ts';
import { firstLinkUrl, stripMarkup } from './markup.ts';
import type { LabelKind } from './labels.ts';
import { matchLabel } from './labels.ts';
import { hasStandingText, isOnlyBoilerplate, mayHoldBoilerplate, stripBoilerplate } from './boilerplate.ts';
import type { Warn } from './front-matter.ts';
import type { RelatedLink } from '../records/types.ts';
import { byline, isImageOnly, leadingLink, linkHeading, linksIn, relatedLink, type Byline } from './item-shapes.ts';
import type { DialectRules } from '../records/dialect.ts';

export interface RawField {
  kind: 'summary' | LabelKind;
  /** For opinions: the name in the label, or null for `My opinion`. */
  by: string | null;
  paragraphs: string[];
  line: number;
}

export interface RawEntry {
  header: Header;
  line: number;
  category: string[];
  highlight: boolean;
  fields: RawField[];
  /** Where the story was published, from a byline. */
  outlet: string | null;
  /** The links of a `Related:` list under the item. */
  related: RelatedLink[];
  /** Which shape opened it: a header line, an item heading, or a block that begins with a link. */
  shape?: 'heading' | 'link';
}

/** An item heading: a heading that is a link, or one with a byline under it (`next`). */
export function itemHeading(text: string, next: string | undefined): { title: string; url: string | null; byline: Byline | null } | null {
  const link = linkHeading(text);
  const credit = next !== undefined ? byline(next) : null;
  if (link) return { title: link.title, url: link.url, byline: credit };
  if (!credit || credit.url === null) return null;
  const title = cleanTitle(text);
  return title ? { title, url: credit.url, byline: credit } : null;
}

/** A rule written as HTML in Markdown: `<hr>`, `<hr/>`. */
const HTML_RULE = /^<hr\s*\/?>$/i;
/** A copyright line, the furniture a site or mail platform ends every issue with: `Copyright © 2021 Name, All rights reserved.` */
const COPYRIGHT = /^(?:Copyright\s*)?(?:©|\(c\))\s*\d{4}\b.{0,120}All rights reserved\.?$/i;

/** What may stand between a title link and the end of its header: parentheticals, markup, the colon. */
const HEADER_AFTER_LINK = /^[\s*_]*(?:\((?:[^()]|\([^()]*\))*\)[\s*_]*)*:?[\s*_]*$/;

export interface FoundEntries {
  entries: RawEntry[];
  /** Markdown: the issue's own notes before the first entry. */
  intro: string;
}

/**
 * Lists flattened onto one line get their breaks back, so they render as lists:
 * `... decomposes the problem: 1. At the top level ... 2. Within alignment ...`.
 */
export function restoreLists(text: string): string {
  if (!/ \d{1,2}\. | - /.test(text)) return text;
  const numbered = [...text.matchAll(/[.:!?)"”] (\d{1,2})\. (?=["“\p{Lu}])/gu)].map((m) => ({ 1: m[1]!, index: m.index + 2 }));
  let out = text;
  if (numbered.length >= 2 && numbered[0]![1] === '1') {
    let expect = 1;
    const keep = new Set<number>();
    for (const m of numbered) {
      if (Number(m[1]) === expect) {
        keep.add(m.index);
        expect++;
      }
    }
    if (keep.size >= 2) {
      let result = '';
      let at = 0;
      for (const index of [...keep].sort((a, b) => a - b)) {
        result += `${text.slice(at, index).trimEnd()}\n\n`;
        at = index;
      }
      out = result + text.slice(at);
    }
  }
  const bullets = out.match(/[.:!?)"”] - (?=["“\p{Lu}])/gu);
  if (bullets && bullets.length >= 2) out = out.replace(/([.:!?)"”]) - (?=["“\p{Lu}])/gu, '$1\n\n- ');
  return out;
}

function withoutStandingText(text: string, rules: DialectRules): string {
  return hasStandingText(text, rules) ? stripBoilerplate(text, rules) : text;
}

/**
 * True when the block may be (or hold) standing text. A hint word alone changes what is dropped only
 * when the block has links or images (the furniture a hint may sit in), so the costlier hint scan
 * runs only there; otherwise a standing sentence itself must be present.
 */
function mayBeStanding(text: string, rules: DialectRules): boolean {
  return text.includes('](') ? mayHoldBoilerplate(text, rules) : hasStandingText(text, rules);
}

/**
 * `Title: summary` with a title-sized, title-like part before the first colon. With `titleCase`, the
 * title must be written in Title Case: `Human-aligned AI Summer School: The first ...` after another
 * entry's summary is a new entry, `Key idea: the agent ...` is not.
 */
function bareHeader(text: string, titleCase: boolean): Header | null {
  // The title may be a link, whose target holds a colon: `[DAWNBench](https://dawn.cs.stanford.edu/): This is ...`.
  const m = /^((?:\[[^\]\n]*\]\([^()\s]*\)|[^:\n]){1,400}?)\s?:\s+\S/.exec(text);
  if (!m || m[1]!.length < 2 || !isBareTitle(m[1]!) || (titleCase && !isListedTitle(stripMarkup(m[1]!)))) return null;
  const length = m[0].length - 1;
  return { title: cleanTitle(m[1]!), authors: null, summarizers: [], hatTips: [], url: firstLinkUrl(m[1]!), length, standalone: false };
}

/**
 * A short line that reads as a title: no sentence end inside, no full stop at the end. One word only
 * when it is written like a name, with a capital or digit after its first letter (`DAWNBench`,
 * `MLPerf`), not like a word (`Update`).
 */
function isBareTitle(text: string): boolean {
  const plain = stripMarkup(text);
  const words = plain.split(/\s+/).length;
  const named = words >= 2 || /^\p{Lu}\S*[\p{Lu}\p{N}]/u.test(plain);
  return named && words <= 20 && /^["“\p{Lu}\p{N}]/u.test(plain) && !/[.;,:]$/.test(plain) && !/[.!?]\s+\p{Lu}/u.test(plain);
}

/** Title Case, and not an item of an enumeration (`Step 1`, `Claim 2`, `3) Takeoff`). */
function isListedTitle(plain: string): boolean {
  return isTitleCase(plain) && !/^\d+[.)]|\s\d+$/.test(plain);
}

/** A stub that lists a highlight again under its topic (`Strategy - List of Resources: <the stub wording>`), at the end of the text. */
function stubAt(text: string, rules: DialectRules): RegExpExecArray | null {
  return rules.stubTail && rules.stubKeyword !== null && text.includes(rules.stubKeyword) ? rules.stubTail.exec(text) : null;
}

/**
 * The header a paragraph opens with. Besides `Title (Authors): ...`, a header with no parenthetical
 * at all (`Title: summary`, a news item or a job post) opens an entry right after a heading, in a
 * highlight stub, or, when written in Title Case, after another entry.
 */
function headerOf(text: string, opensSection: boolean, current: RawEntry | null, stubbed: Set<string>, rules: DialectRules): Header | null {
  const header = matchHeader(text, rules);
  if (header || matchLabel(text, rules)) return header;
  // A stub's title runs up to its last colon: `Lantern: A Benchmark for Honest Agents: <stub>`.
  const stub = stubAt(text, rules);
  if (stub) return headerAtColon(text, stub.index);
  // A highlight that a stub names later in the issue, its title colons and all:
  // `Lantern: A Benchmark for Honest Agents: This is a collection ...`.
  for (let colon = stubbed.size > 0 ? text.indexOf(':') : -1; colon > 0 && colon < 400; colon = text.indexOf(':', colon + 1)) {
    if (stubbed.has(titleKey(text.slice(0, colon)))) return headerAtColon(text, colon);
  }
  if (opensSection) return bareHeader(text, false);
  // After a link item, a Title Case sentence with a colon is its text (`On July 23, the White House introduced "A Plan: ..."`).
  return current !== null && current.shape === undefined && closed(current) ? bareHeader(text, true) : null;
}

/** A header with no parenthetical whose title ends at the colon at `colon`. */
function headerAtColon(text: string, colon: number): Header | null {
  const title = text.slice(0, colon);
  // The stub says it is a title: one word will do (`Lantern: Listed among the highlights.`).
  const plain = stripMarkup(title);
  if (plain.split(' ').length > 30 || !/^["“'‘\p{Lu}\p{N}]/u.test(plain) || /[.!?]\s+\p{Lu}/u.test(plain)) return null;
  let length = colon + 1;
  while (length < text.length && /\s/.test(text[length]!)) length++;
  return { title: cleanTitle(title), authors: null, summarizers: [], hatTips: [], url: firstLinkUrl(title), length, standalone: false };
}

/** Titles compared as a reader would: case, markup and punctuation aside. */
export function titleKey(title: string): string {
  return stripMarkup(title)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The titles that highlight stubs name, as `titleKey`s. */
function stubTitles(blocks: SectionedBlock[], rules: DialectRules): Set<string> {
  const out = new Set<string>();
  for (const item of blocks) {
    const stub = item.kind === 'content' ? stubAt(item.block.text, rules) : null;
    if (!stub) continue;
    const header = matchHeader(item.block.text, rules) ?? headerAtColon(item.block.text, stub.index);
    if (header) out.add(titleKey(header.title));
  }
  return out;
}

/**
 * An entry after which a header with no parenthetical may follow: a short one (one summary
 * paragraph, or closed by an opinion or Read more), outside the highlights. A highlight's long
 * summary lists its own points as `Adversarial Robustness: ...` paragraphs; a news item is short.
 */
function closed(entry: RawEntry): boolean {
  if (entry.highlight) return false;
  return entry.fields.length > 1 || entry.fields[0]!.paragraphs.length <= 1;
}

export function findEntries(blocks: SectionedBlock[], rules: DialectRules, warn: Warn): FoundEntries {
  const entries: RawEntry[] = [];
  const intro: string[] = [];
  let current: RawEntry | null = null;
  let inFooter = false;
  let sawHeading = false;
  /** Under a heading already reported as having no items: its text goes to the intro without a warning each. */
  let quiet = false;
  /** Images between a heading and the section's first item: they lead that item's text. */
  let images: string[] = [];

  let afterHeading = false;
  const stubbed = stubTitles(blocks, rules);
  const open = (entry: RawEntry): RawEntry => {
    if (images.length > 0) entry.fields[0]!.paragraphs.unshift(...images);
    images = [];
    entries.push(entry);
    inFooter = false;
    return entry;
  };
  const linkEntry = (
    item: SectionedBlock & { kind: 'content' },
    title: string,
    url: string | null,
    rest: string[],
    shape: RawEntry['shape'],
  ): RawEntry => ({
    header: { title, authors: null, summarizers: [], hatTips: [], url, length: 0, standalone: rest.length === 0 },
    line: item.block.line,
    category: item.path,
    highlight: item.highlight,
    fields: [{ kind: 'summary', by: null, paragraphs: rest, line: item.block.line }],
    outlet: null,
    related: [],
    shape,
  });
  for (let index = 0; index < blocks.length; index++) {
    const item = blocks[index]!;
    if (item.kind === 'footer') {
      current = null;
      inFooter = true;
      continue;
    }
    if (item.kind === 'heading') {
      quiet = false;
      intro.push(...images);
      images = [];
      current = null;
      inFooter = false;
      afterHeading = true;
      sawHeading = true;
      continue;
    }
    const opensSection = afterHeading;
    afterHeading = false;
    const { block } = item;
    const standing = mayBeStanding(block.text, rules);
    if (standing ? isOnlyBoilerplate(block.text, rules) : !/[\p{L}\p{N}]/u.test(block.text)) continue;
    let text = standing ? withoutStandingText(block.text, rules) : block.text;
    if (block.inline) text = restoreLists(text);

    // A heading that is an item: `#### [Title](url)`, or `### Title` over its byline.
    if (block.level !== null && block.level > 0 && !inFooter) {
      const next = blocks[index + 1];
      const heading = itemHeading(text, next?.kind === 'content' ? next.block.text : undefined);
      if (heading) {
        const entry = linkEntry(item, heading.title, heading.url, [], 'heading');
        if (heading.byline) {
          entry.header = { ...entry.header, authors: heading.byline.authors };
          entry.outlet = heading.byline.outlet;
          index++;
        }
        current = open(entry);
        continue;
      }
    }
    // A rule (`<hr>`) or a heading that opens no section ends a link item: what follows is not its text.
    // (Inside a header entry's summary a heading is the summary's own: a long summary's `## Method`.)
    if (current?.shape !== undefined && (HTML_RULE.test(text) || (block.level !== null && block.level > 0))) current = null;
    if (HTML_RULE.test(text) || COPYRIGHT.test(text)) continue;
    // Such a heading after link items is a section with no items (`# Quote of the Week`): its text is the intro's.
    if (current === null && block.level !== null && block.level > 0 && entries.at(-1)?.shape !== undefined) {
      warn(block.line, `heading "${text.slice(0, 80)}" has no items under it; it and its text are kept with the issue intro`);
      intro.push(text);
      quiet = true;
      continue;
    }
    // The links of a `Related:` list, one list item each.
    const lastField = current?.fields[current.fields.length - 1];
    if (current && lastField?.kind === 'related') {
      const related = relatedLink(text);
      if (related) {
        current.related.push(related);
        continue;
      }
    }
    // An image before a section's first item leads that item.
    if (current === null && sawHeading && isImageOnly(text)) {
      images.push(text);
      continue;
    }

    // Right after a heading, `Title: text` opens an entry even with no parenthetical at all (a news
    // item or job post in an early issue): `NEWS` then `Tide Tables Open Call: Apply by March 3.`
    const link = !inFooter && matchLabel(text, rules) === null ? leadingLink(text) : null;
    const found = headerOf(text, opensSection, current, stubbed, rules);
    // A text that begins with a link is a header only when the link is the whole title, with at most
    // parentheticals after it (`[Title](url) *(Authors)* (credit):`): a colon inside the link's text or in
    // the quote after it (`[Title](url) - "Overview: ...`) does not make one.
    const header =
      found && link ? (found.length >= link.end && HEADER_AFTER_LINK.test(text.slice(link.end, found.length)) ? found : null) : found;
    if (header) {
      const rest = text.slice(header.length).trim();
      current = open({
        header,
        line: block.line,
        category: item.path,
        highlight: item.highlight,
        fields: [{ kind: 'summary', by: null, paragraphs: rest ? [rest] : [], line: block.line }],
        outlet: null,
        related: [],
      });
      continue;
    }
    // A list item or paragraph that begins with a link opens an item where items stand: before any
    // other entry of its section, or after another such item. Inside a header entry's summary it is
    // the summary's own text; a paragraph needs a section heading above it (an intro's opening link is text).
    if (link && (current === null ? link.listItem || sawHeading : current.shape === 'link')) {
      current = open(linkEntry(item, link.title, link.url, link.rest ? [link.rest] : [], 'link'));
      continue;
    }
    if (inFooter) {
      warn(block.line, `text after the footer is not part of any entry and is not published: "${text.slice(0, 80)}"`);
      continue;
    }
    const label = matchLabel(text, rules);
    if (current && label) {
      const rest = text.slice(label.length).trim();
      if (label.kind === 'related') current.related.push(...linksIn(rest));
      current.fields.push({
        kind: label.kind,
        by: label.by,
        paragraphs: label.kind === 'related' || !rest ? [] : [rest],
        line: block.line,
      });
      continue;
    }
    // A "see also" header has no summary: a title line after it is the next "see also" item, not its
    // summary (`Artificial Intelligence and International Affairs (Chatham House)` then `India's National Strategy for AI`).
    const seeAlso =
      current?.shape === undefined &&
      current?.header.standalone === true &&
      current.fields.length === 1 &&
      current.fields[0]!.paragraphs.length === 0;
    if (current && !(seeAlso && isBareTitle(text))) {
      // A paragraph after `Read more:` / `Prerequisites:` continues the summary, not the link list.
      let field = current.fields[current.fields.length - 1]!;
      if (field.kind === 'readMore' || field.kind === 'prerequisites' || field.kind === 'related') field = current.fields[0]!;
      field.paragraphs.push(text);
      // `Second Post: Applications close on May 3.` inside a long summary may be an entry with no authors; the text does not say.
      const lookalike = bareHeader(text, true);
      if (lookalike)
        warn(
          block.line,
          `"${lookalike.title}: ..." reads like an entry with no authors, but follows a long summary; kept in "${current.header.title}"`,
        );
      continue;
    }
    // A bare title under a heading, with neither authors nor summary: `NEWS` then `The AAAI's Workshop on AI Safety`.
    if (entries.length > 0 && !label && isBareTitle(text) && entries.at(-1)?.shape === undefined) {
      warn(block.line, `"${text}" stands under a heading with no authors or summary; kept as an entry`);
      current = open({
        header: {
          title: cleanTitle(text),
          authors: null,
          summarizers: [],
          hatTips: [],
          url: firstLinkUrl(text),
          length: text.length,
          standalone: true,
        },
        line: block.line,
        category: item.path,
        highlight: item.highlight,
        fields: [{ kind: 'summary', by: null, paragraphs: [], line: block.line }],
        outlet: null,
        related: [],
      });
      continue;
    }
    if (entries.length > 0 && !quiet)
      warn(block.line, `text between a heading and the next entry is kept with the issue intro: "${text.slice(0, 80)}"`);
    if (label) warn(block.line, `"${text.slice(0, label.length).trim()}" label before any entry; kept in the intro`);
    intro.push(text);
  }
  intro.push(...images);
  return { entries, intro: intro.join('\n\n') };
}
