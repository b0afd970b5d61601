// The page's failures reach main's error log in the desktop app, as the error's own words; logging never throws.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppApi } from '../../../shared/ipc';
import { errorLogText, reportError } from '../../../renderer/src/host/errorLog';

function install(api: Partial<AppApi>): void {
  (window as { api?: Partial<AppApi> }).api = api;
}

afterEach(() => {
  delete (window as { api?: AppApi }).api;
});

describe('reportError', () => {
  it('sends the error with its causes to log:write', () => {
    const writeLog = vi.fn(async () => undefined);
    install({ writeLog });
    const cause = Object.assign(new Error('Internal error opening backing store'), { name: 'UnknownError' });
    reportError('startup', new Error('无法打开本地数据库：UnknownError', { cause }));
    expect(writeLog).toHaveBeenCalledExactlyOnceWith({
      source: 'startup',
      message: '无法打开本地数据库：UnknownError\n原因：UnknownError: Internal error opening backing store',
    });
  });

  it('never throws: in a browser, with an older bridge, or when main refuses', async () => {
    expect(() => reportError('startup', new Error('x'))).not.toThrow();
    install({});
    expect(() => reportError('startup', new Error('x'))).not.toThrow();
    const writeLog = vi.fn(() => Promise.reject(new Error('参数无效')));
    install({ writeLog });
    expect(() => reportError('auto-backup', 'plain text')).not.toThrow();
    await Promise.resolve();
    expect(writeLog).toHaveBeenCalledOnce();
  });
});

describe('errorLogText', () => {
  it('stays within what main accepts and is never empty', () => {
    expect(errorLogText(new Error('y'.repeat(20_000))).length).toBe(8000);
    expect(errorLogText(new Error(''))).toBe('（没有错误信息）');
  });
});
