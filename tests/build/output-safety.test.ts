/**
 * The build never destroys what it did not make and never leaves a half-built site: it refuses
 * output folders it must not replace, builds beside the output and swaps the result in only when
 * Eleventy and Pagefind both succeeded, and one build at a time holds the output's lock. A real
 * build is killed mid-way and the previous site must be byte for byte what it was.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSite } from '../../src/io/build-site.ts';
import { BuildSession } from '../../src/io/session.ts';
import { ContentError } from '../../src/io/content-dir.ts';
import { OutputDirError, SITE_STAMP } from '../../src/io/output/guard.ts';
import { acquireLock, BuildLockedError, isAlive, lockFileFor } from '../../src/io/output/lock.ts';
import { writeCorpus } from '../../tools/gen-corpus.ts';
import { LAYOUTS } from '../../tools/generate/index.ts';
import { SAMPLE_ARCHIVE } from '../support/sample-archive.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

/** A scratch folder with a copy of the sample content dir; removed afterwards. */
async function withWork(run: (work: string, content: string) => Promise<void>): Promise<void> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'newsletter-output-'));
  try {
    const content = path.join(work, 'content');
    cpSync(SAMPLE_ARCHIVE, content, { recursive: true });
    await run(work, content);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Every file under `dir` (dotfiles included) with a hash of its bytes. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isFile()) out[name] = createHash('sha1').update(readFileSync(full)).digest('hex');
  }
  return out;
}

/** What builds leave beside an output folder: building and previous folders, the lock. */
const besides = (output: string): string[] => readdirSync(path.dirname(output)).filter((n) => n.startsWith(`.${path.basename(output)}.`));

test('a build replaces its earlier output whole: pages of a removed issue do not linger, and the output carries the stamp', async () => {
  await withWork(async (work, content) => {
    const out = path.join(work, 'site');
    await buildSite(new BuildSession({ contentDir: content, outputDir: out, quiet: true }));
    assert.ok(existsSync(path.join(out, SITE_STAMP)));
    assert.ok(existsSync(path.join(out, 'issues', 'an-053', 'index.html')));
    rmSync(path.join(content, 'newsletters', 'an-053.txt'));
    await buildSite(new BuildSession({ contentDir: content, outputDir: out, quiet: true }));
    assert.ok(!existsSync(path.join(out, 'issues', 'an-053')));
    assert.ok(existsSync(path.join(out, 'index.html')));
    assert.deepEqual(besides(out), [], 'nothing left beside the output');
  });
});

test('the build refuses an output that is or holds the project, the content dir, .git, node_modules, the home folder or a file, or that it did not write; nothing is touched', async () => {
  await withWork(async (work, content) => {
    const mine = path.join(work, 'my-folder');
    mkdirSync(mine);
    writeFileSync(path.join(mine, 'notes.txt'), 'mine');
    const repo = path.join(work, 'repo');
    mkdirSync(path.join(repo, '.git'), { recursive: true });
    const readme = path.join(ROOT, 'README.md');
    const before = { readme: readFileSync(readme, 'utf8'), head: readFileSync(path.join(ROOT, '.git', 'HEAD'), 'utf8') };
    const refused: [string, RegExp][] = [
      [ROOT, /is the project/],
      [path.join(ROOT, '.git'), /is a \.git folder/],
      [path.join(ROOT, 'node_modules'), /is a node_modules folder/],
      [path.join(ROOT, 'node_modules', 'x'), /is inside a node_modules folder/],
      [readme, /is a file, not a folder/],
      [path.join(ROOT, 'src'), /already holds files that this tool did not write/],
      [content, /is the content dir/],
      [path.join(content, 'site'), /is inside the content dir/],
      [work, /holds the content dir/],
      [os.homedir(), /is your home folder/],
      [path.dirname(os.homedir()), /holds (the project|your home folder)/],
      [mine, /already holds files that this tool did not write \(it has no \.newsletter-archive-site\)/],
      [repo, /holds a \.git folder/],
    ];
    for (const [outputDir, why] of refused) {
      await assert.rejects(
        buildSite(new BuildSession({ contentDir: content, outputDir, quiet: true })),
        (error: unknown) => error instanceof OutputDirError && why.test(error.message),
        outputDir,
      );
    }
    assert.equal(readFileSync(readme, 'utf8'), before.readme);
    assert.equal(readFileSync(path.join(ROOT, '.git', 'HEAD'), 'utf8'), before.head);
    assert.deepEqual(readdirSync(mine), ['notes.txt']);
    assert.ok(existsSync(path.join(content, 'newsletters', 'an-053.txt')));
    assert.deepEqual(besides(mine), []);
  });
});

test('a build that fails leaves the previous site byte for byte as it was, and no folder or lock behind', async () => {
  await withWork(async (work, content) => {
    const out = path.join(work, 'site');
    await buildSite(new BuildSession({ contentDir: content, outputDir: out, quiet: true }));
    const previous = snapshot(out);
    writeFileSync(path.join(content, 'categories.yml'), '- label: Highlights\n  highlight: true\n- label: [unclosed\n');
    await assert.rejects(
      buildSite(new BuildSession({ contentDir: content, outputDir: out, quiet: true })),
      (error: unknown) => error instanceof ContentError && /categories\.yml:\d+: not valid YAML/.test(error.message),
    );
    assert.deepEqual(snapshot(out), previous);
    assert.deepEqual(besides(out), []);
  });
});

