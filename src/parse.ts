/**
 * The public parser API: one raw newsletter file in, one `Issue` out (`parseNewsletter`), and a
 * whole archive in, its issues out (`parseArchive`).
 *
 * A visible composition of the stages in `src/parse/`, top to bottom:
 *   frontMatter -> [htmlToMarkdown] -> cleanText -> splitComments -> takeTitleLine -> splitBlocks
 *   -> joinSplitHeaders -> findSections -> findEntries -> markSpecialEdition -> mergeHighlightStubs
 *   -> readFields -> assignIds -> inferMetadata
 * and for an archive: archiveEvidence -> parseNewsletter (each file) -> claimNumbers.
 * Every stage is data in, data out; none reads the file system.
 */
import type { Issue, ParseWarning, RawFile } from './records/types.ts';
import type { Vocabulary } from './records/categories.ts';
import { compileDialect, GENERIC_DIALECT, type Dialect, type DialectRules } from './records/dialect.ts';
import { frontMatter } from './parse/front-matter.ts';
import { cleanLines, cleanText } from './parse/clean-text.ts';
import { htmlToMarkdown, isHtml } from './parse/html-to-markdown.ts';
import { splitComments } from './parse/split-comments.ts';
import { readTitleLine, takeTitleLine, type TitleLine } from './parse/title-line.ts';
import { splitBlocks } from './parse/split-blocks.ts';
import { joinSplitHeaders } from './parse/join-split-headers.ts';
import { findSections } from './parse/find-sections.ts';
import { findEntries } from './parse/find-entries.ts';
import { markSpecialEdition } from './parse/mark-special-edition.ts';
import { mergeHighlightStubs } from './parse/merge-highlight-stubs.ts';
import { readFields } from './parse/read-fields.ts';
import { inferMetadata } from './parse/infer-metadata.ts';
import { assignIds } from './parse/assign-ids.ts';
import { matchLabel } from './parse/labels.ts';
import { archiveEvidence, certainAuthors, evidenceFor } from './parse/archive-evidence.ts';
import { claimNumbers } from './parse/claim-numbers.ts';
import { citedIssues } from './records/citations.ts';
import { cachedIssue, cachedNames, newParseCache, type ParseCache } from './parse/parse-cache.ts';

export interface ParseOptions {
  /** The section vocabulary, from `parseCategories(text of content/categories.yml)`. */
  vocabulary: Vocabulary;
  /**
   * The newsletter's conventions (newsletter.yml, `readNewsletterFile`): its credit markers, labels,
   * citations, standing text, issue ids. Default: `GENERIC_DIALECT`, the shapes most newsletters share.
   */
  dialect?: Dialect;
  /** Who wrote the editor's opinions (`My opinion:`) and the unattributed summaries; default: the dialect's editor. */
  editor?: string;
  /**
   * Names the rest of the archive writes as authors (folded, `jessicata`): in a flattened issue a lone
   * parenthetical holding one of them closes a "see also" header. `parseArchive` fills it in.
   */
  knownAuthors?: ReadonlySet<string>;
}

/** The patterns the options' dialect is read by, with the options' editor. */
export function rulesFor(options: ParseOptions): DialectRules {
  const dialect = options.dialect ?? GENERIC_DIALECT;
  return compileDialect(options.editor !== undefined ? { ...dialect, editor: options.editor } : dialect);
}

/** Parses one raw newsletter file. Never throws on bad text: oddities become `Issue.warnings`. */
export function parseNewsletter(raw: RawFile, options: ParseOptions): Issue {
  return parseWith(raw, options, rulesFor(options));
}

function parseWith(raw: RawFile, options: ParseOptions, rules: DialectRules): Issue {
  const warnings: ParseWarning[] = [];
  const warn = (line: number, message: string): void => {
    warnings.push({ file: raw.file, line, message });
  };

  const matter = frontMatter(raw.text, warn);
  // A web page becomes the Markdown the forum export has, each block on the line its element starts on.
  const page = isHtml(raw.file, matter.body) ? htmlToMarkdown(matter.body, matter.bodyLine) : null;
  const cleaned = page ? cleanLines(page.lines) : cleanText(matter.body, matter.bodyLine);
  const { text: withoutComments, commentsDropped } = splitComments(cleaned, rules, warn);
  const taken = takeTitleLine(withoutComments, rules);
  const { text } = taken;
  // A page's `<title>` is its title line: `[WR #101]: Why we should ...`, `Weekly Robotics #17`.
  const pageTitle: TitleLine | null = page?.title
    ? (readTitleLine(page.title.text, page.title.line, rules) ?? {
        number: null,
        title: page.title.text,
        date: null,
        line: page.title.line,
      })
    : null;
  const titleLine = taken.titleLine ?? pageTitle;
  const blocks = joinSplitHeaders(splitBlocks(text, options.vocabulary, rules, options.knownAuthors), rules);
  const sectioned = findSections(blocks, options.vocabulary, rules, warn);
  const found = mergeHighlightStubs(markSpecialEdition(findEntries(sectioned, rules, warn), sectioned, rules), rules, warn);
  const entries = assignIds(found.entries.map((entry) => readFields(entry, rules, warn)));
  const metadata = inferMetadata(raw.file, matter.data, titleLine, rules, warn);

  if (text.lines.every((l) => l.text.trim() === '')) warn(0, 'the file has no text');
  else if (entries.length === 0) warn(0, 'no entries found: the text is published as the issue intro');
  // Read more / Prerequisites hold link texts, which end without punctuation: `Read more: Paper`.
  const last = blocks[blocks.length - 1];
  const lastLabel = last ? matchLabel(last.text, rules) : null;
  const linkList = lastLabel !== null && lastLabel.kind !== 'opinion';
  if (last && entries.length > 0 && !linkList && !/[.!?)"”’\]*_:>|`]$/.test(last.text)) {
    warn(last.line, 'the text ends mid-sentence: the file may be cut off; what is there is kept');
  }

  return {
    id: metadata.id,
    number: metadata.number,
    title: metadata.title,
    date: metadata.date,
    source: metadata.source,
    file: raw.file,
    intro: found.intro,
    entries,
    commentsDropped,
    warnings,
    excerpt: metadata.excerpt,
    permalink: metadata.permalink,
    references: [...new Set(citedIssues(found.intro, rules))],
  };
}

export interface ParsedArchive {
  /** One issue a file, in file path order. */
  issues: Issue[];
  /** Every warning of every issue, plus the archive-wide ones. */
  warnings: ParseWarning[];
}

/**
 * Many files at once: parses each, then checks what only the whole archive shows (two files
 * claiming one number: `claimNumbers`). `cache` keeps parsed files between calls (the build
 * session's, in watch mode); without it nothing is kept.
 */
export function parseArchive(files: RawFile[], options: ParseOptions, cache: ParseCache = newParseCache()): ParsedArchive {
  const sorted = [...files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  // What the archive says about names, for the cuts an issue's own text leaves open (archive-evidence.ts).
  // Each file's names are kept while its text is the same, so a rebuild after one edit reads one file.
  const rules = rulesFor(options);
  const evidence = archiveEvidence(sorted, (raw) => cachedNames(cache, raw, options, (text) => certainAuthors(text, rules)));
  const issues = sorted.map((raw) => {
    // Each file is handed only the names its own text asks about, and is parsed again only when that answer changes.
    const known = evidenceFor(raw.text, evidence);
    return cachedIssue(cache, options, raw, known, () => parseWith(raw, { ...options, knownAuthors: new Set(known) }, rules));
  });
  claimNumbers(issues);
  return { issues, warnings: issues.flatMap((i) => i.warnings) };
}
