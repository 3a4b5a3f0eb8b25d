/**
 * Who is who among the people who summarize and give opinions: `people.yml` in the content dir
 * (canonical names and their aliases) and a resolver that turns every name as written into one
 * person. Pure: it gets the file's text, reads nothing.
 *
 *   - name: Ada Lovelace
 *     aliases: [Ada L, Countess of Lovelace]
 *   - Alan Turing            # a canonical name with no aliases
 *
 * Besides the file, rules that leave no doubt, each applied only when exactly one full name fits
 * (a name stays a person of its own when none or several do), in this order:
 *   - a first name written alone (`Ada`) is the person of the one full name the archive knows with
 *     that first name (`Ada Lovelace`);
 *   - a family name written alone (`Lovelace`) is the person of the one full name with it;
 *   - a short form of a first name (`Zach`, `Rob`: three letters or more that begin it) is the
 *     person of the one full name whose first name it begins (`Zachary Robertson`);
 *   - each of these with a surname initial (`Ada L`, `Zach R.`) likewise.
 * Names are compared by `foldName` (case, diacritics, punctuation, a trailing `+` ignored).
 */
import yaml from 'js-yaml';
import type { ParseWarning } from '../records/types.ts';
import { stableSlug } from '../records/slug.ts';
import { foldName } from '../records/names.ts';

/** One person as `people.yml` declares them. */
export interface PersonEntry {
  /** The canonical name, as shown. */
  readonly name: string;
  /** Other spellings of the same person (`Ada`, `Ada L`). */
  readonly aliases: readonly string[];
  /** 1-based line of the item in the file. */
  readonly line: number;
}

/** `people.yml`, read and checked. */
export interface PeopleConfig {
  readonly people: readonly PersonEntry[];
  /** Every item left out or value ignored, with the file and line. */
  readonly warnings: readonly ParseWarning[];
}

/** One person of the archive. */
export interface Person {
  /** The canonical name from `people.yml`, else the name as first written. */
  readonly name: string;
  /** `foldName` of the name: identity. */
  readonly key: string;
  /** URL slug of the key. */
  readonly slug: string;
  /** Every spelling known to name this person, the shown name first. */
  readonly names: readonly string[];
  /** Named in `people.yml`: `name` is the canonical name given there. */
  readonly declared: boolean;
}

export interface People {
  /** Everyone `people.yml` declares and everyone the archive's names resolve to, in that order. */
  readonly all: readonly Person[];
  /** The person a name as written is. A name nothing resolves is a person of its own. */
  resolve(name: string): Person;
}

const KEYS = new Set(['name', 'aliases']);

/** Reads `people.yml` from its text. Never throws: a bad item is left out with a warning naming the line. */
export function parsePeople(text: string, file: string): PeopleConfig {
  const warnings: ParseWarning[] = [];
  const warn = (line: number, message: string): void => {
    warnings.push({ file, line, message });
  };
  // js-yaml says where a node opens only while it reads: keep the line of every mapping and list it closes.
  const open: number[] = [];
  const lines = new WeakMap<object, number>();
  let loaded: unknown;
  try {
    loaded = yaml.load(text, {
      listener(event, state) {
        if (event === 'open') open.push(state.line + 1);
        else {
          const line = open.pop() ?? 0;
          const result: unknown = state.result;
          if (typeof result === 'object' && result !== null) lines.set(result, line);
        }
      },
    });
  } catch (error) {
    const mark = error instanceof yaml.YAMLException ? error.mark : undefined;
    warn(
      mark ? mark.line + 1 : 0,
      `not valid YAML (${error instanceof yaml.YAMLException ? error.reason : String(error)}): no aliases are used`,
    );
    return { people: [], warnings };
  }
  if (loaded === undefined || loaded === null) return { people: [], warnings };
  if (!Array.isArray(loaded)) {
    warn(1, 'expected a list of people (`- name: ...`, `aliases: [...]`): no aliases are used');
    return { people: [], warnings };
  }
  const people: PersonEntry[] = [];
  const claimed = new Map<string, PersonEntry>();
  loaded.forEach((item: unknown, index) => {
    const where = typeof item === 'object' && item !== null ? (lines.get(item) ?? 0) : 0;
    const line = where || lineOfItem(text, index);
    let name: unknown;
    let aliases: unknown = [];
    if (typeof item === 'string') name = item;
    else if (typeof item === 'object' && item !== null && !Array.isArray(item)) {
      const record = item as Record<string, unknown>;
      name = record.name;
      aliases = record.aliases ?? [];
      for (const key of Object.keys(record))
        if (!KEYS.has(key)) warn(line, `unknown key "${key}" (a person has "name" and "aliases"): ignored`);
    } else {
      warn(line, 'a person is a name or a mapping with "name" and "aliases": this item is left out');
      return;
    }
    if (typeof name !== 'string' || foldName(name) === '') {
      warn(line, 'this person has no "name": left out');
      return;
    }
    const list = typeof aliases === 'string' ? [aliases] : aliases;
    if (!Array.isArray(list) || list.some((a) => typeof a !== 'string')) {
      warn(line, `the aliases of "${name.trim()}" are not a list of names: ignored`);
    }
    const given = Array.isArray(list) ? list.filter((a): a is string => typeof a === 'string' && foldName(a) !== '') : [];
    const entry: PersonEntry = { name: name.trim().replace(/\s+/g, ' '), aliases: [], line };
    const kept: string[] = [];
    for (const spelling of [entry.name, ...given]) {
      const key = foldName(spelling);
      const owner = claimed.get(key);
      if (owner === entry) continue;
      if (owner !== undefined) {
        warn(line, `"${spelling.trim()}" already names "${owner.name}" (line ${owner.line}): ignored here`);
        if (spelling === entry.name) return;
        continue;
      }
      claimed.set(key, entry);
      if (spelling !== entry.name) kept.push(spelling.trim().replace(/\s+/g, ' '));
    }
    people.push({ ...entry, aliases: kept });
  });
  return { people, warnings };
}

