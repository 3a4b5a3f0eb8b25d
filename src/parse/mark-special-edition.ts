/**
 * Stage: special editions. An issue with no section headings at all that opens with its own
 * introduction ("Welcome to another special edition of the newsletter! In this edition, I summarize
 * four conversations ...") presents every summary in it as that edition's highlight, as the
 * newsletter's own database records them. An issue without headings and without an intro is a
 * plain scrape that lost its headings: nothing is marked.
 */
import type { FoundEntries } from './find-entries.ts';
import type { SectionedBlock } from './find-sections.ts';
import type { DialectRules } from '../records/dialect.ts';

/** Only for a newsletter with a highlights section (`highlights.section` in newsletter.yml). */
export function markSpecialEdition(found: FoundEntries, blocks: SectionedBlock[], rules: DialectRules): FoundEntries {
  const section = rules.highlightSection;
  const hasHeadings = blocks.some((b) => b.kind === 'heading');
  if (section === null || hasHeadings || found.intro.trim() === '' || found.entries.length === 0) return found;
  return {
    ...found,
    entries: found.entries.map((entry) => ({ ...entry, highlight: true, category: [section] })),
  };
}
