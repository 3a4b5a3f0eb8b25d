/**
 * Stage 1: what a file says about itself before its text, where newsletters keep it, validated
 * once at the edge:
 *   ---                        YAML front matter (gray-matter): `number`, `title`, `date`, `source`,
 *   title: "Weekly #12"        and Jekyll's `excerpt`, `permalink`, `redirect`
 *   date: 2020-05-06
 *   ---
 *   Title: Weekly #12          a Pelican-style header: `Key: value` lines, then a blank line
 *   Number: 12                 (`Title`, `Number`, `Date`, `Summary`, `Slug`)
 *   Date: 2020-05-06
 * A whole file wrapped in one code fence by mistake (```` ```markdown ```` ... ```` ``` ````) is
 * read as what the fence holds, with a warning.
 */
import matter from 'gray-matter';
import yaml from 'js-yaml';
import { isWebAddress } from '../records/web-address.ts';

/** The validated metadata a file may declare about itself. */
export interface FrontMatterData {
  number: number | null;
  title: string | null;
  date: string | null;
  source: string | null;
  excerpt: string | null;
  permalink: string | null;
}

export interface FrontMatterResult {
  data: FrontMatterData;
  /** The text after the front matter (the whole text when there is none). */
  body: string;
  /** 1-based line of the raw file on which `body` starts. */
  bodyLine: number;
}

export type Warn = (line: number, message: string) => void;

const EMPTY: FrontMatterData = { number: null, title: null, date: null, source: null, excerpt: null, permalink: null };
const FENCE = /^\uFEFF?---[ \t]*\r?\n/;

function countLines(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/**
 * A date as files write it, as YYYY-MM-DD, or null: `2020-05-06`, `2020-5-6`, and with a time
 * after it (`2020-05-06 10:00:00 -0800`, `2020-05-06T10:00Z`): the day as written, never moved
 * to another time zone.
 */
export function calendarDate(value: string): string | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value.trim());
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/** Line (1-based, in the raw file) of a top-level key in the front matter, for warnings. */
function keyLine(block: string, key: string, firstLine: number): number {
  const lines = block.split(/\r?\n/);
  const i = lines.findIndex((l) => l.startsWith(`${key}:`));
  return i < 0 ? firstLine : firstLine + i + 1;
}

/** A whole number the site can count with: `12`, `"12"`; a warning for anything else (`99999999999999999999`, `12.5`). */
function wholeNumber(value: unknown, where: string, line: number, warn: Warn): number | null {
  const n = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof n === 'number' && Number.isSafeInteger(n) && n >= 0) return n;
  const shown = typeof value === 'string' ? value.trim() : JSON.stringify(value);
  const why = typeof n === 'number' && Number.isInteger(n) && n >= 0 ? 'is too large to be an issue number' : 'is not a whole number';
  warn(line, `${where}: number ${typeof value === 'string' ? JSON.stringify(shown) : shown} ${why}; ignored`);
  return null;
}

function plainText(value: unknown): string | null {
  return typeof value === 'string' || typeof value === 'number' ? String(value).trim() || null : null;
}

