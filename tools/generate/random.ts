/**
 * Made-up issues: `specFromRandom(rng)` gives a realistic IssueSpec (about 12 entries, sections
 * in the newsletter's order, highlights first, opinions, read-more links, `(AN #N)` references).
 * Works with any Rng, so a fast-check property can drive it: `fc.integer().map((s) => specFromRandom(seeded(s)))`.
 */
import type { Rng } from './prng.ts';
import type { EntrySpec, IssueSpec, OpinionSpec, SectionSpec } from './spec.ts';
import { referencesIn } from './spec.ts';
import {
  SUMMARIZERS,
  authorList,
  certainAuthorList,
  issueNote,
  noticeTitle,
  opinionParagraph,
  paperTitle,
  paragraph,
  personName,
  readerComment,
} from './text.ts';

/** Heading paths the made-up issues use, in newsletter order (all are labels of the sample archive's categories.yml). */
export const SECTION_PATHS: string[][] = [
  ['Technical AI alignment', 'Problems'],
  ['Technical AI alignment', 'Technical agendas and prioritization'],
  ['Technical AI alignment', 'Iterated amplification'],
  ['Technical AI alignment', 'Mesa optimization'],
  ['Technical AI alignment', 'Agent foundations'],
  ['Technical AI alignment', 'Learning human intent'],
  ['Technical AI alignment', 'Preventing bad behavior'],
  ['Technical AI alignment', 'Interpretability'],
  ['Technical AI alignment', 'Adversarial examples'],
  ['Technical AI alignment', 'Forecasting'],
  ['Technical AI alignment', 'Miscellaneous (Alignment)'],
  ['Near-term concerns', 'Fairness and bias'],
  ['Near-term concerns', 'Privacy and security'],
  ['AI strategy and policy'],
  ['Other progress in AI', 'Reinforcement learning'],
  ['Other progress in AI', 'Deep learning'],
  ['Other progress in AI', 'Meta learning'],
  ['News'],
];

export interface RandomOptions {
  /** Issue number; default drawn in 1..170. */
  number?: number;
  /** Entries in the issue; default about 12 (8..16). */
  entries?: number;
  editor?: string;
}

/** Monday of week `number` of the newsletter (AN #1 came out on 2018-04-09). */
export function issueDate(number: number): string {
  const start = Date.UTC(2018, 3, 9);
  return new Date(start + (number - 1) * 7 * 86400000).toISOString().slice(0, 10);
}

function opinionFor(r: Rng, summarizer: string | undefined, editor: string, early: boolean): OpinionSpec {
  const text = Array.from({ length: r.int(1, 2) }, () => opinionParagraph(r, r.int(1, 4))).join('\n\n');
  if (early || summarizer === undefined) return { by: editor, text, label: 'my' };
  return { by: summarizer, text, label: r.chance(0.2) ? 'curly' : 'possessive' };
}

function randomEntry(r: Rng, path: string[], highlight: boolean, number: number, editor: string): EntrySpec {
  // Early issues (before AN #40 or so) did not say who summarized; opinions were "My opinion:".
  const early = number < 40;
  const seeAlso = !highlight && r.chance(0.08);
  const cite = Array.from({ length: r.int(0, 3) }, () => r.int(1, Math.max(1, number - 1)));
  const paragraphs = seeAlso ? [] : Array.from({ length: r.int(1, highlight ? 6 : 4) }, () => paragraph(r, r.int(2, 5), cite));
  const summarizers = seeAlso ? [] : early ? [editor] : r.chance(0.05) ? [r.pick(SUMMARIZERS), editor] : [r.pick(SUMMARIZERS)];
  // Only other summarizers are named in later issues, sometimes; the first issues name nobody.
  const tagged = summarizers.length > 0 && !early && !(summarizers.length === 1 && summarizers[0] === editor && r.chance(0.3));
  const opinions: OpinionSpec[] = [];
  if (!seeAlso && r.chance(0.6)) opinions.push(opinionFor(r, summarizers[0], editor, early));
  if (opinions.length > 0 && summarizers[0] !== editor && r.chance(0.25)) {
    opinions.push({ by: editor, text: opinionParagraph(r, r.int(1, 3)), label: 'possessive' });
  }
  const prerequisites = r.chance(0.05) ? [paperTitle(r)] : [];
  const readMore = r.chance(0.15)
    ? [r.chance(0.5) ? `Paper: ${paperTitle(r)}` : `[${paperTitle(r)}](https://example.org/${r.int(1, 99999)})`]
    : [];
  const title = paperTitle(r);
  const texts = [...paragraphs, ...opinions.map((o) => o.text), ...prerequisites, ...readMore];
  return {
    title,
    // A "see also" header in a run of them ends at its authors: names beyond doubt.
    authors: seeAlso ? certainAuthorList(r) : authorList(r),
    summarizers,
    tagged,
    topic: null,
    hatTips: r.chance(0.04) ? [personName(r)] : [],
    category: highlight ? ['Highlights'] : path,
    highlight,
    summary: paragraphs,
    opinions,
    readMore,
    prerequisites,
    misspellPrerequisites: r.chance(0.3),
    references: referencesIn(texts),
    url: urlFor(title),
  };
}

