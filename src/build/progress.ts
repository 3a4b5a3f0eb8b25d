/**
 * The build's progress: one short line per stage, with what it counted and how long it took,
 * instead of one line per page written (thousands on a real archive):
 *
 *   read    173 files (1 skipped)                        41 ms
 *   parse   173 issues, 1956 summaries, 12 warnings     310 ms
 *   merge   content/database.csv: 1053 of 1067 rows linked to their paper; ...   25 ms
 *   render  4210 pages                                  9.8 s
 *   index   1890 pages                                  3.1 s
 *   swap    _site replaced                                2 ms
 */
export type Stage = 'read' | 'parse' | 'merge' | 'render' | 'index' | 'swap';

export interface StageReport {
  stage: Stage;
  /** What the stage counted: `173 issues, 1956 summaries, 12 warnings`. */
  detail: string;
  ms: number;
}

/** Where stage reports go; the build calls it once per stage. */
export type Progress = (report: StageReport) => void;

/** `850 ms`, `9.8 s`. */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** One line, stage and detail left, duration right. */
export function formatStage(report: StageReport): string {
  const left = `${report.stage.padEnd(7)} ${report.detail}`;
  const right = formatDuration(report.ms);
  return `${left.padEnd(60 - right.length)} ${right}`;
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
