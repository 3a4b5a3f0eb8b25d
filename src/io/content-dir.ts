/**
 * The content dir: `newsletters/` (the issue files), `categories.yml`, `site.yml`, `newsletter.yml`
 * (the newsletter's conventions: records/newsletter-file.ts). Checked and read here, the same way
 * for the build, the dev server and `npm run parse`, so the settings and warnings are the same
 * whichever is run.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { type Category, CategoriesError, parseCategories, type Vocabulary } from '../records/categories.ts';
import type { ParseWarning } from '../records/types.ts';
import { categorySlug } from '../site/text/names.ts';
import { UserError } from './errors.ts';
import { shownPath } from './paths.ts';
import { NEWSLETTER_EXTENSIONS, readOptionalText } from './read.ts';
import { ALL_FEATURES, type Features, FEATURE_NAMES } from '../site/features.ts';
import { GENERIC_DIALECT, type Dialect } from '../records/dialect.ts';
import { readNewsletterFile } from '../records/newsletter-file.ts';
import { SettingsError, type SettingsWarning } from '../records/settings-file.ts';
import { readSiteFile, type SiteFile } from './site-file.ts';

/** The content dir or one of its settings files is not usable; the message says what to do. */
export class ContentError extends UserError {}

/** The content dir when none is given: `content`, from where the command runs (npm runs scripts beside package.json). */
export const DEFAULT_CONTENT_DIR = 'content';

/** The project's own sample archive: its categories.yml is the vocabulary of a content dir without one. */
export const SAMPLE_CONTENT_DIR = path.resolve(import.meta.dirname, '../..', DEFAULT_CONTENT_DIR);

/** The content dir a path lies in: `archive/newsletters/2019/wr-010.txt` -> `archive`; null outside a `newsletters/` folder. */
export function contentDirOf(given: string): string | null {
  const parts = path.resolve(given).split(path.sep);
  const at = parts.lastIndexOf('newsletters');
  return at > 0 ? parts.slice(0, at).join(path.sep) || path.sep : null;
}

/** Throws ContentError unless `contentDir` is a folder with a `newsletters/` folder in it, saying what to do. */
export function checkContentDir(contentDir: string): void {
  const shown = shownPath(contentDir);
  const expected = `a content dir holds newsletters/ (the issue files), categories.yml and site.yml`;
  if (!existsSync(contentDir)) throw new ContentError(`content dir ${shown} does not exist (${expected}); set CONTENT_DIR to yours`);
  if (!statSync(contentDir).isDirectory()) throw new ContentError(`content dir ${shown} is a file, not a folder (${expected})`);
  const newsletters = path.join(contentDir, 'newsletters');
  if (existsSync(newsletters) && statSync(newsletters).isDirectory()) return;
  const issues = readdirSync(contentDir).filter((name) => NEWSLETTER_EXTENSIONS.includes(path.extname(name).toLowerCase()));
  const files = `${issues.length} issue file${issues.length === 1 ? '' : 's'} (${issues.slice(0, 3).join(', ')}${issues.length > 3 ? ', ...' : ''})`;
  const hint =
    issues.length === 0
      ? ''
      : path.basename(contentDir) === 'newsletters'
        ? ` It is itself a newsletters/ folder with ${files}: set CONTENT_DIR to the folder above it (${shownPath(path.dirname(contentDir))}).`
        : ` It holds ${files} itself: move them into ${shown}/newsletters/.`;
  throw new ContentError(`content dir ${shown} has no newsletters/ folder: put issue files in ${shown}/newsletters/.${hint}`);
}

/** site.yml's settings, checked against its schema (site-file.ts). */
export type SiteYaml = SiteFile;

