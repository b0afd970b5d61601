// Electron hardening as pure functions: which URLs the app may load, and the session and webContents guards.
import type { Session, WebContents } from 'electron';
import { APP_HOST, APP_SCHEME } from '../../shared/ipc';

/** The dev server's origin when running under `vite` (VITE_DEV_SERVER_URL), read at call time; otherwise null. */
export function devServerOrigin(env: NodeJS.ProcessEnv = process.env): string | null {
  const raw = env.VITE_DEV_SERVER_URL;
  if (!raw) return null;
  try {
    const origin = new URL(raw).origin;
    // Only http(s) dev servers make sense; anything else (a typo, file:) must not widen what is allowed.
    return origin.startsWith('http://') || origin.startsWith('https://') ? origin : null;
  } catch {
    return null;
  }
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for the app's own pages: app://ledger/… (host compared case-insensitively, no credentials). */
function isAppUrl(parsed: URL): boolean {
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname.toLowerCase() === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** Whether a page (a frame's URL, a navigation target) is ours: app://ledger/* or, in dev, the dev server's origin. */
export function isAllowedUrl(url: string, devOrigin: string | null = devServerOrigin()): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if (isAppUrl(parsed)) return true;
  return devOrigin !== null && parsed.origin === devOrigin && parsed.username === '' && parsed.password === '';
}

/**
 * Whether the renderer may make this request at all. The app is offline by design, so only its own scheme,
 * in-memory URLs and DevTools' internal pages pass; in dev also the dev server and its HMR websocket.
 */
export function isAllowedRequestUrl(url: string, devOrigin: string | null = devServerOrigin()): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if (isAppUrl(parsed)) return true;
  if (parsed.protocol === 'devtools:' || parsed.protocol === 'blob:' || parsed.protocol === 'data:') return true;
  if (devOrigin === null) return false;
  if (parsed.origin === devOrigin) return true;
  // Vite's HMR client talks to the same host and port over ws(s).
  const dev = new URL(devOrigin);
  const wsProtocol = dev.protocol === 'https:' ? 'wss:' : 'ws:';
  return parsed.protocol === wsProtocol && parsed.host === dev.host;
}

/** Deny every permission, block every request that is not ours, and refuse downloads (saving goes through IPC). */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url) });
  });
  session.on('will-download', (event) => event.preventDefault());
}

/** No navigation away, no redirects, no new windows, no <webview>: the single window only ever shows our pages. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    // A reload of the current page is the only navigation the app itself triggers; the SPA routes in-page.
    if (event.url !== contents.getURL()) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    // Sub-frames (none are expected) may not be pointed anywhere outside the app either.
    if (!event.isMainFrame && !isAllowedUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