test("a second build into the same output is refused while the lock is held by a live process; a dead one's lock is taken over", async () => {
  await withWork(async (work, content) => {
    const out = path.join(work, 'site');
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      writeFileSync(lockFileFor(out), JSON.stringify({ pid: sleeper.pid, started: '2024-01-01T00:00:00Z', what: 'another build' }));
      await assert.rejects(
        buildSite(new BuildSession({ contentDir: content, outputDir: out, quiet: true })),
        (error: unknown) =>
          error instanceof BuildLockedError &&
          error.message.includes(`another build (process ${sleeper.pid}`) &&
          error.message.includes(lockFileFor(out)),
      );
      assert.ok(!existsSync(out));
    } finally {
      sleeper.kill('SIGKILL');
    }
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
    writeFileSync(lockFileFor(out), JSON.stringify({ pid: gone, started: '2024-01-01T00:00:00Z', what: 'another build' }));
    await buildSite(new BuildSession({ contentDir: content, outputDir: out, quiet: true }));
    assert.ok(existsSync(path.join(out, 'index.html')));
    assert.deepEqual(besides(out), [], 'the stale lock is gone too');
    // The lock itself: a second holder in a live process is refused; released, it can be taken again.
    const lock = acquireLock(out, 'a test');
    assert.throws(() => acquireLock(out, 'another test'), BuildLockedError);
    lock.release();
    acquireLock(out, 'a test').release();
  });
});

test('an empty building folder, left by a build killed before it stamped it, is removed by the next build; one with files and no stamp is not', async () => {
  await withWork(async (work, content) => {
    const out = path.join(work, 'site');
    const empty = path.join(work, '.site.building-12345');
    const foreign = path.join(work, '.site.building-23456');
    mkdirSync(empty);
    mkdirSync(foreign);
    writeFileSync(path.join(foreign, 'notes.txt'), "not the build's");
    await buildSite(new BuildSession({ contentDir: content, outputDir: out, quiet: true }));
    assert.ok(!existsSync(empty));
    assert.equal(readFileSync(path.join(foreign, 'notes.txt'), 'utf8'), "not the build's");
  });
});

/**
 * Runs `tsx scripts/build.ts` as a user would and kills it (SIGKILL to its whole process group,
 * as a CI runner stops a job: tsx runs the build in a child process; no clean-up of any kind) as
 * soon as it prints the stage line `after`: `parse` while Eleventy renders, `render` while
 * Pagefind indexes. Returns what it printed.
 */
function killBuildAfter(after: string, env: Record<string, string>, whileRunning: () => Promise<void>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [path.join(ROOT, 'scripts', 'build.ts')], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const kill = (): void => {
      process.kill(-child.pid!, 'SIGKILL');
    };
    let out = '';
    let killed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!killed && out.split('\n').some((line) => line.startsWith(`${after} `))) {
        killed = true;
        whileRunning().then(kill, (error: unknown) => {
          kill();
          reject(error);
        });
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code, signal) =>
      signal === 'SIGKILL' ? resolve(out) : reject(new Error(`the build ended (${code}) before it could be killed:\n${out}`)),
    );
  });
}

test('a first build into a folder whose parent does not exist yet makes it, lock and all', async () => {
  await withWork(async (work, content) => {
    const out = path.join(work, 'not', 'yet', 'site');
    const report = await buildSite(new BuildSession({ contentDir: content, outputDir: out, quiet: true }));
    assert.equal(report.issues, 5);
    assert.ok(existsSync(path.join(out, 'index.html')));
    assert.deepEqual(besides(out), []);
  });
});

test('a build killed during Eleventy or during Pagefind leaves the previous site byte for byte; a concurrent build is refused; the next build recovers', {
  timeout: 180_000,
}, async () => {
  await withWork(async (work, content) => {
    const out = path.join(work, 'site');
    await buildSite(new BuildSession({ contentDir: content, outputDir: out, quiet: true }));
    const previous = snapshot(out);
    // A bigger archive, so that each stage lasts long enough to be killed in.
    writeCorpus({ out: path.join(content, 'newsletters'), issues: 60, seed: 'kill', layouts: [...LAYOUTS], madeUp: true, force: true });
    const env = { CONTENT_DIR: content, OUTPUT_DIR: out };

    for (const after of ['parse', 'render']) {
      const printed = await killBuildAfter(after, env, async () => {
        // The killed build holds the lock: a second build into the same output is refused, harmlessly.
        await assert.rejects(buildSite(new BuildSession({ contentDir: content, outputDir: out, quiet: true })), BuildLockedError);
      });
      assert.doesNotMatch(printed, /^swap /m, `killed after "${after}": the build had not swapped`);
      // SIGKILL is sent; on a busy machine the build process may take a moment to be gone.
      const holder = (JSON.parse(readFileSync(lockFileFor(out), 'utf8')) as { pid: number }).pid;
      for (const deadline = Date.now() + 30_000; isAlive(holder); ) {
        assert.ok(Date.now() < deadline, `process ${holder} still runs after SIGKILL`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      assert.deepEqual(snapshot(out), previous, `killed after "${after}": the previous site changed`);
      assert.ok(
        besides(out).some((name) => name.endsWith('.lock')),
        'the killed build left its lock',
      );
    }

    // The next build takes over the dead build's lock, clears its folder and replaces the site.
    const report = await buildSite(new BuildSession({ contentDir: content, outputDir: out, quiet: true }));
    assert.equal(report.issues, 60);
    assert.notDeepEqual(snapshot(out), previous);
    assert.deepEqual(besides(out), []);
  });
});
