/**
 * Related summaries: for every summary of the archive, the few others a reader of it would want
 * next, each with a one-line reason ("cites this", "shared author", "similar text", ...).
 *
 * Pure: the list is a function of the set of inputs alone (their order does not matter), with no
 * I/O and nothing kept between calls, so a caller can memo the whole result on its input.
 *
 * How it works, linear in the archive (no comparison of all pairs):
 * 1. Each summary's title, summary and opinions are analysed once (Markdown stripped, words
 *    lower-cased and Porter-stemmed) and indexed once for BM25+ ranking, scored as MiniSearch
 *    scores (bm25.ts: the same numbers, without its per-query objects), which gives the text
 *    similarity.
 * 2. Each summary is then one query: its `queryTerms` most distinctive terms (tf-idf within the
 *    archive; never a term common to many summaries), each boosted by how often the summary
 *    uses it. A score is divided by the summary's score against itself, so text similarity is
 *    in [0, 1] (1: the same words). The best `TEXT_KEPT` matches are kept; an `(WR #N)`
 *    citation is resolved to the summary of issue N whose text is nearest (an issue holds many
 *    summaries; the citation names one).
 * 3. Candidates are the text matches (a summary sharing only one of the query's terms is none:
 *    one shared title word or name is no shared subject), the other summaries of each of its
 *    authors (when an author has at most `AUTHOR_FANOUT` of them; a prolific author's name only
 *    adds to candidates found otherwise), the resolved citations in both directions, and the
 *    summaries whose title holds its whole title, or whose whole title its own holds (three terms
 *    or more, in order: "Thoughts on AI Safety via Debate" is about "AI safety via debate").
 *    Each candidate's evidence is
 *
 *      text + 0.4 × citation link + 0.5 × title held + 0.35 × shared authors (Jaccard)
 *
 *    where text is this summary's query against the other (how much of its distinctive
 *    vocabulary the other carries; a short summary whose few words this one contains is not
 *    thereby close to it), and shared authors count only where the texts also meet (text at
 *    least `AUTHOR_TEXT`) or one cites or names the other: a shared author alone relates
 *    nothing. The topic comes first: a candidate on the same topic (the same category path; a
 *    merged summary's topic, never the highlights heading) needs evidence of `MIN_TOPIC_EVIDENCE`,
 *    any other `MIN_SCORE`, and its score is its evidence plus 0.3, so summaries on the page's
 *    topic rank above others the text alone ties them with. The topic never admits a summary on
 *    its own. The best `limit` are kept, ties broken by id.
 *
 *    Measured on the real archive with the newsletter's database (`npm run score-related`): the
 *    share of related links that stay in the page's database category (docs/site.md).
 *
 * What a change invalidates: an edit to one summary's text changes the archive's statistics
 * (document frequencies, average lengths) that every score uses, so in general any list may
 * change; in practice only lists with the changed summary among their candidates, or near a cut,
 * do. A change that touches none of the inputs (an issue's intro, a date) invalidates nothing:
 * memo the result on the inputs and keep it.
 */
import { stemmer } from 'stemmer';
import { Bm25Index } from './bm25.ts';
import { plainExcerpt } from '../../records/plain-text.ts';
import { authorKey } from '../../records/names.ts';

/** One summary as the related-summaries engine sees it: one item per summary page. */
export interface RelatedInput {
  /** Unique in the input: the caller's key of the summary's page (e.g. its paper slug). */
  id: string;
  title: string;
  /** Markdown. */
  summary: string;
  /** Markdown of each opinion paragraph. */
  opinions: string[];
  /** The paper's authors, one name (or person key) each; case and spacing do not matter. */
  authors: string[];
  /** Heading path (`["Technical AI alignment", "Interpretability"]`); [] when none. */
  category: string[];
  /** AN number of the issue the summary is in, when that issue owns the number; else null. */
  issueNumber: number | null;
  /** AN numbers the summary cites as `(WR #N)`. */
  cites: number[];
}

