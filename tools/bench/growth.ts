/**
 * How the parser's time grows on texts that make a regular expression backtrack inside one call
 * (which the tests' clock-free work counter cannot see): a long run of spaces or no-break spaces
 * inside a line, a long run of parentheticals after a title. Each run is parsed between two
 * 200 kB flattened issues, at n and at 4n; linear work adds about the same time again for each
 * extra copy, quadratic work grows sixteenfold. A CPU-time measurement, so it lives in the
 * benchmark, not in `npm test`.
 */
import { parseNewsletter } from '../../src/parse.ts';
import type { Vocabulary } from '../../src/records/categories.ts';
import { renderIssue, seeded, specFromRandom } from '../generate/index.ts';

export interface GrowthCase {
  name: string;
  n: number;
  /** Best of three CPU times (user + system), ms, at n and at 4n. */
  smallMs: number;
  largeMs: number;
  /** largeMs / smallMs: about 1-2 when linear, near 16 when quadratic. */
  ratio: number;
}

/** The cases and the size each is measured at. */
const CASES: { name: string; n: number; run: (n: number) => string }[] = [
  { name: 'spaces inside a line', n: 10_000, run: (n) => `a${' '.repeat(n)}b` },
  { name: 'no-break spaces inside a line', n: 10_000, run: (n) => `a${'\u00a0'.repeat(n)}b` },
  { name: 'repeated (summarized by) parentheticals', n: 250, run: (n) => `Title${' (summarized by Rohin)'.repeat(n)}` },
];

/** A single line of about `chars` characters: flattened generated issues one after another. */
function singleLine(chars: number): string {
  const parts: string[] = [];
  for (let seed = 0, length = 0; length < chars; seed++) {
    const part = renderIssue(specFromRandom(seeded(seed), { number: 50 }), 'flat-title').trimEnd();
    parts.push(part);
    length += part.length + 1;
  }
  return parts.join(' ');
}

/** Best of three CPU times of a parse, in ms: the least disturbed by other work on the machine. */
function bestCpuMs(text: string, vocabulary: Vocabulary): number {
  let best = Infinity;
  for (let k = 0; k < 3; k++) {
    const before = process.cpuUsage();
    parseNewsletter({ file: 'run.txt', text }, { vocabulary });
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

/** Measures every case; the target is a ratio under 3 for each. */
export function measureParseGrowth(vocabulary: Vocabulary): GrowthCase[] {
  const base = singleLine(200_000);
  return CASES.map(({ name, n, run }) => {
    const smallMs = bestCpuMs(`${base}\n\n${run(n)}\n\n${base}`, vocabulary);
    const largeMs = bestCpuMs(`${base}\n\n${run(n * 4)}\n\n${base}`, vocabulary);
    return { name, n, smallMs, largeMs, ratio: largeMs / smallMs };
  });
}
