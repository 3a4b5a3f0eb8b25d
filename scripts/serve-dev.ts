/**
 * `npm start`: Eleventy's dev server on http://localhost:8080 (PORT), rebuilding when a template,
 * an asset or a file in the content dir changes, and re-indexing for search after each build so
 * the search page works while editing (src/build/watch.ts). Honours CONTENT_DIR, PATH_PREFIX,
 * OUTPUT_DIR.
 */
import { userErrorIn } from '../src/build/errors.ts';
import { BuildSession } from '../src/build/session.ts';
import { watchSite } from '../src/build/watch.ts';
import { sessionOptions, startScript } from './environment.ts';

const environment = startScript();
try {
  // One session for as long as the server runs: each rebuild redoes only what an edit touched.
  const { contentDir, outputDir, pathPrefix } = sessionOptions(environment);
  const session = new BuildSession({ contentDir, outputDir, pathPrefix });
  await watchSite(session, {
    port: environment.port,
    onRebuild: ({ removed, indexed }) =>
      process.stdout.write(
        `[dev] rebuilt${removed.length > 0 ? `, ${removed.length} pages of removed issues deleted` : ''}; ${indexed} summary pages indexed for search\n`,
      ),
  });
} catch (error) {
  const known = userErrorIn(error);
  process.stderr.write(
    `npm start failed: ${known ? known.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
}