/**
 * `same authors`: the two author lists are the same people; `shared author(s)`: some, not all, are
 * (Hernandez and Brown against Amodei and Hernandez share one author, they are not the same authors).
 */
export type RelatedReason =
  | 'cites this'
  | 'cited by this'
  | 'shared title'
  | 'same authors'
  | 'shared authors'
  | 'shared author'
  | 'similar text'
  | 'shared terms'
  | 'same category';

export interface RelatedLink {
  /** The related summary's `RelatedInput.id`. */
  id: string;
  /** The combined score (see the module comment), rounded to 4 decimals. */
  score: number;
  /** Every signal that holds, the strongest first. */
  reasons: RelatedReason[];
  /** The reasons as one line: `cites this, similar text`. */
  reason: string;
}

export interface RelatedOptions {
  /** Related summaries per summary. Default 5. */
  limit?: number;
  /** Terms in each summary's query. Default 12. */
  queryTerms?: number;
  /**
   * The analyser (`analyse`), or one that gives what it gives for the same text: a caller that
   * keeps the terms of each text between calls (a rebuild after one edit) analyses only the
   * texts that changed. Default: `analyse`, with the stems of this call shared.
   */
  analyser?: (markdown: string) => readonly string[];
  /**
   * What the engine works out from each input alone (its terms, their weighted counts, its
   * authors), kept by input object by a caller that hands the same objects again (a rebuild):
   * only new inputs are worked out. Used with one analyser only.
   */
  prepared?: PreparedInputs;
}

/** Each input's own analysis, by input object: see `RelatedOptions.prepared`. */
export type PreparedInputs = WeakMap<RelatedInput, Analysed>;

export const WEIGHTS = { citation: 0.4, title: 0.5, authors: 0.35, category: 0.3 } as const;
/** Below this a candidate is not related at all (0.1: e.g. a tenth of a summary's words). */
export const MIN_SCORE = 0.1;
/** What a summary on the same topic needs besides the topic to be related (the topic never admits one alone). */
export const MIN_TOPIC_EVIDENCE = 0.02;
/** The text similarity two summaries need for a shared author to count: a shared author alone relates nothing. */
export const AUTHOR_TEXT = 0.05;
/** The fewest title terms a title needs for another title holding all of them, in order, to be about it. */
const TITLE_TERMS = 3;
/** Text similarity from which "similar text" is given as a reason. */
export const SIMILAR_TEXT = 0.1;
/** The text similarity a cited issue's summary needs (more than this) to be taken as the one cited. */
const MIN_CITED_TEXT = 0.05;
/**
 * A term in more summaries than this (`the`, `model`, `reward`) is never a query term: it says
 * little about a topic, and its list of summaries is what a query costs, so the cap keeps each
 * query bounded however large the archive grows: 5% of the summaries, at least 5 (a small
 * archive), at most 100.
 */
function commonFrom(total: number): number {
  return Math.min(100, Math.max(5, 0.05 * total));
}
/** Text matches kept per summary as candidates. */
const TEXT_KEPT = 20;
/** An author with more summaries than this adds no candidates of their own (the list would not be bounded). */
const AUTHOR_FANOUT = 40;
/** Field weights, in the index and in choosing query terms: a title word says more than an opinion's. */
const FIELD_BOOST = { title: 2, summary: 1, opinions: 0.5 } as const;
type Field = keyof typeof FIELD_BOOST;
const FIELDS = Object.keys(FIELD_BOOST) as Field[];
const REASON_ORDER: RelatedReason[] = [
  'cites this',
  'cited by this',
  'shared title',
  'same authors',
  'shared authors',
  'shared author',
  'similar text',
  'shared terms',
  'same category',
];

/** The reason for `shared` common authors whose Jaccard index is `jaccard` (1: the same set). */
function authorsReason(shared: number, jaccard: number): RelatedReason {
  if (jaccard === 1) return 'same authors';
  return shared === 1 ? 'shared author' : 'shared authors';
}

