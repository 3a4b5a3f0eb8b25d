/**
 * A newsletter's conventions, as data: how its issues are numbered and named, how an entry credits
 * people, which labels open an opinion or a list of links, its highlights and their stubs, how it
 * cites its own issues, and the standing text it repeats in every issue. The parser reads a
 * newsletter through a `Dialect`; the content dir's `newsletter.yml` gives one
 * (`newsletter-file.ts`), and without it `GENERIC_DIALECT` reads the shapes most newsletters share.
 *
 * `compileDialect` turns the data into the patterns the stages use (`DialectRules`), once per
 * parse. Pure: no file system, no module state.
 */

/** A newsletter's conventions. Every list may be empty; every text is matched as written, ignoring case unless said. */
export interface Dialect {
  /** The newsletter's name (`Weekly Robotics`): shown on the site; an issue's first line `Name #12: Title` is its title line. */
  name: string | null;
  /** Who writes the editor's opinions (`My opinion:`) and the summaries that name no summarizer; null when nobody is named. */
  editor: string | null;
  /** Issue ids and title lines. */
  issues: {
    /** An issue's id (its page's address) from its number: `{number}` is the number, `{number:3}` padded to 3 digits. */
    id: string;
    /** Other names an issue's first line may give before `#12` (`WR` for `[WR #12]: Title`); the name and `Newsletter` always count. */
    titles: string[];
  };
  /**
   * Credit markers inside an entry header's parentheses: `(reviewed by Ada)`, `(via Bob)`. `{verb}`
   * stands for any one word ending in -ed or -en: `{verb} by` takes `(reviewed by Ada)` and `(written by Ada)`.
   */
  credits: {
    summarizedBy: string[];
    hatTip: string[];
  };
  /** Labels that open a paragraph of their own after a summary (each followed by `:`, unless it ends in `?`). */
  labels: {
    /** A named person's opinion; `{name}` stands for the name: `{name}'s opinion`, `{name}'s take`. */
    opinion: string[];
    /** The editor's opinion: `My opinion`, `Our take`, `Why this matters`. */
    editorOpinion: string[];
    /** A list of further reading: `Read more`. */
    readMore: string[];
    /** What to read first: `Prerequisites`. */
    prerequisites: string[];
    /** The item's related links, given as a list of links after it: `Related`. */
    related: string[];
  };
  /** The highlights: the section (its label, as a heading) and the stub that lists a highlight again under its topic. */
  highlights: {
    section: string | null;
    /** `Listed among the highlights.`: an entry whose whole summary is one of these is a stub. */
    stub: string[];
  };
  /** How an issue cites another issue of the archive: `WR #{number}`; null when it does not. */
  citation: string | null;
  /** Sentences the newsletter repeats in every issue (preamble, footer): dropped wherever they stand. `[word]` is optional. */
  standingText: string[];
  /** Headings of the standing footer (`Feedback`): the entries are over once one appears. */
  footerHeadings: string[];
}

/** The shapes most newsletters share, with no words of any newsletter in particular. */
export const GENERIC_DIALECT: Dialect = {
  name: null,
  editor: null,
  issues: { id: '{number}', titles: [] },
  // A parenthetical `(<participle> by <names>)` credits who wrote the summary; `(via <names>)` who pointed to it.
  credits: { summarizedBy: ['{verb} by'], hatTip: ['via'] },
  labels: {
    opinion: ["{name}'s opinion"],
    editorOpinion: ['My opinion', 'Our opinion', 'Our take', 'Why this matters', 'Why it matters'],
    readMore: ['Read more'],
    prerequisites: [],
    related: ['Related', 'Related commentary', 'Related coverage', 'Related links', 'Related stories'],
  },
  highlights: { section: null, stub: [] },
  citation: null,
  standingText: [],
  footerHeadings: [],
};

/** Standing text every mail platform adds, whatever the newsletter. */
const MAIL_FURNITURE = [
  'View this email in your browser',
  'Want to change how you receive these emails?',
  'You can update your preferences or unsubscribe from this list.',
];

