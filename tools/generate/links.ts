/**
 * A synthetic link digest: a weekly newsletter of links over many years, the shape of a large
 * archive that is not the Alignment Newsletter. Each issue is a Markdown file with front matter
 * (`title: "Link Digest #N"`, `date`), a few `##` sections, and under them list items that begin
 * with a link: most with a line (`* [Title](url) - A line.`) or a quote
 * (`* [Title](url) - "A quote."`), some with nothing (`* [Title](url)`); most issues open with a
 * section of a few stories told at length (`#### [Title](url)` with paragraphs under it), as
 * digests put their top stories first. A story is linked again in a later issue now and then, as
 * digests do. Made-up words only; deterministic for a seed. Pure.
 */
import { type Rng, seeded, seedOf } from './prng.ts';

export interface LinkCorpusOptions {
  issues: number;
  seed: string | number;
  /** Items per issue, on average (a digest of 670 issues and 51,000 items has about 76). */
  itemsPerIssue?: number;
  /** The first issue's date (YYYY-MM-DD); one issue a week from there. */
  start?: string;
}

export interface LinkCorpusFile {
  /** `2012-01-02-1.md`: Jekyll's name, the date and the number. */
  name: string;
  text: string;
  /** What the file holds, for the benchmark's counts. */
  items: { total: number; bare: number; long: number };
}

const SECTIONS = ['Research', 'Industry', 'Tools and releases', 'Policy', 'Opinion', 'Podcasts and video', 'Funding', 'Events'];
const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ren',
  'to',
  'vas',
  'quil',
  'dor',
  'en',
  'fa',
  'gri',
  'hul',
  'ost',
  'pra',
  'sel',
  'tun',
  'ver',
  'wy',
  'zan',
  'bel',
];
const COMMON = [
  'model',
  'models',
  'data',
  'robot',
  'chip',
  'network',
  'agent',
  'vision',
  'language',
  'lab',
  'study',
  'benchmark',
  'policy',
  'startup',
  'cloud',
  'sensor',
  'grant',
  'release',
  'paper',
  'team',
];
const JOINERS = ['the', 'a', 'for', 'with', 'on', 'of', 'and', 'in', 'to', 'from', 'is', 'new', 'how', 'why', 'after'];
const HOSTS = ['example.org', 'example.net', 'example.com', 'news.example', 'blog.example', 'lab.example', 'press.example'];

/** A made-up word: two or three syllables, now and then a common word. */
function word(rng: Rng): string {
  if (rng.chance(0.3)) return rng.pick(COMMON);
  let w = '';
  for (let i = rng.int(2, 3); i > 0; i--) w += rng.pick(SYLLABLES);
  return w;
}

function sentence(rng: Rng, min: number, max: number): string {
  const words = Array.from({ length: rng.int(min, max) }, (_, i) => (i > 0 && rng.chance(0.3) ? rng.pick(JOINERS) : word(rng)));
  const text = words.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

function title(rng: Rng): string {
  const words = Array.from({ length: rng.int(4, 9) }, (_, i) => (i > 0 && rng.chance(0.25) ? rng.pick(JOINERS) : word(rng)));
  return words.map((w, i) => (i === 0 || w.length > 3 ? `${w[0]!.toUpperCase()}${w.slice(1)}` : w)).join(' ');
}

function isoDate(start: string, weeks: number): string {
  const d = new Date(`${start}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 7 * weeks);
  return d.toISOString().slice(0, 10);
}

export function generateLinkCorpus(options: LinkCorpusOptions): LinkCorpusFile[] {
  const rng = seeded(seedOf(options.seed));
  const perIssue = options.itemsPerIssue ?? 76;
  const start = options.start ?? '2012-01-02';
  /** Stories linked before, to link again now and then. */
  const earlier: { title: string; url: string }[] = [];
  const files: LinkCorpusFile[] = [];
  for (let n = 1; n <= options.issues; n++) {
    const issue = rng.fork();
    const date = isoDate(start, n - 1);
    const counts = { total: 0, bare: 0, long: 0 };
    const lines: string[] = ['---', `title: "Link Digest #${n}"`, `date: ${date}`, '---', '', sentence(issue, 8, 16), ''];
    const story = (s: number, i: number): { title: string; url: string } => {
      const again = earlier.length > 0 && issue.chance(0.02) ? issue.pick(earlier) : null;
      const fresh = again ?? { title: title(issue), url: `https://${issue.pick(HOSTS)}/${date.slice(0, 4)}/${n}-${s}-${i}-${word(issue)}` };
      if (again === null && issue.chance(0.05)) earlier.push(fresh);
      return fresh;
    };
    let left = issue.int(Math.round(perIssue * 0.8), Math.round(perIssue * 1.2));
    if (issue.chance(0.8)) {
      lines.push('## Top stories', '');
      for (let i = issue.int(1, 3); i > 0 && left > 1; i--, left--) {
        counts.total++;
        counts.long++;
        const { title: t, url } = story(0, i);
        lines.push(`#### [${t}](${url})`, '');
        for (let p = issue.int(2, 4); p > 0; p--)
          lines.push(Array.from({ length: issue.int(2, 4) }, () => sentence(issue, 8, 20)).join(' '), '');
      }
    }
    const sections = SECTIONS.filter(() => issue.chance(0.75));
    if (sections.length === 0) sections.push(SECTIONS[0]!);
    left = Math.max(sections.length, left);
    sections.forEach((section, s) => {
      const here = s === sections.length - 1 ? left : Math.max(1, Math.round(left / (sections.length - s)) + issue.int(-3, 3));
      left -= here;
      lines.push(`## ${section}`, '');
      for (let i = 0; i < here; i++) {
        counts.total++;
        const { title: t, url } = story(s + 1, i);
        const kind = issue.next();
        if (kind < 0.1) {
          counts.bare++;
          lines.push(`* [${t}](${url})`);
        } else if (kind < 0.4) lines.push(`* [${t}](${url}) - "${sentence(issue, 10, 28)}"`);
        else lines.push(`* [${t}](${url}) - ${sentence(issue, 6, 18)}`);
      }
      lines.push('');
    });
    files.push({ name: `${date}-${n}.md`, text: `${lines.join('\n')}\n`, items: counts });
  }
  return files;
}
