/**
 * BM25+ over a few weighted fields, scored exactly as MiniSearch scores a query (its default
 * parameters k = 1.2, b = 0.7, d = 0.5; a term's document frequency per field over all
 * documents; a field's length as its number of distinct terms; each document's score times the
 * number of query terms it matched), down to the order floating point sums are taken in.
 *
 * Why not MiniSearch itself: related summaries run one query per summary, and MiniSearch spends
 * most of each query building result objects, match lists and maps (0.8 s of the 1.2 s that
 * 2,400 summaries took, against a README target of under a second for a whole rebuild). This
 * index keeps postings in arrays and scores a query into one array, about ten times faster, and
 * `tests/site/bm25.test.ts` checks that its scores are MiniSearch's on the same documents.
 *
 * Pure: built once from the documents, never changed; a query returns fresh arrays.
 */

const K = 1.2;
const B = 0.7;
const D = 0.5;

/** A document: its terms in each field, already analysed (one term per word, repeats kept). */
export type FieldTerms = readonly (readonly string[])[];

interface Posting {
  docs: number[];
  freqs: number[];
}

export interface QueryResult {
  /** Every document that matched a query term, in the order first matched. */
  matched: number[];
  /** Score of each document (0 for one not matched), by document number: valid until the next query. */
  scores: Float64Array;
  /** How many of the query's terms each document matched, by document number: valid until the next query. */
  terms: Uint16Array;
}

export class Bm25Index {
  private readonly postings: Map<string, Posting>[];
  private readonly lengths: Float64Array[];
  private readonly averages: number[];
  private readonly count: number;
  /** Scratch for one query term: its score per document, and whether the document matched it. */
  private readonly termScore: Float64Array;
  private readonly inTerm: Uint8Array;
  /** A query's scores and matched-term counts, reused by the next query (one query's arrays would be most of the garbage). */
  private readonly scores: Float64Array;
  private readonly seen: Uint16Array;
  private matched: number[] = [];

  /** `docs[i][f]`: the terms of field `f` of document `i`; `boosts[f]`: the weight of field `f`. */
  constructor(
    docs: readonly FieldTerms[],
    private readonly boosts: readonly number[],
  ) {
    this.count = docs.length;
    this.postings = boosts.map(() => new Map());
    this.lengths = boosts.map(() => new Float64Array(docs.length));
    this.averages = boosts.map(() => 0);
    docs.forEach((fields, doc) => {
      boosts.forEach((_boost, f) => {
        const terms = fields[f] ?? [];
        const freqs = new Map<string, number>();
        for (const term of terms) freqs.set(term, (freqs.get(term) ?? 0) + 1);
        // MiniSearch's running average, in its order of operations: (average * count + length) / (count + 1).
        this.lengths[f]![doc] = freqs.size;
        this.averages[f] = (this.averages[f]! * doc + freqs.size) / (doc + 1);
        const postings = this.postings[f]!;
        for (const [term, freq] of freqs) {
          const posting = postings.get(term);
          if (posting) {
            posting.docs.push(doc);
            posting.freqs.push(freq);
          } else postings.set(term, { docs: [doc], freqs: [freq] });
        }
      });
    });
    this.termScore = new Float64Array(docs.length);
    this.inTerm = new Uint8Array(docs.length);
    this.scores = new Float64Array(docs.length);
    this.seen = new Uint16Array(docs.length);
  }

  /** Scores every document against the query terms (each with its boost), as MiniSearch's OR query with `boostTerm`. */
  search(terms: readonly string[], boostOf: (term: string) => number): QueryResult {
    // How many query terms each document matched (`seen`): MiniSearch multiplies the score by it.
    const { termScore, inTerm, scores, seen } = this;
    for (const doc of this.matched) {
      scores[doc] = 0;
      seen[doc] = 0;
    }
    const matched: number[] = [];
    this.matched = matched;
    for (const term of terms) {
      const touched: number[] = [];
      const termBoost = boostOf(term);
      this.boosts.forEach((fieldBoost, f) => {
        const posting = this.postings[f]!.get(term);
        if (posting === undefined) return;
        const m = posting.docs.length;
        const idf = Math.log(1 + (this.count - m + 0.5) / (m + 0.5));
        const lengths = this.lengths[f]!;
        const average = this.averages[f]!;
        for (let i = 0; i < m; i++) {
          const doc = posting.docs[i]!;
          const tf = posting.freqs[i]!;
          const raw = idf * (D + (tf * (K + 1)) / (tf + K * (1 - B + (B * lengths[doc]!) / average)));
          if (inTerm[doc] === 0) touched.push(doc);
          // Grouped as MiniSearch multiplies: termWeight * termBoost * fieldBoost * docBoost * rawScore.
          termScore[doc]! += 1 * termBoost * fieldBoost * 1 * raw;
          inTerm[doc] = 1;
        }
      });
      // A term's sum over the fields is added to the document's score as one number, as MiniSearch combines terms.
      for (const doc of touched) {
        scores[doc]! += termScore[doc]!;
        termScore[doc] = 0;
        inTerm[doc] = 0;
        if (seen[doc] === 0) matched.push(doc);
        seen[doc]! += 1;
      }
    }
    for (const doc of matched) scores[doc]! *= seen[doc]!;
    return { matched, scores, terms: seen };
  }
}
