/** Addresses: root-relative links, absolute URLs (src/site/routes.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectSite } from '../../src/site.ts';
import { normalizePrefix } from '../../src/site/routes.ts';
import { entry } from '../support/records.ts';
import { issue, options } from '../support/site.ts';

test('links are root-relative for Eleventy to prefix, absolute URLs carry the public address', () => {
  const site = collectSite([issue(1, '2019-01-01', [entry('A')])], options);
  const page = site.issues[0]!;
  assert.equal(page.href, '/issues/an-001/');
  assert.equal(page.permalink, '/issues/an-001/');
  assert.equal(page.canonical, 'https://example.org/repo/issues/an-001/');
  assert.equal(site.settings.pagefindBundle, '/repo/pagefind/');
  assert.equal(normalizePrefix('repo'), '/repo/');
  assert.equal(normalizePrefix(''), '/');
});
