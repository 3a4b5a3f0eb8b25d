/**
 * The user's files are safe: the content dir's static/ folder is published as it is; a build
 * never removes a file it did not write (it refuses, naming them); paths are compared with their
 * links resolved; an output the user cannot replace, or a parent that cannot be written, is
 * refused before anything is written; what an interrupted build left is cleared with a note; a
 * full disk while indexing is one line naming the stage and leaves nothing behind.
 *
 * The permission and disk cases use the real thing: a build run as another user (when the tests
 * run as root) or a folder without write permission (otherwise), and a small tmpfs mounted for the
 * test (where the tests may mount one: as root, in a container that allows it).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSite } from '../../src/io/build-site.ts';
import { failureLine, StageError } from '../../src/io/errors.ts';
import { OutputDirError, SITE_STAMP } from '../../src/io/output/guard.ts';
import { acquireLock, lockFileFor, processStart } from '../../src/io/output/lock.ts';
import { readManifest } from '../../src/io/output/manifest.ts';
import { StaticError } from '../../src/io/output/static.ts';
import { BuildSession } from '../../src/io/session.ts';
import { SAMPLE_ARCHIVE } from '../support/sample-archive.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const ISSUE = '---\nnumber: 7\ndate: 2020-02-03\n---\nHIGHLIGHTS\n\nA Tiny Paper (Ann Lee) (summarized by Rohin): It is small.\n';

/** A scratch folder holding a one-issue content dir (`content/`), removed afterwards. */
async function withArchive(run: (work: string, content: string) => Promise<void>): Promise<void> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'newsletter-files-'));
  try {
    const content = path.join(work, 'content');
    mkdirSync(path.join(content, 'newsletters'), { recursive: true });
    copyFileSync(path.join(SAMPLE_ARCHIVE, 'categories.yml'), path.join(content, 'categories.yml'));
    writeFileSync(path.join(content, 'site.yml'), 'title: Tiny\nurl: https://example.org/\n');
    writeFileSync(path.join(content, 'newsletters', 'an-007.txt'), ISSUE);
    await run(work, content);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const build = (content: string, outputDir: string, notes: string[] = []) =>
  buildSite(new BuildSession({ contentDir: content, outputDir, quiet: true, onNote: (n) => notes.push(n) }));

/**
 * The environment for a process run as another user under the coverage tool: Node hands its own
 * NODE_V8_COVERAGE to every child whose environment does not set it, and that user may not write
 * the coverage folder, so the child's coverage goes to `dir` (a folder that user may write), and
 * is not counted.
 */
function withoutCoverage(dir: string): NodeJS.ProcessEnv {
  return process.env.NODE_V8_COVERAGE === undefined ? { ...process.env } : { ...process.env, NODE_V8_COVERAGE: dir };
}

/** What builds leave beside an output folder: building and previous folders, the lock. */
const besides = (output: string): string[] => readdirSync(path.dirname(output)).filter((n) => n.startsWith(`.${path.basename(output)}.`));

/** Writes `files` (relative path -> text) under `dir`. */
function put(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
}

test("the files of static/ are published as they are, at their own paths, dotfiles included, and listed as the build's", async () => {
  await withArchive(async (work, content) => {
    const files = {
      CNAME: 'archive.example.org\n',
      'downloads/talk.pdf': '%PDF-1.4 not really\n',
      'images/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
      '.well-known/security.txt': 'Contact: mailto:me@example.org\n',
    };
    put(path.join(content, 'static'), files);
    const out = path.join(work, 'site');
    const report = await build(content, out);
    assert.equal(report.staticFiles, 4);
    for (const [name, text] of Object.entries(files)) assert.equal(readFileSync(path.join(out, name), 'utf8'), text, name);
    assert.ok(existsSync(path.join(out, 'index.html')));
    const listed = readManifest(out, SITE_STAMP)!;
    for (const name of [...Object.keys(files), 'index.html', '.nojekyll', 'pagefind/pagefind.js']) assert.ok(listed.has(name), name);
    // The next build replaces it: every file in it is one the build wrote.
    await build(content, out);
    assert.equal(readFileSync(path.join(out, 'CNAME'), 'utf8'), files.CNAME);
  });
});

test('a static/ file that would replace one the build writes stops the build naming both, and the previous site stays', async () => {
  await withArchive(async (work, content) => {
    const out = path.join(work, 'site');
    await build(content, out);
    const before = readFileSync(path.join(out, 'feed.xml'), 'utf8');
    put(path.join(content, 'static'), { 'feed.xml': '<feed>mine</feed>' });
    await assert.rejects(
      build(content, out),
      (error: unknown) =>
        error instanceof StaticError && /static\/feed\.xml would replace \/feed\.xml, which the build writes/.test(error.message),
    );
    assert.equal(readFileSync(path.join(out, 'feed.xml'), 'utf8'), before);
    assert.deepEqual(besides(out), []);
  });
});

test('a link in static/ to a file outside the content dir is not published, with a note; one inside it is published as the file', async () => {
  await withArchive(async (work, content) => {
    writeFileSync(path.join(work, 'secret.txt'), 'not for the web');
    mkdirSync(path.join(content, 'static'));
    symlinkSync(path.join(work, 'secret.txt'), path.join(content, 'static', 'secret.txt'));
    symlinkSync(path.join(content, 'site.yml'), path.join(content, 'static', 'settings.txt'));
    const notes: string[] = [];
    const out = path.join(work, 'site');
    await build(content, out, notes);
    assert.ok(!existsSync(path.join(out, 'secret.txt')));
    assert.ok(
      notes.some((n) => /static\/secret\.txt links outside the content dir .*not published/.test(n)),
      notes.join('\n'),
    );
    assert.equal(readFileSync(path.join(out, 'settings.txt'), 'utf8'), readFileSync(path.join(content, 'site.yml'), 'utf8'));
  });
});

test('files the user put into the built site are never deleted: the next build refuses, naming them and pointing at static/', async () => {
  await withArchive(async (work, content) => {
    const out = path.join(work, 'site');
    await build(content, out);
    put(out, { CNAME: 'archive.example.org\n', 'downloads/talk.pdf': 'slides' });
    await assert.rejects(
      build(content, out),
      (error: unknown) =>
        error instanceof OutputDirError &&
        /holds 2 files the last build did not write \(CNAME, downloads\/talk\.pdf\)/.test(error.message) &&
        error.message.includes(`move them to ${path.join(content, 'static')}/`),
    );
    assert.equal(readFileSync(path.join(out, 'CNAME'), 'utf8'), 'archive.example.org\n');
    assert.equal(readFileSync(path.join(out, 'downloads', 'talk.pdf'), 'utf8'), 'slides');
    // Moved into static/, they are part of every build.
    mkdirSync(path.join(content, 'static'));
    for (const name of ['CNAME', 'downloads']) cpSync(path.join(out, name), path.join(content, 'static', name), { recursive: true });
    for (const name of ['CNAME', 'downloads']) rmSync(path.join(out, name), { recursive: true });
    await build(content, out);
    assert.equal(readFileSync(path.join(out, 'downloads', 'talk.pdf'), 'utf8'), 'slides');
  });
});

test("a stamp copied into a folder of the user's own files, or a stamp without the list of files, does not make it replaceable", async () => {
  await withArchive(async (work, content) => {
    const out = path.join(work, 'site');
    await build(content, out);
    const mine = path.join(work, 'mine');
    put(mine, { 'notes.txt': 'mine', 'photos/cat.jpg': 'cat' });
    copyFileSync(path.join(out, SITE_STAMP), path.join(mine, SITE_STAMP));
    await assert.rejects(
      build(content, mine),
      (error: unknown) =>
        error instanceof OutputDirError && /the last build did not write \(notes\.txt, photos\/cat\.jpg\)/.test(error.message),
    );
    writeFileSync(
      path.join(mine, SITE_STAMP),
      'Written by npm run build (newsletter archive). A later run may replace this folder and everything in it.\n',
    );
    await assert.rejects(
      build(content, mine),
      (error: unknown) => error instanceof OutputDirError && /without the list of the files it wrote/.test(error.message),
    );
    assert.deepEqual(readdirSync(mine).sort(), [SITE_STAMP, 'notes.txt', 'photos']);
  });
});

test('an output reached through a symbolic link is checked where it really is: never in the content dir or as the project', async () => {
  await withArchive(async (work, content) => {
    symlinkSync(content, path.join(work, 'looks-harmless'));
    symlinkSync(path.dirname(ROOT), path.join(work, 'projects'));
    const cases: [string, RegExp][] = [
      [path.join(work, 'looks-harmless', 'site'), /is inside the content dir .* through a symbolic link/],
      [path.join(work, 'projects', path.basename(ROOT)), /is the project .*through a symbolic link/],
    ];
    for (const [outputDir, why] of cases)
      await assert.rejects(
        build(content, outputDir),
        (error: unknown) => error instanceof OutputDirError && why.test(error.message),
        outputDir,
      );
    assert.ok(!existsSync(path.join(content, 'site')));
  });
});

/** True when this process may mount a tmpfs (root in a container that allows it). */
function canMount(): boolean {
  if (process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(path.join(os.tmpdir(), 'mount-probe-'));
  try {
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]).status !== 0) return false;
    spawnSync('umount', [probe]);
    return true;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}
