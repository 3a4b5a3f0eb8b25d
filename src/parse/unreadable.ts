/**
 * What a file becomes when a stage fails on it (a library throwing on a node it does not know,
 * a structure deeper than the stack): the issue is kept, with the file's readable text as its
 * intro and a warning naming the file and what failed, so one file never stops an archive.
 * `parseArchive` calls it; nothing here may throw in turn, so it uses no stage of the parser.
 */
import { Parser } from 'htmlparser2';
import type { Issue, ParseWarning, RawFile } from '../records/types.ts';
import { isHtml } from './html-to-markdown.ts';
import { issueIdFromFile } from './infer-metadata.ts';
import { numberFromFileName } from '../records/citations.ts';
import type { DialectRules } from '../records/dialect.ts';

/** Elements whose text is never shown on a page. */
const HIDDEN = new Set(['script', 'style', 'head', 'template', 'noscript', 'svg']);
/** Elements that end a line of text. */
const BLOCK = /^(?:p|div|h[1-6]|li|tr|br|blockquote|pre|section|article|table|ul|ol|dl|dt|dd|hr|td|th)$/;

/** The text a reader sees in a web page, paragraph by paragraph, read without building a tree. */
function htmlText(html: string): string {
  const out: string[] = [];
  let hidden = 0;
  const parser = new Parser(
    {
      onopentagname(name) {
        if (HIDDEN.has(name)) hidden++;
        else if (BLOCK.test(name)) out.push('\n\n');
      },
      onclosetag(name) {
        if (HIDDEN.has(name)) hidden = Math.max(0, hidden - 1);
        else if (BLOCK.test(name)) out.push('\n\n');
      },
      ontext(text) {
        if (hidden === 0) out.push(text);
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return out.join('');
}

/** Plain text as Markdown paragraphs, its spaces squashed, markup characters escaped so that it shows as written. */
function asParagraphs(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '')
    .map((p) => p.replace(/[\\`*_[\]<>#]/g, '\\$&'))
    .join('\n\n');
}

/** The issue a file gives when `error` stopped its parse: its readable text as the intro, one warning. */
export function unreadableIssue(raw: RawFile, error: unknown, rules: DialectRules): Issue {
  const reason = error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error);
  const warnings: ParseWarning[] = [
    {
      file: raw.file,
      line: 0,
      message: `could not be read as an issue (${reason.split('\n')[0]!.slice(0, 200)}): its text is kept as the issue intro, without entries`,
    },
  ];
  let intro = '';
  try {
    intro = asParagraphs(isHtml(raw.file, raw.text) ? htmlText(raw.text) : raw.text);
  } catch {
    warnings.push({ file: raw.file, line: 0, message: 'its text could not be read either: the issue is empty' });
  }
  const number = /#\d+$/.test(raw.file) ? null : numberFromFileName(raw.file);
  return {
    id: number !== null ? rules.idFor(number) : issueIdFromFile(raw.file),
    number,
    title: null,
    date: null,
    source: null,
    file: raw.file,
    intro,
    entries: [],
    commentsDropped: 0,
    warnings,
    excerpt: null,
    permalink: null,
    references: [],
  };
}
