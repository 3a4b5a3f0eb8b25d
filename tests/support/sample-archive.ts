/**
 * The tests' own archive: a copy of the project's sample content dir, kept in
 * `tests/fixtures/sample-archive/` (newsletters/, categories.yml, site.yml, people.yml,
 * database.csv). Every test that needs a whole archive reads this one, never the project's
 * `content/`, so a user can replace `content/` with their own newsletter and the tests still pass.
 */
import path from 'node:path';

/** Absolute path of the tests' archive (a content dir). */
export const SAMPLE_ARCHIVE = path.resolve(import.meta.dirname, '..', 'fixtures', 'sample-archive');
