/**
 * An Eleventy failure, told in terms of the archive: which page it was writing and which
 * newsletter file and line that page is made from. Eleventy's own message names a template
 * (`templates/paper-pages.njk`) or every page of it, and wraps the cause in two or three errors.
 */
import path from 'node:path';
import { userErrorIn } from '../errors.ts';
import type { LoadedArchive } from '../session.ts';
import { sourcesOf } from '../../site/page-sources.ts';
import { escapeRegExp } from '../../records/dialect.ts';

/** The build failed in Eleventy; the message names the page and its input where they are known. */
export class RenderError extends Error {}

/** Messages of an error and the errors it wraps, outermost first. */
function chain(error: unknown): Error[] {
  const out: Error[] = [];
  for (let e: unknown = error; e instanceof Error && out.length < 10; ) {
    out.push(e);
    const wrapped = e as Error & { originalError?: unknown };
    e = wrapped.originalError ?? wrapped.cause;
  }
  return out;
}

/** Page paths under `outputDir` named in `text`: `.../issues/wr-098/index.html` -> `issues/wr-098/`. */
function pagesIn(text: string, outputDir: string): string[] {
  const roots = [outputDir, path.relative(process.cwd(), outputDir)].filter((r) => r !== '').map(escapeRegExp);
  const pattern = new RegExp(`(?:${roots.join('|')})/([^\\s"'\`,)]*)`, 'g');
  return [...text.matchAll(pattern)].map((m) => {
    const page = m[1]!.replace(/index\.html$/, '');
    // `mkdir '.../issues/wr-098'`: a page's folder.
    return page === '' || page.endsWith('/') || /\.[a-z]+$/.test(page) ? page : `${page}/`;
  });
}

/**
 * The error to report for a failed Eleventy run into `outputDir`: a user mistake as it is; any
 * other error as a RenderError naming the page being written (from the innermost error that
 * names one) and the input records it is made from.
 */
export function explainRenderError(error: unknown, outputDir: string, loaded: LoadedArchive | null): Error {
  const user = userErrorIn(error);
  if (user) return user;
  const errors = chain(error);
  const cause = errors[errors.length - 1]!;
  const pages =
    [...errors]
      .reverse()
      .map((e) => pagesIn(e.message, outputDir))
      .find((found) => found.length > 0) ?? [];
  const lines = [`rendering failed: ${cause.message.split('\n')[0]}`];
  const template = errors.map((e) => /"(\.\/)?(templates\/[^"]+)"/.exec(e.message)?.[2]).find(Boolean);
  if (template) lines.push(`  template: ${template}`);
  for (const page of [...new Set(pages)].slice(0, 3)) {
    const sources = loaded ? sourcesOf(page, loaded.site, loaded.issues) : [];
    lines.push(`  page: /${page}${sources.length > 0 ? `, made from ${sources.join('; ')}` : ''}`);
  }
  return new RenderError(lines.join('\n'), { cause: error });
}
