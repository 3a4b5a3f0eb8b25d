/**
 * Runs one measured step in its own process, so time and peak memory are per step and one
 * step's heap does not inflate the next. Peak memory comes from GNU time (`%M`, max RSS in KB
 * of the largest process in the tree: Node or the Pagefind binary), when /usr/bin/time exists;
 * otherwise from the child's own report of `process.resourceUsage().maxRSS`. Where /proc exists,
 * the resident memory of the whole process tree (Node and the Pagefind service at once) is also
 * sampled every 250 ms, and its peak reported as `treePeakMB`.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface ChildResult {
  /** Wall time from spawn to exit, ms. */
  ms: number;
  /** Peak resident memory, MB; null when unknown. */
  peakMB: number | null;
  /** Peak of the summed resident memory of every process of the tree at one moment (sampled), MB; null without /proc. */
  treePeakMB: number | null;
  /** CPU time (user + system) of the child and the processes it waited for, ms; null when unknown. */
  cpuMs: number | null;
  /** The last line of stdout that is a JSON object (the child's own report), if any. */
  report: Record<string, unknown> | null;
  code: number | null;
  stderr: string;
}

const GNU_TIME = '/usr/bin/time';

export async function runMeasured(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<ChildResult> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'bench-time-'));
  const timeFile = path.join(tmp, 'rss');
  const useTime = existsSync(GNU_TIME);
  const [cmd, argv] = useTime ? [GNU_TIME, ['-f', '%M %U %S', '-o', timeFile, command, ...args]] : [command, args];
  const started = performance.now();
  const child = spawn(cmd, argv, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  let treePeakKB: number | null = null;
  const sample = (): void => {
    const kb = child.pid === undefined ? null : treeRssKB(child.pid);
    if (kb !== null) treePeakKB = Math.max(treePeakKB ?? 0, kb);
  };
  const sampler = existsSync('/proc/self/status') ? setInterval(sample, 250) : null;
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  if (sampler) clearInterval(sampler);
  const ms = performance.now() - started;
  let report: Record<string, unknown> | null = null;
  for (const line of stdout.trim().split('\n').reverse()) {
    if (!line.startsWith('{')) continue;
    try {
      report = JSON.parse(line) as Record<string, unknown>;
      break;
    } catch {
      // not the report line
    }
  }
  let peakMB: number | null = null;
  let cpuMs: number | null = null;
  if (useTime && existsSync(timeFile)) {
    const [kb, user, sys] = (readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? '').split(' ').map(Number);
    if (kb !== undefined && Number.isFinite(kb)) peakMB = kb / 1024;
    if (user !== undefined && sys !== undefined && Number.isFinite(user) && Number.isFinite(sys)) cpuMs = (user + sys) * 1000;
  }
  if (peakMB === null && typeof report?.maxRssKB === 'number') peakMB = report.maxRssKB / 1024;
  rmSync(tmp, { recursive: true, force: true });
  return { ms, peakMB, treePeakMB: treePeakKB === null ? null : treePeakKB / 1024, cpuMs, report, code, stderr };
}

/** The summed resident memory (KB) of `root` and every process below it, from /proc; null when it cannot be read. */
function treeRssKB(root: number): number | null {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  for (const name of entries) {
    try {
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
      const kb = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      const pid = Number(name);
      rss.set(pid, kb);
      children.set(ppid, [...(children.get(ppid) ?? []), pid]);
    } catch {
      // the process ended while it was read
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** How to run a TypeScript file of this repo in a child: node with tsx's loader (no npx start-up in the timing). */
export function tsxArgs(file: string, args: string[] = [], nodeFlags: string[] = []): [string, string[]] {
  return [process.execPath, [...nodeFlags, '--import', 'tsx', file, ...args]];
}
