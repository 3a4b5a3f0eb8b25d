/**
 * How fast web pages are read: the saved real pages (../shared/corpus/real/html/) parsed as one
 * archive, against the same issues as page text (real/text/), at steady state (warmed up, then
 * the best of 5 runs), wall and CPU time; and 25,000, 50,000 and 100,000 paragraphs of HTML in one
 * page (CPU time, best of 3), whose times grow in proportion when the reader is linear. Skipped
 * (null) when ../shared/corpus is absent.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { readNewsletters } from '../../src/io/read.ts';
import { readContentSettings } from '../../src/io/content-dir.ts';
import { parseArchive, type ParseOptions } from '../../src/parse.ts';
import { htmlToMarkdown } from '../../src/parse/html-to-markdown.ts';
import type { RawFile } from '../../src/records/types.ts';

export interface FormSpeed {
  files: number;
  mb: number;
  /** Best wall time of one parse of every file, ms. */
  ms: number;
  /** CPU time (user + system) of that run, ms. */
  cpuMs: number;
  mbPerS: number;
}

export interface HtmlInputResult {
  html: FormSpeed;
  text: FormSpeed;
  /** html.ms / text.ms: how much longer the same issues take as web pages. */
  timeRatio: number;
  /** text.mbPerS / html.mbPerS: how many times slower web pages are read, byte for byte. */
  throughputRatio: number;
  /** CPU ms for a page of n paragraphs, and the 100,000 / 25,000 ratio (4 when linear). */
  paragraphs: { n: number; cpuMs: number }[];
  paragraphGrowth: number;
}

function cpuOf(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function speed(files: RawFile[], options: ParseOptions): FormSpeed {
  const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
  const started = performance.now();
  for (let runs = 0; runs < 3 || performance.now() - started < 2000; runs++) parseArchive(files, options);
  let best = { ms: Infinity, cpuMs: Infinity };
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const cpuMs = cpuOf(() => parseArchive(files, options));
    const ms = performance.now() - t;
    if (ms < best.ms) best = { ms, cpuMs };
  }
  return { files: files.length, mb: bytes / 1e6, ms: best.ms, cpuMs: best.cpuMs, mbPerS: bytes / 1e6 / (best.ms / 1000) };
}

function paragraphsPage(n: number): string {
  const body: string[] = [];
  for (let i = 0; i < n; i++)
    body.push(`<p>Paragraph ${i} of a long page, with <a href="https://example.org/${i}">a link</a> and <em>some</em> words.</p>`);
  return `<html><body>\n${body.join('\n')}\n</body></html>\n`;
}

export function measureHtmlInput(root: string): HtmlInputResult | null {
  const real = path.resolve(root, '..', 'shared', 'corpus', 'real');
  if (!existsSync(path.join(real, 'html')) || !existsSync(path.join(real, 'text'))) return null;
  const settings = readContentSettings(path.join(root, 'content'));
  const options: ParseOptions = { vocabulary: settings.vocabulary, dialect: settings.dialect };
  const html = speed(readNewsletters([path.join(real, 'html')]).files, options);
  const text = speed(readNewsletters([path.join(real, 'text')]).files, options);
  const paragraphs = [25_000, 50_000, 100_000].map((n) => {
    const page = paragraphsPage(n);
    htmlToMarkdown(page, 1);
    return { n, cpuMs: Math.min(...[0, 1, 2].map(() => cpuOf(() => htmlToMarkdown(page, 1)))) };
  });
  return {
    html,
    text,
    timeRatio: html.ms / text.ms,
    throughputRatio: text.mbPerS / html.mbPerS,
    paragraphs,
    paragraphGrowth: paragraphs[2]!.cpuMs / paragraphs[0]!.cpuMs,
  };
}
