/**
 * A tiny static file server for the browser tests: serves a built `_site/` on 127.0.0.1
 * (ephemeral port) the way GitHub Pages does, optionally under a path prefix
 * (`/newsletter-archive/`), so the tests see the same URLs a reader would.
 *
 * Deliberately small and strict: GET/HEAD only, no directory listings, nothing outside the
 * output dir, nothing outside the prefix. Unknown paths get the site's own 404.html with
 * status 404, as on GitHub Pages.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Content types by extension. Pagefind's index chunks are opaque binary: the browser fetches them with fetch(). */
export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
};

/** The type for a file name; unknown extensions are served as opaque bytes rather than guessed. */
export function mimeType(file: string): string {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** `undefined`, `''`, `/`, `x`, `/x`, `x/` -> `/` or `/x/`: the one form the server compares against. */
export function normalizePrefix(prefix: string | undefined): string {
  const trimmed = (prefix ?? '').replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

export interface StaticServerOptions {
  /** Path prefix the site is served under, e.g. `/newsletter-archive/` (as PATH_PREFIX for GitHub Pages). Default `/`. */
  prefix?: string;
  /**
   * Compress text responses (HTML, CSS, JavaScript, JSON, XML, SVG) with gzip when the client
   * accepts it, as GitHub Pages does; other types (Pagefind's index files are gzip already) are
   * sent as they are. Default false.
   */
  gzip?: boolean;
  /** Called for every response sent, with the size of its body as sent (compressed when it was); headers are not counted. */
  onResponse?: (sent: { path: string; status: number; bytes: number }) => void;
}

/** Types a static host compresses: text of any kind, scripts, JSON, XML, SVG. */
export function isCompressible(type: string): boolean {
  return /^text\/|javascript|json|xml|svg/.test(type);
}

export interface StaticServer {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** The site's root URL: origin + prefix, always ending in `/`. */
  url: string;
  /** The normalised prefix (`/` or `/name/`). */
  prefix: string;
  /** Absolute URL of a site path given relative to the site root: `page('search/?q=x')`. */
  page(relative: string): string;
  /** Stops listening and drops open (keep-alive) connections; resolves when the port is free. */
  close(): Promise<void>;
}

/** Longest URL path accepted: anything longer is not a page of this site. */
const MAX_PATH_LENGTH = 2048;

/**
 * Maps a request path to a file path under `root`, or null when it is outside the prefix,
 * malformed, or escapes the root (`/../`, encoded or not).
 */
export function resolveRequestPath(root: string, prefix: string, urlPath: string): string | null {
  if (urlPath.length > MAX_PATH_LENGTH) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  // `/newsletter-archive` (no slash) is the prefix itself; the directory redirect below adds the slash.
  const inPrefix = decoded === prefix.slice(0, -1) ? '' : decoded.startsWith(prefix) ? decoded.slice(prefix.length) : null;
  if (inPrefix === null) return null;
  const file = path.resolve(root, `.${path.posix.sep}${inPrefix}`);
  const rootWithSep = root.endsWith(path.sep) ? root : root + path.sep;
  if (file !== root && !file.startsWith(rootWithSep)) return null;
  return file;
}

async function fileKind(file: string): Promise<'file' | 'dir' | null> {
  try {
    const info = await stat(file);
    return info.isDirectory() ? 'dir' : info.isFile() ? 'file' : null;
  } catch {
    return null;
  }
}

/** Serves a built site from `rootDir` on 127.0.0.1 with an ephemeral port. */
export async function startStaticServer(rootDir: string, options: StaticServerOptions = {}): Promise<StaticServer> {
  const root = path.resolve(rootDir);
  const prefix = normalizePrefix(options.prefix);

  const send = (req: IncomingMessage, res: ServerResponse, status: number, type: string, body: Buffer | string): void => {
    let bytes = typeof body === 'string' ? Buffer.from(body) : body;
    const headers: Record<string, string | number> = { 'Content-Type': type, 'Cache-Control': 'no-store' };
    if (options.gzip && isCompressible(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      bytes = gzipSync(bytes);
      headers['Content-Encoding'] = 'gzip';
      headers.Vary = 'Accept-Encoding';
    }
    res.writeHead(status, { ...headers, 'Content-Length': bytes.length });
    res.end(req.method === 'HEAD' ? undefined : bytes);
    options.onResponse?.({ path: req.url ?? '', status, bytes: req.method === 'HEAD' ? 0 : bytes.length });
  };

  const notFound = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // GitHub Pages answers any unknown path with the site's root 404.html and status 404.
    const page = await readFile(path.join(root, '404.html')).catch(() => null);
    if (page) send(req, res, 404, MIME_TYPES['.html']!, page);
    else send(req, res, 404, MIME_TYPES['.txt']!, 'Not found\n');
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      send(req, res, 405, MIME_TYPES['.txt']!, 'Method not allowed\n');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const file = resolveRequestPath(root, prefix, url.pathname);
    if (file === null) return notFound(req, res);
    const kind = await fileKind(file);
    if (kind === 'dir') {
      if (!url.pathname.endsWith('/')) {
        // As a static host does: `/papers/x` -> `/papers/x/`, so relative links in the page resolve.
        res.writeHead(301, { Location: `${url.pathname}/${url.search}`, 'Content-Length': 0 });
        res.end();
        return;
      }
      const index = path.join(file, 'index.html');
      if ((await fileKind(index)) !== 'file') return notFound(req, res);
      send(req, res, 200, MIME_TYPES['.html']!, await readFile(index));
      return;
    }
    if (kind === 'file') {
      send(req, res, 200, mimeType(file), await readFile(file));
      return;
    }
    return notFound(req, res);
  };

  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(req, res, 500, MIME_TYPES['.txt']!, `Server error: ${String(error)}\n`);
      else res.destroy();
    });
  });
  // Bounded: slow or idle clients cannot keep the test process alive.
  server.requestTimeout = 10_000;
  server.headersTimeout = 5_000;
  server.keepAliveTimeout = 1_000;
  server.maxHeadersCount = 100;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const siteUrl = origin + prefix;

  let closing: Promise<void> | null = null;
  return {
    origin,
    url: siteUrl,
    prefix,
    page: (relative) => siteUrl + relative.replace(/^\/+/, ''),
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}
