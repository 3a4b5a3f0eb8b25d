/**
 * The README is the front door and the documents behind it stay true to the project: every
 * command they name is a script of package.json, every project path they name exists, every link
 * between them reaches a file and a heading that exist, and the README stays short.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import GithubSlugger from 'github-slugger';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DOCS = [
  'README.md',
  ...readdirSync(path.join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
const read = (file: string): string => readFileSync(path.join(ROOT, file), 'utf8');

/** npm's own commands, which need no script of package.json. */
const NPM_COMMANDS = new Set(['ci', 'install', 'test', 'start', 'run']);
const SCRIPTS = new Set(Object.keys((JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts));

/** The folders of the project whose paths the documents name. */
const PROJECT_PATH = /(?<![\w./-])((?:src|scripts|tools|templates|tests|docs|\.github|\.ci)\/[\w./-]*[\w/])/g;

/** The inline code spans of a Markdown text. */
function codeSpans(markdown: string): string[] {
  return [...markdown.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!);
}

test('the README is a front door of at most 200 lines', () => {
  const lines = read('README.md').split('\n').length;
  assert.ok(lines <= 200, `README.md has ${lines} lines`);
});

test('every npm command the README and the documents name is a script of package.json', () => {
  const missing: string[] = [];
  for (const file of DOCS) {
    for (const m of read(file).matchAll(/\bnpm (run )?([\w:-]+)/g)) {
      const name = m[2]!;
      if (m[1] ? SCRIPTS.has(name) : NPM_COMMANDS.has(name) || SCRIPTS.has(name)) continue;
      missing.push(`${file}: npm ${m[1] ?? ''}${name}`);
    }
  }
  assert.deepEqual(missing, []);
});

test('every project path the README and the documents name exists', () => {
  const missing: string[] = [];
  for (const file of DOCS) {
    const text = read(file);
    const named = new Set<string>();
    for (const span of codeSpans(text)) for (const m of span.matchAll(PROJECT_PATH)) named.add(m[1]!);
    // Links to files (an example's `[Title](u1)` is no file).
    for (const m of text.matchAll(/\]\(((?:\.\.\/)?[\w.-][\w./-]*\.(?:md|png|ts|yml|json|njk|js|css|csv))(?:#[\w-]*)?\)/g)) {
      if (!/^[a-z]+:/.test(m[1]!)) named.add(path.relative(ROOT, path.resolve(ROOT, path.dirname(file), m[1]!)));
    }
    for (const p of named) {
      // A pattern or a placeholder (`tests/*/`, `src/site/<family>.ts`) names no one file.
      if (/[*<>]|\.\.\./.test(p)) continue;
      if (!existsSync(path.join(ROOT, p))) missing.push(`${file}: ${p}`);
    }
  }
  assert.deepEqual(missing, []);
});

test('every link between the documents reaches a heading that exists', () => {
  const headings = new Map<string, Set<string>>();
  for (const file of DOCS) {
    const slugger = new GithubSlugger();
    const text = read(file).replace(/^```[\s\S]*?^```/gm, '');
    headings.set(file, new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slugger.slug(m[1]!))));
  }
  const broken: string[] = [];
  for (const file of DOCS) {
    for (const m of read(file).matchAll(/\]\(([\w./-]*)#([\w-]+)\)/g)) {
      const target = m[1] === '' ? file : path.relative(ROOT, path.resolve(ROOT, path.dirname(file), m[1]!));
      if (!headings.get(target)?.has(m[2]!)) broken.push(`${file}: ${m[1]}#${m[2]}`);
    }
  }
  assert.deepEqual(broken, []);
});