/** Split like MiniSearch's own tokenizer: any run of spaces or punctuation. */
const SEPARATOR = /[\n\r\p{Z}\p{P}\p{S}]+/u;

/**
 * Index terms of a Markdown text: links keep their text (`[paper](https://arxiv.org/...)` gives
 * `paper`, not `arxiv`), words are lower-cased and stemmed (`models` and `modeling` meet at
 * `model`); one-letter words and bare numbers (the `74` of `(WR #74)`, `2019`) are not topics.
 */
export function analyse(markdown: string, stems: Map<string, string> = new Map()): string[] {
  const terms: string[] = [];
  for (const word of plainExcerpt(markdown, Number.POSITIVE_INFINITY).toLowerCase().split(SEPARATOR)) {
    if (word.length < 2 || /^\d+$/.test(word)) continue;
    let stem = stems.get(word);
    if (stem === undefined) {
      stem = stemmer(word);
      stems.set(word, stem);
    }
    terms.push(stem);
  }
  return terms;
}

/** A name as a key (`authorKey`: `Jan  Leike`, `jan leike` and `Jan A. Leike` are one author); `et al` is nobody. */
function authorOf(name: string): string {
  const key = authorKey(name);
  return key === 'et al' ? '' : key;
}

/** One input as the engine works with it: all of it depends on the input alone. */
export interface Analysed {
  item: RelatedInput;
  fields: Record<Field, readonly string[]>;
  /** Each distinct term with its count, weighted by field (FIELD_BOOST). */
  tf: [string, number][];
  authors: Set<string>;
  categoryKey: string;
}

const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
const round = (x: number): number => Math.round(x * 1e4) / 1e4;

