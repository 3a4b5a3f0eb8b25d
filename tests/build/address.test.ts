/**
 * The site's public address: SITE_URL and PATH_PREFIX are checked and combined exactly once,
 * and the feed, sitemap, canonical links and Open Graph tags all carry the same, right, URLs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, writeFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AddressError, parsePathPrefix, siteAddress } from '../../src/io/address.ts';
import { buildSite } from '../../src/io/build-site.ts';
import { BuildSession } from '../../src/io/session.ts';
import { loadArchive } from '../../src/io/load.ts';
import { SAMPLE_ARCHIVE } from '../support/sample-archive.ts';

test('SITE_URL given as the origin or already ending in the prefix gives the same address, with the prefix once', () => {
  for (const siteUrl of [
    'https://me.github.io',
    'https://me.github.io/',
    'https://me.github.io/repo',
    'https://me.github.io/repo/',
    ' https://me.github.io/repo/ ',
  ]) {
    assert.deepEqual(siteAddress({ siteUrl, pathPrefix: '/repo/' }), { url: 'https://me.github.io/repo/', warning: null }, siteUrl);
  }
  assert.equal(siteAddress({ siteUrl: 'http://localhost:8110', pathPrefix: '/' }).url, 'http://localhost:8110/');
  // site.yml's url gives the origin; the build's prefix is the path.
  const configured = { url: 'https://notes-team.github.io/newsletter-archive/', file: 'content/site.yml' };
  assert.equal(siteAddress({ configured, pathPrefix: '/' }).url, 'https://notes-team.github.io/');
  assert.equal(siteAddress({ configured, pathPrefix: '/newsletter-archive/' }).url, 'https://notes-team.github.io/newsletter-archive/');
  // A path the build does not use is said, not dropped silently; the origin alone, or the prefix itself, says nothing.
  assert.match(
    siteAddress({ configured, pathPrefix: '/' }).warning ?? '',
    /is under \/newsletter-archive\/, but this build's pages link under \/: .*PATH_PREFIX=\/newsletter-archive\//,
  );
  assert.equal(siteAddress({ configured, pathPrefix: '/newsletter-archive/' }).warning, null);
  assert.equal(siteAddress({ configured: { ...configured, url: 'https://notes-team.github.io' }, pathPrefix: '/r/' }).warning, null);
  assert.equal(
    siteAddress({ configured, siteUrl: 'https://me.github.io', pathPrefix: '/r/' }).url,
    'https://me.github.io/r/',
    'SITE_URL wins',
  );
});

test('a SITE_URL that is not an absolute http(s) address, or whose path is not the prefix, is refused with what to write instead', () => {
  for (const siteUrl of ['me.github.io', '/repo/', 'ftp://me.github.io/', 'javascript:alert(1)', 'https://']) {
    assert.throws(
      () => siteAddress({ siteUrl, pathPrefix: '/repo/' }),
      (e: unknown) => e instanceof AddressError && /SITE_URL must be an absolute http\(s\) address/.test(e.message),
      siteUrl,
    );
  }
  assert.throws(
    () => siteAddress({ siteUrl: 'https://me.github.io/other/', pathPrefix: '/repo/' }),
    /set PATH_PREFIX=\/other\/ too, or give SITE_URL as https:\/\/me\.github\.io/,
  );
  assert.throws(
    () => siteAddress({ configured: { url: 'example.org', file: 'content/site.yml' }, pathPrefix: '/' }),
    /content\/site\.yml: url must be an absolute http\(s\) address/,
  );
});

test('PATH_PREFIX must be a path', () => {
  assert.equal(parsePathPrefix(undefined), '/');
  assert.equal(parsePathPrefix('repo'), '/repo/');
  assert.equal(parsePathPrefix('/a/b'), '/a/b/');
  for (const bad of ['https://x.org/foo/', '//x.org/foo/', '/repo?x=1', '/repo#top', 'C:\\site', '/my repo/']) {
    assert.throws(
      () => parsePathPrefix(bad),
      (e: unknown) => e instanceof AddressError && /PATH_PREFIX must be a path like \/repo-name\//.test(e.message),
      bad,
    );
  }
});

test('a PATH_PREFIX that would climb out, escape or inject (.., %-escapes, markup, empty parts) is refused naming the part, never guessed at', () => {
  for (const [bad, part] of [
    ['/../', '".."'],
    ['/x/../y/', '".."'],
    ['/./', '"."'],
    ['/a%20b/', '"a%20b"'],
    ['/<script>/', '"<script>"'],
    ['/a"b/', '"a\\"b"'],
  ] as const) {
    assert.throws(
      () => parsePathPrefix(bad),
      (e: unknown) =>
        e instanceof AddressError && e.message.includes(`whose parts are plain names`) && e.message.includes(`(the part ${part})`),
      bad,
    );
  }
  assert.throws(() => parsePathPrefix('/a//b/'), /\(an empty part\)/);
  assert.equal(parsePathPrefix('/v1.2~x_y-z/'), '/v1.2~x_y-z/');
  assert.equal(parsePathPrefix('/newsletter-archive/'), '/newsletter-archive/');
});

test('without site.yml, or without its url, the build warns that its absolute URLs point at a placeholder', () => {
  const work = mkdtempSync(path.join(os.tmpdir(), 'newsletter-address-'));
  try {
    const content = path.join(work, 'content');
    cpSync(SAMPLE_ARCHIVE, content, { recursive: true });
    rmSync(path.join(content, 'site.yml'));
    const loaded = loadArchive(new BuildSession({ contentDir: content, pathPrefix: '/', quiet: true }));
    assert.deepEqual(
      loaded.warnings.filter((w) => w.file.endsWith('site.yml')).map((w) => w.message),
      ['no public address: the feed, sitemap and canonical links point at https://example.org/; set url in site.yml or SITE_URL'],
    );
    assert.equal(loaded.report.warnings, 1);
    assert.equal(
      loadArchive(new BuildSession({ contentDir: content, pathPrefix: '/', siteUrl: 'https://me.github.io', quiet: true })).report.warnings,
      0,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

test("site.yml's url left as the sample's placeholder (https://example.github.io/) warns, naming site.yml; a real address or SITE_URL does not", () => {
  const work = mkdtempSync(path.join(os.tmpdir(), 'newsletter-address-'));
  try {
    const content = path.join(work, 'content');
    cpSync(SAMPLE_ARCHIVE, content, { recursive: true });
    writeFileSync(path.join(content, 'site.yml'), 'title: Notes\nurl: https://example.github.io/\n');
    const warned = loadArchive(new BuildSession({ contentDir: content, pathPrefix: '/', quiet: true }));
    const messages = warned.warnings.filter((w) => w.file.endsWith('site.yml')).map((w) => w.message);
    assert.equal(messages.length, 1);
    assert.match(messages[0]!, /^url https:\/\/example\.github\.io\/ is a placeholder, not where the site is published/);
    writeFileSync(path.join(content, 'site.yml'), 'title: Notes\nurl: https://notes-team.github.io/\n');
    const real = loadArchive(new BuildSession({ contentDir: content, pathPrefix: '/', quiet: true }));
    assert.deepEqual(
      real.warnings.filter((w) => w.file.endsWith('site.yml')),
      [],
    );
    writeFileSync(path.join(content, 'site.yml'), 'title: Notes\nurl: https://example.github.io/\n');
    const given = loadArchive(new BuildSession({ contentDir: content, pathPrefix: '/', siteUrl: 'https://me.github.io', quiet: true }));
    assert.deepEqual(
      given.warnings.filter((w) => w.file.endsWith('site.yml')),
      [],
      'SITE_URL is used instead',
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

/** Every absolute URL of the site in the feed, the sitemap and one page's canonical and Open Graph tags. */
function absoluteUrls(dir: string): string[] {
  const read = (file: string): string => readFileSync(path.join(dir, file), 'utf8');
  const page = read('issues/an-098/index.html');
  return [
    ...[...read('feed.xml').matchAll(/(?:href="|<id>)(https?:[^"<]+)/g)].map((m) => m[1]!),
    ...[...read('sitemap.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!),
    /<link rel="canonical" href="([^"]+)"/.exec(page)![1]!,
    /<meta property="og:url" content="([^"]+)"/.exec(page)![1]!,
  ];
}

test('the feed, sitemap, canonical and Open Graph URLs are the same whether SITE_URL is the origin or already holds the prefix, and carry the prefix once', async () => {
  const work = mkdtempSync(path.join(os.tmpdir(), 'newsletter-address-'));
  try {
    const built = [];
    for (const [name, siteUrl] of [
      ['origin', 'https://me.github.io'],
      ['pages', 'https://me.github.io/repo'],
    ] as const) {
      const out = path.join(work, name);
      await buildSite(new BuildSession({ contentDir: SAMPLE_ARCHIVE, outputDir: out, pathPrefix: '/repo/', siteUrl, quiet: true }));
      built.push(absoluteUrls(out));
    }
    assert.deepEqual(built[0], built[1]);
    assert.ok(built[0]!.length > 50);
    for (const url of built[0]!) assert.match(url, /^https:\/\/me\.github\.io\/repo\/(?!repo\/)/, url);
    assert.ok(built[0]!.includes('https://me.github.io/repo/issues/an-098/'));
    assert.ok(built[0]!.includes('https://me.github.io/repo/feed.xml'));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
