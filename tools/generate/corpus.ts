/**
 * A whole synthetic archive as a list of files (name + text), deterministic for a seed.
 * Pure: the caller supplies the database text (or not) and writes the files.
 */
import type { Vocabulary } from '../../src/records/categories.ts';
import { seeded, seedOf } from './prng.ts';
import type { IssueSpec, Layout } from './spec.ts';
import { LAYOUTS } from './spec.ts';
import { renderFile } from './render.ts';
import { specFromRandom } from './random.ts';
import { repeatToCount, specsFromDatabase } from './database.ts';

export interface CorpusOptions {
  issues: number;
  seed: string | number;
  /** Layouts to mix; default all six. */
  layouts?: readonly Layout[];
  /** Text of an-database.csv: real summaries instead of made-up ones. */
  databaseCsv?: string | null;
  vocabulary?: Vocabulary;
  /** Share of files with YAML front matter; default 0.7 (the rest are named by file only). */
  frontMatterShare?: number;
}

export interface CorpusFile {
  /** `an-0123.txt`, or `.md` for the Markdown export layout. */
  name: string;
  text: string;
  spec: IssueSpec;
  layout: Layout;
  frontMatter: boolean;
}

/** File name of an issue: zero-padded so a directory listing is in issue order. */
export function corpusFileName(number: number, layout: Layout): string {
  return `an-${String(number).padStart(4, '0')}.${layout === 'markdown' ? 'md' : 'txt'}`;
}

export function generateCorpus(options: CorpusOptions): CorpusFile[] {
  const rng = seeded(seedOf(options.seed));
  const layouts = options.layouts && options.layouts.length > 0 ? options.layouts : LAYOUTS;
  const share = options.frontMatterShare ?? 0.7;
  const specs: IssueSpec[] = options.databaseCsv
    ? repeatToCount(specsFromDatabase(options.databaseCsv, options.vocabulary ? { vocabulary: options.vocabulary } : {}), options.issues)
    : Array.from({ length: options.issues }, (_, i) => specFromRandom(rng.fork(), { number: i + 1 }));
  return specs.map((spec) => {
    // Real issues carry no reader comments in the database; add some, as forum posts have.
    const withComments: IssueSpec =
      options.databaseCsv && rng.chance(0.3)
        ? {
            ...spec,
            comments: Array.from({ length: rng.int(1, 4) }, (_, k) => `Reader comment ${k + 1} on this issue: thanks for the summaries.`),
          }
        : spec;
    const layout = rng.pick(layouts);
    const frontMatter = rng.chance(share);
    return {
      name: corpusFileName(spec.number, layout),
      text: renderFile(withComments, layout, frontMatter),
      spec: withComments,
      layout,
      frontMatter,
    };
  });
}
