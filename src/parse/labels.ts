/**
 * The labelled paragraphs after a summary:
 *   Rohin's opinion: ...   Rohin’s opinion: ...   Nicholas' opinion: ...   **Zach's opinion:** ...
 *   My opinion: ...        Read more: ...          Prerequisites: ... (also `Prerequisities:`)
 *   Should you read it? ...   (the first issues' name for the editor's opinion)
 */

export type LabelKind = 'opinion' | 'readMore' | 'prerequisites';

export interface LabelMatch {
  kind: LabelKind;
  /** For opinions: the name as written (`Dan H`), or null for `My opinion`. */
  by: string | null;
  /** Length of the label including its colon, markup and following spaces. */
  length: number;
}

// A first name, maybe with an initial (`Dan H`), maybe two people (`Rohin and Flo`). Longer runs of
// capitalised words are not allowed: in a flattened issue the words before the label belong to the
// previous paragraph (`... Atari Human Benchmark Sudhanshu's opinion:`).
const FIRST = String.raw`[\p{Lu}][\p{L}\p{M}\-]*(?: [\p{Lu}]\.?)?`;
const NAME = `${FIRST}(?: (?:and|&) ${FIRST})?`;
const COLON = `(?:[*_]{0,2} ?:[*_]{0,2}|:)`;
const BODY =
  `[*_]{0,2}(?:(?<my>My)|(?<name>${NAME})(?:['’‘]s|['’‘])) opinion${COLON}` +
  String.raw`|[*_]{0,2}(?<should>Should you read it\?)[*_]{0,2}(?= )` +
  `|[*_]{0,2}(?<readMore>Read more)${COLON}` +
  `|[*_]{0,2}(?<prereq>Prerequisi(?:t|ti)es?)${COLON}`;

const AT_START = new RegExp(`^(?:${BODY})[ ]*`, 'u');
/** Inline form, for issues flattened onto one line: the label must follow a space. */
export const LABEL_INLINE = new RegExp(String.raw`(?<=^|\s)(?:${BODY})[ ]*`, 'gu');

function toMatch(m: RegExpExecArray): LabelMatch {
  const g = m.groups ?? {};
  if (g.readMore) return { kind: 'readMore', by: null, length: m[0].length };
  if (g.prereq) return { kind: 'prerequisites', by: null, length: m[0].length };
  return { kind: 'opinion', by: g.my ? null : (g.name ?? null), length: m[0].length };
}

/** The label at the very start of a paragraph, if any. */
export function matchLabel(text: string): LabelMatch | null {
  const m = AT_START.exec(text);
  return m ? toMatch(m) : null;
}

/** Every label inside a flattened line: start offset and the match. */
export function findLabels(text: string): { index: number; label: LabelMatch }[] {
  const out: { index: number; label: LabelMatch }[] = [];
  // The pattern is costly to try at every offset; start it only a short way before each keyword.
  const hits: number[] = [];
  for (const keyword of ['opinion', 'Read more', 'Prerequisi', 'Should you read it?']) {
    for (let at = text.indexOf(keyword); at >= 0; at = text.indexOf(keyword, at + keyword.length)) hits.push(at);
  }
  hits.sort((a, b) => a - b);
  let scanned = 0;
  for (const hit of hits) {
    if (hit < scanned) continue;
    LABEL_INLINE.lastIndex = Math.max(scanned, hit - 40);
    const m = LABEL_INLINE.exec(text);
    if (m && m.index <= hit) {
      out.push({ index: m.index, label: toMatch(m) });
      scanned = m.index + m[0].length;
    }
  }
  return out;
}