function urlFor(title: string): string {
  return `https://example.org/papers/${encodeURIComponent(title.toLowerCase().replace(/[^a-z0-9]+/g, '-'))}`;
}

/**
 * A notice with no parenthetical at all (`Research Engineer, Robust Systems: Apply by May 3.`), the
 * first entry of its section: a header with neither authors nor a summarizer tag is told from running
 * text by the heading above it (or, with no headings, by its Title Case title after an entry whose
 * last paragraph is a closed opinion).
 */
function noticeEntry(r: Rng, path: string[], editor: string): EntrySpec {
  const title = noticeTitle(r);
  const summary = [paragraph(r, r.int(1, 2), [])];
  return {
    title,
    authors: null,
    summarizers: [editor],
    tagged: false,
    topic: null,
    hatTips: [],
    category: path,
    highlight: false,
    summary,
    opinions: [],
    readMore: [],
    prerequisites: [],
    misspellPrerequisites: false,
    references: referencesIn(summary),
    url: urlFor(title),
  };
}

/** A made-up issue. */
export function specFromRandom(r: Rng, options: RandomOptions = {}): IssueSpec {
  const number = options.number ?? r.int(1, 170);
  const editor = options.editor ?? 'Rohin';
  const total = options.entries ?? r.int(8, 16);
  const highlights = Math.min(total, r.int(1, 2));
  const sections: SectionSpec[] = [];
  if (highlights > 0) {
    sections.push({
      category: ['Highlights'],
      highlight: true,
      entries: Array.from({ length: highlights }, () => randomEntry(r, ['Highlights'], true, number, editor)),
    });
  }
  // Pick distinct sections, keep newsletter order, spread the remaining entries over them.
  let left = total - highlights;
  const chosen = SECTION_PATHS.filter(() => r.chance(0.35));
  const paths = chosen.length > 0 ? chosen : [r.pick(SECTION_PATHS)];
  paths.forEach((path, i) => {
    const count = i === paths.length - 1 ? left : Math.min(left, r.int(1, 3));
    left -= count;
    if (count > 0) {
      const entries = Array.from({ length: count }, () => randomEntry(r, path, false, number, editor));
      // A title with a sentence end of its own (`Are X Robust? Mostly not.`) right after a Read more
      // or Prerequisites link: flattened onto one line, nothing says which words are the link's and
      // which the title's, so the entry before it ends with its summary or opinion instead.
      entries.forEach((entry, k) => {
        const before = entries[k - 1];
        if (before && /[?!]\s/.test(entry.title) && before.summary.length > 0) {
          before.readMore = [];
          before.prerequisites = [];
          before.references = referencesIn([...before.summary, ...before.opinions.map((o) => o.text)]);
        }
      });
      if (r.chance(0.15)) {
        // The entry before a notice ends with an opinion, so its last paragraph is closed by a full stop.
        const before = sections[sections.length - 1]?.entries.at(-1);
        if (before && before.summary.length > 0) {
          if (before.opinions.length === 0) before.opinions.push(opinionFor(r, before.summarizers[0], editor, number < 40));
          before.readMore = [];
          before.prerequisites = [];
          before.references = referencesIn([...before.summary, ...before.opinions.map((o) => o.text)]);
          entries[0] = noticeEntry(r, path, editor);
        }
      }
      sections.push({ category: path, highlight: false, entries });
    }
  });
  // A highlight is listed again under its topic as a stub (only one with authors: the stub is `Title (Authors): ...`).
  const topics = sections.filter((section) => !section.highlight);
  for (const entry of sections[0]?.highlight ? sections[0].entries : []) {
    if (topics.length > 0 && entry.authors !== null && r.chance(0.4)) entry.topic = r.pick(topics).category;
  }
  const first = sections[0]?.entries[0];
  return {
    number,
    title: first ? first.title : `Alignment Newsletter #${number}`,
    date: issueDate(number),
    intro: r.chance(0.15) ? issueNote(r) : null,
    sections,
    comments: r.chance(0.4) ? Array.from({ length: r.int(1, 5) }, () => readerComment(r)) : [],
    editor,
  };
}
