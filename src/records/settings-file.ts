/**
 * A settings file (newsletter.yml, site.yml) read once against its typed schema (zod): YAML in,
 * typed settings out, with every mistake named by file and line. A key the schema does not know
 * is a warning (a typo must not pass unseen, nor stop the build); a value of the wrong type is an
 * error. Pure: the caller reads the file and hands in its text.
 */
import yaml from 'js-yaml';
import type { z } from 'zod';

/** A settings file cannot be used: the message names the file and line and says what is wrong. */
export class SettingsError extends Error {
  override name = 'SettingsError';
}

export interface SettingsWarning {
  file: string;
  /** 1-based line; 0 for the whole file. */
  line: number;
  message: string;
}

export interface ReadSettings<T> {
  value: T;
  warnings: SettingsWarning[];
}

/**
 * The line a key path stands on (`['labels', 'opinion', 1]`): each key is looked for below its
 * parent, deeper indented; a list item by its `- `. The parent's line when the path is not found
 * as written (a flow list `[a, b]`), 0 for an empty path.
 */
export function lineOf(text: string, path: readonly PropertyKey[]): number {
  const lines = text.split(/\r\n?|\n/);
  let from = 0;
  let indent = -1;
  let found = 0;
  for (const key of path) {
    let hit = -1;
    let seen = 0;
    for (let i = from; i < lines.length; i++) {
      const line = lines[i]!;
      if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
      const own = line.length - line.trimStart().length;
      if (i > from && own <= indent && found > 0) break;
      const body = line.trimStart();
      if (typeof key === 'number') {
        if (body.startsWith('- ') || body === '-') {
          if (seen === key) {
            hit = i;
            break;
          }
          seen++;
        }
      } else if (new RegExp(`^(?:- )?["']?${String(key).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*:`).test(body)) {
        hit = i;
        break;
      }
    }
    if (hit < 0) return found;
    found = hit + 1;
    from = hit;
    indent = lines[hit]!.length - lines[hit]!.trimStart().length;
  }
  return found;
}

/** A YAML text parsed, or SettingsError with the file and line of the mistake. */
export function parseYaml(text: string, file: string): unknown {
  try {
    return yaml.load(text);
  } catch (error) {
    if (error instanceof yaml.YAMLException) {
      const line = error.mark ? `:${error.mark.line + 1}` : '';
      throw new SettingsError(`${file}${line}: not valid YAML: ${error.reason}`);
    }
    throw error;
  }
}

/** What a value is, for messages: `a list`, `the number 3`. */
function described(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping of keys';
  return `${typeof value === 'string' ? 'the text' : `the ${typeof value}`} ${JSON.stringify(value)}`;
}

const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let at: unknown = data;
  for (const key of path) at = at !== null && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[key] : undefined;
  return at;
}

/**
 * Reads `text` against `schema` (whose objects are strict: unknown keys are reported; `keys` lists
 * the known ones, to leave the others out). Unknown
 * keys become warnings and are left out; any other mistake is a SettingsError naming the file and
 * line of the first one. An empty file is an empty mapping.
 */
export function readSettings<T>(text: string, file: string, schema: z.ZodType<T>, keys: ShapeKeys): ReadSettings<T> {
  const loaded = parseYaml(text, file) ?? {};
  if (typeof loaded !== 'object' || Array.isArray(loaded)) {
    throw new SettingsError(`${file}:1: expected settings as keys and values (name: ...), not ${described(loaded)}`);
  }
  const warnings: SettingsWarning[] = [];
  let data: unknown = loaded;
  const first = schema.safeParse(data);
  if (first.success) return { value: first.data, warnings };
  const unknownKeys = first.error.issues.filter((issue) => issue.code === 'unrecognized_keys');
  for (const issue of unknownKeys) {
    for (const key of issue.keys) {
      const path = [...issue.path, key];
      warnings.push({
        file,
        line: lineOf(text, path),
        message: `unknown setting "${path.join('.')}" is ignored (a typo?)`,
      });
    }
  }
  data = stripUnknown(data, keys);
  const second = schema.safeParse(data);
  if (second.success) return { value: second.data, warnings };
  const issue = second.error.issues.find((i) => i.code !== 'unrecognized_keys') ?? second.error.issues[0]!;
  const where = issue.path.length ? `"${issue.path.join('.')}"` : 'the file';
  throw new SettingsError(
    `${file}:${lineOf(text, issue.path) || 1}: ${where} ${lowerFirst(issue.message.replace(/^Invalid input: /, ''))} (found ${described(valueAt(data, issue.path))})`,
  );
}

/** A copy of `data` without the keys the shape does not list, at every depth the shape describes. */
export function stripUnknown(data: unknown, shape: ShapeKeys): unknown {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return data;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (!(key in shape)) continue;
    const inner = shape[key];
    out[key] = inner && inner !== true ? stripUnknown(value, inner) : value;
  }
  return out;
}

/** The keys a settings file may have: `true` for a value, a nested shape for a mapping. */
export interface ShapeKeys {
  [key: string]: true | ShapeKeys;
}
