// The error log: entries an administrator can read, in at most three files of at most 1 MB, and never a throw.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  describeError,
  LOG_FILE_NAMES,
  logError,
  MAX_ENTRY_CHARS,
  MAX_LOG_FILE_BYTES,
} from '../../../electron/main/errorLog';
import { resetFakeElectron, state } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);

let root = '';
let logs = '';

beforeEach(() => {
  resetFakeElectron();
  root = mkdtempSync(join(tmpdir(), 'ledger-log-'));
  logs = join(root, 'branch-ledger', 'logs');
  state.paths.set('logs', logs);
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

const read = (name: string) => readFileSync(join(logs, name), 'utf8');

describe('logError', () => {
  it('creates the folder and appends time (China), version, what happened and the error with its cause', () => {
    const cause = Object.assign(new Error('EPERM: operation not permitted'), { code: 'EPERM' });
    const folder = logError(
      '启动失败',
      new TypeError('无法注册 app 协议', { cause }),
      new Date('2025-03-18T02:00:00Z'),
    );
    expect(folder).toBe(logs);
    logError('页面进程意外退出', '原因：oom，退出码：-1', new Date('2025-03-18T03:00:00Z'));

    const text = read('errors.log');
    expect(text).toContain('2025-03-18 10:00:00（北京时间） 版本 0.1.0  启动失败\nTypeError: 无法注册 app 协议\n');
    expect(text).toContain('原因：\nEPERM: operation not permitted');
    expect(text).toContain('2025-03-18 11:00:00（北京时间） 版本 0.1.0  页面进程意外退出\n原因：oom，退出码：-1\n');
    // The older entry stays first: appended, not overwritten.
    expect(text.indexOf('启动失败')).toBeLessThan(text.indexOf('页面进程意外退出'));
  });

  it('rotates before a file passes 1 MB and keeps three files at most, the newest entry in errors.log', () => {
    const message = 'x'.repeat(10_000);
    for (let i = 0; i < 400; i++) logError(`第 ${i} 次`, new Error(message));

    expect(readdirSync(logs).sort()).toEqual([...LOG_FILE_NAMES].sort());
    for (const name of LOG_FILE_NAMES) expect(statSync(join(logs, name)).size).toBeLessThanOrEqual(MAX_LOG_FILE_BYTES);
    expect(read('errors.log')).toContain('第 399 次');
    // ~4 MB were written: the oldest entries went with the oldest file.
    expect(LOG_FILE_NAMES.some((name) => read(name).includes('第 0 次\n'))).toBe(false);
    // Each older file holds entries that came before the newer one's.
    const first = (name: string) => Number(/第 (\d+) 次/.exec(read(name))![1]);
    expect(first('errors.2.log')).toBeLessThan(first('errors.1.log'));
    expect(first('errors.1.log')).toBeLessThan(first('errors.log'));
  });

  it('cuts a runaway entry short rather than let it push out everything before it', () => {
    logError('很长的错误', new Error('y'.repeat(MAX_ENTRY_CHARS * 4)));
    const text = read('errors.log');
    expect(text.length).toBeLessThan(MAX_ENTRY_CHARS + 100);
    expect(text).toContain('…（以下省略）');
  });

  it('never throws: a log that cannot be written returns null', () => {
    const blocker = join(root, 'a-file');
    writeFileSync(blocker, '');
    state.paths.set('logs', join(blocker, 'logs'));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(logError('启动失败', new Error('x'))).toBeNull();
    state.paths.delete('logs');
    expect(logError('启动失败', new Error('x'))).toBeNull();
  });
});

describe('describeError', () => {
  it('says non-Error values as they are', () => {
    expect(describeError('纯文本')).toBe('纯文本');
    expect(describeError({ reason: 'crashed' })).toBe('{"reason":"crashed"}');
    expect(describeError(undefined)).toBe('');
  });
});
