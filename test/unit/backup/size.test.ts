// The unpacked size a restore needs, read from the ZIP directory at the end of a backup: exact for real backups,
// undefined (no guess) for anything that does not end in a plain ZIP directory.
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { formatBytes, unpackedSize } from '../../../shared/backup/size';
import { makeDataset, writeToBytes } from './factory';

const reader = (bytes: Uint8Array) => async (start: number, end: number) => bytes.slice(start, end);
const sizeOf = (bytes: Uint8Array) => unpackedSize(reader(bytes), bytes.length);

describe('unpackedSize', () => {
  it('is the sum of every entry unpacked, tables and attachments', async () => {
    const bytes = await writeToBytes(makeDataset({ members: 6, meetings: 5, extraAttachments: [4096, 70_000] }));
    const files = unzipSync(bytes);
    const expected = Object.values(files).reduce((n, f) => n + f.length, 0);
    expect(Object.keys(files).length).toBeGreaterThan(10);
    expect(await sizeOf(bytes)).toBe(expected);
  });

  it('finds the end record behind a ZIP comment', async () => {
    const bytes = await writeToBytes(makeDataset({ members: 2, meetings: 1 }));
    const comment = new TextEncoder().encode('注释 comment');
    const withComment = new Uint8Array(bytes.length + comment.length);
    withComment.set(bytes);
    withComment.set(comment, bytes.length);
    const v = new DataView(withComment.buffer);
    v.setUint16(bytes.length - 2, comment.length, true);
    expect(await sizeOf(withComment)).toBe(await sizeOf(bytes));
  });

  it('gives no figure for a truncated file, a text file, random bytes or an empty file', async () => {
    const bytes = await writeToBytes(makeDataset({ members: 2, meetings: 1 }));
    expect(await sizeOf(bytes.subarray(0, bytes.length - 10))).toBeUndefined();
    expect(await sizeOf(bytes.subarray(0, bytes.length >> 1))).toBeUndefined();
    expect(await sizeOf(new TextEncoder().encode('这不是备份文件\n'.repeat(20)))).toBeUndefined();
    expect(await sizeOf(Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919) & 0xff))).toBeUndefined();
    expect(await sizeOf(new Uint8Array(0))).toBeUndefined();
    // A directory whose first header is damaged is not read as sizes.
    const damaged = bytes.slice();
    const v = new DataView(damaged.buffer);
    const directoryStart = v.getUint32(damaged.length - 6, true);
    damaged[directoryStart] = 0;
    expect(await sizeOf(damaged)).toBeUndefined();
  });

  it('formats sizes the way the 数据安全 page shows them', () => {
    expect(formatBytes(12)).toBe('12 字节');
    expect(formatBytes(40 * 1024 - 1)).toBe('40 KB');
    expect(formatBytes(12.34 * 1024 ** 2)).toBe('12.3 MB');
    expect(formatBytes(1.5 * 1024 ** 3)).toBe('1.5 GB');
  });
});
