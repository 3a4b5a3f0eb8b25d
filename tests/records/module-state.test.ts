/**
 * No module of src/ keeps mutable state: every file is read with the TypeScript compiler's parser
 * (tools/support/module-state.ts) and checked for module-level `let`/`var`, non-readonly static
 * fields, and global or sticky regular expressions whose position one call leaves for the next.
 * The same scan is shown to find each of these in a hand-made file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { scanFiles } from '../../tools/support/module-state.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

function tsFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? tsFilesUnder(path.join(dir, d.name)) : d.name.endsWith('.ts') ? [path.join(dir, d.name)] : [],
  );
}

/** A module with one of each kind of state, and the stateless uses beside them. */
const FIXTURE = `
let count = 0;
export var total = 1;
for (let i = 0; i < 2; i++) count += i;
const WORD = /\\w+/g;
const WORDS = /\\w+/g;
const START = new RegExp('^a', 'y');
const PATTERNS = { space: /\\s+/g, dash: /-+/g, list: [/x/g] };
const FIRST = /\\w+/;
class Counter {
  static made = 0;
  static readonly LIMIT = 3;
  seen = 0;
}
export function first(text: string): string | null {
  WORD.lastIndex = 0;
  return WORD.exec(text)?.[0] ?? null;
}
export function has(text: string): boolean {
  return START.test(text);
}
export function handOn(text: string, re: RegExp): number {
  re.lastIndex = 2;
  return count + text.split(WORD).length;
}
export function spaces(text: string): string {
  const own = /a/g;
  own.lastIndex = 1;
  const copy = new RegExp(WORDS);
  copy.lastIndex = 3;
  let local = text.replace(PATTERNS.space, ' ').replace(WORDS, 'w');
  local += [...text.matchAll(WORDS)].length + WORDS.source + FIRST.exec(text);
  return local + PATTERNS.dash.test(text) + new Counter().seen;
}
`;

test('the scan finds module-level let and var, a mutable static field, and global patterns used with exec, test or lastIndex', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'module-state-'));
  try {
    const file = path.join(dir, 'stateful.ts');
    writeFileSync(file, FIXTURE);
    const found = scanFiles([file], dir).map((f) => `${f.line}: ${f.message}`);
    assert.deepEqual(found, [
      '2: module-level let count',
      '3: module-level var total',
      '4: module-level let i',
      '8: a module-level regular expression with the g or y flag, neither a named constant nor a named property',
      '11: static field made is not readonly',
      '16: shared global regular expression WORD used with .lastIndex',
      '17: shared global regular expression WORD used with .exec',
      '20: shared global regular expression START used with .test',
      '23: lastIndex of a regular expression not made in this function (re)',
      '33: shared global regular expression PATTERNS.dash used with .test',
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('no module of src/ keeps mutable state at module level or shares a pattern’s position', () => {
  const files = tsFilesUnder(path.join(ROOT, 'src'));
  assert.ok(files.length > 100, 'the scan reads every module of src/');
  const found = scanFiles(files, ROOT).map((f) => `${f.file}:${f.line}: ${f.message}`);
  assert.deepEqual(found, []);
});
