/**
 * HTML stage, after writing: the standing text mail platforms put around every email, dropped by
 * its shape, whatever newsletter it is:
 *
 * - at the top, a short block asking to view the email in a browser ("View this email in your
 *   browser", "Having trouble reading this? Read it online", "Web version");
 * - at the top, a table of contents: a block whose lines (or items, or parts between `|`, `·`,
 *   `•`) are each the text of a heading further down, after an optional label ("In this issue:");
 * - at the end, the footer: from the first block that says why the reader gets the email or how
 *   to stop (unsubscribe, preferences, "You are receiving this because", "Our mailing address
 *   is", a copyright line, "Powered by" a mail platform) to the end, when every block after it is
 *   short, as a footer's lines are (an address, social links, a company name).
 */
import type { Line } from '../clean-text.ts';
import { stripMarkup } from '../markup.ts';
import { wordCount } from './nodes.ts';

type Block = Line[];

const VIEW_ONLINE =
  /\b(?:view|read|open|see)\b.{0,40}?\b(?:in|on)\s+(?:your|a|the)?\s*(?:web\s*)?browser\b|\bview\s+(?:it\s+|this\s+)?(?:email\s+|newsletter\s+|issue\s+|message\s+)?online\b|\bweb\s+version\b|\bhaving\s+trouble\s+(?:viewing|reading|seeing)\b/i;

const FOOTER =
  /\bunsubscribe\b|\b(?:update|manage|change)\s+(?:your\s+)?(?:email\s+|subscription\s+)?(?:preferences|subscriptions?|settings)\b|\byou(?:'re|’re|\s+are|\s+were)\s+receiving\s+this\b|\byou\s+received\s+this\s+(?:email|newsletter|message)\b|\b(?:this|the)\s+(?:email|newsletter|message)\s+was\s+sent\s+to\b|\bour\s+mailing\s+address\s+is\b|\badd\s+us\s+to\s+your\s+address\s+book\b|\bforwarded\s+this\s+(?:email|newsletter)\b|\bwhy\s+did\s+i\s+get\s+this\b|\bopt[\s-]out\b|^\s*(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}|[A-Z])|\ball\s+rights\s+reserved\b|\bpowered\s+by\s+(?:mailchimp|substack|buttondown|beehiiv|convertkit|kit|revue|ghost|mailerlite|sendinblue|brevo|campaign\s+monitor|constant\s+contact|hubspot|tinyletter)\b/i;

const TOC_LABEL = /^\s*(?:in\s+this\s+(?:issue|edition|email|week)|this\s+week|contents|table\s+of\s+contents|inside|today)\s*(?::\s*|$)/i;

/** A footer's lines are short: no block after the footer's first may be longer than this. */
const FOOTER_BLOCK_WORDS = 60;
/** A footer is a few blocks: it is looked for among the last ones only. */
const FOOTER_BLOCKS = 12;
/** A block asking to view the email online, or a table of contents, is short too. */
const SHORT_BLOCK_WORDS = 25;

function plain(block: Block): string {
  return stripMarkup(raw(block));
}

function raw(block: Block): string {
  return block.length === 1 ? block[0]!.text : block.map((l) => l.text).join(' ');
}

/** About how many words a text has (its spaces, plus one): cheap, and enough to tell a short block from a long one. */
function roughWords(text: string): number {
  let n = 1;
  for (let i = text.indexOf(' '); i >= 0; i = text.indexOf(' ', i + 1)) n++;
  return n;
}

function isHeading(block: Block): boolean {
  return block.length === 1 && (/^#{1,6}\s/.test(block[0]!.text) || /^\*\*[^*]+\*\*:?$/.test(block[0]!.text));
}

const fold = (text: string): string =>
  stripMarkup(text)
    .replace(/^[-*+]\s+|^\d+[.)]\s+/, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** True when the block's items each name a heading found after it (with an optional label first). */
function isTableOfContents(block: Block, headingsAfter: Set<string>): boolean {
  const items = block
    .flatMap((l) => l.text.split(/\s+[|·•]\s+/))
    .map((t) => t.trim())
    .filter((t) => t !== '');
  // A label before the names ("In this issue:") is no name: on a line of its own, or before the first.
  const named = items.map((t, i) => (i === 0 ? stripMarkup(t).replace(TOC_LABEL, '') : t)).filter((t) => t.trim() !== '');
  if (named.length < 2) return false;
  return named.every((t) => headingsAfter.has(fold(t)));
}

/** The blocks without the platform's standing text at their top and end. */
export function dropStandingText(blocks: Block[]): Block[] {
  if (blocks.length === 0) return blocks;
  // The end: the footer.
  let end = blocks.length;
  for (let i = blocks.length - 1; i >= Math.max(0, blocks.length - FOOTER_BLOCKS); i--) {
    const text = raw(blocks[i]!);
    const words = roughWords(text);
    // The pattern is tried on the text as written first (cheap), then on its plain text.
    if (
      words <= FOOTER_BLOCK_WORDS * 2 &&
      FOOTER.test(text) &&
      FOOTER.test(plain(blocks[i]!)) &&
      wordCount(plain(blocks[i]!)) <= FOOTER_BLOCK_WORDS
    )
      end = i;
    else if (words > FOOTER_BLOCK_WORDS * 2 || isHeading(blocks[i]!)) break;
  }
  let kept = blocks.slice(0, end);
  // The top: a request to view the email online, and a table of contents; only among the first blocks.
  const headings = new Map<string, number>();
  kept.forEach((b, i) => {
    if (isHeading(b)) headings.set(fold(b[0]!.text.replace(/^#{1,6}\s+/, '')), i);
  });
  kept = kept.filter((block, i) => {
    if (i >= 8) return true;
    const text = raw(block);
    if (roughWords(text) > SHORT_BLOCK_WORDS * 2) return true;
    if (VIEW_ONLINE.test(text) && VIEW_ONLINE.test(plain(block))) return wordCount(plain(block)) > SHORT_BLOCK_WORDS;
    if (headings.size < 2) return true;
    const after = new Set([...headings].filter(([, at]) => at > i).map(([name]) => name));
    return !isTableOfContents(block, after);
  });
  return kept;
}
