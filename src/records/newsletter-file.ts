/**
 * The newsletter file (`newsletter.yml` in the content dir): a newsletter's conventions as data,
 * read once against its schema into a `Dialect` (dialect.ts). Every key is optional; what a file
 * leaves out is the generic reading's (`GENERIC_DIALECT`). Three lines make a newsletter's own:
 *
 *   name: Weekly Robotics
 *   editor: Ada
 *   issues: { id: "wr-{number:3}" }
 */
import { z } from 'zod';
import { GENERIC_DIALECT, type Dialect } from './dialect.ts';
import { readSettings, type ReadSettings, type ShapeKeys } from './settings-file.ts';

/** A list of texts; one text alone is a list of one. */
const texts = z.union([z.string().transform((s) => [s]), z.array(z.string())]);
const text = z.string().trim().min(1, 'must not be empty');

const schema = z.strictObject({
  name: text.optional(),
  editor: text.optional(),
  issues: z
    .strictObject({
      id: z
        .string()
        .regex(/^[a-z0-9-]*\{number(?::[1-9])?\}[a-z0-9-]*$/, 'must be lower-case letters, digits and dashes around {number} or {number:3}')
        .optional(),
      titles: texts.optional(),
    })
    .optional(),
  credits: z.strictObject({ summarizedBy: texts.optional(), hatTip: texts.optional() }).optional(),
  labels: z
    .strictObject({
      opinion: texts.optional(),
      editorOpinion: texts.optional(),
      readMore: texts.optional(),
      prerequisites: texts.optional(),
      related: texts.optional(),
    })
    .optional(),
  highlights: z.strictObject({ section: text.optional(), stub: texts.optional() }).optional(),
  citation: z
    .string()
    .regex(/\{number\}\s*$/, 'must end in {number}, as in "WR #{number}"')
    .nullable()
    .optional(),
  standingText: texts.optional(),
  footerHeadings: texts.optional(),
});

const KEYS: ShapeKeys = {
  name: true,
  editor: true,
  issues: { id: true, titles: true },
  credits: { summarizedBy: true, hatTip: true },
  labels: { opinion: true, editorOpinion: true, readMore: true, prerequisites: true, related: true },
  highlights: { section: true, stub: true },
  citation: true,
  standingText: true,
  footerHeadings: true,
};

/** The newsletter file as written. */
export type NewsletterFile = z.infer<typeof schema>;

/** The dialect a newsletter file describes: each key it gives replaces the generic reading's. */
export function dialectOf(file: NewsletterFile): Dialect {
  const g = GENERIC_DIALECT;
  return {
    name: file.name ?? g.name,
    editor: file.editor ?? g.editor,
    issues: { id: file.issues?.id ?? g.issues.id, titles: file.issues?.titles ?? g.issues.titles },
    credits: {
      summarizedBy: file.credits?.summarizedBy ?? g.credits.summarizedBy,
      hatTip: file.credits?.hatTip ?? g.credits.hatTip,
    },
    labels: {
      opinion: file.labels?.opinion ?? g.labels.opinion,
      editorOpinion: file.labels?.editorOpinion ?? g.labels.editorOpinion,
      readMore: file.labels?.readMore ?? g.labels.readMore,
      prerequisites: file.labels?.prerequisites ?? g.labels.prerequisites,
      related: file.labels?.related ?? g.labels.related,
    },
    highlights: { section: file.highlights?.section ?? g.highlights.section, stub: file.highlights?.stub ?? g.highlights.stub },
    citation: file.citation === undefined ? g.citation : file.citation,
    standingText: file.standingText ?? g.standingText,
    footerHeadings: file.footerHeadings ?? g.footerHeadings,
  };
}

/**
 * Reads a newsletter file's text (`file` names it in messages): its dialect and the warnings
 * (unknown keys). Throws SettingsError, with file and line, for a value of the wrong type.
 */
export function readNewsletterFile(text: string, file: string): ReadSettings<NewsletterFile> & { dialect: Dialect } {
  const read = readSettings(text, file, schema, KEYS);
  return { ...read, dialect: dialectOf(read.value) };
}
