/**
 * The import graph of a folder of TypeScript modules, read from their import and export lines
 * (type-only imports count: a cycle of types is still two modules that cannot be read alone),
 * and the cycles in it. Comment lines are skipped, so a doc comment showing an import is not one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** `import x from '...'`, `import type { X } from '...'`, `export * from '...'`, `import '...'`, `import('...')`. */
const SPECIFIERS = [
  /\b(?:import|export)\b[^;'"`]*?\bfrom\s*['"]([^'"]+)['"]/g,
  /^\s*import\s*['"]([^'"]+)['"]/gm,
  /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
];

function modulesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return modulesUnder(file);
    return /\.(ts|mts)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [file] : [];
  });
}

/** Each module's relative imports inside `dir`, as paths relative to `dir`. */
export function importGraph(dir: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of modulesUnder(dir)) {
    const text = readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => !/^\s*(\/\/|\/\*|\*)/.test(line))
      .join('\n');
    const targets = new Set<string>();
    for (const pattern of SPECIFIERS)
      for (const match of text.matchAll(pattern)) {
        const specifier = match[1]!;
        if (!specifier.startsWith('.')) continue;
        const target = path.relative(dir, path.resolve(path.dirname(file), specifier));
        if (!target.startsWith('..')) targets.add(target);
      }
    graph.set(path.relative(dir, file), [...targets].sort());
  }
  return graph;
}

/** Every cycle of the graph found by a depth-first walk, each as the modules in it, the first again at the end. */
export function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return cycles;
}
