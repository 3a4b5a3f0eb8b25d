/**
 * The tests do not depend on the sample `content/`: this copies the project (its tracked files as
 * they are in the working tree, and a link to `node_modules/`) into a temp dir, replaces `content/`
 * with a small archive of another newsletter (one Markdown issue, its own `site.yml` and
 * `categories.yml`, no database, no `people.yml`, no `newsletter.yml`), and runs test files there.
 *
 *   npm run test:content-swap                                # the suites that build or parse whole archives
 *   npm run test:content-swap -- tests/build/cli.test.ts     # the files named
 *   npm run test:content-swap -- --all                       # every file `npm test` runs
 *
 * It exits with the test runner's status; the copy is removed afterwards (KEEP=1 keeps it and
 * prints where it is).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');

/** Suites that build, parse or reconcile whole archives, run CLIs from the project root, or read its files. */
const DEFAULT_FILES = [
  'tests/build/build.test.ts',
  'tests/build/cli.test.ts',
  'tests/build/reconcile.test.ts',
  'tests/build/load.test.ts',
  'tests/build/features.test.ts',
  'tests/parse/fixtures.test.ts',
  'tests/parse/parse-archive.test.ts',
  'tests/site/site.test.ts',
  'tests/tools/ci.test.ts',
  'tests/tools/gen-corpus.test.ts',
  'tests/robustness/property.test.ts',
];

/** A different newsletter in a different shape: Markdown headings per item, its own sections. */
const SWAPPED: Record<string, string> = {
  'site.yml': [
    'title: Field Robotics Digest Archive',
    'description: Every issue of a small robotics digest.',
    'url: https://digest.example.org/',
    'language: en',
    'newsletter: Field Robotics Digest',
    '',
  ].join('\n'),
  'categories.yml': ['- label: Top stories', '  highlight: true', '- label: Hardware', '- label: Field trials', ''].join('\n'),
  'newsletters/digest-12.md': [
    '---',
    'title: "Digest #12: wheels in the mud"',
    'date: 2025-03-14',
    '---',
    '',
    '# Top stories',
    '',
    '## [Tracked rovers on wet clay](https://example.org/rovers)',
    '',
    'A team compared tracked and wheeled rovers on a wet clay field and counted how often each got stuck.',
    '',
    '# Hardware',
    '',
    '## [A cheaper torque sensor](https://example.org/sensor)',
    '',
    'A strain-gauge design that costs a tenth of the usual part, with its calibration steps.',
    '',
    '# Field trials',
    '',
    '## [Orchard picking, second season](https://example.org/orchard)',
    '',
    'The picking arm went back to the orchard; fewer bruised apples, slower rows.',
    '',
  ].join('\n'),
};

function trackedFiles(): string[] {
  const listed = spawnSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  return listed.stdout.split('\0').filter((file) => file !== '' && existsSync(path.join(ROOT, file)));
}

function main(args: string[]): number {
  const files = args.includes('--all')
    ? readdirSync(path.join(ROOT, 'tests'), { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .flatMap((d) =>
          readdirSync(path.join(ROOT, 'tests', d.name))
            .filter((f) => f.endsWith('.test.ts'))
            .map((f) => `tests/${d.name}/${f}`),
        )
        .sort()
    : args.length > 0
      ? args
      : DEFAULT_FILES;
  const copy = mkdtempSync(path.join(os.tmpdir(), 'content-swap-'));
  try {
    for (const file of trackedFiles()) {
      if (file.startsWith('content/')) continue;
      mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
      cpSync(path.join(ROOT, file), path.join(copy, file));
    }
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'));
    for (const [file, text] of Object.entries(SWAPPED)) {
      mkdirSync(path.dirname(path.join(copy, 'content', file)), { recursive: true });
      writeFileSync(path.join(copy, 'content', file), text);
    }
    process.stdout.write(`content/ replaced by a one-issue Markdown archive in ${copy}; running ${files.length} test files\n`);
    const { NODE_TEST_CONTEXT: _context, ...env } = process.env;
    const run = spawnSync(path.join(copy, 'node_modules', '.bin', 'tsx'), ['--test', '--test-concurrency=2', ...files], {
      cwd: copy,
      stdio: 'inherit',
      env,
    });
    return run.status ?? 1;
  } finally {
    if (process.env.KEEP === '1') process.stdout.write(`kept ${copy}\n`);
    else rmSync(copy, { recursive: true, force: true });
  }
}

process.exitCode = main(process.argv.slice(2));
