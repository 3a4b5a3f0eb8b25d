/**
 * `test` for the tests that drive Chromium. Where there is no browser (and not under `CI=true`,
 * see `browserUnavailable`), a file's browser tests are not run: the file reports one skipped
 * test whose reason says how to install Chromium, and its browser tests register nothing.
 * Hooks that start a browser check `BROWSER_MISSING` first.
 */
import { test, type TestContext, type TestOptions } from 'node:test';
import { browserUnavailable } from '../../tools/support/browser.ts';

/** Why the browser tests are skipped here (one line), or null when they run. */
export const BROWSER_MISSING = browserUnavailable();

if (BROWSER_MISSING !== null) test('the browser tests of this file', { skip: BROWSER_MISSING }, () => {});

type Body = (t: TestContext) => void | Promise<void>;

/** `node:test`'s `test`, or nothing at all when there is no browser (the skip above says so, once). */
export function browserTest(name: string, options: TestOptions | Body, body?: Body): void {
  if (BROWSER_MISSING !== null) return;
  if (typeof options === 'function') void test(name, options);
  else void test(name, options, body);
}