/** The best `count` query terms of one summary with their weights: highest tf-idf, ties by term. */
function queryOf(doc: Analysed, documentFrequency: Map<string, number>, total: number, maxDf: number, count: number): Map<string, number> {
  const ranked: { term: string; f: number; w: number }[] = [];
  for (const [term, f] of doc.tf) {
    const df = documentFrequency.get(term) ?? 1;
    if (df <= maxDf) ranked.push({ term, f, w: f * Math.log(total / df) });
  }
  ranked.sort((a, b) => b.w - a.w || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  return new Map(ranked.slice(0, count).map(({ term, f }) => [term, 1 + Math.log(f)]));
}

/** `seq` holds `part` as a run of consecutive items. */
function holdsRun(seq: readonly string[], part: readonly string[]): boolean {
  outer: for (let i = 0; i + part.length <= seq.length; i++) {
    for (let j = 0; j < part.length; j++) if (seq[i + j] !== part[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * For each summary, the others whose title holds its whole title as a run of terms, and those
 * whose whole title its own holds: found through its title's rarest term, so linear in the archive.
 */
function titleLinks(docs: readonly Analysed[], documentFrequency: ReadonlyMap<string, number>): Set<number>[] {
  const out = docs.map(() => new Set<number>());
  const byTitleTerm = new Map<string, number[]>();
  docs.forEach((d, key) => {
    for (const term of new Set(d.fields.title)) push(byTitleTerm, term, key);
  });
  docs.forEach((d, key) => {
    const title = d.fields.title;
    if (title.length < TITLE_TERMS) return;
    let rarest = title[0]!;
    for (const term of title) if ((documentFrequency.get(term) ?? 0) < (documentFrequency.get(rarest) ?? 0)) rarest = term;
    const holders = byTitleTerm.get(rarest) ?? [];
    // A title term in a great many titles is no subject of its own: the cap keeps the pass bounded.
    if (holders.length > AUTHOR_FANOUT * 5) return;
    for (const other of holders) {
      if (other === key || !holdsRun(docs[other]!.fields.title, title)) continue;
      out[key]!.add(other);
      out[other]!.add(key);
    }
  });
  return out;
}

/** The 5 (or `limit`) most related other summaries of every summary, by id. */
export function relatedSummaries(items: readonly RelatedInput[], options: RelatedOptions = {}): Map<string, RelatedLink[]> {
  const limit = options.limit ?? 5;
  const queryTerms = options.queryTerms ?? 12;
  // Words repeat across the archive: each is stemmed once per call.
  const stems = new Map<string, string>();
  const terms = options.analyser ?? ((markdown: string): readonly string[] => analyse(markdown, stems));
  const prepared = options.prepared;
  const docs: Analysed[] = [...items].sort(byId).map((item) => {
    const kept = prepared?.get(item);
    if (kept !== undefined) return kept;
    const fields = { title: terms(item.title), summary: terms(item.summary), opinions: item.opinions.flatMap((o) => terms(o)) };
    const tf = new Map<string, number>();
    for (const field of FIELDS) for (const term of fields[field]) tf.set(term, (tf.get(term) ?? 0) + FIELD_BOOST[field]);
    const doc: Analysed = {
      item,
      fields,
      tf: [...tf],
      authors: new Set(item.authors.map(authorOf).filter((k) => k !== '')),
      categoryKey: item.category.join('\u0000'),
    };
    prepared?.set(item, doc);
    return doc;
  });
  for (let i = 1; i < docs.length; i++) {
    if (docs[i]!.item.id === docs[i - 1]!.item.id) throw new Error(`related summaries: the id "${docs[i]!.item.id}" is given twice`);
  }

  const documentFrequency = new Map<string, number>();
  const byAuthor = new Map<string, number[]>();
  const byIssue = new Map<number, number[]>();
  docs.forEach((d, key) => {
    for (const [term] of d.tf) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    for (const author of d.authors) push(byAuthor, author, key);
    if (d.item.issueNumber !== null) push(byIssue, d.item.issueNumber, key);
  });

  // Only terms that can be in a query are indexed: a common term is never asked for, and it is
  // most of the words (`the`, `model`), so leaving it out makes the index several times cheaper.
  // A field's length for BM25 is then its number of distinctive words, a fair measure too.
  // Indexed in id order: MiniSearch keeps running averages, so the order would show in the last digits.
  const maxDf = commonFrom(docs.length);
  const queryable = (terms: readonly string[]): string[] => terms.filter((t) => documentFrequency.get(t)! <= maxDf);
  const index = new Bm25Index(
    docs.map((d) => FIELDS.map((field) => queryable(d.fields[field]))),
    FIELDS.map((field) => FIELD_BOOST[field]),
  );

  // Pass 1: one query per summary; its best text matches and the summaries its citations name.
  const textMatches: Map<number, number>[] = [];
  const cited: Set<number>[] = docs.map(() => new Set());
  const citing: Set<number>[] = docs.map(() => new Set());
  docs.forEach((d, key) => {
    const query = queryOf(d, documentFrequency, docs.length, maxDf, queryTerms);
    const { matched, scores, terms } =
      query.size === 0 ? { matched: [], scores: null, terms: null } : index.search([...query.keys()], (term) => query.get(term) ?? 1);
    const self = scores === null ? 0 : scores[key]!;
    const similarity = (score: number): number => (self > 0 ? Math.min(1, score / self) : 0);
    // The best TEXT_KEPT others, ties by key: kept in order as they come (most matches are below the last kept).
    const kept: { key: number; t: number }[] = [];
    for (const other of matched) {
      if (other === key) continue;
      // One shared word (a title word, a name) is no shared subject: only two or more make a text match.
      if (terms![other]! < 2) continue;
      const t = similarity(scores![other]!);
      const last = kept[kept.length - 1];
      if (kept.length === TEXT_KEPT && last !== undefined && (t < last.t || (t === last.t && other > last.key))) continue;
      let at = kept.length;
      while (at > 0 && (kept[at - 1]!.t < t || (kept[at - 1]!.t === t && kept[at - 1]!.key > other))) at--;
      kept.splice(at, 0, { key: other, t });
      if (kept.length > TEXT_KEPT) kept.pop();
    }
    textMatches.push(new Map(kept.map((m) => [m.key, m.t])));

    const numbers = d.item.cites.filter((n) => n !== d.item.issueNumber && byIssue.has(n));
    if (numbers.length === 0) return;
    for (const n of new Set(numbers)) {
      // Members are in key order, so of two equally near the first (by id) is taken.
      let best = -1;
      let bestText = MIN_CITED_TEXT;
      for (const member of byIssue.get(n)!) {
        const t = scores === null ? 0 : similarity(scores[member]!);
        if (t > bestText) [best, bestText] = [member, t];
      }
      if (best !== -1) {
        cited[key]!.add(best);
        citing[best]!.add(key);
      }
    }
  });

  // Titles: a summary whose title holds another's whole title (three terms or more, in order) is about it
  // ("Thoughts on AI Safety via Debate" and "AI safety via debate"), whatever their texts share.
  const titled = titleLinks(docs, documentFrequency);

  // Pass 2: every candidate scored by all signals.
  const out = new Map<string, RelatedLink[]>();
  docs.forEach((d, key) => {
    const candidates = new Set<number>([...textMatches[key]!.keys(), ...cited[key]!, ...citing[key]!, ...titled[key]!]);
    for (const author of d.authors) {
      const peers = byAuthor.get(author)!;
      if (peers.length <= AUTHOR_FANOUT) for (const peer of peers) candidates.add(peer);
    }
    candidates.delete(key);
    const links: RelatedLink[] = [];
    for (const other of candidates) {
      const o = docs[other]!;
      const text = textMatches[key]!.get(other) ?? 0;
      let shared = 0;
      for (const a of d.authors) if (o.authors.has(a)) shared++;
      const title = titled[key]!.has(other);
      const linked = citing[key]!.has(other) || cited[key]!.has(other) || title;
      // A shared author counts only where the texts also meet (or one cites or names the other).
      const authors = shared === 0 || (text < AUTHOR_TEXT && !linked) ? 0 : shared / (d.authors.size + o.authors.size - shared);
      const sameCategory = d.categoryKey !== '' && d.categoryKey === o.categoryKey;
      const parts: [RelatedReason, number][] = [];
      if (citing[key]!.has(other)) parts.push(['cites this', WEIGHTS.citation]);
      if (cited[key]!.has(other)) parts.push(['cited by this', WEIGHTS.citation]);
      if (title) parts.push(['shared title', WEIGHTS.title]);
      if (authors > 0) parts.push([authorsReason(shared, authors), WEIGHTS.authors * authors]);
      if (text >= SIMILAR_TEXT) parts.push(['similar text', text]);
      else if (text > 0) parts.push(['shared terms', text]);
      // The topic only ranks: as a reason it comes last, after what relates the two.
      if (sameCategory) parts.push(['same category', 0]);
      // A citation both ways is one link, counted once.
      const citation = parts.some(([r]) => r === 'cites this' || r === 'cited by this') ? WEIGHTS.citation : 0;
      // The topic ranks what is related by something else; it never admits a summary on its own.
      const evidence = text + citation + (title ? WEIGHTS.title : 0) + WEIGHTS.authors * authors;
      if (evidence < (sameCategory ? MIN_TOPIC_EVIDENCE : MIN_SCORE)) continue;
      const score = round(evidence + (sameCategory ? WEIGHTS.category : 0));
      parts.sort((a, b) => b[1] - a[1] || REASON_ORDER.indexOf(a[0]) - REASON_ORDER.indexOf(b[0]));
      const reasons = parts.map(([r]) => r);
      links.push({ id: o.item.id, score, reasons, reason: reasons.join(', ') });
    }
    links.sort((a, b) => b.score - a.score || byId(a, b));
    out.set(d.item.id, links.slice(0, limit));
  });
  return out;
}
