import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SITE_STAMP } from '../../src/io/output/guard.ts';
import { createStaging, recoverInterrupted, swapIn } from '../../src/io/output/swap.ts';

function withDir(run: (dir: string) => void): void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newsletter-swap-'));
  try {
    run(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A folder holding `files` (name -> text). */
function folder(dir: string, files: Record<string, string>): string {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

test('a build writes into a fresh, stamped folder beside the output, named after the output and the process', () => {
  withDir((dir) => {
    const out = path.join(dir, 'site');
    const staging = createStaging(out, 'a test');
    assert.equal(staging, path.join(dir, `.site.building-${process.pid}`));
    assert.deepEqual(readdirSync(staging), [SITE_STAMP]);
    assert.match(readFileSync(path.join(staging, SITE_STAMP), 'utf8'), /^Written by a test\./);
    assert.ok(!existsSync(out), 'the output is not touched');
  });
});

test('swapping in replaces the output whole: the new files in place, the old ones gone, nothing left beside', () => {
  withDir((dir) => {
    const out = folder(path.join(dir, 'site'), { 'old.html': 'old', 'index.html': 'old home' });
    const staging = folder(path.join(dir, `.site.building-${process.pid}`), { 'index.html': 'new home' });
    assert.deepEqual(swapIn(staging, out), []);
    assert.deepEqual(readdirSync(out), ['index.html']);
    assert.equal(readFileSync(path.join(out, 'index.html'), 'utf8'), 'new home');
    assert.deepEqual(readdirSync(dir), ['site']);
  });
});

test('swapping in without an output yet just puts the new folder in place', () => {
  withDir((dir) => {
    const staging = folder(path.join(dir, '.site.building-1'), { 'index.html': 'new' });
    swapIn(staging, path.join(dir, 'site'));
    assert.deepEqual(readdirSync(dir), ['site']);
  });
});

test('a build killed between the two renames is undone: the previous site aside is put back, with a note', () => {
  withDir((dir) => {
    folder(path.join(dir, '.site.previous-4242'), { [SITE_STAMP]: 'stamp', 'index.html': 'the previous site' });
    const notes = recoverInterrupted(path.join(dir, 'site'));
    assert.equal(readFileSync(path.join(dir, 'site', 'index.html'), 'utf8'), 'the previous site');
    assert.equal(notes.length, 1);
    assert.match(notes[0]!, /the previous site was put back from .*\.site\.previous-4242/);
  });
});

test('folders a killed build left are removed with a note; a folder without the stamp that holds files is never touched', () => {
  withDir((dir) => {
    const out = folder(path.join(dir, 'site'), { 'index.html': 'current' });
    folder(path.join(dir, '.site.building-11'), { [SITE_STAMP]: 'stamp', 'half.html': 'half' });
    folder(path.join(dir, '.site.building-12'), {});
    folder(path.join(dir, '.site.previous-13'), { [SITE_STAMP]: 'stamp' });
    folder(path.join(dir, '.site.building-14'), { 'mine.txt': "not the tool's" });
    folder(path.join(dir, '.other.building-15'), { [SITE_STAMP]: 'stamp' });
    const notes = recoverInterrupted(out);
    assert.deepEqual(readdirSync(dir).sort(), ['.other.building-15', '.site.building-14', 'site']);
    assert.equal(notes.length, 3);
    for (const note of notes) assert.match(note, /^removed .*, left by an interrupted build$/);
    assert.equal(readFileSync(path.join(out, 'index.html'), 'utf8'), 'current');
  });
});
