/**
 * Renders an IssueSpec into the body text of one of the layouts the newsletter is found in (README,
 * The input), and wraps it into a file (optionally with YAML front matter). Pure: string in,
 * string out.
 *
 * line-upper   one paragraph per line, blank lines between, `HIGHLIGHTS` / `MESA OPTIMIZATION` headings on their own lines
 * line-title   the same with Title Case headings (`Mesa optimization`)
 * line-none    the same with no headings at all
 * flat-upper   the whole issue on one line, UPPERCASE headings inline, padded link texts `( AN #74 )`, sometimes ` :`
 * flat-title   one line, Title Case headings inline
 * markdown     the forum export: `**Highlights**` + `----`, `**Technical AI alignment**` + `====`,
 *              `### **Learning human intent**`, `[Title](url) *(Authors)* (summarized by X):`, `**Rohin's opinion:**`
 */
import type { EntrySpec, IssueSpec, Layout, OpinionSpec } from './spec.ts';
import { entriesOf } from './spec.ts';
import { linkReferences, paragraphsOf, toPlain } from './plain.ts';

export interface RenderOptions {
  /** Which variant of the standing preamble to print (the newsletter changed it over time); default from the issue number. */
  preamble?: number;
  /** In flat-upper, write the header colon as ` :` (as some scraped issues do). Default: from the issue number. */
  spacedColon?: boolean;
}

const PREAMBLES_PLAIN: string[][] = [
  [
    'Find all Alignment Newsletter resources here. In particular, you can sign up, or look through this spreadsheet of all summaries that have ever been in the newsletter.',
  ],
  [
    'Alignment Newsletter is a weekly publication with recent content relevant to AI alignment around the world. Find all Alignment Newsletter resources here. In particular, you can look through this spreadsheet of all summaries that have ever been in the newsletter.',
    'Audio version here (may not be up yet).',
  ],
  [
    'Crossposted from the AI Alignment Forum. May contain more technical jargon than usual.',
    'Alignment Newsletter is a weekly publication with recent content relevant to AI alignment around the world. Find all Alignment Newsletter resources here. In particular, you can look through this spreadsheet of all summaries that have ever been in the newsletter.',
    'Audio version here (may not be up yet).',
    'Please note that while I work at DeepMind, this newsletter represents my personal views and not those of my employer.',
  ],
];

const PREAMBLE_MARKDOWN = (n: number): string[] => [
  "Find all Alignment Newsletter resources [here](http://rohinshah.com/alignment-newsletter/). In particular, you can [sign up](http://eepurl.com/dqMSZj), or look through this [spreadsheet](https://docs.google.com/spreadsheets/d/1PwWbWZ6FPqAgZWOoOcXM8N_tUCuxpEyMbN1NYYC02aM/edit?usp=sharing) of all summaries that have ever been in the newsletter. I'm always happy to hear feedback; you can send it to me by replying to this email.",
  `Audio version [here](http://alignment-newsletter.libsyn.com/alignment-newsletter-${n}) (may not be up yet).`,
];

const FOOTER: { heading: string; text: string }[] = [
  { heading: 'Feedback', text: "I'm always happy to hear feedback; you can send it to me, Rohin Shah, by replying to this email." },
  {
    heading: 'Podcast',
    text: 'An audio podcast version of the Alignment Newsletter is available. This podcast is an audio version of the newsletter, recorded by Robert Miles.',
  },
];

/** Plain layouts are scraped from the web page; this is how a heading reads in each. */
function headingText(label: string, layout: Layout): string {
  return layout === 'line-upper' || layout === 'flat-upper' ? label.toUpperCase() : label;
}

function opinionLabel(opinion: OpinionSpec): string {
  if (opinion.label === 'my') return 'My opinion:';
  return `${opinion.by}${opinion.label === 'curly' ? '\u2019' : "'"}s opinion:`;
}

function prerequisitesLabel(entry: EntrySpec): string {
  return entry.misspellPrerequisites ? 'Prerequisities:' : 'Prerequisites:';
}

