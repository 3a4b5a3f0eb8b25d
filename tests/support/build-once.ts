/**
 * Builds the default archive once per process and path prefix, into a temp dir, and hands the
 * same build to every test that asks (builds take seconds; tests only read the output).
 * The temp dirs are removed when the process exits.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSite, type BuildReport } from '../../src/io/build-site.ts';
import { BuildSession } from '../../src/io/session.ts';
import { normalizePrefix } from '../../src/site/routes.ts';
import { SAMPLE_ARCHIVE } from './sample-archive.ts';

export interface BuiltSite {
  /** The output directory: the site's root as it would be uploaded. */
  dir: string;
  /** `/` or `/newsletter-archive/`. */
  pathPrefix: string;
  report: BuildReport;
}

const builds = new Map<string, Promise<BuiltSite>>();
const dirs: string[] = [];
process.once('exit', () => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** The tests' sample archive (or `contentDir`) built under `pathPrefix`; the same promise for the same prefix. */
export function buildOnce(pathPrefix = '/', contentDir = SAMPLE_ARCHIVE): Promise<BuiltSite> {
  const prefix = normalizePrefix(pathPrefix);
  const key = `${prefix}\0${path.resolve(contentDir)}`;
  let build = builds.get(key);
  if (!build) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'newsletter-site-'));
    dirs.push(dir);
    build = buildSite(new BuildSession({ contentDir, outputDir: dir, pathPrefix: prefix, quiet: true })).then((report) => ({
      dir,
      pathPrefix: prefix,
      report,
    }));
    builds.set(key, build);
  }
  return build;
}
