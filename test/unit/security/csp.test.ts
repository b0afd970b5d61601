// The CSP header served by protocol.ts and the meta tag in renderer/index.html grant exactly the same sources.
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('../electron/fake-electron')).fakeElectron);
const { CONTENT_SECURITY_POLICY } = await import('../../../electron/main/protocol');

type Policy = Map<string, string[]>;

function parsePolicy(text: string): Policy {
  const policy: Policy = new Map();
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) policy.set(name.toLowerCase(), sources.sort());
  }
  return policy;
}

function metaPolicy(html: string): string {
  const match = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
  if (!match) throw new Error('index.html has no CSP meta tag');
  return match[1]!;
}

/**
 * The only allowed differences. ws://localhost:* is Vite's HMR websocket and exists only in the dev server's page
 * (the app is served by protocol.ts with the header). frame-ancestors is ignored by browsers inside a <meta> tag
 * (CSP Level 3 §6.1.4 delivery), so the header alone carries it.
 */
function comparable(policy: Policy, fromMeta: boolean): Policy {
  const copy: Policy = new Map(policy);
  if (fromMeta) {
    const connect = copy.get('connect-src');
    if (connect)
      copy.set(
        'connect-src',
        connect.filter((source) => source !== 'ws://localhost:*'),
      );
  } else {
    copy.delete('frame-ancestors');
  }
  return copy;
}

describe('Content-Security-Policy', () => {
  const header = parsePolicy(CONTENT_SECURITY_POLICY);
  const meta = parsePolicy(metaPolicy(readFileSync(new URL('../../../renderer/index.html', import.meta.url), 'utf8')));

  it('agrees between protocol.ts and index.html on every directive but the dev-only ws: allowance', () => {
    expect(Object.fromEntries(comparable(meta, true))).toEqual(Object.fromEntries(comparable(header, false)));
  });

  it('allows ws: only in the dev page, never in the served header', () => {
    expect(meta.get('connect-src')).toContain('ws://localhost:*');
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/ws:/);
  });

  it('lets scripts come only from the app: WebAssembly may compile, JavaScript may not be evaluated', () => {
    expect(header.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  });

  it('notices a directive that differs (the comparison can fail)', () => {
    const looser = parsePolicy(CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-eval'"));
    expect(Object.fromEntries(comparable(looser, false))).not.toEqual(Object.fromEntries(comparable(header, false)));
  });
});
