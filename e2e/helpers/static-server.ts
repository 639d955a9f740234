/**
 * A tiny static file server for journeys the preview server cannot do: serving `dist` under a sub-path as
 * GitHub Pages does (no custom headers, 404 for unknown paths), being stopped mid-test (offline), or
 * answering with a changed file (a new service worker build).
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.webmanifest': 'application/manifest+json', '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.onnx': 'application/octet-stream',
};

/** A running server. */
export interface StaticServer {
  /** Origin plus prefix, e.g. http://127.0.0.1:41234/flowpad/ */
  url: string;
  origin: string;
  /** Requests served so far, by path (to tell what came from the network). */
  requests: string[];
  /** Replaces a file's body: `(path relative to root, original text) => new text`. */
  rewrite?: (path: string, text: string) => string | undefined;
  close(): Promise<void>;
}

/** What to serve, and how. */
export interface StaticServerOptions {
  root: string;
  /** URL prefix the files live under, with slashes: '/flowpad/'; default '/'. */
  prefix?: string;
  /** Send COOP/COEP like `vite preview` (GitHub Pages sends none). */
  crossOriginIsolated?: boolean;
}

/** Starts serving on an ephemeral port of 127.0.0.1. */
export async function startStaticServer(opts: StaticServerOptions): Promise<StaticServer> {
  const prefix = opts.prefix ?? '/';
  const requests: string[] = [];
  const self: StaticServer = { url: '', origin: '', requests, close: () => close(server) };
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    if (opts.crossOriginIsolated) {
      res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
      res.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
    }
    const notFound = () => {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('404 Not Found');
    };
    if (!path.startsWith(prefix)) return notFound();
    let rel = normalize(path.slice(prefix.length) || 'index.html');
    if (rel.endsWith(sep) || rel === '.') rel = join(rel, 'index.html');
    if (rel.startsWith('..')) return notFound();
    const file = join(opts.root, rel);
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return notFound();
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const changed = self.rewrite && type.startsWith('text/javascript')
      ? self.rewrite(rel.split(sep).join('/'), await readFile(file, 'utf8'))
      : undefined;
    res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-cache' });
    if (changed !== undefined) res.end(changed);
    else createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  self.origin = `http://127.0.0.1:${port}`;
  self.url = `${self.origin}${prefix}`;
  return self;
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