export type LabelKind = 'opinion' | 'readMore' | 'prerequisites' | 'related';

export interface LabelMatch {
  kind: LabelKind;
  /** For opinions: the name as written (`Dan H`), or null for the editor's. */
  by: string | null;
  /** Length of the label including its colon, markup and following spaces. */
  length: number;
}

/**
 * The patterns the stages read a newsletter by, made from its `Dialect`. One set is shared by every
 * file and stage, so a global pattern's position belongs to nobody: it is used only by calls that
 * start from 0 and leave it there (`matchAll`, `replace`, `search`), or copied first
 * (`new RegExp(rules.labelInline)`) where a stage walks it from an offset
 * (tests/records/module-state.test.ts checks that no stage sets `lastIndex` on it).
 */
export interface DialectRules {
  dialect: Dialect;
  /** The editor, or null. */
  editor: string | null;
  /** A parenthetical's text that credits summarizers: `reviewed by X` (group 1: the names); null when the dialect has none. */
  summarized: RegExp | null;
  /** A parenthetical's text that is a hat tip: `via X` (group 1: the names). */
  hatTip: RegExp | null;
  /** The start of a parenthetical that is a credit, not authors. */
  creditStart: RegExp | null;
  /** `(reviewed by X)` anywhere, global: the most certain mark of an entry header. */
  summarizedGroup: RegExp | null;
  /** The opening of a summarizer credit, `(reviewed by`: an entry header follows. */
  summarizedOpen: RegExp | null;
  /** A `(via X)` group at the start of a text. */
  hatTipGroup: RegExp | null;
  /** A credit group at the start of a text, with its markup: `(via X)`, `(reviewed by X)`. */
  creditGroup: RegExp | null;
  /** `(Authors)` right before a summarizer credit or a header's colon, global (group 1: the authors). */
  certainAuthors: RegExp;
  /** A label at the start of a paragraph. */
  labelAtStart: RegExp | null;
  /** A label inside a flattened line (after a space), global. */
  labelInline: RegExp | null;
  /** Which label each alternative of the label patterns is: group name -> kind, `by` from the `name` group. */
  labelKinds: Map<string, { kind: LabelKind; editor: boolean }>;
  /** Words each label holds, to look for before trying the patterns. */
  labelKeywords: string[];
  /** Every standing sentence, global, case-sensitive. */
  standing: RegExp | null;
  /** Words every standing sentence holds one of. */
  standingHints: RegExp | null;
  /** A footer heading, whole. */
  footerHeading: RegExp | null;
  /** Title lines: `[WR #12]: Title`, `Weekly Robotics #12: Title` (group 1: number, group 2: the rest). */
  titleLines: RegExp[];
  /** A highlight stub at the end of a header: `: Listed among the highlights.`. */
  stubTail: RegExp | null;
  /** A summary that is a stub, whole. */
  stubWhole: RegExp | null;
  /** The last word of the first stub, as written: looked for before the stub patterns are tried. */
  stubKeyword: string | null;
  /** The highlights section's label, or null. */
  highlightSection: string | null;
  /** A citation anywhere, global (group 1: the number): what an entry's `references` record. */
  mention: RegExp | null;
  /** A citation in parentheses in running text, global: `(WR #74)`. */
  citation: RegExp | null;
  /** A link text that is an issue and nothing else: `WR #72`. */
  citationText: RegExp | null;
  /** A citation as the site shows it: `WR #74`; null when the dialect has none. */
  citationLabel: ((number: number) => string) | null;
  /** What an issue's number is shown after: `WR #` (from the citation), else `#`. */
  numberPrefix: string;
  /** The words a citation puts before the number (`WR`): the series a database row's issue is named in; null without a citation. */
  series: string | null;
  /** An issue's id from its number. */
  idFor: (number: number) => string;
}

/** What the site needs of a dialect to link citations: `createMarkdown`'s argument. */
export type CitationRules = Pick<DialectRules, 'citation' | 'citationText' | 'citationLabel' | 'numberPrefix'>;