function validate(raw: Record<string, unknown>, block: string, firstLine: number, warn: Warn): FrontMatterData {
  const data: FrontMatterData = { ...EMPTY };
  const line = (key: string): number => keyLine(block, key, firstLine);
  const { number, title, date, source, excerpt, permalink, redirect } = raw;
  if (number !== undefined && number !== null) {
    // As written, not as read: `99999999999999999999` is no longer itself once it is a JavaScript number.
    const written = /^number:[ \t]*(.*?)[ \t]*$/m.exec(block)?.[1];
    data.number = wholeNumber(
      typeof number === 'number' && written && /^\d+$/.test(written) ? written : number,
      'front matter',
      line('number'),
      warn,
    );
  }
  if (title !== undefined && title !== null) {
    data.title = plainText(title);
    if (plainText(title) === null && typeof title !== 'string') warn(line('title'), 'front matter: title is not text; ignored');
  }
  if (date !== undefined && date !== null) {
    const text = date instanceof Date && !Number.isNaN(date.getTime()) ? date.toISOString().slice(0, 10) : String(date).trim();
    data.date = calendarDate(text);
    if (data.date === null) warn(line('date'), `front matter: date ${JSON.stringify(text)} is not a date (YYYY-MM-DD); ignored`);
  }
  // Jekyll's `redirect` is where the issue is published now: its source when none is given.
  for (const [key, value] of [
    ['source', source],
    ['redirect', redirect],
  ] as const) {
    if (value === undefined || value === null || data.source !== null) continue;
    if (typeof value === 'string' && isWebAddress(value.trim())) data.source = value.trim();
    else warn(line(key), `front matter: ${key} ${JSON.stringify(value)} is not an http(s) URL; ignored`);
  }
  if (excerpt !== undefined && excerpt !== null) data.excerpt = plainText(excerpt);
  if (permalink !== undefined && permalink !== null) data.permalink = plainText(permalink);
  return data;
}

/** A Pelican header's keys, lower-cased, and the front matter key each stands for. */
const HEADER_KEYS: Record<string, keyof FrontMatterData> = {
  title: 'title',
  number: 'number',
  date: 'date',
  summary: 'excerpt',
  slug: 'permalink',
};
const HEADER_LINE = /^([A-Z][A-Za-z]*(?:[ _-][A-Za-z]+)?):[ \t]+(\S.*)$/;

/**
 * A Pelican-style header: `Key: value` lines from the first line to a blank one, among them
 * `Title:` or `Date:`. Null when the text does not start with one.
 */
function pelicanHeader(text: string, firstLine: number, warn: Warn): FrontMatterResult | null {
  const lines = text.split('\n');
  const fields: { key: string; value: string; line: number }[] = [];
  let i = 0;
  for (; i < lines.length && i < 40; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (line.trim() === '') break;
    const m = HEADER_LINE.exec(line);
    if (!m) return null;
    fields.push({ key: m[1]!.toLowerCase(), value: m[2]!.trim(), line: firstLine + i });
  }
  if (i >= lines.length || !fields.some((f) => f.key === 'title' || f.key === 'date')) return null;
  const data: FrontMatterData = { ...EMPTY };
  for (const { key, value, line } of fields) {
    const field = HEADER_KEYS[key];
    if (field === 'number') data.number = wholeNumber(value, 'header', line, warn);
    else if (field === 'date') {
      data.date = calendarDate(value);
      if (data.date === null) warn(line, `header: date ${JSON.stringify(value)} is not a date (YYYY-MM-DD); ignored`);
    } else if (field) data[field] = value;
  }
  return { data, body: lines.slice(i + 1).join('\n'), bodyLine: firstLine + i + 1 };
}

