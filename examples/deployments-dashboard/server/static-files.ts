// Serves the built widget from one directory: content types, caching, and no way out of that directory.
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

/** Content types of the files a Vite build writes. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** The policy every HTML answer carries: the widget loads and fetches from its own origin only. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/**
 * The file a URL path names inside `root`, or undefined when it names none: undecodable escapes, NUL bytes,
 * dot segments and hidden files are refused rather than normalised, so `..` can never climb out of `root`.
 */
export function resolveStaticPath(root: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const segments = decoded.split('/').slice(1);
  if (segments.some((segment) => segment.startsWith('.'))) return undefined;
  const relative = decoded === '/' ? 'index.html' : segments.join('/');
  const base = resolve(root);
  const file = resolve(join(base, relative));
  return file.startsWith(base + sep) ? file : undefined;
}

/** Vite names its assets by content hash, so they never change; anything else must be revalidated. */
function cacheControl(pathname: string): string {
  return pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/**
 * Answers a GET or HEAD with the file `pathname` names under `root`; false, having written nothing, when there is
 * no such file (the caller answers 404).
 */
export async function serveStatic(
  root: string,
  pathname: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<boolean> {
  const file = resolveStaticPath(root, pathname);
  if (file === undefined) return false;
  let size: number;
  try {
    const [info, realFile, realRoot] = await Promise.all([stat(file), realpath(file), realpath(root)]);
    // A symbolic link inside the build must not lead out of it either.
    if (!info.isFile() || !realFile.startsWith(realRoot + sep)) return false;
    size = info.size;
  } catch {
    return false;
  }
  const contentType = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  const headers: Record<string, string | number> = {
    'content-type': contentType,
    'content-length': size,
    'cache-control': cacheControl(pathname),
  };
  if (contentType.startsWith('text/html')) headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
  response.writeHead(200, headers);
  if (request.method === 'HEAD') {
    response.end();
    return true;
  }
  await new Promise<void>((resolvePromise) => {
    const stream = createReadStream(file);
    stream.on('error', () => {
      // Headers are gone already; cutting the connection is the only honest signal left.
      response.destroy();
      resolvePromise();
    });
    response.on('close', resolvePromise);
    stream.pipe(response);
  });
  return true;
}
