// Damaged and foreign files: the reader must refuse them with reasons, never throw, hang or return different data.
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { inspectBackup } from '../../../shared/backup/reader';
import { TABLE_NAMES } from '../../../shared/backup/tables';
import { makeDataset, opener, readAll, writeToBytes } from './factory';

let original: Uint8Array;
let originalData: Awaited<ReturnType<typeof readAll>>['data'];

beforeAll(async () => {
  original = await writeToBytes(makeDataset({ members: 3, meetings: 2, extraAttachments: [600] }));
  const back = await readAll(original);
  if (!back.result.ok) throw new Error('fixture must be valid');
  originalData = back.data;
});

/** ok:false with at least one Chinese reason, or ok:true with exactly the original data. */
async function expectRefusedOrIdentical(bytes: Uint8Array, chunkSize: number): Promise<'refused' | 'identical'> {
  const result = await inspectBackup(opener(bytes, chunkSize));
  if (!result.ok) {
    expect(result.errors.length).toBeGreaterThan(0);
    for (const reason of result.errors) expect(reason).toMatch(/[\u4e00-\u9fff]/);
    return 'refused';
  }
  const { result: read, data } = await readAll(bytes, chunkSize);
  expect(read.ok).toBe(true);
  for (const table of TABLE_NAMES) expect(data.tables[table]).toEqual(originalData.tables[table]);
  expect([...data.files.keys()]).toEqual([...originalData.files.keys()]);
  for (const [sha, file] of originalData.files) {
    expect(Buffer.from(data.files.get(sha)!.bytes).equals(Buffer.from(file.bytes))).toBe(true);
  }
  return 'identical';
}

async function expectRefused(bytes: Uint8Array, chunkSize = 4096): Promise<string[]> {
  const result = await inspectBackup(opener(bytes, chunkSize));
  expect(result.ok).toBe(false);
  if (result.ok) return [];
  expect(result.errors.length).toBeGreaterThan(0);
  return result.errors;
}

const chunkSize = fc.integer({ min: 1, max: 9000 });

describe('mutated backups', () => {
  test('a flipped byte anywhere is refused, or lands somewhere harmless and changes no data', async () => {
    const outcomes = { refused: 0, identical: 0 };
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.integer({ min: 1, max: 255 }), chunkSize, async (at, xor, size) => {
        const bytes = original.slice();
        bytes[at % bytes.length]! ^= xor;
        outcomes[await expectRefusedOrIdentical(bytes, size)]++;
      }),
      // A fixed seed: the ratio below depends on which bytes are hit, and CI must not flake on a lucky draw.
      { numRuns: 900, seed: 20261127 },
    );
    // Most of the file is hashed data; the harmless spots (timestamps, the central directory the streaming reader
    // does not trust) are a minority — if everything came back "identical", the reader would be checking nothing.
    expect(outcomes.refused).toBeGreaterThan(outcomes.identical * 2);
  });

  test('a file cut short at any length is refused', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), chunkSize, async (cut, size) => {
        await expectRefused(original.subarray(0, cut % original.length), size);
      }),
      { numRuns: 400 },
    );
  });

  test('inserted or deleted bytes are refused (or change nothing)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.uint8Array({ minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 40 }),
        fc.boolean(),
        chunkSize,
        async (at, inserted, deleted, insert, size) => {
          const p = at % original.length;
          const bytes = insert
            ? Buffer.concat([original.subarray(0, p), inserted, original.subarray(p)])
            : Buffer.concat([original.subarray(0, p), original.subarray(p + deleted)]);
          await expectRefusedOrIdentical(new Uint8Array(bytes), size);
        },
      ),
      { numRuns: 500 },
    );
  });

  test('random bytes, with or without a ZIP signature in front, are refused', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), fc.boolean(), chunkSize, async (noise, zipLike, size) => {
        const bytes = zipLike ? new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...noise]) : noise;
        await expectRefused(bytes, size);
      }),
      { numRuns: 400 },
    );
  });

  test('the original with one entry header spliced in twice is refused', async () => {
    const doubled = Buffer.concat([original.subarray(0, 400), original]);
    await expectRefused(new Uint8Array(doubled));
  });

  test('an empty file and a text file are refused with a plain reason', async () => {
    expect(await expectRefused(new Uint8Array(0))).toEqual(['文件为空，不是备份文件']);
    const text = new TextEncoder().encode('支部台账备份说明\n这不是 ZIP 文件。\n');
    expect((await expectRefused(text))[0]).toContain('不是 ZIP 格式的文件');
  });

  test('a source that fails while reading, or yields non-bytes, gives ok:false rather than an exception', async () => {
    const failing = async function* () {
      yield original.subarray(0, 100);
      throw new Error('磁盘读取错误');
    };
    const result = await inspectBackup(failing);
    expect(result).toEqual({ ok: false, errors: [expect.stringContaining('磁盘读取错误')] });
    const wrongType = async function* () {
      yield 'PK' as unknown as Uint8Array;
    };
    expect((await inspectBackup(wrongType)).ok).toBe(false);
    expect(
      (
        await inspectBackup(() => {
          throw new Error('打不开');
        })
      ).ok,
    ).toBe(false);
  });
});
