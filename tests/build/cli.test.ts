import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SAMPLE_ARCHIVE } from '../support/sample-archive.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The parse CLI as a user runs it (`npm run parse -- ...` is `tsx scripts/parse.ts ...`), in its own process. */
function parseCliWith(args: string[], env: Record<string, string>): Run {
  const result = spawnSync(TSX, [path.join(ROOT, 'scripts', 'parse.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
/** The parse CLI with the tests' archive's settings (files outside a content dir take CONTENT_DIR's). */
const parseCli = (args: string[]): Run => parseCliWith(args, { CONTENT_DIR: SAMPLE_ARCHIVE });

const GOOD =
  '---\nnumber: 12\ndate: 2018-06-25\n---\nHIGHLIGHTS\n\nA Good Paper (Jane Doe) (summarized by Rohin): It does things.\n\nRohin’s opinion: I like it.\n';

function withFiles(files: Record<string, string | Buffer>, run: (dir: string) => void): void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cli-test-'));
  try {
    for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
    run(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('stdout is one JSON document with the issues, and a clean file gives no stderr and exit 0, even with --strict', () => {
  withFiles({ 'an-012.txt': GOOD }, (dir) => {
    const run = parseCli([dir, '--strict']);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr.replace(/^npm warn.*\n/gm, ''), '');
    const parsed = JSON.parse(run.stdout) as { issues: { number: number; entries: { title: string; opinions: { by: string }[] }[] }[] };
    assert.deepEqual(Object.keys(parsed), ['issues']);
    assert.equal(parsed.issues.length, 1);
    assert.equal(parsed.issues[0]!.number, 12);
    assert.equal(parsed.issues[0]!.entries[0]!.title, 'A Good Paper');
    assert.equal(parsed.issues[0]!.entries[0]!.opinions[0]!.by, 'Rohin');
  });
});

test('warnings go to stderr as file:line: warning: message while stdout stays pure JSON, exit 0 without --strict', () => {
  withFiles(
    { 'an-013.txt': '---\nnumber: 13\ndate: not-a-date\n---\nA Paper (Ann) (summarized by Rohin): Text.\n', 'empty.txt': '' },
    (dir) => {
      const run = parseCli([dir]);
      assert.equal(run.status, 0);
      assert.doesNotThrow(() => JSON.parse(run.stdout));
      const lines = run.stderr.split('\n').filter((l) => l.includes('warning:'));
      assert.ok(
        lines.some((l) => /^an-013\.txt:3: warning: front matter: date "not-a-date"/.test(l)),
        run.stderr,
      );
      assert.ok(
        lines.some((l) => /^empty\.txt: warning: the file has no text/.test(l)),
        run.stderr,
      );
      for (const line of lines) assert.match(line, /^[^\s:]+(:\d+)?: warning: \S/);
    },
  );
});

test('a binary file and invalid UTF-8 are reported on stderr with their lines, and the other files still parse', () => {
  withFiles(
    {
      'an-012.txt': GOOD,
      'blob.txt': Buffer.from([0x41, 0x0a, 0x00, 0x01]),
      'latin.txt': Buffer.from('A Paper (Ann): caf\xe9.\n', 'latin1'),
    },
    (dir) => {
      const run = parseCli([dir]);
      assert.equal(run.status, 0);
      assert.match(run.stderr, /^blob\.txt:2: warning: binary file/m);
      assert.match(run.stderr, /^latin\.txt:1: warning: not valid UTF-8/m);
      const parsed = JSON.parse(run.stdout) as { issues: { file: string }[] };
      assert.deepEqual(
        parsed.issues.map((i) => i.file),
        ['an-012.txt', 'latin.txt'],
      );
    },
  );
});

test('a path that does not exist exits 1 with an error on stderr and nothing on stdout', () => {
  withFiles({}, (dir) => {
    const run = parseCli([path.join(dir, 'missing.txt')]);
    assert.equal(run.status, 1);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /error: .*missing\.txt: cannot be read \(ENOENT\)/);
  });
});

test('--strict exits 1 when there is any warning, still printing the JSON', () => {
  withFiles({ 'an-012.txt': GOOD, 'an-014.txt': '---\nnumber: 14.5\n---\nA Paper (Ann): Text.\n' }, (dir) => {
    const run = parseCli([dir, '--strict']);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /an-014\.txt:2: warning: front matter: number 14\.5 is not a whole number/);
    assert.equal((JSON.parse(run.stdout) as { issues: unknown[] }).issues.length, 2);
  });
});

test('--report prints one summary line on stderr counting files, issues, entries and warnings', () => {
  withFiles({ 'an-012.txt': GOOD, 'empty.txt': '', 'blob.txt': Buffer.from([0x00]) }, (dir) => {
    const run = parseCli([dir, '--report']);
    assert.equal(run.status, 0);
    const report = run.stderr.split('\n').filter((l) => l.startsWith('report:'));
    assert.deepEqual(report, ['report: 3 files, 2 issues, 1 entries, 2 warnings']);
    assert.doesNotThrow(() => JSON.parse(run.stdout));
  });
});

test('an unknown flag or no path prints the usage and exits 2', () => {
  for (const args of [[], ['--bogus', path.join(SAMPLE_ARCHIVE, 'newsletters')]]) {
    const run = parseCli(args);
    assert.equal(run.status, 2, args.join(' '));
    assert.match(run.stderr, /usage: npm run parse/);
    assert.equal(run.stdout, '');
  }
});

test('the build with STRICT=1 prints its report and exits 1 when there are parse warnings', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cli-build-'));
  try {
    const content = path.join(dir, 'content');
    mkdirSync(path.join(content, 'newsletters'), { recursive: true });
    copyFileSync(path.join(SAMPLE_ARCHIVE, 'categories.yml'), path.join(content, 'categories.yml'));
    copyFileSync(path.join(SAMPLE_ARCHIVE, 'site.yml'), path.join(content, 'site.yml'));
    copyFileSync(path.join(SAMPLE_ARCHIVE, 'newsletter.yml'), path.join(content, 'newsletter.yml'));
    writeFileSync(path.join(content, 'newsletters', 'an-012.txt'), GOOD);
    writeFileSync(
      path.join(content, 'newsletters', 'an-013.txt'),
      '---\nnumber: 13\ndate: 2018-13-01\n---\nAnother Paper (Ann) (summarized by Rohin): Text.\n',
    );
    const result = spawnSync(TSX, [path.join(ROOT, 'scripts', 'build.ts')], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
      // The public address given, as the Pages workflow gives it: the sample site.yml's placeholder url is not used.
      env: {
        ...process.env,
        STRICT: '1',
        QUIET: '1',
        CONTENT_DIR: content,
        OUTPUT_DIR: path.join(dir, 'site'),
        SITE_URL: 'https://notes-team.github.io/',
      },
    });
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stdout, /built .*: 2 files, 2 issues, 2 summaries, 1 warning;/);
    assert.match(
      result.stderr,
      /^strict: 1 warning, the build fails: 1 in the newsletters \(`npm run parse -- .*\/newsletters` lists them\)$/m,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('every build lists the warnings of people.yml with file and line, and STRICT=1 counts them and lists them itself, even when quiet', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cli-people-'));
  try {
    const content = path.join(dir, 'content');
    mkdirSync(path.join(content, 'newsletters'), { recursive: true });
    copyFileSync(path.join(SAMPLE_ARCHIVE, 'categories.yml'), path.join(content, 'categories.yml'));
    copyFileSync(path.join(SAMPLE_ARCHIVE, 'site.yml'), path.join(content, 'site.yml'));
    writeFileSync(path.join(content, 'newsletters', 'an-012.txt'), GOOD);
    writeFileSync(path.join(content, 'people.yml'), '- name: Rohin Shah\n  aliases: [Rohin]\n- name: Rohin\n');
    const build = (env: Record<string, string>): Run => {
      const result = spawnSync(TSX, [path.join(ROOT, 'scripts', 'build.ts')], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 120_000,
        env: {
          ...process.env,
          CONTENT_DIR: content,
          OUTPUT_DIR: path.join(dir, 'site'),
          SITE_URL: 'https://notes-team.github.io/',
          ...env,
        },
      });
      return { status: result.status, stdout: result.stdout, stderr: result.stderr };
    };
    const warning = /^\S*people\.yml:3: warning: "Rohin" already names "Rohin Shah" \(line 1\): ignored here$/m;
    const plain = build({});
    assert.equal(plain.status, 0, plain.stderr);
    assert.match(plain.stderr, warning);
    assert.match(plain.stderr, /^site: 1 warning \(\S*people\.yml: 1\); the data files' are above$/m);
    const strict = build({ STRICT: '1', QUIET: '1' });
    assert.equal(strict.status, 1, strict.stderr);
    assert.match(strict.stderr, /^strict: 1 warning, the build fails: 1 in the data files:$/m);
    assert.match(strict.stderr, warning);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('`npm run parse -- <dir>` prints nothing but the JSON on stdout, as the contract says', () => {
  const result = spawnSync('npm', ['run', 'parse', '--', path.join(SAMPLE_ARCHIVE, 'newsletters')], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  assert.equal(result.status, 0, result.stderr);
  const parsed = JSON.parse(result.stdout) as { issues: { entries: unknown[] }[] };
  assert.equal(parsed.issues.length, 5);
  assert.ok(parsed.issues.every((issue) => issue.entries.length > 0));
});

/** A content dir with its own vocabulary (a GARDENING section) and editor (Zach), and one issue using both. */
function ownContentDir(dir: string): string {
  const content = path.join(dir, 'archive');
  mkdirSync(path.join(content, 'newsletters'), { recursive: true });
  writeFileSync(path.join(content, 'categories.yml'), '- label: Highlights\n  highlight: true\n- label: Gardening\n');
  writeFileSync(path.join(content, 'site.yml'), 'title: Garden notes\nurl: https://garden.example/\neditor: Zach\n');
  writeFileSync(
    path.join(content, 'newsletters', 'an-020.txt'),
    '---\nnumber: 20\ndate: 2019-01-07\n---\nGARDENING\n\nGrowing Tomatoes (Ann Lee) (summarized by Zach): Water them.\n\nMy opinion: Sun matters more.\n',
  );
  return content;
}

test('`npm run parse` reads categories.yml and the editor of the content dir the files lie in, or of CONTENT_DIR, as the build does', () => {
  withFiles({}, (dir) => {
    const content = ownContentDir(dir);
    const outside = path.join(dir, 'loose');
    mkdirSync(outside);
    copyFileSync(path.join(content, 'newsletters', 'an-020.txt'), path.join(outside, 'an-020.txt'));
    const runs = [
      parseCliWith([path.join(content, 'newsletters'), '--strict'], {}),
      parseCliWith([path.join(content, 'newsletters', 'an-020.txt'), '--strict'], {}),
      parseCliWith([outside, '--strict'], { CONTENT_DIR: content }),
    ];
    for (const run of runs) {
      assert.equal(run.status, 0, run.stderr);
      const issue = (JSON.parse(run.stdout) as { issues: { entries: { category: string[]; opinions: { by: string }[] }[] }[] }).issues[0]!;
      assert.deepEqual(issue.entries[0]!.category, ['Gardening']);
      assert.deepEqual(
        issue.entries[0]!.opinions.map((o) => o.by),
        ['Zach'],
      );
    }
    // The build over the same content dir agrees: no warnings either.
    const build = spawnSync(TSX, [path.join(ROOT, 'scripts', 'build.ts')], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, STRICT: '1', CONTENT_DIR: content, OUTPUT_DIR: path.join(dir, 'site') },
    });
    assert.equal(build.status, 0, build.stderr);
    assert.match(build.stdout, /0 warnings/);
  });
});

test('the build prints one short line per stage (read, parse, merge, render, index, swap) with counts and times in aligned columns, and no line per page', () => {
  withFiles({}, (dir) => {
    const result = spawnSync(TSX, [path.join(ROOT, 'scripts', 'build.ts')], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, CONTENT_DIR: SAMPLE_ARCHIVE, OUTPUT_DIR: path.join(dir, 'site'), SITE_URL: 'https://notes-team.github.io/' },
    });
    assert.equal(result.status, 0, result.stderr);
    const lines = result.stdout.trimEnd().split('\n');
    // The merge's database file and mismatches stand on an indented line of their own under it.
    assert.deepEqual(
      lines.map((l) => l.split(' ')[0]),
      ['read', 'parse', 'merge', '', 'render', 'index', 'swap', 'built'],
    );
    // A stage's time is `312 ms` or `1.5 s`, whichever it took on this machine at this moment.
    const time = String.raw`(\d+ ms|\d+\.\d s)`;
    assert.match(lines[0]!, new RegExp(String.raw`^read +5 files +${time}$`));
    assert.match(lines[1]!, new RegExp(String.raw`^parse +5 issues, 50 summaries, 0 warnings +${time}$`));
    assert.match(lines[2]!, new RegExp(String.raw`^merge +50 of 50 database rows linked, 0 conflicts +${time}$`));
    assert.equal(
      lines[3],
      `        ${path.relative(ROOT, path.join(SAMPLE_ARCHIVE, 'database.csv'))}: 0 unmatched rows, 0 unmatched summaries`,
    );
    assert.match(lines[4]!, new RegExp(String.raw`^render +\d+ pages +${time}$`));
    assert.match(lines[5]!, new RegExp(String.raw`^index +\d+ pages +${time}$`));
    assert.match(lines[6]!, new RegExp(String.raw`^swap +\S+ replaced +${time}$`));
    // Every stage's duration ends in one column.
    const stageLines = lines.filter((l) => /^[a-z]+ +\S/.test(l) && !l.startsWith('built'));
    assert.deepEqual(new Set(stageLines.map((l) => l.length)).size, 1, stageLines.join('\n'));
    assert.doesNotMatch(result.stdout + result.stderr, /Writing|\[11ty\]/);
  });
});

test('user mistakes stop the build with a message that names the file and says what to do, and no stack trace', () => {
  withFiles({}, (dir) => {
    const content = ownContentDir(dir);
    const build = (env: Record<string, string>): Run => {
      const result = spawnSync(TSX, [path.join(ROOT, 'scripts', 'build.ts')], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 120_000,
        env: { ...process.env, CONTENT_DIR: content, OUTPUT_DIR: path.join(dir, 'site'), ...env },
      });
      return { status: result.status, stdout: result.stdout, stderr: result.stderr };
    };
    const expect = (run: Run, message: RegExp): void => {
      assert.equal(run.status, 1, run.stdout);
      assert.match(run.stderr, message);
      assert.doesNotMatch(run.stderr, /^\s+at /m, 'a stack trace');
    };
    expect(
      build({ CONTENT_DIR: path.join(content, 'newsletters') }),
      /^build failed: content dir .*archive\/newsletters has no newsletters\/ folder: put issue files in .*newsletters\/newsletters\/\. It is itself a newsletters\/ folder with 1 issue file \(an-020\.txt\): set CONTENT_DIR to the folder above it/m,
    );
    expect(
      build({ PATH_PREFIX: 'https://x.org/foo/' }),
      /^build failed: PATH_PREFIX must be a path like \/repo-name\/, not "https:\/\/x\.org\/foo\/"/m,
    );
    expect(build({ SITE_URL: 'me.github.io' }), /^build failed: SITE_URL must be an absolute http\(s\) address/m);
    writeFileSync(path.join(content, 'site.yml'), 'title: Garden notes\nurl: [unclosed\neditor: Zach\n');
    expect(build({}), /^build failed: .*archive\/site\.yml:\d+: not valid YAML/m);
    writeFileSync(path.join(content, 'site.yml'), 'title: Garden notes\n');
    writeFileSync(path.join(content, 'categories.yml'), '- label: Highlights\n  highlight: [\n');
    expect(build({}), /^build failed: .*archive\/categories\.yml:\d+: not valid YAML/m);
    const parse = parseCliWith([path.join(content, 'newsletters')], {});
    assert.equal(parse.status, 1);
    assert.match(parse.stderr, /^error: .*archive\/categories\.yml:\d+: not valid YAML/m);
    assert.ok(!existsSync(path.join(dir, 'site')), 'nothing was written');
  });
});

test('a failure is one line naming what failed; DEBUG=1 adds the stack', () => {
  withFiles({}, (dir) => {
    const content = ownContentDir(dir);
    const run = (env: Record<string, string>): Run => {
      const result = spawnSync(TSX, [path.join(ROOT, 'scripts', 'build.ts')], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 120_000,
        env: { ...process.env, CONTENT_DIR: content, OUTPUT_DIR: path.join(dir, 'site'), ...env },
      });
      return { status: result.status, stdout: result.stdout, stderr: result.stderr };
    };
    const plain = run({ OUTPUT_DIR: '/dev/null/site' });
    assert.equal(plain.status, 1);
    assert.deepEqual(plain.stderr.trimEnd().split('\n'), [
      'build failed: OUTPUT_DIR /dev/null/site cannot be made: /dev/null is a file, not a folder; nothing was written or removed',
    ]);
    const debug = run({ OUTPUT_DIR: '/dev/null/site', DEBUG: '1' });
    assert.equal(debug.status, 1);
    assert.match(debug.stderr, /^build failed: OUTPUT_DIR \/dev\/null\/site cannot be made/);
    assert.match(debug.stderr, /\n\s+at checkOutputDir /);
  });
});

test('OUTPUT_DIR set to an empty string means the default _site, not the project folder', () => {
  withFiles({}, (dir) => {
    const content = ownContentDir(dir);
    const result = spawnSync(TSX, [path.join(ROOT, 'scripts', 'build.ts')], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, CONTENT_DIR: content, OUTPUT_DIR: '', QUIET: '1' },
    });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^built .*\/_site \(prefix \/\)/m);
    assert.ok(existsSync(path.join(dir, '_site', 'index.html')));
  });
});