/** The line of the n-th top-level `- ` item, for items js-yaml reports no node for (plain strings). */
function lineOfItem(text: string, index: number): number {
  let seen = -1;
  const all = text.split(/\r?\n/);
  for (let i = 0; i < all.length; i++) if (/^-(?:\s|$)/.test(all[i]!) && ++seen === index) return i + 1;
  return 0;
}

/**
 * The page slug a name has as a person of its own (`Ada` -> `ada`): the person's page slug when
 * it is their shown name, the address an old link holds when a later name took its place.
 */
export function personSlug(name: string): string {
  return stableSlug(foldName(name), 'person');
}

/** A name's words, folded: `Ada L.` -> [ada, l]. */
const wordsOf = (name: string): string[] => foldName(name).split(' ').filter(Boolean);

/** A full name: at least two words, the last more than an initial (`Ada Lovelace`, not `Ada L`). */
const isFull = (words: string[]): boolean => words.length >= 2 && words[words.length - 1]!.length > 1;

/**
 * Resolves names to people: `config` (from parsePeople) first, then the two first-name rules over
 * the full names among `config` and `names` (every summarizer and opinion author as written in the
 * archive). The same arguments give the same answers; nothing depends on the order of `names`
 * except which spelling of an undeclared person is shown (the first).
 */
export function createPeople(config: readonly PersonEntry[], names: Iterable<string>): People {
  /** A person being gathered: the shown name, its key, and every spelling seen for it. */
  interface Draft {
    readonly name: string;
    readonly key: string;
    readonly names: string[];
    readonly declared: boolean;
  }
  const drafts: Draft[] = [];
  const declare = (name: string, declared = false): Draft => {
    const draft = { name, key: foldName(name), names: [name], declared };
    drafts.push(draft);
    return draft;
  };
  const spellings = new Map<string, Draft>();
  for (const entry of config) {
    const draft = declare(entry.name, true);
    spellings.set(draft.key, draft);
    for (const alias of entry.aliases) {
      spellings.set(foldName(alias), draft);
      draft.names.push(alias);
    }
  }

  const written = [...new Set([...names].map((n) => n.trim().replace(/\s+/g, ' ')).filter((n) => foldName(n) !== ''))];
  // Full names first: the first-name rules look them up.
  for (const name of written) {
    const key = foldName(name);
    if (!spellings.has(key) && isFull(wordsOf(name))) spellings.set(key, declare(name));
  }
  const fullByFirst = new Map<string, Set<Draft>>();
  const fullByLast = new Map<string, Set<Draft>>();
  const add = (map: Map<string, Set<Draft>>, word: string, draft: Draft): void => {
    const set = map.get(word) ?? new Set();
    set.add(draft);
    map.set(word, set);
  };
  for (const draft of spellings.values()) {
    const words = draft.key.split(' ');
    if (!isFull(words)) continue;
    add(fullByFirst, words[0]!, draft);
    add(fullByLast, words.at(-1)!, draft);
  }
  const firsts = [...fullByFirst.keys()];
  /** The one draft in `set` whose surname begins with `initial` (any, without one); undefined when none or several. */
  const one = (set: Iterable<Draft>, initial: string | undefined): Draft | undefined => {
    const fits = [...new Set(set)].filter((draft) => initial === undefined || draft.key.split(' ').at(-1)!.startsWith(initial));
    return fits.length === 1 ? fits[0] : undefined;
  };
  /** The one full name a first name, a family name or a short first name (each perhaps with a surname initial) fits; undefined when none or several do. */
  const byRule = (words: string[]): Draft | undefined => {
    if (words.length === 0 || words.length > 2 || (words.length === 2 && words[1]!.length > 1)) return undefined;
    const [word, initial] = [words[0]!, words[1]];
    const first = fullByFirst.get(word);
    if (first !== undefined) return one(first, initial);
    if (initial === undefined && word.length > 1) {
      const last = fullByLast.get(word);
      if (last !== undefined) return one(last, undefined);
    }
    if (word.length < 3) return undefined;
    return one(
      firsts.filter((f) => f.length > word.length && f.startsWith(word)).flatMap((f) => [...fullByFirst.get(f)!]),
      initial,
    );
  };
  const lookup = (name: string): Draft | undefined => spellings.get(foldName(name)) ?? byRule(wordsOf(name));

  for (const name of written) {
    const found = lookup(name) ?? declare(name);
    spellings.set(foldName(name), found);
    if (!found.names.includes(name)) found.names.push(name);
  }
  const all = drafts.map(
    (d): Person =>
      Object.freeze({
        name: d.name,
        key: d.key,
        slug: personSlug(d.name),
        names: Object.freeze([...d.names]),
        declared: d.declared,
      }),
  );
  const byDraft = new Map(drafts.map((d, i) => [d, all[i]!]));
  const resolve = (name: string): Person => {
    const found = lookup(name);
    if (found) return byDraft.get(found)!;
    const key = foldName(name);
    const shown = name.trim().replace(/\s+/g, ' ');
    return { name: shown, key, slug: personSlug(shown), names: [shown], declared: false };
  };
  return { all, resolve };
}
