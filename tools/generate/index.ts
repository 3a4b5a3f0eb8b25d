/** The corpus generator's public surface: specs, renderers, expected records, the database reader. */
export * from './prng.ts';
export * from './spec.ts';
export * from './render.ts';
export * from './expected.ts';
export * from './random.ts';
export * from './database.ts';
export { paragraphsOf, toPlain } from './plain.ts';
export * from './corpus.ts';
