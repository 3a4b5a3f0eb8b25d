/**
 * BibTeX for a summarized paper and for the summary itself, and `.bib` files of many entries.
 *
 * Written here rather than with Citation.js: its BibTeX output either drops characters it cannot
 * spell in ASCII (a title in Chinese loses those words) or, with `asciiOnly: false`, leaves
 * `&`, `%`, `$`, `#`, `_` unescaped; and it is configured through module-wide state. What is
 * needed is small: escape LaTeX's specials, keep everything else as UTF-8 (biber and
 * bibtex8 read it), protect capitalised words in titles from a style's lower-casing. The tests
 * parse every kind of entry back with a full BibTeX parser and compare the fields.
 *
 * Pure: data in, text out.
 */
import { shortHash, slugWords } from '../../records/slug.ts';
import { isWebAddress } from '../../records/web-address.ts';
import { familyKey } from '../../records/names.ts';
import { splitAuthors } from '../../merge/author-names.ts';

/** What is known of a paper (from the newsletter's database or the summary's header). */
export interface PaperMetadata {
  title: string;
  /** One name each (`Jan Leike`, `Leike, Jan` or an organisation); `et al` becomes BibTeX's `others`. */
  authors: string[];
  /** Where it appeared: `NeurIPS 2019`, `arXiv`, `Alignment Forum`; null when unknown. */
  venue: string | null;
  year: number | null;
  /** An http(s) URL; anything else is left out. */
  url: string | null;
  /**
   * What the paper is in the archive, stable and unique (its summary page's slug): a short hash of
   * it ends the key, so two papers with the same first author, year and first word keep distinct
   * keys that no other entry of the archive can change. Without it, the key has no suffix.
   */
  id?: string;
}

/** A summary as a citable text of its own. */
export interface SummaryCitation {
  /** The newsletter's name: `Weekly Robotics`. */
  newsletter: string;
  issueNumber: number | null;
  /** Title of the summarized paper. */
  title: string;
  /** Who wrote the summary (the caller's fallback, e.g. the editor, when the issue does not say). */
  summarizers: string[];
  /** The issue's date, YYYY-MM-DD; null when unknown. */
  date: string | null;
  /** The issue's year when its date is unknown but its year is (src/site/archive/chronology.ts): a `year` without a `month`. */
  year?: number | null;
  /** The summary's permalink (absolute). */
  url: string;
  /** Its issue's id (unique in the archive) and its anchor (unique in the issue): what its key is made of. */
  issueId?: string;
  anchor?: string;
}

export type BibType = 'article' | 'inproceedings' | 'misc';

/** One entry: its type, key and fields in print order, values as plain text (escaped on output). */
export interface BibEntry {
  type: BibType;
  key: string;
  fields: BibField[];
}

/** A field and how its value is written: text (escaped), a title (escaped, capitals protected), a URL, a bare macro (`may`), or a list of names. */
export type BibField =
  | { name: string; kind: 'text' | 'title' | 'url' | 'macro'; value: string }
  | { name: string; kind: 'names'; value: string[] };

/** Conference names and words, as venues are written (`NeurIPS 2019`, `ICML Workshop on ...`). */
const PROCEEDINGS =
  /\b(?:conference|proceedings|workshop|symposium|neurips|nips|icml|iclr|aaai|ijcai|cvpr|iccv|eccv|acl|emnlp|naacl|corl|uai|aistats|colt|kdd|chi|facct|aies|iros|icra|rss|safeml|satml)\b/i;
/** Journal words and names (`Nature`, `Distill`, `JMLR`, `IEEE Transactions on ...`). */
const JOURNAL = /\b(?:journal|transactions|letters|nature|science|distill|jmlr|tmlr|pnas|annals|review of)\b/i;

