/**
 * Rebuild time after one edit in watch mode: start the watcher (child), wait for its first
 * build, append a unique word to one issue's text, and time until an HTML page containing
 * that word is written to the output.
 */
import { spawn } from 'node:child_process';
import { readFileSync, watch, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tsxArgs } from './child.ts';

export interface IncrementalResult {
  /** ms from the edit being written to the edited page being written; null when it never was (see note). */
  ms: number | null;
  /** ms the watcher took for its first (full) build. */
  initialMs: number;
  note: string;
}

/** Puts `token` into the text of an issue so that it shows on the issue's page (e.g. at the start of a summary). */
export type Edit = (original: string, token: string) => string;

export async function measureIncremental(
  watchChild: string,
  contentDir: string,
  outputDir: string,
  issueFile: string,
  edit: Edit,
  timeoutMs = 120_000,
): Promise<IncrementalResult> {
  const [cmd, args] = tsxArgs(watchChild, [contentDir, outputDir]);
  const started = performance.now();
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  try {
    const ready = await new Promise<boolean>((resolve) => {
      let out = '';
      const timer = setTimeout(() => resolve(false), timeoutMs);
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('READY')) {
          clearTimeout(timer);
          resolve(true);
        }
      });
      child.on('close', () => {
        clearTimeout(timer);
        resolve(false);
      });
    });
    const initialMs = performance.now() - started;
    if (!ready) return { ms: null, initialMs, note: `watcher did not start: ${stderr.trim().split('\n').slice(-3).join(' / ')}` };
    // Let chokidar settle before the edit, so the edit is seen as one change.
    await new Promise((r) => setTimeout(r, 1000));
    const token = `benchedit${Date.now().toString(36)}`;
    const original = readFileSync(issueFile, 'utf8');
    const found = new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => {
        watcher.close();
        resolve(null);
      }, timeoutMs);
      const check = (name: string | null): void => {
        if (!name?.endsWith('.html')) return;
        let html = '';
        try {
          html = readFileSync(path.join(outputDir, name), 'utf8');
        } catch {
          return; // being written; the next event will come
        }
        if (html.includes(token)) {
          clearTimeout(timer);
          watcher.close();
          resolve(performance.now());
        }
      };
      const watcher = watch(outputDir, { recursive: true }, (_event, name) => check(name === null ? null : String(name)));
    });
    const edited = edit(original, token);
    if (edited === original) return { ms: null, initialMs, note: 'the edit changed nothing' };
    const editAt = performance.now();
    writeFileSync(issueFile, edited);
    const doneAt = await found;
    writeFileSync(issueFile, original);
    return {
      ms: doneAt === null ? null : doneAt - editAt,
      initialMs,
      note:
        doneAt === null
          ? `no page with the edit appeared within ${timeoutMs / 1000} s`
          : 'Eleventy watch, incremental on; Pagefind not re-run',
    };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}
