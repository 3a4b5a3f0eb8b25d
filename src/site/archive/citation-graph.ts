/** Which issues cite which: from the numbers each issue's intro and entries cite. */
import type { Issue } from '../../records/types.ts';
import { push } from './multimap.ts';

/** Which issues of the archive each issue cites (intro and entries, in order of first citation), and which cite it (newest first). */
export interface CitationGraph {
  cites: Map<string, Issue[]>;
  citedBy: Map<string, Issue[]>;
}

/** `owners`: the issue that owns each number (`numberOwners`), where `(WR #N)` points. */
export function citationGraph(issues: readonly Issue[], owners: ReadonlyMap<number, Issue>): CitationGraph {
  const cites = new Map<string, Issue[]>();
  const citedBy = new Map<string, Issue[]>();
  for (const issue of issues) {
    const numbers = new Set<number>(issue.references);
    for (const entry of issue.entries) for (const n of entry.references) numbers.add(n);
    const targets = [...numbers]
      .map((n) => owners.get(n))
      .filter((target): target is Issue => target !== undefined && target.id !== issue.id);
    cites.set(issue.id, targets);
    for (const target of targets) push(citedBy, target.id, issue);
  }
  return { cites, citedBy };
}