/** `@inproceedings` for a conference or workshop, `@article` for a journal, `@misc` for the rest (arXiv, blogs, forums). */
export function entryType(venue: string | null): BibType {
  if (venue === null || venue.trim() === '') return 'misc';
  if (/\barxiv\b/i.test(venue)) return 'misc';
  if (PROCEEDINGS.test(venue)) return 'inproceedings';
  if (JOURNAL.test(venue)) return 'article';
  return 'misc';
}

const SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/**
 * A Markdown backslash escape (`Q\&A`, `\*`, `2\_3`) is the character it stands for: titles and
 * names come from Markdown text, and a BibTeX reader should see `Q&A`, not a backslash.
 */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** Text as a BibTeX field value: Markdown escapes read, LaTeX's special characters escaped, whitespace (newlines too) one space, Unicode kept. */
export function escapeLatex(text: string): string {
  return unescapeMarkdown(text)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\{}&%$#_~^]/g, (ch) => SPECIALS[ch]!);
}

/**
 * A title's words with capitals after their first letter (`RL`, `AlphaZero`, `GPT-3`) are kept
 * in braces, so a style that lower-cases titles prints `{RL}` as written.
 */
function escapeTitle(title: string): string {
  return unescapeMarkdown(title).replace(/\s+/g, ' ').trim().split(' ').map(protectWord).join(' ');
}

/** `“AI` -> `“{AI}`, `(RL),` -> `({RL}),`: only the word itself is braced, its quotes and punctuation stay outside. */
function protectWord(word: string): string {
  const [, before = '', core = '', after = ''] = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u.exec(word) ?? [];
  if (!/^.+\p{Lu}/u.test(core)) return escapeLatex(word);
  return `${escapeLatex(before)}{${escapeLatex(core)}}${escapeLatex(after)}`;
}

/** `et al`, `et al.`, `others`: BibTeX's way of saying the list goes on. */
const ET_AL = /^(?:et\.? al\.?|others)$/i;

/**
 * Names joined with ` and `. A name that itself contains the word "and" (`Law and AI Lab`) is
 * braced so it stays one name; `et al` becomes `others`, once and last.
 */
function formatNames(names: readonly string[]): string {
  const list = names.map((n) => n.replace(/\s+/g, ' ').trim()).filter((n) => n !== '');
  const people = list.filter((n) => !ET_AL.test(n)).map((n) => (/\band\b/i.test(n) ? `{${escapeLatex(n)}}` : escapeLatex(n)));
  if (people.length < list.length) people.push('others');
  return people.join(' and ');
}