/** A fence line: three or more backticks or tildes, with an optional word (`markdown`). */
const FENCE_LINE = /^(`{3,}|~{3,})[ \t]*([\w-]*)[ \t]*$/;

/**
 * A file wrapped whole in one code fence by mistake: its first line opens a fence of Markdown (or
 * no language), its last closes it, and every fence between opens and closes in pairs. The fence
 * lines become blank lines, so every line keeps its number.
 */
export function unwrapFence(text: string, warn: Warn): string {
  const lines = text.split('\n');
  const first = lines.findIndex((l) => l.trim() !== '');
  let last = lines.length - 1;
  while (last > first && lines[last]!.trim() === '') last--;
  if (first < 0 || last <= first) return text;
  const open = FENCE_LINE.exec(lines[first]!.replace(/^\uFEFF/, '').trimEnd());
  const close = FENCE_LINE.exec(lines[last]!.trimEnd());
  if (!open || !close || close[2] !== '' || !/^(?:|markdown|md|text)$/i.test(open[2]!)) return text;
  if (close[1]![0] !== open[1]![0] || close[1]!.length < open[1]!.length) return text;
  const inner = lines.slice(first + 1, last).filter((l) => l.trimStart().startsWith(open[1]!));
  if (inner.length % 2 !== 0) return text;
  warn(first + 1, `the whole file is wrapped in one code fence (${open[0].trim()}); read as its content`);
  const out = lines.slice();
  out[first] = '';
  out[last] = '';
  return out.join('\n');
}

/** Splits off and validates front matter. Invalid YAML is reported with its line; the body is still parsed. */
export function frontMatter(original: string, warn: Warn): FrontMatterResult {
  const unwrapped = unwrapFence(original, warn);
  // Blank lines before the front matter (a fence's opening line, left blank) are passed over.
  const lead = unwrapped === original ? '' : (/^(?:\uFEFF?[ \t]*\r?\n)*/.exec(unwrapped)?.[0] ?? '');
  const text = unwrapped.slice(lead.length);
  const firstLine = 1 + countLines(lead);
  if (!FENCE.test(text)) {
    const body = text.replace(/^\uFEFF/, '');
    return pelicanHeader(body, firstLine, warn) ?? { data: { ...EMPTY }, body, bodyLine: firstLine };
  }
  const start = text.replace(/^\uFEFF/, '');
  // Where gray-matter will find the closing fence: the first line after the opening one that
  // starts with `---` (the first heading may run into it: `---### Top News`).
  const closeAt = start.indexOf('\n---', 3);
  if (closeAt < 0) {
    warn(firstLine, 'front matter: opening --- has no closing ---; the whole file is read as the issue text');
    return { data: { ...EMPTY }, body: start, bodyLine: firstLine };
  }
  const block = start.slice(3, closeAt);
  const rest = start.slice(closeAt + 4);
  const runsIn = rest !== '' && !/^\r?\n/.test(rest);
  const bodyLine = firstLine + 1 + countLines(block) + (runsIn ? 0 : 1);
  let parsed: matter.GrayMatterFile<string>;
  try {
    // gray-matter splits the fences off; the CORE schema keeps dates as written ("2020-05-06"), so
    // they are validated here, not moved to another time zone. Options are always given: without
    // them gray-matter keeps every text it has seen in a cache of its own.
    parsed = matter(start, { engines: { yaml: (s: string) => yaml.load(s, { schema: yaml.CORE_SCHEMA }) as object } });
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    // gray-matter hands js-yaml the block with the newline after the opening `---` in front, so
    // the mark's 0-based line counts from the fence line itself.
    const line = mark?.line !== undefined ? firstLine + mark.line : firstLine;
    const reason = (error as { reason?: string }).reason ?? String(error);
    // The usual mistake is one value's quotes (`excerpt: "A "quoted" word"`): the other keys, one a
    // line, are still what they say.
    const lines = block.replace(/^\r?\n/, '').split(/\r?\n/);
    const simple: Record<string, unknown> = {};
    for (const text of lines) {
      const m = /^([A-Za-z_]+):[ \t]*(.*?)[ \t]*$/.exec(text);
      if (m && m[2] !== '' && !/^[[{]/.test(m[2]!)) simple[m[1]!] = m[2]!.replace(/^"(.*)"$|^'(.*)'$/, '$1$2');
    }
    warn(line, `front matter: not valid YAML (${reason}); its one-line keys are read as written`);
    return { data: validate(simple, block.replace(/^\r?\n/, ''), firstLine, () => {}), body: rest.replace(/^\r?\n/, ''), bodyLine };
  }
  const raw = parsed.data as unknown;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    if (block.trim() !== '') warn(firstLine + 1, 'front matter: not a mapping of keys to values; metadata ignored');
    return { data: { ...EMPTY }, body: parsed.content, bodyLine };
  }
  return { data: validate(raw as Record<string, unknown>, block.replace(/^\r?\n/, ''), firstLine, warn), body: parsed.content, bodyLine };
}
