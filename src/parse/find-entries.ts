/**
 * Stage 6: groups blocks into entries. An entry starts at a header and owns every block up to
 * the next header, heading or the footer; labels (`Rohin's opinion:`, `Read more:`) open its fields.
 * Blocks before the first entry are the intro, once the standing text is removed.
 */
import type { SectionedBlock } from './find-sections.ts';
import type { Header } from './header.ts';
import { cleanTitle, isTitleCase, matchHeader } from './header.ts';
import { firstLinkUrl, stripMarkup } from './markup.ts';
import type { LabelKind } from './labels.ts';
import { matchLabel } from './labels.ts';
import { hasStandingText, isOnlyBoilerplate, mayHoldBoilerplate, stripBoilerplate } from './boilerplate.ts';
import type { Warn } from './front-matter.ts';

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
}

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

function withoutStandingText(text: string): string {
  return hasStandingText(text) ? stripBoilerplate(text) : text;
}

/**
 * True when the block may be (or hold) standing text. A hint word alone changes what is dropped only
 * when the block has links or images (the furniture a hint may sit in), so the costlier hint scan
 * runs only there; otherwise a standing sentence itself must be present.
 */
function mayBeStanding(text: string): boolean {
  return text.includes('](') ? mayHoldBoilerplate(text) : hasStandingText(text);
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

/** A stub that lists a highlight again under its topic: `AGI Strategy - List of Resources: Summarized in the highlights!`. */
const HIGHLIGHT_STUB = /:\s*Summari[sz]ed in the highlights\s*[.!]?\s*$/i;

/**
 * The header a paragraph opens with. Besides `Title (Authors): ...`, a header with no parenthetical
 * at all (`Title: summary`, a news item or a job post) opens an entry right after a heading, in a
 * highlight stub, or, when written in Title Case, after another entry.
 */
function headerOf(text: string, opensSection: boolean, current: RawEntry | null, stubbed: Set<string>): Header | null {
  const header = matchHeader(text);
  if (header || matchLabel(text)) return header;
  // A stub's title runs up to its last colon: `Lantern: A Benchmark for Honest Agents: Summarized in the highlights!`.
  const stub = text.includes('highlights') ? HIGHLIGHT_STUB.exec(text) : null;
  if (stub) return headerAtColon(text, stub.index);
  // A highlight that a stub names later in the issue, its title colons and all:
  // `Lantern: A Benchmark for Honest Agents: This is a collection ...`.
  for (let colon = stubbed.size > 0 ? text.indexOf(':') : -1; colon > 0 && colon < 400; colon = text.indexOf(':', colon + 1)) {
    if (stubbed.has(titleKey(text.slice(0, colon)))) return headerAtColon(text, colon);
  }
  if (opensSection) return bareHeader(text, false);
  return current !== null && closed(current) ? bareHeader(text, true) : null;
}

/** A header with no parenthetical whose title ends at the colon at `colon`. */
function headerAtColon(text: string, colon: number): Header | null {
  const title = text.slice(0, colon);
  // The stub says it is a title: one word will do (`Lantern: Summarized in the highlights!`).
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

/** The titles that "Summarized in the highlights!" stubs name, as `titleKey`s. */
function stubTitles(blocks: SectionedBlock[]): Set<string> {
  const out = new Set<string>();
  for (const item of blocks) {
    const stub = item.kind === 'content' && item.block.text.includes('highlights') ? HIGHLIGHT_STUB.exec(item.block.text) : null;
    if (!stub) continue;
    const header = matchHeader(item.block.text) ?? headerAtColon(item.block.text, stub.index);
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

export function findEntries(blocks: SectionedBlock[], warn: Warn): FoundEntries {
  const entries: RawEntry[] = [];
  const intro: string[] = [];
  let current: RawEntry | null = null;
  let inFooter = false;

  let afterHeading = false;
  const stubbed = stubTitles(blocks);
  for (const item of blocks) {
    if (item.kind === 'footer') {
      current = null;
      inFooter = true;
      continue;
    }
    if (item.kind === 'heading') {
      current = null;
      inFooter = false;
      afterHeading = true;
      continue;
    }
    const opensSection = afterHeading;
    afterHeading = false;
    const { block } = item;
    const standing = mayBeStanding(block.text);
    if (standing ? isOnlyBoilerplate(block.text) : !/[\p{L}\p{N}]/u.test(block.text)) continue;
    let text = standing ? withoutStandingText(block.text) : block.text;
    if (block.inline) text = restoreLists(text);

    // Right after a heading, `Title: text` opens an entry even with no parenthetical at all (a news
    // item or job post in an early issue): `NEWS` then `Tide Tables Open Call: Apply by March 3.`
    const header = headerOf(text, opensSection, current, stubbed);
    if (header) {
      const rest = text.slice(header.length).trim();
      current = {
        header,
        line: block.line,
        category: item.path,
        highlight: item.highlight,
        fields: [{ kind: 'summary', by: null, paragraphs: rest ? [rest] : [], line: block.line }],
      };
      entries.push(current);
      inFooter = false;
      continue;
    }
    if (inFooter) {
      warn(block.line, `text after the footer is not part of any entry and is not published: "${text.slice(0, 80)}"`);
      continue;
    }
    const label = matchLabel(text);
    if (current && label) {
      const rest = text.slice(label.length).trim();
      current.fields.push({ kind: label.kind, by: label.by, paragraphs: rest ? [rest] : [], line: block.line });
      continue;
    }
    // A "see also" header has no summary: a title line after it is the next "see also" item, not its
    // summary (`Artificial Intelligence and International Affairs (Chatham House)` then `India's National Strategy for AI`).
    const seeAlso = current?.header.standalone === true && current.fields.length === 1 && current.fields[0]!.paragraphs.length === 0;
    if (current && !(seeAlso && isBareTitle(text))) {
      // A paragraph after `Read more:` / `Prerequisites:` continues the summary, not the link list.
      let field = current.fields[current.fields.length - 1]!;
      if (field.kind === 'readMore' || field.kind === 'prerequisites') field = current.fields[0]!;
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
    if (entries.length > 0 && !label && isBareTitle(text)) {
      warn(block.line, `"${text}" stands under a heading with no authors or summary; kept as an entry`);
      current = {
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
      };
      entries.push(current);
      continue;
    }
    if (entries.length > 0)
      warn(block.line, `text between a heading and the next entry is kept with the issue intro: "${text.slice(0, 80)}"`);
    if (label) warn(block.line, `"${text.slice(0, label.length).trim()}" label before any entry; kept in the intro`);
    intro.push(text);
  }
  return { entries, intro: intro.join('\n\n') };
}
