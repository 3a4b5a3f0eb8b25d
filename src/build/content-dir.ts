/**
 * The content dir: `newsletters/` (the issue files), `categories.yml`, `site.yml`. Checked and
 * read here, the same way for the build, the dev server and `npm run parse`, so the settings and
 * warnings are the same whichever is run.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { type Category, CategoriesError, parseCategories, type Vocabulary } from '../records/categories.ts';
import type { ParseWarning } from '../records/types.ts';
import { categorySlug } from '../site/names.ts';
import { UserError } from './errors.ts';
import { shownPath } from './paths.ts';
import { DEFAULT_EDITOR } from '../parse.ts';
import { NEWSLETTER_EXTENSIONS, readOptionalText } from './read.ts';
import { type Features, readFeatures } from '../site/features.ts';

/** The content dir or one of its settings files is not usable; the message says what to do. */
export class ContentError extends UserError {}

/** The content dir when none is given: `content`, from where the command runs (npm runs scripts beside package.json). */
export const DEFAULT_CONTENT_DIR = 'content';

/** The project's own sample archive: its categories.yml is the vocabulary of a content dir without one. */
export const SAMPLE_CONTENT_DIR = path.resolve(import.meta.dirname, '../..', DEFAULT_CONTENT_DIR);

/** The sample archive's vocabulary, used by a content dir without a categories.yml of its own. */
const DEFAULT_CATEGORIES = path.join(SAMPLE_CONTENT_DIR, 'categories.yml');

/** The content dir a path lies in: `archive/newsletters/2019/an-010.txt` -> `archive`; null outside a `newsletters/` folder. */
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

/** Parsed YAML of a settings file, or ContentError naming the file and line. */
function loadYaml(text: string, file: string): unknown {
  try {
    return yaml.load(text);
  } catch (error) {
    if (error instanceof yaml.YAMLException) {
      const line = error.mark ? `:${error.mark.line + 1}` : '';
      throw new ContentError(`${shownPath(file)}${line}: not valid YAML: ${error.reason}`);
    }
    throw error;
  }
}

/** site.yml as written: every field optional, any type (checked where it is used). */
export interface SiteYaml {
  title?: unknown;
  description?: unknown;
  url?: unknown;
  language?: unknown;
  editor?: unknown;
  /** The newsletter's name as citations give it (`Alignment Newsletter`); default: the title. */
  newsletter?: unknown;
  /** The optional features (src/site/features.ts): `related`, `cite`, `topicFeeds`, `stats`, `darkMode`. */
  [feature: string]: unknown;
}

export interface ContentSettings {
  /** The text of the categories.yml in use (the content dir's, else the sample archive's). */
  categoriesYml: string;
  vocabulary: Vocabulary;
  /** Who writes `My opinion:` paragraphs: site.yml's `editor`, else the default. */
  editor: string;
  /** site.yml's fields; empty when there is none. */
  site: SiteYaml;
  /** Where site.yml is (whether or not it exists), for messages. */
  siteFile: string;
  siteFound: boolean;
  /** Which optional features are on (site.yml's `related: false` and the like). */
  features: Features;
  /** What is odd in categories.yml but does not stop the build (two labels with one page address), with file and line. */
  warnings: ParseWarning[];
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

/** Reads categories.yml and site.yml of a content dir; ContentError names the file (and line) of a bad one. */
export function readContentSettings(contentDir: string): ContentSettings {
  const categoriesFile = path.join(contentDir, 'categories.yml');
  const own = readOptionalText(categoriesFile);
  const categoriesYml = own ?? readOptionalText(DEFAULT_CATEGORIES) ?? '';
  const categoriesShown = shownPath(own === null ? DEFAULT_CATEGORIES : categoriesFile);
  let vocabulary: Vocabulary;
  try {
    vocabulary = parseCategories(categoriesYml);
  } catch (error) {
    if (error instanceof CategoriesError)
      throw new ContentError(`${categoriesShown}${error.line > 0 ? `:${error.line}` : ''}: ${error.message}`);
    throw error;
  }
  const siteFile = path.join(contentDir, 'site.yml');
  const siteYml = readOptionalText(siteFile);
  const loaded = siteYml === null ? {} : (loadYaml(siteYml, siteFile) ?? {});
  if (typeof loaded !== 'object' || Array.isArray(loaded))
    throw new ContentError(`${shownPath(siteFile)}: expected settings (title: ..., url: ...), not ${JSON.stringify(loaded)}`);
  const site = loaded as SiteYaml;
  const read = readFeatures(site, siteYml ?? '', shownPath(siteFile));
  if ('error' in read) throw new ContentError(read.error);
  return {
    categoriesYml,
    vocabulary,
    editor: text(site.editor) ?? DEFAULT_EDITOR,
    site,
    siteFile,
    siteFound: siteYml !== null,
    features: read.features,
    warnings: slugClashes(vocabulary, categoriesShown),
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
