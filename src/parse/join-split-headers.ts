/**
 * Stage: a header whose title and parentheticals stand in separate paragraphs, as some issues'
 * pages print them:
 *   Danny Hernandez on forecasting and the drivers of AI progress
 *   (Arden Koehler and Danny Hernandez) (reviewed by Ada): This podcast is ...
 * The two paragraphs are one header: they are joined, on the title's line. A paragraph is only
 * taken as the title when it could be one (title-sized, not itself a header or a label) and the next
 * one opens with the parenthetical run of a header.
 */
import type { DialectRules } from '../records/dialect.ts';
import type { Block } from './split-blocks.ts';
import { cleanTitle, matchHeader } from './header.ts';
import { matchLabel } from './labels.ts';
import { stripMarkup } from './markup.ts';

const OPENS_WITH_GROUP = /^[*_]{0,2}\(/;

function couldBeTitle(block: Block, rules: DialectRules): boolean {
  if (block.level !== null || block.text.includes('\n')) return false;
  const plain = stripMarkup(block.text);
  const words = plain.split(' ').length;
  // A title ends in a letter, digit, quote or question mark, never a full stop or a colon.
  return (
    words <= 30 &&
    /^["“'‘\p{Lu}\p{N}]/u.test(plain) &&
    !/[.:;,]$/.test(plain) &&
    matchHeader(block.text, rules) === null &&
    matchLabel(block.text, rules) === null
  );
}

export function joinSplitHeaders(blocks: Block[], rules: DialectRules): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const next = blocks[i + 1];
    if (next && !next.inline && !block.inline && next.level === null && OPENS_WITH_GROUP.test(next.text) && couldBeTitle(block, rules)) {
      const joined = `${block.text} ${next.text}`;
      const header = matchHeader(joined, rules);
      if (header && header.title === cleanTitle(stripMarkup(block.text))) {
        out.push({ ...block, text: joined });
        i++;
        continue;
      }
    }
    out.push(block);
  }
  return out;
}
