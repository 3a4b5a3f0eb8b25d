/** The Alignment Newsletter's dialect, from the copy of its newsletter file in the parser's fixtures. */
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { compileDialect, type Dialect, type DialectRules } from '../../src/records/dialect.ts';
import { readNewsletterFile } from '../../src/records/newsletter-file.ts';
import { SAMPLE_ARCHIVE } from './sample-archive.ts';

export const AN_NEWSLETTER_FILE = path.join(import.meta.dirname, '..', 'parse', 'fixtures', 'newsletter.yml');

/** The dialect the sample archive is written in. */
export const AN_DIALECT: Dialect = readNewsletterFile(readFileSync(AN_NEWSLETTER_FILE, 'utf8'), 'newsletter.yml').dialect;

/** Its patterns, as the stages take them. */
export const AN_RULES: DialectRules = compileDialect(AN_DIALECT);

/**
 * Writes the sample archive's conventions into a content dir a test makes: its newsletter.yml and
 * its categories.yml (unless the test writes its own), so issues written in its style read as it does.
 */
export function writeSampleConventions(contentDir: string, { categories = true }: { categories?: boolean } = {}): void {
  copyFileSync(AN_NEWSLETTER_FILE, path.join(contentDir, 'newsletter.yml'));
  if (categories) copyFileSync(path.join(SAMPLE_ARCHIVE, 'categories.yml'), path.join(contentDir, 'categories.yml'));
}
