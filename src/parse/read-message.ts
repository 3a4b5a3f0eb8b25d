/**
 * Stage 0b (email input only): a message saved from a mail client (`.eml`) or one message of a
 * mailbox (`digest.mbox#2`, split by `src/io/mailbox.ts`) read with letterparser, a MIME parser:
 * multipart bodies, quoted-printable and base64 parts, their charsets, encoded headers
 * (`=?UTF-8?Q?...?=`). The HTML part is the text when there is one (an email as it was
 * sent), else the plain-text part. The Subject is the title line (`Newsletter #16: ...`
 * gives its number too) and the Date its date, as the sender wrote it (`Mon, 2 Mar 2020 23:30
 * -0800` is 2020-03-02).
 *
 * Lines: the decoded part is counted from the line where the message's body starts (the line after
 * its headers), so a warning's line is that of the raw file for a message in one part, and close
 * to it for a part inside a multipart message.
 */
import { extract, parse } from 'letterparser';
import type { Warn } from './front-matter.ts';
import { isIsoDate } from './front-matter.ts';

export interface Message {
  subject: string | null;
  /** YYYY-MM-DD, from the Date header. */
  date: string | null;
  /** The chosen part, decoded: HTML when `html`, else plain text. */
  body: string;
  html: boolean;
  /** 1-based line of the raw message on which its body starts. */
  bodyLine: number;
}

/** A message file: an `.eml`, or a message of a mailbox (`digest.mbox#2`). */
export function isMessage(file: string): boolean {
  return /\.eml$/i.test(file) || /\.mbox#\d+$/i.test(file);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The date a Date header names, in the sender's own time zone (RFC 5322: `[Mon,] 2 Mar 2020 23:30:00 -0800`). */
export function headerDate(value: string | undefined): string | null {
  if (value === undefined) return null;
  const m = /(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})/.exec(value);
  if (m) {
    const month = MONTHS.indexOf(m[2]!.toLowerCase());
    const iso = `${m[3]}-${String(month + 1).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
    if (month >= 0 && isIsoDate(iso)) return iso;
  }
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString().slice(0, 10);
}

/** The line after the message's headers (the first empty line), 1-based. */
function bodyStart(text: string): number {
  const lines = text.split('\n');
  const blank = lines.findIndex((l) => l.trim() === '');
  return blank < 0 ? lines.length + 1 : blank + 2;
}

/** Reads a message; one that is not valid MIME is read as plain text, with a warning. */
export function readMessage(text: string, warn: Warn): Message {
  const bodyLine = bodyStart(text);
  try {
    const node = parse(text);
    const mail = extract(node);
    const headers = node.headers as Record<string, string | undefined>;
    const subject = mail.subject?.replace(/\s+/g, ' ').trim() || null;
    const date = headerDate(headers.Date);
    if (mail.html) return { subject, date, body: mail.html, html: true, bodyLine };
    if (mail.text) return { subject, date, body: mail.text, html: false, bodyLine };
    warn(0, 'the message has no text or HTML part: it is published without text');
    return { subject, date, body: '', html: false, bodyLine };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    warn(0, `not a readable MIME message (${reason.split('\n')[0]}): read as plain text`);
    return { subject: null, date: null, body: text, html: false, bodyLine: 1 };
  }
}