const MOUNT = canMount() ? false : 'needs to mount a tmpfs (root, where the system allows it)';

/** A tmpfs of `kb` KB (mounted `ro` when asked) at a fresh folder under `work`, for `run`; unmounted afterwards. */
async function withTmpfs(work: string, kb: number, options: string, run: (dir: string) => Promise<void>): Promise<void> {
  const dir = path.join(work, `disk-${kb}`);
  mkdirSync(dir);
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${kb}k${options}`, 'tmpfs', dir], { encoding: 'utf8' });
  assert.equal(mounted.status, 0, mounted.stderr);
  try {
    await run(dir);
  } finally {
    spawnSync('umount', ['-l', dir]);
  }
}

/** KB a file of `bytes` bytes takes on a tmpfs: whole pages. */
const pages = (bytes: number): number => Math.ceil(bytes / 4096) * 4;

/** KB the files under `dir` take on a tmpfs. */
function tmpfsKb(dir: string): number {
  let kb = 0;
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const file = path.join(dir, name);
    try {
      kb += pages(readFileSync(file).length);
    } catch {
      kb += 4; // a folder
    }
  }
  return kb;
}

test('a full disk while indexing fails the index stage in one line naming the file; nothing is left behind and the next build works', {
  skip: MOUNT,
}, async () => {
  await withArchive(async (work, content) => {
    const sized = path.join(work, 'sized');
    await build(content, sized);
    const index = tmpfsKb(path.join(sized, 'pagefind'));
    const rest = tmpfsKb(sized) - index;
    // Room for the pages and a part of the index.
    await withTmpfs(work, rest + Math.floor(index / 2) + 64, '', async (disk) => {
      const out = path.join(disk, 'site');
      const error = await build(content, out).then(
        () => null,
        (e: unknown) => e,
      );
      assert.ok(error instanceof StageError, String(error));
      assert.equal(error.stage, 'index');
      const line = failureLine(error);
      assert.match(line, /^index: the disk is full \(ENOSPC\): .*pagefind/);
      assert.doesNotMatch(line, /\n/);
      assert.ok(!existsSync(out));
      assert.deepEqual(besides(out), [], 'no staging folder or lock is left');
    });
    // The same disk with room: the next build is not wedged by anything left behind.
    await withTmpfs(work, rest + index + 512, '', async (disk) => {
      await build(content, path.join(disk, 'site'));
      assert.ok(existsSync(path.join(disk, 'site', 'pagefind', 'pagefind.js')));
    });
  });
});

test('a read-only parent folder is refused before anything is written, in one line naming the folder', { skip: MOUNT }, async () => {
  await withArchive(async (work, content) => {
    await withTmpfs(work, 256, ',ro', async (disk) => {
      await assert.rejects(
        build(content, path.join(disk, 'site')),
        (error: unknown) =>
          error instanceof OutputDirError && /cannot be written: its folder .* is on a read-only file system/.test(error.message),
      );
    });
  });
});

/**
 * Whether another user (`nobody`) can read the project to run a build: not where a parent folder of
 * the checkout is private to root, as in some CI machines.
 */
function nobodyCanRunTheProject(): boolean {
  const coverage = path.join(os.tmpdir(), `coverage-probe-${process.pid}`);
  const probe = spawnSync(process.execPath, ['-e', `require('node:fs').accessSync(${JSON.stringify(TSX)}, 1)`], {
    uid: 65534,
    gid: 65534,
    timeout: 20_000,
    env: withoutCoverage(coverage),
  });
  rmSync(coverage, { recursive: true, force: true });
  return probe.status === 0;
}

test('an output the user cannot remove files from (an earlier build run with sudo) is refused before anything is swapped', async (t) => {
  if (process.getuid?.() === 0 && !nobodyCanRunTheProject()) {
    t.skip('run as root in a checkout another user cannot read: no other user can run the build here');
    return;
  }
  await withArchive(async (work, content) => {
    const out = path.join(work, 'site');
    await build(content, out);
    const before = readFileSync(path.join(out, 'index.html'), 'utf8');
    if (process.getuid?.() === 0) {
      // As root, permissions do not stop this process: another user runs the build.
      chmodSync(work, 0o777);
      chmodSync(content, 0o755);
      const run = spawnSync(TSX, [path.join(ROOT, 'scripts', 'build.ts')], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 120_000,
        uid: 65534,
        gid: 65534,
        // Its coverage (under `npm run coverage`) goes where that user may write (see withoutCoverage).
        env: { ...withoutCoverage(path.join(work, 'coverage')), HOME: work, CONTENT_DIR: content, OUTPUT_DIR: out, QUIET: '1' },
      });
      assert.equal(run.status, 1, run.stdout + run.stderr);
      assert.match(
        run.stderr,
        /^build failed: OUTPUT_DIR .*site cannot be replaced: you cannot remove files from .*\(written by another user, e\.g\. an earlier build run with sudo\)/m,
      );
      assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
    } else {
      chmodSync(path.join(out, 'issues'), 0o555);
      try {
        await assert.rejects(
          build(content, out),
          (error: unknown) => error instanceof OutputDirError && /cannot be replaced/.test(error.message),
        );
      } finally {
        chmodSync(path.join(out, 'issues'), 0o755);
      }
    }
    assert.equal(readFileSync(path.join(out, 'index.html'), 'utf8'), before);
    assert.deepEqual(besides(out), []);
  });
});

test('what an interrupted build left beside the output is removed by the next build, with a note', async () => {
  await withArchive(async (work, content) => {
    const out = path.join(work, 'site');
    const left = path.join(work, '.site.building-999999');
    put(left, { [SITE_STAMP]: 'Written by npm run build (newsletter archive).\n', 'index.html': 'half' });
    const notes: string[] = [];
    await build(content, out, notes);
    assert.ok(!existsSync(left));
    assert.ok(
      notes.some((n) => /^removed .*\.site\.building-999999, left by an interrupted build$/.test(n)),
      notes.join('\n'),
    );
    assert.deepEqual(besides(out), []);
  });
});

test('a lock whose process id now belongs to another process (ids are given again) is stale: taken over with a note', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newsletter-lock-'));
  try {
    const out = path.join(dir, 'site');
    const since = processStart(process.pid);
    // This very process, but started at another time: the build that wrote the lock had the same id and is gone.
    writeFileSync(
      lockFileFor(out),
      JSON.stringify({ pid: process.pid, started: '2024-01-01T00:00:00Z', what: 'a build', since: since === null ? 'x' : `${since}0` }),
    );
    const lock = acquireLock(out, 'a test');
    assert.match(lock.takenOver ?? '', /stale lock .* a build \(process \d+, started 2024-01-01T00:00:00Z\) is no longer running/);
    lock.release();
    assert.ok(!existsSync(lockFileFor(out)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("an empty newsletters/ builds no search index of the site's own pages: a note says so, and the home and search pages say the archive is empty", async () => {
  await withArchive(async (work, content) => {
    rmSync(path.join(content, 'newsletters', 'an-007.txt'));
    const out = path.join(work, 'site');
    const notes: string[] = [];
    const report = await build(content, out, notes);
    assert.equal(report.pagesIndexed, 0);
    assert.ok(!existsSync(path.join(out, 'pagefind')), 'no index');
    assert.ok(
      notes.some((n) =>
        /the archive has no summaries .*newsletters holds no issue with one\): the site is built without a search index/.test(n),
      ),
      notes.join('\n'),
    );
    for (const page of ['index.html', 'search/index.html'])
      assert.match(
        readFileSync(path.join(out, page), 'utf8'),
        /<p class="notice" role="status">This archive is empty: it has no issues yet\./,
        page,
      );
  });
});
