/**
 * Launches Debian's headless Chromium through playwright-core for the browser tests and the
 * benchmark's search measurement: one browser per test file, with a fresh profile in a temp dir
 * that is removed on close,
 * so no state (cache, storage, service workers) leaks between runs or from a user's profile.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's `chromium` package (installed by `.ci/run` when missing). Override with CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** How to get a browser, for the messages when there is none. */
const INSTALL_HINT =
  'install Chromium (Debian/Ubuntu: `apt-get install chromium`; macOS: `brew install --cask chromium`) or set CHROMIUM_PATH to a Chromium or Chrome binary';

/**
 * Why the browser tests cannot run on this machine, in one line, or null when they can. Under
 * `CI=true` a missing browser is never a reason to skip (null: the tests run and fail), so CI
 * cannot pass without them.
 */
export function browserUnavailable(env: NodeJS.ProcessEnv = process.env, executable: string = CHROMIUM_PATH): string | null {
  if (existsSync(executable) || env.CI === 'true') return null;
  return `no Chromium at ${executable}, the browser tests are skipped: ${INSTALL_HINT}`;
}

/** Flags for a quiet, sandbox-free headless run in containers and CI. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export interface BrowserOptions {
  /** False runs every page with JavaScript off (the no-JavaScript navigation tests). Default true. */
  javaScriptEnabled?: boolean;
  /** Viewport for pages and screenshots. Default 1280x900. */
  viewport?: { width: number; height: number };
}

export interface TestBrowser {
  /** The browser's one context: every page opened with `newPage()` lives in it. */
  context: BrowserContext;
  /** The temp profile dir (`--user-data-dir`) this browser runs with. */
  userDataDir: string;
  /** A new tab; console errors and uncaught page errors are collected in `errors` for assertions. */
  newPage(): Promise<{ page: Page; errors: string[] }>;
  /** Closes the browser and deletes its profile dir. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Starts Chromium with a fresh user-data-dir under os.tmpdir().
 *
 * Playwright refuses `--user-data-dir` in `args` for `launch()`; a persistent context is its way
 * to run with a profile dir we choose (and can delete), so that is what this uses.
 */
export async function launchBrowser(options: BrowserOptions = {}): Promise<TestBrowser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`no Chromium at ${CHROMIUM_PATH}: ${INSTALL_HINT}`);
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'archive-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS],
      headless: true,
      javaScriptEnabled: options.javaScriptEnabled ?? true,
      viewport: options.viewport ?? { width: 1280, height: 900 },
      // Pages are local: a missing element should fail fast, not after Playwright's 30 s default.
      timeout: 30_000,
    });
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(15_000);

  let closing: Promise<void> | null = null;
  return {
    context,
    userDataDir,
    newPage: async () => {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console error: ${message.text()}`);
      });
      return { page, errors };
    },
    close: () => {
      closing ??= (async () => {
        try {
          await context.close();
        } finally {
          await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
        }
      })();
      return closing;
    },
  };
}
