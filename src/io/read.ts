/**
 * The only file-system input of the pipeline: raw newsletter files in, `{ file, text }` out.
 * Everything downstream is pure.
 */
import { readdirSync, readFileSync, readlinkSync, realpathSync, type Stats, statSync } from 'node:fs';
import path from 'node:path';
import type { ParseWarning, RawFile } from '../records/types.ts';
import { UserError } from './errors.ts';
import { isWithin } from './paths.ts';
import { decodeText } from './encoding.ts';
import { splitMailbox } from './mailbox.ts';

/**
 * The extensions of issue files, read alike from a directory and from a file named on the command
 * line: text, Markdown, web pages and ebook chapters, an email saved from a mail client, a mailbox.
 */
export const NEWSLETTER_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm', '.xhtml', '.eml', '.mbox'];

export interface ReadResult {
  /** Files decoded as text, in a stable order (sorted by path). */
  files: RawFile[];
  /** Files that were read but could not be taken as text (binary), or only with repairs (invalid UTF-8). */
  problems: ParseWarning[];
}

/** Thrown when a path cannot be read at all (missing, unreadable): the CLI exits 1 on it. */
export class ReadError extends UserError {}

export interface ReadOptions {
  /**
   * Folders symbolic links may point into (the content dir). Each directory argument is one
   * too. Default: the directory arguments only.
   */
  within?: string[];
}

/** Why a file is not read as an issue (its extension), or null when it is. */
function unsupportedFile(name: string): string | null {
  const extension = path.extname(name).toLowerCase();
  if (NEWSLETTER_EXTENSIONS.includes(extension)) return null;
  return `skipped: ${extension === '' ? 'a file without an extension' : `a ${extension} file`} is not read as an issue (supported: ${NEWSLETTER_EXTENSIONS.join(', ')})`;
}

/**
 * The newsletter files under `dir`, and a warning for each file left out. Hidden files
 * (`.DS_Store`, an editor's `.wr-098.txt.swp`) are passed over silently. A symbolic link is
 * followed only when its target is inside one of `within` (the content dir): `outside.txt ->
 * /etc/hostname` would publish a file the user never meant to. A link whose target is missing is
 * a warning, not a failure. A folder reached twice through links is read once.
 */
function listDir(dir: string, base: string, within: string[], problems: ParseWarning[], seen: Set<string>): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    const file = path.relative(base, full).split(path.sep).join('/');
    const skip = (message: string): void => {
      problems.push({ file, line: 0, message });
    };
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      let target: string;
      try {
        target = realpathSync(full);
      } catch {
        skip(`symbolic link to ${readlinkSync(full)}, which does not exist: skipped`);
        continue;
      }
      if (!within.some((root) => isWithin(target, root))) {
        skip(`symbolic link to ${target}, outside the content dir: skipped (only links to files inside it are followed)`);
        continue;
      }
      const stat = statSync(target);
      isDir = stat.isDirectory();
      isFile = stat.isFile();
    }
    if (isDir) {
      const real = realpathSync(full);
      if (seen.has(real)) continue;
      seen.add(real);
      out.push(...listDir(full, base, within, problems, seen));
    } else if (isFile) {
      const unsupported = unsupportedFile(entry.name);
      if (unsupported === null) out.push(full);
      else skip(unsupported);
    }
  }
  return out;
}

/** 1-based line of a byte offset in a buffer. */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that makes the buffer invalid UTF-8, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return -1;
}

/**
 * A text is binary (an image, an archive, a document saved as `.html` by mistake) when a tenth or
 * more of its first 64 K characters are control characters other than line breaks and tabs, or
 * replacement characters. A few stray control characters in a newsletter text do not make it
 * binary: the parser removes them with a warning naming their line (`src/parse/clean-text.ts`).
 */
function looksBinary(text: string): number {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is counted
  const odd = sample.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g);
  if (odd === null || odd.length < sample.length / 10) return -1;
  // The first NUL (else the first control character), for the warning's line.
  const nul = sample.indexOf('\u0000');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the first control character, for the warning's line
  return nul >= 0 ? nul : sample.search(/[\u0001-\u0008\u000e-\u001f]/);
}

/** 1-based line of a character offset in a text. */
function lineOfChar(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * Decodes one file's bytes in the encoding it is written in (`src/io/encoding.ts`: a byte order
 * mark, a web page's `<meta charset>`, UTF-16's shape, else UTF-8). A binary file is reported
 * and not parsed. Invalid UTF-8 is reported with its line and decoded with U+FFFD in place of the
 * bad bytes, so the rest of the file's summaries are kept.
 */