/** A URL as a field value: only http(s); characters that would end or unbalance the field are percent-encoded. */
function safeUrl(url: string | null): string | null {
  if (url === null || !isWebAddress(url.trim())) return null;
  return url.trim().replace(/[{}\\]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

function formatValue(field: BibField): string {
  switch (field.kind) {
    case 'title':
      return `{${escapeTitle(field.value)}}`;
    case 'names':
      return `{${formatNames(field.value)}}`;
    case 'url':
      return `{${field.value}}`;
    case 'macro':
      return field.value;
    case 'text':
      return `{${escapeLatex(field.value)}}`;
  }
}

/** One entry as BibTeX text, two-space indented, one field a line, ending in a newline. */
export function formatEntry(entry: BibEntry): string {
  const width = Math.max(...entry.fields.map((f) => f.name.length));
  const lines = entry.fields.map((f) => `  ${f.name.padEnd(width)} = ${formatValue(f)},`);
  return `@${entry.type}{${entry.key},\n${lines.join('\n')}\n}\n`;
}

/** Words of a key in ASCII: `Zoë Ångström` -> `zoe-angstrom`; nothing left for a title in another script. */
function asciiWords(text: string): string[] {
  return slugWords(text)
    .split('-')
    .map((w) => w.replace(/[^a-z0-9]/g, ''))
    .filter((w) => w !== '');
}

/**
 * A first author's family name as a key part, particles kept: `Jan Leike` and `Leike, Jan` ->
 * `leike`; `Laurens van der Maaten` -> `vandermaaten` (`AuthorName.surname`); an organisation's
 * whole name.
 */
function familyName(name: string): string {
  if (name.includes(',')) return familyKey(name.slice(0, name.indexOf(',')));
  const author = splitAuthors(name).names[0];
  return familyKey(author?.surname ?? name);
}

const MINOR_WORDS = new Set([
  'a',
  'an',
  'the',
  'on',
  'of',
  'in',
  'for',
  'to',
  'and',
  'with',
  'via',
  'from',
  'is',
  'are',
  'towards',
  'toward',
  'how',
  'what',
  'why',
]);

/** Four characters of a hash of `id`: a key's suffix, unique among the few keys that share the rest. */
const keySuffix = (id: string): string => shortHash(id).slice(-4);

/**
 * The key Google Scholar would give: first author's family name, year, first significant word
 * of the title, and (given the paper's `id`) a short hash of it: `leike2018scalable-x3k9`. A
 * pure function of the metadata: the same paper gets the same key on every page and in every
 * file, and no other paper, added or removed, can change it; two papers sharing the readable
 * part differ in the hash.
 */
export function paperKey(paper: PaperMetadata): string {
  const first = paper.authors.find((a) => !ET_AL.test(a.trim()) && a.trim() !== '');
  const author = (first === undefined ? '' : familyName(first)) || 'anon';
  // A number is no word of a key: `$2 Million Donated` gives `conn2018million`, not `conn20182`.
  const word = asciiWords(unescapeMarkdown(paper.title)).find((w) => !MINOR_WORDS.has(w) && !/^\d+$/.test(w)) ?? shortHash(paper.title);
  return `${author}${paper.year ?? ''}${word}${paper.id === undefined ? '' : `-${keySuffix(paper.id)}`}`;
}

/** BibTeX for a paper, or null when too little is known to cite it (no title, or no author). */
export function paperEntry(paper: PaperMetadata): BibEntry | null {
  const title = paper.title.trim();
  const authors = paper.authors.filter((a) => a.trim() !== '');
  if (title === '' || authors.length === 0 || authors.every((a) => ET_AL.test(a.trim()))) return null;
  const type = entryType(paper.venue);
  const venue = paper.venue?.trim() ?? '';
  const url = safeUrl(paper.url);
  const arxiv = url === null ? null : /arxiv\.org\/(?:abs|pdf)\/(\d{4}\.\d{4,5})/i.exec(url);
  const fields: BibField[] = [
    { name: 'author', value: authors, kind: 'names' },
    { name: 'title', value: title, kind: 'title' },
  ];
  if (type === 'inproceedings') fields.push({ name: 'booktitle', value: venue, kind: 'text' });
  else if (type === 'article') fields.push({ name: 'journal', value: venue, kind: 'text' });
  else if (venue !== '' && arxiv === null) fields.push({ name: 'howpublished', value: venue, kind: 'text' });
  if (paper.year !== null) fields.push({ name: 'year', value: String(paper.year), kind: 'text' });
  if (arxiv) {
    fields.push({ name: 'eprint', value: arxiv[1]!, kind: 'text' });
    fields.push({ name: 'archiveprefix', value: 'arXiv', kind: 'text' });
  }
  if (url !== null) fields.push({ name: 'url', value: url, kind: 'url' });
  return { type, key: paperKey(paper), fields };
}

const MONTH_MACROS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * The summary's key: its issue's id and the first words of its anchor (`an098-scalable-agent-alignment`),
 * with a short hash of the whole anchor when the anchor has more words (`an098-scalable-agent-alignment-k2x9`).
 * Issue ids are unique in the archive and anchors in their issue, so keys are unique, and made of
 * the summary's own issue and title alone: adding an issue changes no key. Without the issue id
 * and anchor (older callers), the number and the title's first words.
 */
export function summaryKey(summary: SummaryCitation): string {
  if (summary.issueId !== undefined && summary.anchor !== undefined) {
    const issue = summary.issueId.replace(/[^A-Za-z0-9]/g, '').toLowerCase() || keySuffix(summary.issueId);
    const words = summary.anchor.split('-').filter((w) => w !== '');
    const head = words.slice(0, 3).join('-') || keySuffix(summary.anchor);
    return words.length > 3 ? `${issue}-${head}-${keySuffix(summary.anchor)}` : `${issue}-${head}`;
  }
  const words = asciiWords(unescapeMarkdown(summary.title)).slice(0, 3);
  const title = words.length > 0 ? words.join('-') : shortHash(summary.title);
  return `${summary.issueNumber === null ? 'an' : `an${summary.issueNumber}`}-${title}`;
}

/**
 * BibTeX for the summary itself: `@misc` by its summarizers, published in the newsletter's issue
 * (`howpublished = {Weekly Robotics \#98}`), dated by the issue, at its permalink.
 */
export function summaryEntry(summary: SummaryCitation): BibEntry {
  const issue = summary.issueNumber === null ? summary.newsletter : `${summary.newsletter} #${summary.issueNumber}`;
  const fields: BibField[] = [];
  const summarizers = summary.summarizers.filter((s) => s.trim() !== '');
  if (summarizers.length > 0) fields.push({ name: 'author', value: summarizers, kind: 'names' });
  fields.push({ name: 'title', value: `Summary of “${summary.title.replace(/\s+/g, ' ').trim()}”`, kind: 'title' });
  fields.push({ name: 'howpublished', value: issue, kind: 'text' });
  const date = summary.date === null ? null : /^(\d{4})-(\d{2})-\d{2}$/.exec(summary.date);
  const month = date ? MONTH_MACROS[Number(date[2]) - 1] : undefined;
  if (date) fields.push({ name: 'year', value: date[1]!, kind: 'text' });
  else if (summary.year !== undefined && summary.year !== null) fields.push({ name: 'year', value: String(summary.year), kind: 'text' });
  if (month !== undefined) fields.push({ name: 'month', value: month, kind: 'macro' });
  const url = safeUrl(summary.url);
  if (url !== null) fields.push({ name: 'url', value: url, kind: 'url' });
  return { type: 'misc', key: summaryKey(summary), fields };
}

/**
 * A `.bib` file of many entries. Entries come out sorted by key, so the file does not depend on
 * the order given. The same entry given twice is written once. Keys are unique by how they are
 * made (`paperKey`, `summaryKey`); should two different entries still share one (a hash
 * collision), each gets `-` and a short hash of its own text, so no key is written twice.
 */
export function bibFile(entries: readonly { id: string; entry: BibEntry; text?: string }[], comment?: string): string {
  const byKey = new Map<string, Map<string, { id: string; text: string; entry: BibEntry }>>();
  for (const { id, entry, text: given } of entries) {
    // `text`: the entry as `formatEntry` wrote it, when the caller kept it.
    const text = given ?? formatEntry(entry);
    const group = byKey.get(entry.key) ?? new Map<string, { id: string; text: string; entry: BibEntry }>();
    const same = group.get(text);
    if (same === undefined || id < same.id) group.set(text, { id, text, entry });
    byKey.set(entry.key, group);
  }
  const out: { key: string; text: string }[] = [];
  for (const [key, group] of byKey) {
    const distinct = [...group.values()];
    for (const { id, entry, text } of distinct) {
      if (distinct.length === 1) out.push({ key, text });
      else {
        const unique = `${key}-${shortHash(`${id}\u0000${text}`)}`;
        out.push({ key: unique, text: formatEntry({ ...entry, key: unique }) });
      }
    }
  }
  out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.text < b.text ? -1 : 1));
  const head =
    comment === undefined
      ? ''
      : `${comment
          .split(/\r?\n/)
          .map((line) => `% ${line}`.trimEnd())
          .join('\n')}\n\n`;
  return head + out.map((e) => e.text).join('\n');
}
