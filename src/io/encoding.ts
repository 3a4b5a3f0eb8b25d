/**
 * Which character encoding a newsletter file is written in, and its text. The sniffing and the
 * decoding are the WHATWG algorithms as maintained libraries implement them: a byte order mark
 * (UTF-8, UTF-16 LE/BE) wins; then, for a web page, `<meta charset="windows-1252">` or
 * `<meta http-equiv="Content-Type" content="text/html; charset=...">` in its first 1,024 bytes
 * (html-encoding-sniffer), or an XML declaration's `encoding="..."`; otherwise UTF-8. The text is
 * decoded by @exodus/bytes' TextDecoder, which knows every label of the Encoding Standard
 * (`iso-8859-1` and `latin1` are read as windows-1252, as browsers read them).
 *
 * UTF-16 without a byte order mark is recognised by its shape (every other byte zero in the first
 * kilobytes): such a file is text, never "binary".
 */
import sniffHtmlEncoding from 'html-encoding-sniffer';
import { getBOMEncoding, labelToName, TextDecoder } from '@exodus/bytes/encoding.js';

export interface Decoded {
  /** The text, without the byte order mark. */
  text: string;
  /** The encoding's name as the Encoding Standard spells it (`UTF-8`, `windows-1252`, `UTF-16LE`). */
  encoding: string;
  /** What chose it: a byte order mark, the page's own declaration, the shape of UTF-16, or the default. */
  by: 'bom' | 'declaration' | 'utf-16 shape' | 'default';
}

/** Files whose own declaration of their encoding is read: web pages, ebook chapters. */
const HTML_FILE = /\.(?:x?html?)$/i;
const XML_DECLARATION = /^\s*<\?xml[^>]*\bencoding\s*=/i;
const HTML_START = /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i;

/** UTF-16 without a byte order mark: in the first 4 KB, zero bytes fill one parity of positions and almost none of the other. */
function utf16Shape(bytes: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero >= pairs * 0.4 && evenZero <= pairs * 0.02) return 'UTF-16LE';
  if (evenZero >= pairs * 0.4 && oddZero <= pairs * 0.02) return 'UTF-16BE';
  return null;
}

/** The encoding a web page declares for itself, or null (no declaration, or one no decoder knows). */
function declaredEncoding(file: string, bytes: Uint8Array): string | null {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 1024));
  if (XML_DECLARATION.test(head)) return sniffHtmlEncoding(bytes, { xml: true, defaultEncoding: '' }) || null;
  // A declaration is looked for only in a web page: a Markdown file that quotes `<meta charset>` is not one.
  if (!HTML_FILE.test(file) && !HTML_START.test(head)) return null;
  return sniffHtmlEncoding(bytes, { defaultEncoding: '' }) || null;
}

/** The encoding of a newsletter file's bytes, by the rules at the top of this module. */
export function sniffEncoding(file: string, bytes: Uint8Array): Pick<Decoded, 'encoding' | 'by'> {
  const bom = getBOMEncoding(bytes);
  if (bom !== null) return { encoding: labelToName(bom) ?? 'UTF-8', by: 'bom' };
  const utf16 = utf16Shape(bytes);
  if (utf16 !== null) return { encoding: utf16, by: 'utf-16 shape' };
  const declared = declaredEncoding(file, bytes);
  // A page that declares UTF-16 in a byte-oriented `<meta>` is not UTF-16 (the standard reads it as UTF-8).
  if (declared !== null && !declared.startsWith('UTF-16')) return { encoding: declared, by: 'declaration' };
  return { encoding: 'UTF-8', by: 'default' };
}

/** Decodes a file's bytes in the encoding `sniffEncoding` finds; bytes that are not valid in it become U+FFFD. */
export function decodeText(file: string, bytes: Uint8Array): Decoded {
  const { encoding, by } = sniffEncoding(file, bytes);
  // The decoder drops the byte order mark of the encoding it decodes (ignoreBOM is false by default).
  return { text: new TextDecoder(encoding).decode(bytes), encoding, by };
}
