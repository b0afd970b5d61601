// writeFileAtomic on the real file system: the new bytes or the old file, never a torn file or a stray temp.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type * as fsPromises from 'node:fs/promises';
import { rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { atomicTempTarget, renameRetryDelays, writeFileAtomic } from '../../../electron/main/fs-atomic';

// Real fs throughout; only rename can be made to fail on demand.
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof fsPromises>();
  return { ...actual, rename: vi.fn(actual.rename) };
});

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ledger-atomic-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  vi.mocked(rename).mockClear();
});

describe('writeFileAtomic', () => {
  it('writes the bytes to a new file and leaves nothing else behind', async () => {
    const target = join(dir, '台账备份.zip');
    const bytes = new Uint8Array([0x50, 0x4b, 3, 4, 0, 255]);
    await writeFileAtomic(target, bytes);
    expect([...readFileSync(target)]).toEqual([...bytes]);
    expect(readdirSync(dir)).toEqual(['台账备份.zip']);
  });

  it('replaces an existing file through a temp file in the same folder', async () => {
    const target = join(dir, 'dossier.pdf');
    writeFileSync(target, 'old');
    await writeFileAtomic(target, new TextEncoder().encode('new contents'));
    expect(readFileSync(target, 'utf8')).toBe('new contents');
    expect(readdirSync(dir)).toEqual(['dossier.pdf']);
    const [from, to] = vi.mocked(rename).mock.calls[0] ?? [];
    expect(String(from)).toMatch(/^.*dossier\.pdf\.tmp-[0-9a-f]+$/);
    expect(to).toBe(target);
    // The clean-up of interrupted backups (backups.ts) recognises exactly this temp name, and only it.
    expect(atomicTempTarget(basename(String(from)))).toBe('dossier.pdf');
    expect(atomicTempTarget('dossier.pdf')).toBeNull();
    expect(atomicTempTarget('dossier.pdf.tmp-notes')).toBeNull();
  });

  it('keeps the old file and removes the temp file when the rename fails', async () => {
    const target = join(dir, 'dossier.pdf');
    writeFileSync(target, 'old');
    vi.mocked(rename).mockRejectedValueOnce(Object.assign(new Error('跨设备'), { code: 'EXDEV' }));
    await expect(writeFileAtomic(target, new TextEncoder().encode('new'))).rejects.toThrow('跨设备');
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['dossier.pdf']);
  });

  it('fails cleanly when the target is a folder that cannot be replaced', async () => {
    const target = join(dir, 'occupied');
    mkdirSync(target);
    writeFileSync(join(target, 'keep.txt'), 'keep');
    await expect(writeFileAtomic(target, new Uint8Array([1]))).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['occupied']);
    expect(readFileSync(join(target, 'keep.txt'), 'utf8')).toBe('keep');
  });

  it('fails without creating anything when the folder does not exist', async () => {
    await expect(writeFileAtomic(join(dir, 'missing', 'x.zip'), new Uint8Array([1]))).rejects.toMatchObject({
      code: 'ENOENT',
    });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('retries a rename refused by a transient lock (EBUSY) and then succeeds', async () => {
    const target = join(dir, 'locked.zip');
    writeFileSync(target, 'old');
    vi.mocked(rename).mockRejectedValueOnce(Object.assign(new Error('busy'), { code: 'EBUSY' }));
    await writeFileAtomic(target, new TextEncoder().encode('new'));
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['locked.zip']);
  });

  it('on Windows keeps retrying a locked rename for about 2 s (antivirus scans of a fresh file), then succeeds', async () => {
    const total = (delays: readonly number[]) => delays.reduce((sum, ms) => sum + ms, 0);
    expect(total(renameRetryDelays('win32'))).toBeGreaterThanOrEqual(1800);
    expect(total(renameRetryDelays('win32'))).toBeLessThanOrEqual(2500);
    // Elsewhere EPERM / EACCES mean a real permission problem: no long wait before saying so.
    expect(total(renameRetryDelays('linux'))).toBeLessThanOrEqual(500);

    const platform = Object.getOwnPropertyDescriptor(process, 'platform')!;
    Object.defineProperty(process, 'platform', { ...platform, value: 'win32' });
    try {
      const target = join(dir, '2025年度迎检卷宗.pdf');
      writeFileSync(target, 'old');
      const scanned = Object.assign(new Error('EPERM: operation not permitted, rename'), { code: 'EPERM' });
      // Six refusals (about 1.4 s of waiting) outlast the old 0.4 s budget of five attempts.
      for (let i = 0; i < 6; i++) vi.mocked(rename).mockRejectedValueOnce(scanned);
      const started = Date.now();
      await writeFileAtomic(target, new TextEncoder().encode('new'));
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
      expect(readFileSync(target, 'utf8')).toBe('new');
      expect(readdirSync(dir)).toEqual(['2025年度迎检卷宗.pdf']);
    } finally {
      Object.defineProperty(process, 'platform', platform);
    }
  });

  it('gives up on a rename that stays locked and keeps the old file', async () => {
    const target = join(dir, 'open-in-wps.pdf');
    writeFileSync(target, 'old');
    const locked = Object.assign(new Error('EBUSY: resource busy or locked, rename'), { code: 'EBUSY' });
    vi.mocked(rename).mockRejectedValue(locked);
    try {
      await expect(writeFileAtomic(target, new TextEncoder().encode('new'))).rejects.toMatchObject({ code: 'EBUSY' });
      expect(vi.mocked(rename)).toHaveBeenCalledTimes(renameRetryDelays().length + 1);
    } finally {
      vi.mocked(rename).mockReset();
      vi.mocked(rename).mockImplementation((await vi.importActual<typeof fsPromises>('node:fs/promises')).rename);
    }
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['open-in-wps.pdf']);
  });
});
