// The app:// protocol: the UI's one fixed origin (app://ledger), served from out/renderer with a strict CSP.
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative } from 'node:path';
import { protocol } from 'electron';
import { APP_HOST, APP_ORIGIN, APP_SCHEME } from '../../shared/ipc';

/**
 * Sent with every response. style-src needs 'unsafe-inline' because Ant Design (CSS-in-JS) injects <style> elements
 * at run time and React sets style attributes; scripts stay 'self' only, which is what stops injected code.
 * 'wasm-unsafe-eval' lets WebAssembly compile (the backup's SHA-256 worker, shared/backup/wasmHash.ts) and nothing
 * else: no eval(), no new Function(), no inline scripts.
 * blob: is for object URLs of photos and the PDF worker; data: for inline images and fonts bundled by Vite.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' blob: data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
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
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function mimeTypeOf(filePath: string): string {
  return MIME_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Must run before `app` is ready. `standard` gives the scheme a real origin (so IndexedDB and localStorage persist
 * under app://ledger), `secure` makes it a secure context, `supportFetchAPI` lets the renderer fetch its own assets.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

function respond(status: number, body: Uint8Array<ArrayBuffer> | string | null, contentType: string): Response {
  return new Response(body, {
    status,
    headers: {
      'Content-Type': contentType,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    },
  });
}

function notFound(): Response {
  return respond(404, '未找到', 'text/plain; charset=utf-8');
}

/**
 * Turns a request URL into path segments below the root, or null when it must be refused. Checks the raw string,
 * not only the parsed URL: URL parsing already folds `..`, but the handler must not depend on its caller doing so.
 */
function requestSegments(url: string): string[] | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.hostname.toLowerCase() !== APP_HOST || parsed.port !== '') {
    return null;
  }
  const rawPath =
    url
      .slice(url.indexOf('//') + 2)
      .replace(/^[^/]*/, '')
      .split(/[?#]/)[0] ?? '';
  for (const path of [rawPath, parsed.pathname]) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      return null;
    }
    // NUL and ':' (Windows drives, alternate data streams) never belong in an asset path.
    if (decoded.includes('\0') || decoded.includes(':')) return null;
    if (decoded.split(/[\\/]/).some((segment) => segment === '..')) return null;
  }
  return decodeURIComponent(parsed.pathname)
    .split(/[\\/]/)
    .filter((segment) => segment !== '' && segment !== '.');
}

function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The file to send, following symlinks only if they stay inside the root; null when there is none. */
async function existingFile(root: string, candidate: string): Promise<string | null> {
  try {
    const real = await realpath(candidate);
    if (!isInside(await realpath(root), real)) return null;
    return (await stat(real)).isFile() ? real : null;
  } catch {
    return null;
  }
}

/**
 * The app:// handler for a renderer root directory (injectable so tests serve a temp dir). Unknown routes without a
 * file extension get index.html, so the SPA's history routes survive a reload; a missing asset is a plain 404.
 */
export function createAppProtocolHandler(
  rendererRoot: string,
): (request: Pick<Request, 'url' | 'method'>) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return respond(405, null, 'text/plain; charset=utf-8');
    const segments = requestSegments(request.url);
    if (segments === null) return notFound();
    const candidate = join(rendererRoot, ...segments);
    if (!isInside(rendererRoot, candidate)) return notFound();

    let file = segments.length > 0 ? await existingFile(rendererRoot, candidate) : null;
    if (file === null) {
      if (extname(segments.at(-1) ?? '') !== '') return notFound();
      file = await existingFile(rendererRoot, join(rendererRoot, 'index.html'));
      if (file === null) return notFound();
    }
    const body = await readFile(file);
    return respond(200, request.method === 'HEAD' ? null : new Uint8Array(body), mimeTypeOf(file));
  };
}

/** Serve the renderer under app://ledger/ on the default session. Call after `app` is ready. */
export function registerAppProtocol(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererRoot));
}

/** The URL the window loads in production. */
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;
