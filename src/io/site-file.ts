/**
 * site.yml, read once against its schema: the site's title, description, public address,
 * language, and the optional features (src/site/features.ts). A key it does not know is a
 * warning naming the file and line; a value of the wrong type an error with file and line.
 * `editor` and `newsletter` are still read here for a content dir without a newsletter.yml
 * (which is where they belong now: its `editor` and `name`).
 */
import { z } from 'zod';
import { readSettings, type ReadSettings, type ShapeKeys } from '../records/settings-file.ts';
import { FEATURE_NAMES } from '../site/features.ts';

const text = z.string().trim();
const feature = (name: string) => z.boolean({ error: `must be true or false (write \`${name}: false\` to turn it off)` });

const schema = z.strictObject({
  title: text.optional(),
  description: text.optional(),
  url: text.optional(),
  language: text.optional(),
  editor: text.optional(),
  newsletter: text.optional(),
  related: feature('related').nullable().optional(),
  cite: feature('cite').nullable().optional(),
  topicFeeds: feature('topicFeeds').nullable().optional(),
  stats: feature('stats').nullable().optional(),
  darkMode: feature('darkMode').nullable().optional(),
} satisfies Record<(typeof FEATURE_NAMES)[number], z.ZodType> & Record<string, z.ZodType>);

const KEYS: ShapeKeys = {
  title: true,
  description: true,
  url: true,
  language: true,
  editor: true,
  newsletter: true,
  ...Object.fromEntries(FEATURE_NAMES.map((name) => [name, true as const])),
};

/** site.yml's settings, checked. */
export type SiteFile = z.infer<typeof schema>;

/** Reads site.yml's text (`file` names it in messages); throws SettingsError for a value of the wrong type. */
export function readSiteFile(text: string, file: string): ReadSettings<SiteFile> {
  const read = readSettings(text, file, schema, KEYS);
  return read;
}
