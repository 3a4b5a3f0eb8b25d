/**
 * The newsletter's standing text, dropped wherever it appears: the preamble and footer sentences
 * its dialect lists (`standingText` in newsletter.yml) and mail-client furniture. Patterns see
 * through Markdown links and emphasis, and through the padding scrapers leave before punctuation
 * (`resources here .`): `DialectRules.standing`.
 */
import type { DialectRules } from '../records/dialect.ts';

/** True when the text holds a standing sentence. */
export function hasStandingText(text: string, rules: DialectRules): boolean {
  return rules.standing !== null && text.search(rules.standing) >= 0;
}

/** True when the text may hold standing text (false means it certainly does not). */
export function mayHoldBoilerplate(text: string, rules: DialectRules): boolean {
  return rules.standingHints?.test(text) === true;
}

/**
 * Every standing sentence in a long text, as [start, end) spans. One pass of the pattern: it starts
 * with a literal word, so the engine skips ahead to the few letters a phrase can start with, and a
 * several-megabyte flattened issue is scanned in milliseconds.
 */
export function findBoilerplate(text: string, rules: DialectRules): [number, number][] {
  if (!rules.standing) return [];
  const spans: [number, number][] = [];
  for (const m of text.matchAll(rules.standing)) if (m[0].length > 0) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

/** Markdown images (mail-client icons) are furniture too. */
const IMAGE = /!\[[^\]]*\]\([^)]*\)/g;

/** True when the text may hold standing text or an image (false means stripping changes only spaces). */
function mayHoldFurniture(text: string, rules: DialectRules): boolean {
  return mayHoldBoilerplate(text, rules) || text.includes('![');
}

/** Removes every standing sentence; what is left is the block's own text. */
export function stripBoilerplate(text: string, rules: DialectRules): string {
  if (!mayHoldFurniture(text, rules)) return text.trim();
  const standing = rules.standing;
  return (standing ? text.replace(standing, ' ') : text)
    .replace(IMAGE, ' ')
    .replace(/[ ]{2,}/g, ' ')
    .trim();
}

/** True when nothing but standing text, markup and punctuation is left. */
export function isOnlyBoilerplate(text: string, rules: DialectRules): boolean {
  if (text.length > 1200 || !mayHoldFurniture(text, rules)) return !/[\p{L}\p{N}]/u.test(text);
  return !/[\p{L}\p{N}]/u.test(stripBoilerplate(text, rules).replace(/\]\([^)]*\)/g, ''));
}

/** Headings of the standing footer (`footerHeadings` in newsletter.yml): the entries are over once one appears. */
export function isFooterHeading(text: string, rules: DialectRules): boolean {
  return rules.footerHeading?.test(text.replace(/[*_#:]/g, '').trim()) === true;
}
