/**
 * One build at a time into one output folder. The lock is a file beside the folder
 * (`_site` -> `._site.lock`) holding the builder's process id; a second build finds it and stops
 * with a message instead of mixing two sites (and two search indexes) in one folder.
 *
 * A build that was killed cannot remove its lock: a lock whose process is gone is stale and is
 * taken over (with a note), so a killed build never blocks the next one. A process id can be
 * given again to a later process (in a container, the next build often gets the very same one):
 * the lock also records when its process started, and a live process with that id that started at
 * another time does not hold it.
 */
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.ts';

/** Another live process is building into the same folder. */
export class BuildLockedError extends UserError {}

export interface OutputLock {
  file: string;
  /** Set when a stale lock (of a process that is gone) was taken over: a note for the report. */
  takenOver: string | null;
  release(): void;
}

/** `_site` -> `<parent>/._site.lock`. */
export function lockFileFor(outputDir: string): string {
  return path.join(path.dirname(path.resolve(outputDir)), `.${path.basename(outputDir)}.lock`);
}

/**
 * True while a process with this id runs (a process of another user counts: EPERM). A killed
 * process whose parent has not collected it yet (a zombie, state `Z` in /proc on Linux) still
 * has its id but runs no more.
 */
export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    // `1234 (node) Z 1 ...`: the state follows the command name in parentheses.
    return !/\)\s+Z\s/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

interface LockRecord {
  pid: number;
  started: string;
  what: string;
  /** When the process started, in the kernel's clock ticks since boot (/proc/<pid>/stat); null where there is no /proc. */
  since?: string | null;
}

/** When process `pid` started (field 22 of /proc/<pid>/stat), or null where that cannot be read. */
export function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // `1234 (node) S 1 ...`: the fields after the command name in parentheses, state first.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

/**
 * True while the process that took the lock runs: its id is alive and its process started when the
 * lock says (this very process included: two builds of one process into one folder wait too).
 */
function holds(record: LockRecord): boolean {
  if (!isAlive(record.pid)) return false;
  const since = processStart(record.pid);
  return record.since == null || since === null || since === record.since;
}

function readLock(file: string): LockRecord | null {
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockRecord>;
    return typeof record.pid === 'number'
      ? {
          pid: record.pid,
          started: String(record.started ?? ''),
          what: String(record.what ?? 'a build'),
          since: typeof record.since === 'string' ? record.since : null,
        }
      : null;
  } catch {
    return null;
  }
}

/**
 * Takes the lock for `outputDir`, or throws BuildLockedError naming the process that holds it.
 * The lock file appears whole or not at all (written aside, then hard-linked into place, which
 * fails when a lock is already there), so a reader never sees a half-written one.
 */
export function acquireLock(outputDir: string, what: string): OutputLock {
  const file = lockFileFor(outputDir);
  const record: LockRecord = { pid: process.pid, started: new Date().toISOString(), what, since: processStart(process.pid) };
  let takenOver: string | null = null;
  const draft = `${file}.${process.pid}`;
  // A first build into `bench/site/50` on a fresh clone: the folder the lock goes in is made here.
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    // Inside the try: a full disk may leave a part of the draft, which is removed all the same.
    writeFileSync(draft, `${JSON.stringify(record)}\n`);
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(draft, file);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 3) throw error;
      }
      const holder = readLock(file);
      if (holder !== null && holds(holder)) {
        throw new BuildLockedError(
          `${holder.what} (process ${holder.pid}, started ${holder.started}) is writing ${path.resolve(outputDir)}: ` +
            `wait for it to finish, or stop it. (If no such process is building, delete ${file}.)`,
        );
      }
      // The process that held it is gone (killed, or the machine restarted): the lock is stale.
      takenOver = `a stale lock ${file} was removed: ${holder === null ? 'it could not be read' : `${holder.what} (process ${holder.pid}, started ${holder.started}) is no longer running`}`;
      rmSync(file, { force: true });
    }
  } finally {
    rmSync(draft, { force: true });
  }
  return {
    file,
    takenOver,
    release: () => {
      if (readLock(file)?.pid === process.pid) rmSync(file, { force: true });
    },
  };
}