export function decodeNewsletter(file: string, bytes: Uint8Array): { raw: RawFile | null; problems: ParseWarning[] } {
  const decoded = decodeText(file, bytes);
  const binary = looksBinary(decoded.text);
  if (binary >= 0) {
    return {
      raw: null,
      problems: [
        {
          file,
          line: lineOfChar(decoded.text, binary),
          message: 'binary file (mostly control characters): not a newsletter text, skipped',
        },
      ],
    };
  }
  const problems: ParseWarning[] = [];
  const bad = decoded.encoding === 'UTF-8' ? firstInvalidUtf8(bytes) : -1;
  if (bad >= 0) {
    problems.push({
      file,
      line: lineOfByte(bytes, bad),
      message: `not valid UTF-8 (byte 0x${bytes[bad]!.toString(16).padStart(2, '0')} at offset ${bad}): bad bytes replaced with U+FFFD`,
    });
  }
  return { raw: { file, text: decoded.text }, problems };
}

/**
 * The issue files one file on disk holds: itself, or each message of a mailbox (`digest.mbox#1`,
 * `digest.mbox#2`, ...: numbered in the mailbox's order, so a message appended later never
 * changes an earlier one's file name, id or address).
 */
export function decodeFile(file: string, bytes: Uint8Array): { files: RawFile[]; problems: ParseWarning[] } {
  const { raw, problems } = decodeNewsletter(file, bytes);
  if (raw === null) return { files: [], problems };
  if (!/\.mbox$/i.test(file)) return { files: [raw], problems };
  const messages = splitMailbox(raw.text);
  if (messages.length === 0) problems.push({ file, line: 0, message: 'the mailbox holds no message' });
  return { files: messages.map((m) => ({ file: `${file}#${m.index}`, text: m.text })), problems };
}

/**
 * Decoded files kept between reads (watch mode), by path: a file whose bytes are the same as last
 * time is not validated and decoded again, and keeps the same RawFile (the same text string,
 * which the parser's per-file cache then compares in constant time).
 */
export type ReadCache = Map<string, { file: string; bytes: Buffer; decoded: ReturnType<typeof decodeFile> }>;

/**
 * Reads newsletter files. A directory argument contributes its files with a NEWSLETTER_EXTENSIONS
 * extension (recursively), each named relative to that directory; every other file in it is
 * reported as skipped. A file argument is named by its base name, and read only with one of those
 * extensions too, so `npm run parse` and the build read the same files.
 * Throws ReadError when a path does not exist or cannot be read.
 */
export function readNewsletters(paths: string[], cache?: ReadCache, options: ReadOptions = {}): ReadResult {
  const files: RawFile[] = [];
  const problems: ParseWarning[] = [];
  const seen = new Set<string>();
  for (const given of paths) {
    let stat: Stats;
    try {
      stat = statSync(given);
    } catch (error) {
      throw new ReadError(`${given}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    const within = [...(options.within ?? []), given].map((dir) => realpathSync(dir));
    const found = stat.isDirectory()
      ? listDir(given, given, within, problems, new Set([realpathSync(given)])).map((full) => ({ full, name: path.relative(given, full) }))
      : [{ full: given, name: path.basename(given) }].filter(({ name }) => {
          // A file named on the command line is read by the same extensions as a directory's files.
          const unsupported = unsupportedFile(name);
          if (unsupported !== null) problems.push({ file: name, line: 0, message: unsupported });
          return unsupported === null;
        });
    for (const { full, name } of found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(full);
      } catch (error) {
        throw new ReadError(`${full}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      }
      const file = name.split(path.sep).join('/');
      const kept = cache?.get(full);
      let decoded: ReturnType<typeof decodeFile>;
      if (kept !== undefined && kept.file === file && kept.bytes.equals(bytes)) decoded = kept.decoded;
      else {
        decoded = decodeFile(file, bytes);
        cache?.set(full, { file, bytes, decoded });
      }
      seen.add(full);
      problems.push(...decoded.problems);
      files.push(...decoded.files);
    }
  }
  // Files gone since the last read leave the cache.
  if (cache) for (const full of cache.keys()) if (!seen.has(full)) cache.delete(full);
  return { files, problems };
}

/** Reads a small text file of settings (categories.yml, site.yml); null when it does not exist. */
export function readOptionalText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
