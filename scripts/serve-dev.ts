/**
 * `npm start`: Eleventy's dev server on http://localhost:8080 (PORT), rebuilding when a template,
 * an asset or a file in the content dir changes, and re-indexing for search after each build so
 * the search page works while editing (src/io/watch.ts). Honours CONTENT_DIR, PATH_PREFIX,
 * OUTPUT_DIR.
 */
import { describeFailure } from '../src/io/errors.ts';
import { BuildSession } from '../src/io/session.ts';
import { watchSite } from '../src/io/watch.ts';
import { sessionOptions, startScript } from './environment.ts';

const environment = startScript();
try {
  // One session for as long as the server runs: each rebuild redoes only what an edit touched.
  const { contentDir, outputDir, pathPrefix } = sessionOptions(environment);
  const session = new BuildSession({ contentDir, outputDir, pathPrefix });
  await watchSite(session, {
    port: environment.port,
    onError: (error) => process.stderr.write(`[dev] ${describeFailure(error, environment.debug)}\n`),
    onRebuild: ({ removed, indexed }) =>
      process.stdout.write(
        `[dev] rebuilt${removed.length > 0 ? `, ${removed.length} pages of removed issues deleted` : ''}; ${indexed} summary pages indexed for search\n`,
      ),
  });
} catch (error) {
  // One line naming the stage and the file; the stack with DEBUG=1.
  process.stderr.write(`npm start failed: ${describeFailure(error, environment.debug)}\n`);
  process.exit(1);
}