/** A newsletter that cites no issue. */
export const NO_CITATIONS: CitationRules = { citation: null, citationText: null, citationLabel: null, numberPrefix: '#' };

/** The one rule for putting a text into a regular expression: every character with a meaning there (and `/`) is escaped, so the text matches only itself. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

const alternatives = (patterns: string[]): string => patterns.join('|');

/** `{verb}` in a credit marker: one word ending in -ed or -en (`reviewed`, `written`). */
const VERB = '[A-Za-z]{2,20}(?:ed|en)';

/** A credit's words as a pattern: as written, but `{verb}` stands for any participle. */
function creditWords(text: string): string {
  return escapeRegExp(text.trim()).replaceAll(String.raw`\{verb\}`, VERB);
}

/** A credit marker: its words as written, each space one space, an optional colon after it (`HT:`). */
function marker(text: string): string {
  return `${creditWords(text.trim().replace(/:$/, ''))}:?`;
}

// A first name, maybe with an initial (`Dan H`), maybe two people (`Ada and Bob`). Longer runs of
// capitalised words are not allowed: in a flattened issue the words before the label belong to the
// previous paragraph (`... Atari Human Benchmark Ada's opinion:`).
const FIRST = String.raw`[\p{Lu}][\p{L}\p{M}\-]*(?: [\p{Lu}]\.?)?`;
const NAME = `${FIRST}(?: (?:and|&) ${FIRST})?`;
const COLON = `(?:[*_]{0,2} ?:[*_]{0,2}|:)`;

