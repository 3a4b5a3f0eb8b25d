/**
 * What `parseArchive` keeps from one call to the next, so that a rebuild after one edit parses
 * one file, not the archive. The caller owns it (the build session keeps one for as long as it
 * runs; a call without one gets a fresh one and keeps nothing; docs/ARCHITECTURE.md, Incremental
 * rebuilds, `parse`).
 *
 * A cached issue is frozen all the way down, so it is shared, not copied: every call gets its own
 * shallow copy of the issue, whose `id` and `warnings` the archive pass may still change.
 */
import type { Issue, RawFile } from '../records/types.ts';

export interface ParseCache {
  /**
   * Parsed issues by file, per options object: the build hands the same options object again
   * while categories.yml and the editor are unchanged. A file is parsed again when its text
   * changes, or the archive's answer to one of its questions (`known`).
   */
  issues: WeakMap<object, Map<string, { text: string; known: string[]; issue: Issue }>>;
  /** Each file's certain author names (archive-evidence.ts), by file, while its text and the options are the same. */
  names: Map<string, { text: string; options: object; names: string[] }>;
}

export function newParseCache(): ParseCache {
  return { issues: new WeakMap(), names: new Map() };
}

function deepFreeze<T extends object>(value: T): T {
  Object.freeze(value);
  for (const child of Array.isArray(value) ? (value as unknown[]) : Object.values(value)) {
    if (child !== null && typeof child === 'object' && !Object.isFrozen(child)) deepFreeze(child);
  }
  return value;
}

/** The issue `parse` makes of `raw`, from the cache while the file's text and its evidence (`known`) are the same. */
export function cachedIssue(cache: ParseCache, options: object, raw: RawFile, known: string[], parse: () => Issue): Issue {
  let byFile = cache.issues.get(options);
  if (!byFile) {
    byFile = new Map();
    cache.issues.set(options, byFile);
  }
  let hit = byFile.get(raw.file);
  if (!hit || hit.text !== raw.text || hit.known.join('\n') !== known.join('\n')) {
    hit = { text: raw.text, known, issue: deepFreeze(parse()) };
    byFile.set(raw.file, hit);
  }
  return { ...hit.issue, warnings: [...hit.issue.warnings] };
}

/** `names(raw.text)`, from the cache while the file's text and the options (whose dialect says what a certain author is) are the same. */
export function cachedNames(cache: ParseCache, raw: RawFile, options: object, names: (text: string) => string[]): string[] {
  let hit = cache.names.get(raw.file);
  if (!hit || hit.text !== raw.text || hit.options !== options) {
    hit = { text: raw.text, options, names: names(raw.text) };
    cache.names.set(raw.file, hit);
  }
  return hit.names;
}
