/**
 * Where the site lives: the path prefix its pages link under (`/repo/`), and the public address
 * its absolute URLs start with (feed, sitemap, canonical links, Open Graph). Both are checked
 * here, once, and combined once:
 *
 *   SITE_URL=https://me.github.io        PATH_PREFIX=/repo/  ->  https://me.github.io/repo/
 *   SITE_URL=https://me.github.io/repo   PATH_PREFIX=/repo/  ->  https://me.github.io/repo/
 *
 * (GitHub's configure-pages gives the second form; a user often types the first.)
 */
import { normalizePrefix } from '../site/routes.ts';
import { UserError } from './errors.ts';
import { parseWebAddress } from '../records/web-address.ts';

/** A setting that cannot describe a site address: the build stops before it writes anything. */
export class AddressError extends UserError {}

/**
 * A GitHub Pages address left as a template's placeholder (`https://example.github.io/`, as the
 * sample site.yml ships it): no site is published there, so a build that uses it warns.
 */
const PLACEHOLDER_HOST = /^(?:example|user|username|your-?name|your-?user(?:name)?|my-?user(?:name)?)\.github\.io$/i;

/** The address used when none is configured, with a warning: absolute URLs need some host. */
export const PLACEHOLDER_URL = 'https://example.org/';

/**
 * PATH_PREFIX as `/` or `/a/b/`. It is a path: `https://x.org/foo/` (which would make links like
 * `/https:/x.org/foo/issues/`) or anything with a query, fragment or backslash is refused. Each of
 * its segments is a plain name as GitHub Pages gives repositories (letters, digits, `-`, `_`, `.`,
 * `~`), never `.` or `..`: `/../`, `/x/../y/`, `/a%20b/` and `/<script>/` are refused rather than
 * guessed at, since every link of the site is written under it. Slashes at either end are added
 * or dropped as needed (`repo` -> `/repo/`).
 */
export function parsePathPrefix(prefix: string | undefined): string {
  const raw = (prefix ?? '/').trim();
  const usage = `PATH_PREFIX must be a path like /repo-name/`;
  if (/[:?#\\\s]/.test(raw) || raw.startsWith('//')) {
    throw new AddressError(`${usage}, not ${JSON.stringify(raw)}; the site's full address goes in SITE_URL (or url in site.yml)`);
  }
  const segments = raw.split('/').filter((segment) => segment !== '');
  const bad = segments.find((segment) => segment === '.' || segment === '..' || !/^[A-Za-z0-9._~-]+$/.test(segment));
  if (bad !== undefined || /\/\/./.test(raw.replace(/\/+$/, ''))) {
    throw new AddressError(
      `${usage} whose parts are plain names (letters, digits, - _ . ~; no . or .. parts, no %-escapes), not ${JSON.stringify(raw)}` +
        (bad === undefined ? ' (an empty part)' : ` (the part ${JSON.stringify(bad)})`),
    );
  }
  return normalizePrefix(raw);
}

export interface AddressInput {
  /** SITE_URL, when given: the public address of the site root, with or without the prefix. */
  siteUrl?: string | undefined;
  /** `url` from site.yml, when there is one, and where it came from (`content/site.yml`). */
  configured?: { url: string; file: string } | null;
  /** The path prefix, already checked (`parsePathPrefix`). */
  pathPrefix: string;
}

export interface SiteAddress {
  /** Absolute, ending in `/`, the prefix included once: `https://me.github.io/repo/`. */
  url: string;
  /** Set when no address is configured and the placeholder is used, or site.yml's url has a path this build does not use. */
  warning: string | null;
}

function absoluteUrl(value: string, what: string): URL {
  const url = parseWebAddress(value);
  if (url === null) {
    throw new AddressError(
      `${what} must be an absolute http(s) address like https://me.github.io/repo-name/, not ${JSON.stringify(value)}`,
    );
  }
  return url;
}

/**
 * The site's public address. SITE_URL wins over site.yml's `url`. SITE_URL may be the origin
 * (the prefix is added) or already end in the prefix (kept); a SITE_URL with another path does
 * not match the links the pages carry and is refused. site.yml's `url` gives the origin only, and
 * the prefix of this build is added to it, so one site.yml serves a local build (`/`) and a
 * GitHub Pages build (`/repo/`) alike; a path in it other than the prefix is reported, not used.
 */
export function siteAddress(input: AddressInput): SiteAddress {
  const prefix = input.pathPrefix;
  const given = input.siteUrl?.trim();
  if (given) {
    const url = absoluteUrl(given, 'SITE_URL');
    const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
    if (path !== '/' && path !== prefix) {
      throw new AddressError(
        `SITE_URL ${given} is under ${path}, but the pages link to each other under PATH_PREFIX ${prefix}: ` +
          `set PATH_PREFIX=${path} too, or give SITE_URL as ${url.origin}`,
      );
    }
    return { url: `${url.origin}${prefix}`, warning: null };
  }
  if (input.configured) {
    const url = absoluteUrl(input.configured.url, `${input.configured.file}: url`);
    const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
    // A path that is not this build's prefix is not used: say so, rather than drop it silently.
    const warnings = [
      PLACEHOLDER_HOST.test(url.hostname)
        ? `url ${input.configured.url} is a placeholder, not where the site is published: its feed, sitemap and canonical links point there; ` +
          "set url to the site's address (https://<user>.github.io/ on GitHub Pages), or SITE_URL"
        : null,
      path === '/' || path === prefix
        ? null
        : `url ${input.configured.url} is under ${path}, but this build's pages link under ${prefix}: ` +
          `its feed, sitemap and canonical links start ${url.origin}${prefix}; build with PATH_PREFIX=${path} to publish under ${path}, or give url as ${url.origin}/`,
    ].filter((w): w is string => w !== null);
    return { url: `${url.origin}${prefix}`, warning: warnings.length === 0 ? null : warnings.join('; and ') };
  }
  return {
    url: new URL(prefix, PLACEHOLDER_URL).href,
    warning: `no public address: the feed, sitemap and canonical links point at ${PLACEHOLDER_URL}; set url in site.yml or SITE_URL`,
  };
}