/** One label as a pattern alternative, in group `g`: `{name}'s opinion` takes the name before it. */
function labelPattern(label: string, group: string): string {
  const text = label.trim().replace(/:$/, '');
  const question = text.endsWith('?');
  let body: string;
  const at = text.indexOf('{name}');
  if (at >= 0) {
    const after = text.slice(at + '{name}'.length);
    // `{name}'s opinion`: the possessive may be written `'s`, `’s` or `'` alone (`Nicholas' opinion`).
    const possessive = /^['’‘]s?/.test(after);
    const rest = possessive ? after.replace(/^['’‘]s?/, '') : after;
    body = `${escapeRegExp(text.slice(0, at))}(?<${group}n>${NAME})${possessive ? `(?:['’‘]s|['’‘])` : ''}${escapeRegExp(rest)}`;
  } else body = escapeRegExp(text);
  return question ? `[*_]{0,2}(?<${group}>${body})[*_]{0,2}(?= )` : `[*_]{0,2}(?<${group}>${body})${COLON}`;
}

/** A standing phrase as a pattern: `[word]` is optional, commas are optional, apostrophes may be curly. */
const GAP = String.raw`(?:\s|[*_\[]|\]\([^)\s]*\)|\])*`;
function tolerant(phrase: string): string {
  const tokens = phrase.match(/\[[^\]]+\]|[\p{L}\p{N}'’@©]+|[^\s\p{L}\p{N}]/gu) ?? [];
  return tokens
    .map((t) => {
      if (t.startsWith('[')) return `(?:${tolerant(t.slice(1, -1))}${GAP})?`;
      const p = escapeRegExp(t).replace(/'/g, "['’]");
      return t === ',' ? `(?:${p})?` : p;
    })
    .join(GAP);
}

/** A word the phrase certainly holds as written (outside its optional parts): the longest one. */
function hintOf(phrase: string): string | null {
  const words = phrase.replace(/\[[^\]]*\]/g, ' ').match(/[\p{L}\p{N}@©]+/gu) ?? [];
  return words.reduce<string | null>((best, w) => (best === null || w.length > best.length ? w : best), null);
}

/** Words of mail and newsletter furniture in general (`feedback`, `email`), besides each phrase's own. */
const FURNITURE_HINTS = ['the newsletter', 'this newsletter', 'eedback', 'email', 'subscribe'];

/** `{number}` / `{number:3}` in an id template. */
const NUMBER_SLOT = /\{number(?::(\d))?\}/;

function idMaker(template: string): (number: number) => string {
  const m = NUMBER_SLOT.exec(template);
  if (!m) return (n) => `${template}${n}`;
  const width = m[1] ? Number(m[1]) : 0;
  return (n) => template.replace(NUMBER_SLOT, String(n).padStart(width, '0'));
}

/** `WR #{number}` -> the words before the number and the mark between (`WR`, `#`). */
function citationParts(template: string): { words: string[]; mark: string } | null {
  const m = /^(.*?)\s*(#|No\.?)?\s*\{number\}\s*$/.exec(template.trim());
  if (!m || m[1]!.trim() === '') return null;
  return { words: m[1]!.trim().split(/\s+/).map(escapeRegExp), mark: m[2] ? escapeRegExp(m[2]) : '' };
}

/** A title prefix (`Weekly Robotics`) as a pattern: words apart by any spaces. */
function titlePrefix(text: string): string {
  return text.trim().split(/\s+/).map(escapeRegExp).join(String.raw`\s+`);
}

/** The patterns a dialect is read by. */
export function compileDialect(dialect: Dialect): DialectRules {
  const summarizedBy = dialect.credits.summarizedBy.filter((s) => s.trim() !== '');
  const hatTip = dialect.credits.hatTip.filter((s) => s.trim() !== '');
  const sAlt = alternatives(summarizedBy.map(creditWords));
  const hAlt = alternatives(hatTip.map(marker));
  const credits = [...summarizedBy.map(creditWords), ...hatTip.map((h) => creditWords(h.trim().replace(/:$/, '')))];

  const labelKinds = new Map<string, { kind: LabelKind; editor: boolean }>();
  const labelAlts: string[] = [];
  const keywords: string[] = [];
  const addLabels = (given: string[], kind: LabelKind, editor: boolean): void => {
    // Each label as written and in Title Case (`Our take`, `Our Take`).
    const labels = given.flatMap((l) => {
      const title = l.replace(/(^|\s)(\p{Ll})/gu, (_m, space: string, c: string) => space + c.toUpperCase());
      return title === l ? [l] : [l, title];
    });
    for (const label of labels) {
      if (label.trim() === '') continue;
      const group = `l${labelKinds.size}`;
      labelKinds.set(group, { kind, editor });
      labelAlts.push(labelPattern(label, group));
      const literal = label
        .replace(/\{name\}['’‘]?s?\s*/, '')
        .trim()
        .replace(/:$/, '');
      if (literal) keywords.push(literal);
    }
  };
  addLabels(dialect.labels.editorOpinion, 'opinion', true);
  addLabels(dialect.labels.opinion, 'opinion', false);
  addLabels(dialect.labels.readMore, 'readMore', false);
  addLabels(dialect.labels.prerequisites, 'prerequisites', false);
  addLabels(dialect.labels.related, 'related', false);
  const labelBody = alternatives(labelAlts);

  const phrases = [...dialect.standingText, ...MAIL_FURNITURE].filter((p) => p.trim() !== '');
  const footers = dialect.footerHeadings.filter((f) => f.trim() !== '');
  const footerInline = footers.length
    ? `(?:(?:${alternatives(footers.flatMap((f) => [f.toUpperCase(), f.charAt(0).toUpperCase() + f.slice(1)]).map(escapeRegExp))})\\s+)?`
    : '';
  const hints = [
    ...new Set([...FURNITURE_HINTS, ...(dialect.name ? [dialect.name] : []), ...phrases.map(hintOf).filter((h) => h !== null)]),
  ];

  const titles = [...dialect.issues.titles, ...(dialect.name ? [dialect.name] : []), 'Newsletter'].filter((t) => t.trim() !== '');
  const titleLines = titles.map(
    (t) => new RegExp(String.raw`^\[?\s*(?:The\s+)?${titlePrefix(t)}\s*#\s*(\d{1,6})\b\s*\]?\s*[:\-–—]?\s*(.*)$`, 'i'),
  );

  const stubs = dialect.highlights.stub.map((s) => s.trim().replace(/[.!]+$/, '')).filter((s) => s !== '');
  const stubAlt = alternatives(stubs.map(escapeRegExp));
  const cite = dialect.citation ? citationParts(dialect.citation) : null;
  const citeWords = (gap: string): string => (cite ? cite.words.join(String.raw`\s+`) + gap + cite.mark : '');

  return {
    dialect,
    editor: dialect.editor,
    summarized: sAlt ? new RegExp(String.raw`^\s*(?:${sAlt})\s+(.+?)\s*$`, 'is') : null,
    hatTip: hAlt ? new RegExp(String.raw`^\s*(?:${hAlt})\s+(.+?)\s*$`, 's') : null,
    creditStart: credits.length ? new RegExp(String.raw`^(?:${alternatives(credits)})\b`, 'i') : null,
    summarizedGroup: sAlt ? new RegExp(String.raw`\(\s*[*_]{0,2}(?:${sAlt}) [^()]{1,120}\)`, 'gi') : null,
    summarizedOpen: sAlt ? new RegExp(String.raw`\(\s*(?:${sAlt})\b`, 'i') : null,
    hatTipGroup: hAlt ? new RegExp(String.raw`^\s*[*_]{0,2}\((?:${hAlt})[^()]{1,80}\)`) : null,
    creditGroup: credits.length
      ? new RegExp(
          String.raw`^\s*[*_]{0,2}\((?:${alternatives([...hatTip.map(marker), ...summarizedBy.map(creditWords)])})\s[^()]{1,120}\)[*_]{0,2}`,
        )
      : null,
    certainAuthors: new RegExp(String.raw`\(([^()\n]{2,300})\)[*_]{0,2}\s*(?:${sAlt ? String.raw`\((?:${sAlt})\b|` : ''}:)`, 'g'),
    labelAtStart: labelBody ? new RegExp(`^(?:${labelBody})[ ]*`, 'u') : null,
    labelInline: labelBody ? new RegExp(String.raw`(?<=^|\s)(?:${labelBody})[ ]*`, 'gu') : null,
    labelKinds,
    labelKeywords: [...new Set(keywords)],
    standing: phrases.length ? new RegExp(String.raw`${footerInline}(?:${phrases.map(tolerant).join('|')})(?:\s*[*_]{1,2})?`, 'gu') : null,
    standingHints: new RegExp(hints.map(escapeRegExp).join('|')),
    footerHeading: footers.length ? new RegExp(`^(?:${alternatives(footers.map(escapeRegExp))})$`, 'i') : null,
    titleLines,
    stubTail: stubAlt ? new RegExp(String.raw`:\s*(?:${stubAlt})\s*[.!]?\s*$`, 'i') : null,
    stubWhole: stubAlt ? new RegExp(String.raw`^(?:${stubAlt})\s*[.!]?$`, 'i') : null,
    stubKeyword: stubs.length ? (stubs[0]!.split(/\s+/).pop() ?? null) : null,
    highlightSection: dialect.highlights.section,
    mention: cite ? new RegExp(String.raw`\b${citeWords(' ?')}(\d{1,4})\b`, 'g') : null,
    citation: cite ? new RegExp(String.raw`\(\s*${citeWords(String.raw`\s*`)}\s*(\d+)\s*\)`, 'g') : null,
    citationText: cite ? new RegExp(String.raw`^\s*${citeWords(String.raw`\s*`)}\s*(\d+)\s*$`) : null,
    citationLabel: dialect.citation ? (n) => dialect.citation!.trim().replace('{number}', String(n)) : null,
    numberPrefix: dialect.citation ? dialect.citation.trim().replace(/\{number\}\s*$/, '') : '#',
    series: dialect.citation?.replace(/\s*(?:#|No\.?)?\s*\{number\}\s*$/, '').trim() || null,
    idFor: idMaker(dialect.issues.id),
  };
}
