/**
 * The slice of Eleventy's programmatic API the benchmark drives. Eleventy ships JavaScript
 * without type declarations, so it is loaded through a string specifier and narrowed here once.
 */
export interface EleventyOptions {
  quietMode?: boolean;
  configPath?: string;
  pathPrefix?: string;
  config?: (eleventyConfig: unknown) => void;
}

export interface EleventyInstance {
  init(): Promise<unknown>;
  write(): Promise<unknown>;
  watch(): Promise<unknown>;
  setIncrementalBuild(incremental: boolean): void;
  stopWatch?(): Promise<void>;
}

type EleventyConstructor = new (input?: string, output?: string, options?: EleventyOptions) => EleventyInstance;

export async function loadEleventy(): Promise<EleventyConstructor> {
  const specifier = '@11ty/eleventy';
  const mod = (await import(specifier)) as { Eleventy?: EleventyConstructor; default?: EleventyConstructor };
  const ctor = mod.Eleventy ?? mod.default;
  if (!ctor) throw new Error('@11ty/eleventy exports no Eleventy class');
  return ctor;
}
