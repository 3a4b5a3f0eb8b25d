/** Shared set-up for parser tests: the real vocabulary, from the tests' sample archive's categories.yml. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCategories, type Vocabulary } from '../../src/records/categories.ts';
import { parseNewsletter } from '../../src/parse.ts';
import type { Issue } from '../../src/records/types.ts';
import { SAMPLE_ARCHIVE } from './sample-archive.ts';
import { AN_DIALECT } from './dialect.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

let cached: Vocabulary | null = null;
export function vocabulary(): Vocabulary {
  cached ??= parseCategories(readFileSync(path.join(SAMPLE_ARCHIVE, 'categories.yml'), 'utf8'));
  return cached;
}

/** Parses a text as if it were the file `file`, read as the sample archive's newsletter (its newsletter.yml). */
export function parse(text: string, file = 'test.txt'): Issue {
  return parseNewsletter({ file, text }, { vocabulary: vocabulary(), dialect: AN_DIALECT });
}