function joinNames(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** The header's parentheticals after the title, e.g. ` (Jesse Mu et al) (summarized by Robert) (H/T Xuan)`. */
function headerTail(entry: EntrySpec, markdown: boolean): string {
  let tail = '';
  if (entry.authors !== null) tail += markdown ? ` *(${entry.authors})*` : ` (${entry.authors})`;
  if (entry.tagged) tail += ` (summarized by ${joinNames(entry.summarizers)})`;
  for (const hatTip of entry.hatTips) tail += ` (H/T ${hatTip})`;
  return tail;
}

/** Paragraphs of one entry in a plain layout: header+summary first, then labelled paragraphs. */
function plainEntry(entry: EntrySpec, flat: boolean, spacedColon: boolean): string[] {
  const pad = flat;
  const summary = entry.summary.flatMap(paragraphsOf).map((p) => toPlain(p, pad));
  const header = `${entry.title}${headerTail(entry, false)}`;
  const out: string[] = [];
  if (summary.length === 0) out.push(header);
  else out.push(`${header}${spacedColon ? ' :' : ':'} ${summary[0]}`, ...summary.slice(1));
  const labelled = (label: string, markdown: string): void => {
    const paragraphs = paragraphsOf(markdown).map((p) => toPlain(p, pad));
    if (paragraphs.length === 0) return;
    out.push(`${label} ${paragraphs[0]}`, ...paragraphs.slice(1));
  };
  for (const opinion of entry.opinions) labelled(opinionLabel(opinion), opinion.text);
  for (const p of entry.prerequisites) labelled(prerequisitesLabel(entry), p);
  for (const r of entry.readMore) labelled('Read more:', r);
  return out;
}

const STUB = 'Summarized in the highlights!';

/** A highlight listed again under its topic: `Title (Authors): Summarized in the highlights!`. */
function stubLine(entry: EntrySpec, markdown: boolean, spacedColon: boolean): string {
  const authors = entry.authors === null ? '' : markdown ? ` *(${entry.authors})*` : ` (${entry.authors})`;
  const title = markdown ? `[${entry.title}](${entry.url})` : entry.title;
  return `${title}${authors}${spacedColon ? ' :' : ':'} ${STUB}`;
}

/** The highlights whose stub stands at the end of the section with this path. */
function stubsFor(spec: IssueSpec, path: string[]): EntrySpec[] {
  const key = path.join('\u0000');
  return spec.sections
    .filter((s) => s.highlight)
    .flatMap((s) => s.entries.filter((e) => e.topic !== null && e.topic.join('\u0000') === key));
}

function markdownEntry(entry: EntrySpec): string[] {
  const header = `[${entry.title}](${entry.url})${headerTail(entry, true)}`;
  const summary = entry.summary.flatMap(paragraphsOf).map(linkReferences);
  const out: string[] = [];
  if (summary.length === 0) out.push(header);
  else out.push(`${header}: ${summary[0]}`, ...summary.slice(1));
  const labelled = (label: string, markdown: string): void => {
    const paragraphs = paragraphsOf(markdown).map(linkReferences);
    if (paragraphs.length === 0) return;
    out.push(`**${label}** ${paragraphs[0]}`, ...paragraphs.slice(1));
  };
  for (const opinion of entry.opinions) labelled(opinionLabel(opinion), opinion.text);
  for (const p of entry.prerequisites) labelled(prerequisitesLabel(entry), p);
  for (const r of entry.readMore) labelled('Read more:', r);
  return out;
}

/** Heading lines to print when moving from one section's path to the next. */
function headingChanges(previous: string[], next: string[]): { level: number; label: string }[] {
  const out: { level: number; label: string }[] = [];
  let same = true;
  next.forEach((label, level) => {
    if (same && previous[level] === label) return;
    same = false;
    out.push({ level, label });
  });
  return out;
}

function commentsBlock(spec: IssueSpec): string[] {
  if (spec.comments.length === 0) return [];
  const n = spec.comments.length;
  return [
    ...(spec.number % 2 === 0 ? ['New to LessWrong?'] : []),
    `New Comment\n${n} comment${n === 1 ? '' : 's'}, sorted by Click to highlight new comments since: Today at ${(spec.number % 12) + 1}:${String((spec.number * 7) % 60).padStart(2, '0')} PM`,
    ...spec.comments,
  ];
}

/** Where an entry's header (or a highlight's stub) stands among the rendered blocks, in reading order. */
export interface RenderedHeader {
  entry: EntrySpec;
  /** True for a highlight's stub under its topic. */
  stub: boolean;
  /** Index of the header's block. */
  block: number;
}

interface Rendered {
  blocks: string[];
  headers: RenderedHeader[];
  flat: boolean;
}

/** The blocks of the issue in one layout, and where each header stands. */
function layoutBlocks(spec: IssueSpec, layout: Layout, options: RenderOptions = {}): Rendered {
  if (layout === 'markdown') return markdownBlocks(spec);
  const flat = layout === 'flat-upper' || layout === 'flat-title';
  const headings = layout !== 'line-none';
  const preamble = PREAMBLES_PLAIN[(options.preamble ?? spec.number) % PREAMBLES_PLAIN.length] ?? [];
  const spacedColon = layout === 'flat-upper' && (options.spacedColon ?? spec.number % 3 === 0);
  const blocks: string[] = [...preamble];
  const headers: RenderedHeader[] = [];
  if (spec.intro !== null) blocks.push(...paragraphsOf(spec.intro).map((p) => toPlain(p, flat)));
  let path: string[] = [];
  for (const section of spec.sections) {
    if (headings) for (const h of headingChanges(path, section.category)) blocks.push(headingText(h.label, layout));
    path = section.category;
    for (const entry of section.entries) {
      headers.push({ entry, stub: false, block: blocks.length });
      blocks.push(...plainEntry(entry, flat, spacedColon));
    }
    if (!section.highlight) {
      for (const entry of stubsFor(spec, section.category)) {
        headers.push({ entry, stub: true, block: blocks.length });
        blocks.push(stubLine(entry, false, spacedColon));
      }
    }
  }
  for (const f of FOOTER) {
    if (headings) blocks.push(headingText(f.heading, layout));
    blocks.push(f.text);
  }
  // Line layouts come from the forum post, which is where reader comments follow the newsletter.
  if (!flat) blocks.push(...commentsBlock(spec));
  return { blocks, headers, flat };
}

/** The body of the issue in one layout (no front matter). */
export function renderIssue(spec: IssueSpec, layout: Layout, options: RenderOptions = {}): string {
  const { blocks, flat } = layoutBlocks(spec, layout, options);
  return flat ? `${blocks.join(' ')}\n` : `${blocks.join('\n\n')}\n`;
}

/** Each header of `renderIssue(spec, layout)` with its 1-based line in the body, in reading order. */
export function headerLines(
  spec: IssueSpec,
  layout: Layout,
  options: RenderOptions = {},
): { entry: EntrySpec; stub: boolean; line: number }[] {
  const { blocks, headers, flat } = layoutBlocks(spec, layout, options);
  const lineOf: number[] = [];
  let line = 1;
  for (const block of blocks) {
    lineOf.push(line);
    line += block.split('\n').length + 1;
  }
  return headers.map((h) => ({ entry: h.entry, stub: h.stub, line: flat ? 1 : lineOf[h.block]! }));
}

function markdownBlocks(spec: IssueSpec): Rendered {
  const blocks: string[] = [...PREAMBLE_MARKDOWN(spec.number)];
  const headers: RenderedHeader[] = [];
  if (spec.intro !== null) blocks.push(...paragraphsOf(spec.intro));
  let path: string[] = [];
  for (const section of spec.sections) {
    for (const h of headingChanges(path, section.category)) {
      const bold = `**${h.label}**`;
      if (h.level === 0) blocks.push(`${bold}\n${(section.highlight ? '-' : '=').repeat(bold.length)}`);
      else blocks.push(`### ${bold}`);
    }
    path = section.category;
    for (const entry of section.entries) {
      headers.push({ entry, stub: false, block: blocks.length });
      blocks.push(...markdownEntry(entry));
    }
    if (!section.highlight) {
      for (const entry of stubsFor(spec, section.category)) {
        headers.push({ entry, stub: true, block: blocks.length });
        blocks.push(stubLine(entry, true, false));
      }
    }
  }
  return { blocks, headers, flat: false };
}

/** The whole file: YAML front matter (when asked) and the body. */
export function renderFile(spec: IssueSpec, layout: Layout, frontMatter: boolean, options: RenderOptions = {}): string {
  const body = renderIssue(spec, layout, options);
  if (!frontMatter) return body;
  // JSON strings are valid YAML double-quoted scalars, so any title survives.
  return `---\nnumber: ${spec.number}\ntitle: ${JSON.stringify(spec.title)}\ndate: ${spec.date}\n---\n${body}`;
}

/** Count of entries in an issue (for reports). */
export function entryCount(spec: IssueSpec): number {
  return entriesOf(spec).length;
}
