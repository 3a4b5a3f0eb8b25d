/** How warnings and build summaries are printed: `file:line: message`, like a compiler. */
import type { ParseWarning } from '../records/types.ts';

export function formatWarning(w: ParseWarning): string {
  return w.line > 0 ? `${w.file}:${w.line}: warning: ${w.message}` : `${w.file}: warning: ${w.message}`;
}
