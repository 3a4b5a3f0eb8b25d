/**
 * Stage 1: optional YAML front matter (gray-matter), validated once at the edge.
 *
 *   ---
 *   number: 98
 *   date: 2020-05-06
 *   ---
 */
import matter from 'gray-matter';
import yaml from 'js-yaml';

/** The validated metadata a file may declare about itself. */
export interface FrontMatterData {
  number: number | null;
  title: string | null;
  date: string | null;
  source: string | null;
}

export interface FrontMatterResult {
  data: FrontMatterData;
  /** The text after the front matter (the whole text when there is none). */
  body: string;
  /** 1-based line of the raw file on which `body` starts. */
  bodyLine: number;
}

export type Warn = (line: number, message: string) => void;

const EMPTY: FrontMatterData = { number: null, title: null, date: null, source: null };
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

/** Line (1-based, in the raw file) of a top-level key in the front matter, for warnings. */
function keyLine(block: string, key: string): number {
  const lines = block.split(/\r?\n/);
  const i = lines.findIndex((l) => l.startsWith(`${key}:`));
  return i < 0 ? 1 : i + 2;
}

function validate(raw: Record<string, unknown>, block: string, warn: Warn): FrontMatterData {
  const data: FrontMatterData = { ...EMPTY };
  const { number, title, date, source } = raw;
  if (number !== undefined && number !== null) {
    const n = typeof number === 'string' && /^\s*\d+\s*$/.test(number) ? Number(number) : number;
    if (typeof n === 'number' && Number.isInteger(n) && n >= 0) data.number = n;
    else warn(keyLine(block, 'number'), `front matter: number ${JSON.stringify(number)} is not a whole number; ignored`);
  }
  if (title !== undefined && title !== null) {
    if (typeof title === 'string' || typeof title === 'number') data.title = String(title).trim() || null;
    else warn(keyLine(block, 'title'), 'front matter: title is not text; ignored');
  }
  if (date !== undefined && date !== null) {
    const text = date instanceof Date && !Number.isNaN(date.getTime()) ? date.toISOString().slice(0, 10) : String(date).trim();
    if (isIsoDate(text)) data.date = text;
    else warn(keyLine(block, 'date'), `front matter: date ${JSON.stringify(text)} is not a date (YYYY-MM-DD); ignored`);
  }
  if (source !== undefined && source !== null) {
    if (typeof source === 'string' && /^https?:\/\/\S+$/i.test(source.trim())) data.source = source.trim();
    else warn(keyLine(block, 'source'), `front matter: source ${JSON.stringify(source)} is not an http(s) URL; ignored`);
  }
  return data;
}

/** Splits off and validates front matter. Invalid YAML is reported with its line; the body is still parsed. */
export function frontMatter(text: string, warn: Warn): FrontMatterResult {
  const open = FENCE.exec(text);
  if (!open) return { data: { ...EMPTY }, body: text.replace(/^\uFEFF/, ''), bodyLine: 1 };
  const rest = text.slice(open[0].length);
  const close = /^---[ \t]*(?:\r?\n|$)/m.exec(rest);
  if (!close) {
    warn(1, 'front matter: opening --- has no closing ---; the whole file is read as the issue text');
    return { data: { ...EMPTY }, body: text.replace(/^\uFEFF/, ''), bodyLine: 1 };
  }
  const block = rest.slice(0, close.index);
  const body = rest.slice(close.index + close[0].length);
  const bodyLine = 2 + countLines(block) + (close[0].endsWith('\n') ? 1 : 0);
  let raw: unknown;
  try {
    // CORE schema: dates stay strings ("2020-05-06"), so they are validated here, not coerced.
    // Only the front matter goes to gray-matter: the body is already split off, and copying it is most of the cost.
    raw = matter(open[0].replace(/^\uFEFF/, '') + block + close[0], {
      engines: { yaml: (s: string) => yaml.load(s, { schema: yaml.CORE_SCHEMA }) as object },
    }).data;
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    // gray-matter hands js-yaml the block with the newline after the opening `---` in front, so
    // the mark's 0-based line counts from the fence line itself: raw line = mark.line + 1.
    const line = mark?.line !== undefined ? mark.line + 1 : 1;
    const reason = (error as { reason?: string }).reason ?? String(error);
    warn(line, `front matter: not valid YAML (${reason}); metadata ignored`);
    return { data: { ...EMPTY }, body, bodyLine };
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    if (block.trim() !== '') warn(2, 'front matter: not a mapping of keys to values; metadata ignored');
    return { data: { ...EMPTY }, body, bodyLine };
  }
  return { data: validate(raw as Record<string, unknown>, block, warn), body, bodyLine };
}
