// Electron hardening: which URLs count as ours, the deny-all session, and the locked-down webContents.
import type { Session, WebContents } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hardenSession, hardenWebContents, isAllowedRequestUrl, isAllowedUrl } from '../../../electron/main/security';
import { FakeSession, FakeWebContents } from './fake-electron';

function fakeEvent(extra: Record<string, unknown> = {}) {
  return { preventDefault: vi.fn(), ...extra };
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('isAllowedUrl', () => {
  const dev = 'http://localhost:5173';
  it.each([
    ['app://ledger/index.html', null, true],
    ['app://ledger/', null, true],
    ['app://ledger/meetings/12?tab=attendance#top', null, true],
    ['app://LEDGER/index.html', null, true],
    ['app://evil/index.html', null, false],
    ['app://ledger.evil.example/index.html', null, false],
    ['app://ledger:8080/index.html', null, false],
    ['app://user:pw@ledger/index.html', null, false],
    ['https://example.com/', null, false],
    ['file:///etc/passwd', null, false],
    ['http://localhost:5173/', null, false],
    ['http://localhost:5173/src/main.tsx', dev, true],
    ['http://localhost:5174/', dev, false],
    ['http://127.0.0.1:5173/', dev, false],
    ['https://localhost:5173/', dev, false],
    ['javascript:alert(1)', dev, false],
    ['not a url', null, false],
    ['', null, false],
  ])('%s (dev %s) → %s', (url, devOrigin, expected) => {
    expect(isAllowedUrl(url, devOrigin)).toBe(expected);
  });

  it('reads the dev server from VITE_DEV_SERVER_URL only when it is set', () => {
    expect(isAllowedUrl('http://localhost:5173/')).toBe(false);
    vi.stubEnv('VITE_DEV_SERVER_URL', 'http://localhost:5173/');
    expect(isAllowedUrl('http://localhost:5173/')).toBe(true);
    expect(isAllowedUrl('http://localhost:1234/')).toBe(false);
  });
});

describe('hardenSession', () => {
  function hardened(): FakeSession {
    const session = new FakeSession();
    hardenSession(session as unknown as Session);
    return session;
  }

  it.each(['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen'])(
    'denies the %s permission request and check',
    (permission) => {
      const session = hardened();
      const callback = vi.fn();
      session.permissionRequestHandler?.({} as never, permission as never, callback as never, {} as never);
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      expect(
        session.permissionCheckHandler?.(null as never, permission as never, 'app://ledger' as never, {} as never),
      ).toBe(false);
    },
  );

  it('denies device (USB, serial, HID) access', () => {
    expect(hardened().devicePermissionHandler?.({ deviceType: 'usb' } as never)).toBe(false);
  });

  function decide(session: FakeSession, url: string): boolean {
    let cancel: boolean | undefined;
    session.beforeRequest?.(
      { url } as never,
      ((response: { cancel?: boolean }) => {
        cancel = response.cancel;
      }) as never,
    );
    if (cancel === undefined) throw new Error('onBeforeRequest did not answer');
    return cancel;
  }

  it.each([
    ['https://example.com/', true],
    ['http://localhost:1234/', true],
    ['file:///etc/passwd', true],
    ['ws://localhost:5173/', true],
    ['app://evil/x', true],
    ['app://ledger/x', false],
    ['app://ledger/assets/index-abc.js', false],
    ['blob:app://ledger/1f0c', false],
    ['data:image/png;base64,AAAA', false],
    ['devtools://devtools/bundled/devtools_app.html', false],
  ])('outside dev, a request to %s is cancelled: %s', (url, cancelled) => {
    expect(decide(hardened(), url)).toBe(cancelled);
  });

  it('in dev lets the dev server and its HMR websocket through, nothing else', () => {
    vi.stubEnv('VITE_DEV_SERVER_URL', 'http://localhost:5173');
    const session = hardened();
    expect(decide(session, 'http://localhost:5173/@vite/client')).toBe(false);
    expect(decide(session, 'ws://localhost:5173/')).toBe(false);
    expect(decide(session, 'http://localhost:1234/')).toBe(true);
    expect(decide(session, 'https://example.com/')).toBe(true);
  });

  it('refuses downloads', () => {
    const session = hardened();
    const event = fakeEvent();
    session.emit('will-download', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('request filter agrees with isAllowedRequestUrl', () => {
    expect(isAllowedRequestUrl('app://ledger/x', null)).toBe(true);
    expect(isAllowedRequestUrl('https://example.com', null)).toBe(false);
  });
});

describe('hardenWebContents', () => {
  function hardened(currentUrl = 'app://ledger/index.html'): FakeWebContents {
    const contents = new FakeWebContents();
    contents.url = currentUrl;
    hardenWebContents(contents as unknown as WebContents);
    return contents;
  }

  it.each(['https://example.com/', 'app://ledger/other.html', 'file:///etc/passwd'])(
    'prevents navigating to %s',
    (url) => {
      const contents = hardened();
      const event = fakeEvent({ url, isMainFrame: true });
      contents.emit('will-navigate', event, url);
      expect(event.preventDefault).toHaveBeenCalled();
    },
  );

  it('lets the current page reload', () => {
    const contents = hardened();
    const event = fakeEvent({ url: 'app://ledger/index.html', isMainFrame: true });
    contents.emit('will-navigate', event, 'app://ledger/index.html');
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it('prevents sub-frames from leaving the app', () => {
    const contents = hardened();
    const outside = fakeEvent({ url: 'https://example.com/', isMainFrame: false });
    const inside = fakeEvent({ url: 'app://ledger/print.html', isMainFrame: false });
    contents.emit('will-frame-navigate', outside);
    contents.emit('will-frame-navigate', inside);
    expect(outside.preventDefault).toHaveBeenCalled();
    expect(inside.preventDefault).not.toHaveBeenCalled();
  });

  it('prevents every redirect', () => {
    const contents = hardened();
    const event = fakeEvent({ url: 'app://ledger/index.html' });
    contents.emit('will-redirect', event, 'app://ledger/index.html');
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('denies window.open', () => {
    const contents = hardened();
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' } as never)).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://ledger/index.html' } as never)).toEqual({ action: 'deny' });
  });

  it('prevents attaching a <webview>', () => {
    const contents = hardened();
    const event = fakeEvent();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });
});
