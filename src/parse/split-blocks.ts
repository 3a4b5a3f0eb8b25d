/**
 * Stage 4: the body as a list of blocks (paragraphs, headings, headers, labels), each with its line.
 *
 * Line-based issues already have one paragraph per line. Issues flattened onto one line
 * (`... NEWS Announcing Web-TAISU, May 13-17 (Linda Linsefors) (reviewed by Ada): ...`)
 * are cut back into pieces at entry headers, labels, inline headings and standing text.
 */
import type { CleanText } from './clean-text.ts';
import type { Vocabulary } from '../records/categories.ts';
import type { DialectRules } from '../records/dialect.ts';
import { matchLabel } from './labels.ts';
import { matchHeader } from './header.ts';
import { cutFlattened, isFlattened } from './cut-flattened.ts';
import { stripMarkup } from './markup.ts';

export interface Block {
  text: string;
  /** 1-based line in the raw file. */
  line: number;
  /** Heading level when the text marks it as a heading (`#` count; `===` is 1, `---` is 2; 0 for a heading cut out of a flattened line), else null. */
  level: number | null;
  /** True when the block was cut out of a flattened line. */
  inline: boolean;
  /** True for a fenced code block or a table (`| a | b |` lines), kept line for line as written. */
  verbatim?: boolean;
}

/**
 * A block with the section it stands under (stage 5, find-sections.ts): a section heading, the
 * footer, or content under a category path. Here, beside Block, so the stages that read it
 * (find-entries.ts, which find-sections.ts asks whether a heading is an item) need not import each other.
 */
export type SectionedBlock =
  | { kind: 'heading'; block: Block; path: string[]; highlight: boolean }
  | { kind: 'footer'; block: Block }
  | { kind: 'content'; block: Block; path: string[]; highlight: boolean };

/** Lines that start a block of their own even without a blank line before them. */
function startsBlock(text: string, rules: DialectRules): boolean {
  return /^(?:[-*+] |\d{1,2}[.)] |>|\|)/.test(text) || matchLabel(text, rules) !== null || matchHeader(text, rules) !== null;
}

/**
 * A line that is a heading by itself: a section of the vocabulary, or a short line in capitals.
 * Page text separates a heading from what is around it by a single newline
 * (`... than usual.` / `Highlights`, `Technical AI alignment` / `Problems`): it is never a
 * continuation of the paragraph above, and nothing continues it.
 */
function headingLine(text: string, vocabulary: Vocabulary): boolean {
  if (text.length > 120 || text.includes('\n')) return false;
  const plain = stripMarkup(text);
  if (vocabulary.lookup(plain) !== undefined) return true;
  return /\p{Lu}{3}/u.test(plain) && plain === plain.toUpperCase() && !/[.!?:;,"”]$/.test(plain) && plain.split(' ').length <= 8;
}

const NO_NAMES: ReadonlySet<string> = new Set();
const UNDERLINE = /^(=+|-+)\s*$/;
const ATX = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const RULE = /^(?:[-*_]\s*){3,}$/;
const FENCE = /^(`{3,}|~{3,})[^`]*$/;

/** Splits the cleaned body into blocks. */
export function splitBlocks(
  cleaned: CleanText,
  vocabulary: Vocabulary,
  rules: DialectRules,
  knownAuthors: ReadonlySet<string> = NO_NAMES,
): Block[] {
  const blocks: Block[] = [];
  const lines = cleaned.lines;
  for (let i = 0; i < lines.length; i++) {
    const { text, line } = lines[i]!;
    const trimmed = text.trim();
    if (trimmed === '') continue;
    // A fenced code block (a web page's `<pre>`) is one block, its lines as written: indentation is its meaning.
    const fence = FENCE.exec(trimmed);
    if (fence) {
      const close = new RegExp(`^\\s*${fence[1]![0] === '`' ? '`' : '~'}{${fence[1]!.length},}\\s*$`);
      let end = i + 1;
      while (end < lines.length && !close.test(lines[end]!.text)) end++;
      const code = lines.slice(i, Math.min(end + 1, lines.length)).map((l) => l.text);
      blocks.push({ text: code.join('\n'), line, level: null, inline: false, verbatim: true });
      i = end;
      continue;
    }
    // A table's rows, one a line (`| a | b |`, `| --- | --- |`), are one block.
    if (trimmed.startsWith('|') && trimmed.endsWith('|')) {
      const prev = blocks[blocks.length - 1];
      if (prev?.verbatim && prev.text.startsWith('|') && lines[i - 1]?.text.trim() !== '') prev.text += `\n${trimmed}`;
      else blocks.push({ text: trimmed, line, level: null, inline: false, verbatim: true });
      continue;
    }
    const next = lines[i + 1]?.text.trim() ?? '';
    // Setext heading: `**Technical AI alignment**` over `====`.
    if (UNDERLINE.test(next) && next.length >= 2 && !RULE.test(trimmed) && trimmed.length <= 120) {
      blocks.push({ text: trimmed, line, level: next.startsWith('=') ? 1 : 2, inline: false });
      i++;
      continue;
    }
    const atx = ATX.exec(trimmed);
    if (atx) {
      blocks.push({ text: atx[2]!, line, level: atx[1]!.length, inline: false });
      continue;
    }
    if (RULE.test(trimmed)) continue;
    if (isFlattened(trimmed, rules)) {
      for (const piece of cutFlattened(trimmed, vocabulary, rules, knownAuthors)) {
        blocks.push({ text: piece.text, line, level: piece.heading ? 0 : null, inline: true });
      }
      continue;
    }
    // A line that continues the paragraph above (hard-wrapped text, a Markdown line break):
    // `**Read more:** **[Paper: Learning Robust Rewards With Adversarial](...)**  ` then `**[Inverse Reinforcement Learning](...)**`.
    const prev = blocks[blocks.length - 1];
    const above = lines[i - 1];
    if (
      prev &&
      above &&
      above.text.trim() !== '' &&
      prev.level === null &&
      !prev.inline &&
      !prev.verbatim &&
      !startsBlock(trimmed, rules) &&
      !headingLine(trimmed, vocabulary) &&
      !headingLine(prev.text, vocabulary)
    ) {
      prev.text += `\n${trimmed}`;
      continue;
    }
    blocks.push({ text: trimmed, line, level: null, inline: false });
  }
  return blocks;
}
