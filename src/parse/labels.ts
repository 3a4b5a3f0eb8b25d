/**
 * The labelled paragraphs after a summary, as the newsletter's dialect names them
 * (`DialectRules.labelAtStart`, from `labels` in newsletter.yml):
 *   Ada's opinion: ...   Ada’s opinion: ...   Nicholas' opinion: ...   **Zach's opinion:** ...
 *   My opinion: ...      Read more: ...        Prerequisites: ...        Related: ...
 * A label ending in a question mark needs no colon (`Should you read it? ...`).
 */
import type { DialectRules, LabelMatch } from '../records/dialect.ts';

export type { LabelKind, LabelMatch } from '../records/dialect.ts';

function toMatch(m: RegExpExecArray, rules: DialectRules): LabelMatch {
  const groups = m.groups ?? {};
  for (const [group, { kind, editor }] of rules.labelKinds) {
    if (groups[group] === undefined) continue;
    return { kind, by: kind === 'opinion' && !editor ? (groups[`${group}n`] ?? null) : null, length: m[0].length };
  }
  return { kind: 'opinion', by: null, length: m[0].length };
}

/** The label at the very start of a paragraph, if any. */
export function matchLabel(text: string, rules: DialectRules): LabelMatch | null {
  const m = rules.labelAtStart?.exec(text);
  return m ? toMatch(m, rules) : null;
}

/** True when the text may hold a label (false means it certainly does not). */
export function mayHoldLabel(text: string, rules: DialectRules): boolean {
  return rules.labelKeywords.some((keyword) => text.includes(keyword));
}

/** Every label inside a flattened line: start offset and the match. */
export function findLabels(text: string, rules: DialectRules): { index: number; label: LabelMatch }[] {
  const out: { index: number; label: LabelMatch }[] = [];
  if (!rules.labelInline) return out;
  // A copy of the dialect's pattern: its position is this call's own.
  const inline = new RegExp(rules.labelInline);
  // The pattern is costly to try at every offset; start it only a short way before each keyword.
  const hits: number[] = [];
  for (const keyword of rules.labelKeywords) {
    for (let at = text.indexOf(keyword); at >= 0; at = text.indexOf(keyword, at + keyword.length)) hits.push(at);
  }
  hits.sort((a, b) => a - b);
  let scanned = 0;
  for (const hit of hits) {
    if (hit < scanned) continue;
    inline.lastIndex = Math.max(scanned, hit - 40);
    const m = inline.exec(text);
    if (m && m.index <= hit) {
      out.push({ index: m.index, label: toMatch(m, rules) });
      scanned = m.index + m[0].length;
    }
  }
  return out;
}
