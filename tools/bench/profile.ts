/**
 * Summarises a V8 CPU profile (`node --cpu-prof`): self time by function and by module, so
 * "where does the build spend its time" has an answer in a table instead of a flame chart.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface HotSpot {
  name: string;
  ms: number;
  share: number;
}

/** `node_modules/@11ty/eleventy/src/Template.js` -> `@11ty/eleventy`; project files keep their path from the repo root. */
export function moduleOf(url: string, root: string): string {
  const clean = url.replace(/^file:\/\//, '');
  const nm = clean.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const parts = clean.slice(nm + '/node_modules/'.length).split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1] ?? ''}` : (parts[0] ?? clean);
  }
  if (clean === '') return '(native / GC / idle)';
  if (clean.startsWith('node:')) return clean;
  return clean.startsWith(root) ? clean.slice(root.length + 1) : clean;
}

export function summariseProfile(file: string, root: string, top = 15): { totalMs: number; functions: HotSpot[]; modules: HotSpot[] } {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const totalUs = profile.timeDeltas.reduce((a, b) => a + b, 0);
  const fn = new Map<string, number>();
  const mod = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    const m = moduleOf(node.callFrame.url, root);
    const name = `${node.callFrame.functionName || '(anonymous)'} ${m}:${node.callFrame.lineNumber + 1}`;
    fn.set(name, (fn.get(name) ?? 0) + us);
    mod.set(m, (mod.get(m) ?? 0) + us);
  }
  const rank = (m: Map<string, number>): HotSpot[] =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, ms: us / 1000, share: us / totalUs }));
  return { totalMs: totalUs / 1000, functions: rank(fn), modules: rank(mod) };
}
