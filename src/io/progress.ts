/**
 * The build's progress: one short line per stage, with what it counted and how long it took,
 * instead of one line per page written (thousands on a real archive):
 *
 *   read    173 files (1 skipped)                                   41 ms
 *   parse   173 issues, 1956 summaries, 12 warnings                310 ms
 *   merge   1053 of 1067 database rows linked, 25 conflicts         25 ms
 *           content/database.csv: 14 unmatched rows, 6 unmatched summaries; `npm run reconcile` lists them and the 25 conflicts
 *   render  4210 pages                                             9.8 s
 *   index   1890 pages                                             3.1 s
 *   swap    _site replaced                                           2 ms
 *
 * A stage's line keeps to the columns; what does not fit (the database's file and what to run
 * to see its mismatches) goes on a line of its own below it.
 */
export type Stage = 'read' | 'parse' | 'merge' | 'render' | 'index' | 'swap';

export interface StageReport {
  stage: Stage;
  /** What the stage counted: `173 issues, 1956 summaries, 12 warnings`. */
  detail: string;
  /** More than fits the line, printed under the detail: `content/database.csv: 14 unmatched rows, ...`. */
  more?: string;
  ms: number;
}

/** Where stage reports go; the build calls it once per stage. */
export type Progress = (report: StageReport) => void;

/** `850 ms`, `9.8 s`. */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** Where a stage's detail starts: after the longest stage name and a space. */
const DETAIL_COLUMN = 8;
/** Where the duration ends: room for a detail of ~50 characters (`1053 of 1067 database rows linked, 25 conflicts`). */
const LINE_WIDTH = 64;

/** One line, stage and detail left, duration right; then `more`, if any, on a line of its own under the detail. */
export function formatStage(report: StageReport): string {
  const left = `${report.stage.padEnd(DETAIL_COLUMN - 1)} ${report.detail}`;
  const right = formatDuration(report.ms);
  const line = `${left.padEnd(LINE_WIDTH - 1 - right.length)} ${right}`;
  return report.more === undefined ? line : `${line}\n${' '.repeat(DETAIL_COLUMN)}${report.more}`;
}

/** Runs `task` and reports it as `stage`, with the detail it returns next to its result. */
export async function timed<T>(
  stage: Stage,
  progress: Progress | undefined,
  task: () => Promise<T> | T,
  detail: (value: T) => string,
): Promise<T> {
  const started = performance.now();
  const value = await task();
  progress?.({ stage, detail: detail(value), ms: performance.now() - started });
  return value;
}
