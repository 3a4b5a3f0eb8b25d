/**
 * `npm start`: Eleventy's dev server on http://localhost:8080 (PORT), rebuilding when a template,
 * an asset or a file in the content dir changes, and re-indexing for search after each build so
 * the search page works while editing (src/watch.ts). Honours CONTENT_DIR, PATH_PREFIX, OUTPUT_DIR.
 */
import { userErrorIn } from '../src/build/errors.ts';
import { preferSpeedOverSourceMaps } from '../src/build/runtime.ts';
import { watchSite } from '../src/build/watch.ts';

preferSpeedOverSourceMaps();

try {
  await watchSite({
    contentDir: process.env.CONTENT_DIR ?? 'content',
    outputDir: process.env.OUTPUT_DIR ?? '_site',
    pathPrefix: process.env.PATH_PREFIX,
    port: Number(process.env.PORT ?? 8080),
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
