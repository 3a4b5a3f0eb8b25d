/**
 * Stage: highlight stubs. A highlight is listed again under its topic, with no summary of its own:
 *   HIGHLIGHTS
 *   Specification gaming examples in AI (Victoria Krakovna): A list of examples of ...
 *   TECHNICAL AI ALIGNMENT / PROBLEMS
 *   Specification gaming examples in AI (Victoria Krakovna): Listed among the highlights.
 * The stub is not a second summary: it says which section the highlight belongs to. It is merged
 * into the highlight (one entry, `highlight: true`, `category` = the stub's heading path) and is not
 * an entry or an anchor of its own. A stub whose highlight is not in the issue stays an entry (with a
 * warning), so nothing it says is lost.
 */
import { titleKey, type FoundEntries, type RawEntry } from './find-entries.ts';
import { stripMarkup } from './markup.ts';
import type { Warn } from './front-matter.ts';
import type { DialectRules } from '../records/dialect.ts';

export function mergeHighlightStubs(found: FoundEntries, rules: DialectRules, warn: Warn): FoundEntries {
  const stub = rules.stubWhole;
  if (!stub) return found;
  const isStub = (entry: RawEntry): boolean => {
    const [summary, ...rest] = entry.fields;
    return rest.length === 0 && summary !== undefined && summary.paragraphs.length === 1 && stub.test(stripMarkup(summary.paragraphs[0]!));
  };
  if (!found.entries.some(isStub)) return found;
  const highlights = new Map<string, RawEntry>();
  for (const entry of found.entries)
    if (entry.highlight && !isStub(entry) && !highlights.has(titleKey(entry.header.title)))
      highlights.set(titleKey(entry.header.title), entry);
  const topics = new Map<RawEntry, string[]>();
  const entries: RawEntry[] = [];
  for (const entry of found.entries) {
    if (!isStub(entry)) {
      entries.push(entry);
      continue;
    }
    let highlight = highlights.get(titleKey(entry.header.title));
    const before = entries[entries.length - 1];
    if (!highlight && before) {
      // Flattened onto one line, a link text with no full stop runs into the stub's title
      // (`Read more: Paper: Towards X Robust Reward Models (OpenAI): Listed among the highlights.`).
      // The highlight's own title says where the stub's begins; the words before it go back.
      const whole = [...highlights.values()].find((h) => entry.header.title.endsWith(` ${h.header.title}`));
      const last = before?.fields[before.fields.length - 1];
      if (whole && last) {
        last.paragraphs.push(entry.header.title.slice(0, -whole.header.title.length - 1));
        highlight = whole;
      }
    }
    if (!highlight) {
      // The same run-in, before the highlight itself: its title carries the link text, the stub's does not.
      const at = entries.findIndex((h) => h.highlight && h.header.title.endsWith(` ${entry.header.title}`));
      const last = entries[at - 1]?.fields.at(-1);
      if (at > 0 && last) {
        const h = entries[at]!;
        last.paragraphs.push(h.header.title.slice(0, -entry.header.title.length - 1));
        highlight = { ...h, header: { ...h.header, title: entry.header.title } };
        entries[at] = highlight;
      }
    }
    if (!highlight || entry.highlight) {
      warn(
        entry.line,
        `"${entry.header.title}" says it is a stub of a highlight, but no highlight of this issue has that title; kept as an entry`,
      );
      entries.push(entry);
      continue;
    }
    // The first stub names the topic; a heading-less stub (category []) names none.
    if (!topics.has(highlight) && entry.category.length > 0) topics.set(highlight, entry.category);
  }
  return {
    ...found,
    entries: entries.map((entry) => {
      const topic = topics.get(entry);
      return topic ? { ...entry, category: topic } : entry;
    }),
  };
}
