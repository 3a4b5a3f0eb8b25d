/**
 * Every setting the command-line scripts take from the environment, read here and nowhere else:
 * the product's code (src/) gets its options as arguments. A script reads its settings once at
 * its start (`startScript`), then builds its session from them (`sessionOptions`):
 *
 *   npm run build        CONTENT_DIR, OUTPUT_DIR, PATH_PREFIX, SITE_URL, QUIET=1, STRICT=1 (or --strict)
 *   npm start            CONTENT_DIR, OUTPUT_DIR, PATH_PREFIX, PORT
 *   npm run parse        CONTENT_DIR (the settings' folder)
 *   npm run reconcile    CONTENT_DIR (after --content)
 *   npm run links        OUTPUT_DIR, PATH_PREFIX (tools/check-links.ts)
 *   any of them          SOURCE_MAPS=1 (keep source-mapped stack traces, below), DEBUG=1 (a failure's stack)
 *
 * A setting given as an empty string (`OUTPUT_DIR=`) is a setting not given: its default.
 */
import type { SessionOptions } from '../src/io/session.ts';

export interface Environment {
  contentDir: string | undefined;
  outputDir: string | undefined;
  pathPrefix: string | undefined;
  siteUrl: string | undefined;
  /** `QUIET=1`: only the final line and errors. */
  quiet: boolean;
  /** `STRICT=1`: any parse warning fails the build. */
  strict: boolean;
  /** `PORT`: the dev server's port. */
  port: number;
  /** `SOURCE_MAPS=1`. */
  sourceMaps: boolean;
  /** `DEBUG=1`: a failure is printed with its stack (and its causes'), not only as one line. */
  debug: boolean;
}

/** The value of a setting, or undefined when it is not set or empty. */
const given = (value: string | undefined): string | undefined => (value === undefined || value.trim() === '' ? undefined : value);

export function readEnvironment(env: NodeJS.ProcessEnv = process.env): Environment {
  return {
    contentDir: given(env.CONTENT_DIR),
    outputDir: given(env.OUTPUT_DIR),
    pathPrefix: given(env.PATH_PREFIX),
    siteUrl: given(env.SITE_URL),
    quiet: env.QUIET === '1',
    strict: env.STRICT === '1',
    port: Number(given(env.PORT) ?? 8080),
    sourceMaps: env.SOURCE_MAPS === '1',
    debug: env.DEBUG === '1',
  };
}

/**
 * A script's start: its settings, and the process set up for speed. tsx turns on source-mapped
 * stack traces; with them on, the same parser code runs markedly slower in that process
 * (measured: a 50-issue archive parses at about 10 MB/s with them, 17 MB/s without), though no
 * stack trace is ever formatted during a parse. They are turned off unless `SOURCE_MAPS=1`, for
 * debugging a crash in the project's own code.
 */
export function startScript(): Environment {
  const environment = readEnvironment();
  if (!environment.sourceMaps) process.setSourceMapsEnabled(false);
  return environment;
}

/** The session options the environment gives, for the build and the dev server. */
export function sessionOptions(environment: Environment): SessionOptions {
  return {
    contentDir: environment.contentDir,
    outputDir: environment.outputDir,
    pathPrefix: environment.pathPrefix,
    siteUrl: environment.siteUrl,
    quiet: environment.quiet,
  };
}
