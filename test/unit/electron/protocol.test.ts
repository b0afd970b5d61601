// The app:// protocol: privileged registration, the CSP on every response, traversal refusal and the SPA fallback.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppProtocolHandler, registerAppProtocol, registerAppScheme } from '../../../electron/main/protocol';
import { resetFakeElectron, state } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);

const EXPECTED_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' blob: data:; " +
  "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; " +
  "form-action 'none'; frame-ancestors 'none'";

const INDEX_HTML = '<!doctype html><title>支部标准化台账</title><div id="root"></div>';
let sandbox: string;
let root: string;
let serve: ReturnType<typeof createAppProtocolHandler>;

beforeAll(() => {
  sandbox = mkdtempSync(join(tmpdir(), 'ledger-protocol-'));
  root = join(sandbox, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), INDEX_HTML);
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log("app")');
  writeFileSync(join(root, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(join(root, 'assets', 'noto.woff2'), new Uint8Array([0x77, 0x4f, 0x46, 0x32]));
  writeFileSync(join(root, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  // Outside the root, where a traversal would land.
  writeFileSync(join(sandbox, 'secret.txt'), 'TOP SECRET');
  symlinkSync(join(sandbox, 'secret.txt'), join(root, 'assets', 'link.txt'));
  serve = createAppProtocolHandler(root);
});

afterAll(() => {
  rmSync(sandbox, { recursive: true, force: true });
});

beforeEach(() => {
  resetFakeElectron();
});

/** A raw request whose URL has not been normalised, as a hostile or buggy caller could pass it. */
function raw(url: string): Pick<Request, 'url' | 'method'> {
  return { url, method: 'GET' };
}

describe('registration', () => {
  it('registers app:// as a privileged standard, secure, fetch-capable scheme', () => {
    registerAppScheme();
    expect(state.privilegedSchemes).toEqual([
      {
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true, codeCache: true }),
      },
    ]);
  });

  it('handles the app scheme with a handler that serves the given root', async () => {
    registerAppProtocol(root);
    const handler = state.protocolHandlers.get('app');
    expect(handler).toBeDefined();
    const response = await handler!(new Request('app://ledger/index.html'));
    expect(await response.text()).toBe(INDEX_HTML);
  });
});

describe('serving', () => {
  it('serves index.html with the strict CSP and an HTML content type', async () => {
    const response = await serve(new Request('app://ledger/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(EXPECTED_CSP);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe(INDEX_HTML);
  });

  it.each([
    ['app://ledger/assets/index-abc.js', 'text/javascript; charset=utf-8', 'console.log("app")'],
    ['app://ledger/assets/index-abc.css', 'text/css; charset=utf-8', 'body{}'],
    ['app://ledger/assets/logo.svg', 'image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg"/>'],
  ])('serves %s as %s', async (url, type, body) => {
    const response = await serve(new Request(url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('content-security-policy')).toBe(EXPECTED_CSP);
    expect(await response.text()).toBe(body);
  });

  it('serves binary fonts byte for byte', async () => {
    const response = await serve(new Request('app://ledger/assets/noto.woff2'));
    expect(response.headers.get('content-type')).toBe('font/woff2');
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([0x77, 0x4f, 0x46, 0x32]);
  });

  it.each(['app://ledger/', 'app://ledger/meetings', 'app://ledger/meetings/42/edit?x=1', 'app://ledger/assets'])(
    'falls back to index.html for the route %s',
    async (url) => {
      const response = await serve(new Request(url));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-security-policy')).toBe(EXPECTED_CSP);
      expect(await response.text()).toBe(INDEX_HTML);
    },
  );

  it('answers 404, not index.html, for a missing asset', async () => {
    const response = await serve(new Request('app://ledger/assets/missing.js'));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(EXPECTED_CSP);
  });
});

describe('refusals', () => {
  it.each([
    'app://ledger/../../etc/passwd',
    'app://ledger/../secret.txt',
    'app://ledger/%2e%2e/%2e%2e/etc/passwd',
    'app://ledger/%2E%2E/secret.txt',
    'app://ledger/assets/..%2f..%2fsecret.txt',
    'app://ledger/assets/..%5c..%5csecret.txt',
    'app://ledger/C:%5cWindows%5cwin.ini',
    'app://ledger/index.html%00.js',
    'app://ledger/%E0%A4%A',
  ])('refuses the traversal %s with 404', async (url) => {
    const response = await serve(raw(url));
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('TOP SECRET');
  });

  it('never serves a file outside the root even after URL normalisation', async () => {
    // Request() folds ../ away; the result must still come from inside the root.
    const response = await serve(new Request('app://ledger/../secret.txt'));
    expect(await response.text()).not.toContain('TOP SECRET');
    expect(response.status).toBe(404);
  });

  it('does not follow a symlink that leads out of the root', async () => {
    const response = await serve(new Request('app://ledger/assets/link.txt'));
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('TOP SECRET');
  });

  it.each([
    'app://evil/index.html',
    'app://ledger.evil/index.html',
    'app://ledger:99/index.html',
    'https://ledger/index.html',
  ])('refuses the foreign origin %s', async (url) => {
    const response = await serve(raw(url));
    expect(response.status).toBe(404);
    expect(await response.text()).not.toBe(INDEX_HTML);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await serve({ url: 'app://ledger/index.html', method: 'POST' });
    expect(response.status).toBe(405);
  });
});
