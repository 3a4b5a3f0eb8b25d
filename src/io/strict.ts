/**
 * What `STRICT=1` prints when a build had warnings: how many, where they are, and how to list
 * them. The data files' warnings are listed in it, one line each, so a quiet build (`QUIET=1`)
 * still shows them; the newsletters' are listed by `npm run parse`, which the message names.
 *
 *   strict: 3 warnings, the build fails: 2 in the newsletters (`npm run parse -- content/newsletters` lists them), 1 in the data files:
 *   content/people.yml:4: warning: "Ada" already names "Ada Lovelace" (line 1): ignored here
 */
import { formatWarning } from './report.ts';
import type { BuildReport } from './build-site.ts';
import { counted } from '../site/text/format.ts';

export function strictMessage(report: Pick<BuildReport, 'warnings' | 'dataFileWarnings'>, contentDir: string): string {
  const data = report.dataFileWarnings;
  const newsletters = report.warnings - data.length;
  const parts = [
    newsletters > 0 ? `${newsletters} in the newsletters (\`npm run parse -- ${contentDir}/newsletters\` lists them)` : null,
    data.length > 0 ? `${data.length} in the data files:` : null,
  ].filter((part) => part !== null);
  const head = `strict: ${counted(report.warnings, 'warning', 'warnings')}, the build fails: ${parts.join(', ')}`;
  return `${[head, ...data.map(formatWarning)].join('\n')}\n`;
}
