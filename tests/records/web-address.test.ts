import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isWebAddress, parseWebAddress } from '../../src/records/web-address.ts';

test('an http or https address in any case, with no whitespace, is a web address', () => {
  assert.ok(isWebAddress('https://example.org/a?b=1#c'));
  assert.ok(isWebAddress('HTTP://EXAMPLE.ORG'));
});

test('other schemes, relative paths, text around an address and spaces inside are not', () => {
  for (const text of [
    'javascript:alert(1)',
    'mailto:a@example.org',
    '/posts/abc',
    '//example.org/x',
    'see https://example.org',
    'https://example.org/a b',
    'https://',
    'ftp://example.org',
  ])
    assert.ok(!isWebAddress(text), text);
});

test('a web address is parsed when it names a host; anything else is null', () => {
  assert.equal(parseWebAddress('HTTPS://Example.org/a?b=1')?.href, 'https://example.org/a?b=1');
  assert.equal(parseWebAddress('http://example.org')?.pathname, '/');
  for (const text of [
    'javascript:alert(1)',
    'http:example.org',
    '//example.org/x',
    '/posts/abc',
    'https://',
    'https://exa mple.org/',
    'ftp://example.org',
  ])
    assert.equal(parseWebAddress(text), null, text);
});