export interface ContentSettings {
  /** The text of the categories.yml in use (the content dir's, else the sample archive's). */
  categoriesYml: string;
  vocabulary: Vocabulary;
  /** The newsletter's conventions: newsletter.yml's, with site.yml's `editor` and `newsletter` where it does not say; else the generic reading. */
  dialect: Dialect;
  /** Who writes `My opinion:` paragraphs: the dialect's editor; null when none is named. */
  editor: string | null;
  /** site.yml's fields; empty when there is none. */
  site: SiteYaml;
  /** Where site.yml is (whether or not it exists), for messages. */
  siteFile: string;
  siteFound: boolean;
  /** Which optional features are on (site.yml's `related: false` and the like). */
  features: Features;
  /** What the settings files hold that is odd but does not stop the build (unknown keys, two categories with one page address), with file and line. */
  warnings: SettingsWarning[];
}

const text = (value: string | undefined): string | null => (value !== undefined && value.trim() !== '' ? value.trim() : null);

/** A settings file read by `read`, its SettingsError made a ContentError. */
function settingsOf<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof SettingsError) throw new ContentError(error.message);
    throw error;
  }
}

/**
 * Reads categories.yml, site.yml and newsletter.yml of a content dir; ContentError names the file
 * (and line) of a bad one. A content dir without a categories.yml uses its headings as written;
 * without a newsletter.yml it is read in the shapes most newsletters share.
 */
export function readContentSettings(contentDir: string): ContentSettings {
  const categoriesFile = path.join(contentDir, 'categories.yml');
  const categoriesYml = readOptionalText(categoriesFile) ?? '';
  let vocabulary: Vocabulary;
  try {
    vocabulary = parseCategories(categoriesYml);
  } catch (error) {
    if (error instanceof CategoriesError)
      throw new ContentError(`${shownPath(categoriesFile)}${error.line > 0 ? `:${error.line}` : ''}: ${error.message}`);
    throw error;
  }
  const siteFile = path.join(contentDir, 'site.yml');
  const siteYml = readOptionalText(siteFile);
  const siteRead = siteYml === null ? { value: {}, warnings: [] } : settingsOf(() => readSiteFile(siteYml, shownPath(siteFile)));
  const site: SiteYaml = siteRead.value;
  const features: Features = { ...ALL_FEATURES };
  for (const name of FEATURE_NAMES) {
    const value = site[name];
    if (typeof value === 'boolean') features[name] = value;
  }
  const newsletterFile = path.join(contentDir, 'newsletter.yml');
  const newsletterYml = readOptionalText(newsletterFile);
  const newsletter = newsletterYml === null ? null : settingsOf(() => readNewsletterFile(newsletterYml, shownPath(newsletterFile)));
  const given = newsletter?.dialect ?? GENERIC_DIALECT;
  // site.yml's `editor` and `newsletter` name what newsletter.yml's `editor` and `name` do now.
  const dialect: Dialect = {
    ...given,
    editor: newsletter?.value.editor !== undefined ? given.editor : (text(site.editor) ?? given.editor),
    name: newsletter?.value.name !== undefined ? given.name : (text(site.newsletter) ?? given.name),
  };
  return {
    categoriesYml,
    vocabulary,
    dialect,
    editor: dialect.editor,
    site,
    siteFile,
    siteFound: siteYml !== null,
    features,
    warnings: [...slugClashes(vocabulary, shownPath(categoriesFile)), ...siteRead.warnings, ...(newsletter?.warnings ?? [])],
  };
}

/**
 * Two labels whose category pages would have one address (`C++` and `C--` are both
 * `/categories/c/`): their summaries would share one page under one of the names. Addresses are
 * kept as the slug rule makes them (a link to them stays valid); the warning names both labels
 * and their lines, so one can be renamed.
 */
export function slugClashes(vocabulary: Vocabulary, file: string): ParseWarning[] {
  const first = new Map<string, Category>();
  const warnings: ParseWarning[] = [];
  for (const category of vocabulary.all) {
    const slug = categorySlug(category.label);
    const earlier = first.get(slug);
    if (earlier === undefined) first.set(slug, category);
    else if (earlier.label !== category.label)
      warnings.push({
        file,
        line: vocabulary.lineOf(category),
        message: `"${category.label}" and "${earlier.label}" (line ${vocabulary.lineOf(earlier)}) have one page address, /categories/${slug}/: their summaries would share one page; rename one of them`,
      });
  }
  return warnings;
}
