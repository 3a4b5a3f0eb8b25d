/**
 * Narrow types for the parts of Eleventy 3 this project uses.
 * Neither package ships TypeScript declarations; these cover only what src/io/ calls.
 */
declare module '@11ty/eleventy' {
  /** A template filter: Nunjucks passes the piped value first, then the arguments. */
  export type Filter = (value: never, ...args: never[]) => unknown;

  export interface EleventyEventArgs {
    directories: { input: string; output: string };
    runMode: 'build' | 'watch' | 'serve';
    outputMode: string;
    incremental: boolean;
  }

  /** The `eleventyConfig` object handed to config files and plugins. */
  export interface UserConfig {
    /** Set by Eleventy before plugins run: the normalised path prefix. */
    readonly pathPrefix?: string;
    addGlobalData(name: string, value: unknown): void;
    /** The template languages Eleventy renders (`njk`). */
    setTemplateFormats(formats: string | string[]): void;
    /** The includes folder, relative to the input folder. */
    setIncludesDirectory(dir: string): void;
    addFilter(name: string, filter: Filter): void;
    addPlugin(plugin: (config: UserConfig, options?: unknown) => unknown, options?: unknown): void;
    addPassthroughCopy(copy: string | Record<string, string>): void;
    addWatchTarget(target: string): void;
    /** Options for the file watcher (chokidar), merged over Eleventy's own. */
    setChokidarConfig(options: { awaitWriteFinish?: boolean | { stabilityThreshold: number; pollInterval: number } }): void;
    setServerOptions(options: { port?: number; showVersion?: boolean }): void;
    setQuietMode(quiet: boolean): void;
    /** Whether the watcher skips the paths .gitignore names (default true). */
    setUseGitIgnore(use: boolean): void;
    on(event: 'eleventy.before' | 'eleventy.after', handler: (args: EleventyEventArgs) => unknown): void;
    /** Watch mode: the files whose change starts the next build. */
    on(event: 'eleventy.beforeWatch', handler: (changedFiles: string[]) => unknown): void;
  }

  /** One written template, as `write()` reports it. */
  export interface TemplateResult {
    inputPath: string;
    outputPath: string | false;
    url: string | false;
  }

  export interface EleventyOptions {
    /** The config file; `false`: none, the `config` callback is the whole configuration. */
    configPath?: string | false;
    pathPrefix?: string;
    quietMode?: boolean;
    source?: 'cli' | 'script';
    runMode?: 'build' | 'watch' | 'serve';
    /** Runs before the config file, with the same `eleventyConfig`. */
    config?: (config: UserConfig) => void | Promise<void>;
  }

  /** Where Eleventy's messages go, by kind; `false` drops them all. */
  export type LogSink = Record<'log' | 'info' | 'warn' | 'error', (message: string) => void>;

  /** Prefixes every root-relative href/src of the HTML written with the build's pathPrefix. */
  export function HtmlBasePlugin(config: UserConfig): void;

  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    /** Eleventy's console logger: its per-page "Writing ..." lines, warnings, and errors. */
    readonly logger: { overrideLogger(sink: LogSink | false): void };
    init(): Promise<void>;
    /** Watch mode renders only what a change touched (with this project's render plan: the pages whose view changed). */
    setIncrementalBuild(incremental: boolean): void;
    /** Builds to disk; resolves to [passthrough copies, templates]. */
    write(): Promise<[unknown[], TemplateResult[]]>;
    /** Starts watching; resolves to the function that runs a rebuild for one changed file. */
    watch(): Promise<(file: string) => Promise<void>>;
    /** The file watcher (chokidar), once `watch()` resolved. */
    readonly watcher: { on(event: 'unlink' | 'add' | 'change', listener: (file: string) => void): void };
    serve(port?: number): Promise<void>;
    stopWatch(): Promise<void>;
    /** Watch mode's state: a rebuild is running (or a change saved during one is being rebuilt after it). */
    readonly watchManager: { isBuildRunning(): boolean };
  }
}
