// Round trip of the backup codec: write → inspect → read gives back every row and every attachment byte.
import fc from 'fast-check';
import { describe, expect, test, vi } from 'vitest';
import { inspectBackup } from '../../../shared/backup/reader';
import { TABLE_NAMES } from '../../../shared/backup/tables';
import { BackupWriteError, writeBackup } from '../../../shared/backup/writer';
import { hex, makeDataset, opener, readAll, sourceOf, writeToBytes, type Dataset } from './factory';

const byId = (rows: Record<string, unknown>[]) => [...rows].sort((a, b) => String(a.id).localeCompare(String(b.id)));

function expectSameData(actual: Dataset, expected: Dataset) {
  for (const table of TABLE_NAMES) {
    if (table === 'attachments') expect(byId(actual.tables[table])).toEqual(byId(expected.tables[table]));
    else expect(actual.tables[table], table).toEqual(expected.tables[table]);
  }
  expect(actual.files.size).toBe(expected.files.size);
  for (const [sha, file] of expected.files) {
    const back = actual.files.get(sha);
    expect(back, sha).toBeDefined();
    expect(Buffer.from(back!.bytes).equals(Buffer.from(file.bytes))).toBe(true);
    expect(back!.thumbnail && Buffer.from(back!.thumbnail).toString('hex')).toEqual(
      file.thumbnail && Buffer.from(file.thumbnail).toString('hex'),
    );
  }
}

describe('backup round trip', () => {
  test('a realistic ledger comes back deep-equal, attachments byte-identical, whatever the chunking', async () => {
    const data = makeDataset({ members: 5, meetings: 4, extraAttachments: [70_000] });
    const bytes = await writeToBytes(data);
    for (const chunkSize of [1, 13, 4096, bytes.length]) {
      const inspected = await inspectBackup(opener(bytes, chunkSize));
      expect(inspected).toMatchObject({ ok: true, branches: [{ id: 'b-1', name: '机关第一党支部' }] });
      const { result, data: back } = await readAll(bytes, chunkSize);
      expect(result.ok).toBe(true);
      expectSameData(back, data);
    }
  });

  test('without native compression streams the JavaScript codec writes and reads the same data, refuses the same damage', async () => {
    const data = makeDataset({ members: 3, meetings: 2, extraAttachments: [5_000] });
    const bytes = await writeToBytes(data);
    const damaged = bytes.slice();
    // Inside the first deflated table (after its local header): the stream no longer inflates or checks out.
    damaged[200] = damaged[200]! ^ 0xff;
    const native = await inspectBackup(opener(damaged, 4096));
    vi.stubGlobal('DecompressionStream', undefined);
    vi.stubGlobal('CompressionStream', undefined);
    let written: Uint8Array;
    try {
      // Written natively, read in JavaScript; and written in JavaScript (read natively below).
      for (const chunkSize of [7, 4096]) {
        const { result, data: back } = await readAll(bytes, chunkSize);
        expect(result.ok).toBe(true);
        expectSameData(back, data);
      }
      written = await writeToBytes(data);
      const fallback = await inspectBackup(opener(damaged, 4096));
      expect(fallback.ok).toBe(false);
      expect(native.ok).toBe(false);
      if (!fallback.ok && !native.ok) expect(fallback.errors[0]).toBe(native.errors[0]);
    } finally {
      vi.unstubAllGlobals();
    }
    const { result, data: back } = await readAll(written, 4096);
    expect(result.ok).toBe(true);
    expectSameData(back, data);
  });

  test('inspect reports the manifest and the counts actually read', async () => {
    const data = makeDataset({ members: 7, meetings: 3 });
    const bytes = await writeToBytes(data, '2025-06-30T08:15:00.000Z');
    const result = await inspectBackup(opener(bytes));
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.counts.members).toBe(7);
    expect(result.counts.meetings).toBe(3);
    expect(result.manifest).toMatchObject({
      format: 'branch-ledger-backup',
      formatVersion: 1,
      schemaVersion: 1,
      createdAt: '2025-06-30T08:15:00.000Z',
      attachments: { count: 1, bytes: [...data.files.values()][0]!.bytes.length },
    });
    expect(result.manifest.tables.meetings.rows).toBe(3);
  });

  test('attachment bytes that look like ZIP signatures do not confuse the reader', async () => {
    // A descriptor signature followed by a plausible descriptor, then a central-directory signature.
    const tricky = new Uint8Array(3000);
    tricky.set([0x50, 0x4b, 0x07, 0x08, 1, 2, 3, 4, 0x10, 0, 0, 0, 0x10, 0, 0, 0], 100);
    tricky.set([0x50, 0x4b, 0x01, 0x02, 0x50, 0x4b, 0x03, 0x04, 0x50, 0x4b, 0x05, 0x06], 500);
    const data = makeDataset();
    const sha = hex(tricky);
    data.files.set(sha, { bytes: tricky });
    data.tables.attachments.push({
      ...data.tables.attachments[0]!,
      id: 'a-pk',
      name: 'pk.pdf',
      mime: 'application/pdf',
      size: tricky.length,
      sha256: sha,
    });
    const bytes = await writeToBytes(data);
    const { result, data: back } = await readAll(bytes, 64);
    expect(result).toMatchObject({ ok: true });
    expectSameData(back, data);
  });

  test('rows sharing one attachment file each get the bytes', async () => {
    const data = makeDataset();
    const first = data.tables.attachments[0]!;
    data.tables.attachments.push({ ...first, id: 'a-copy', name: '同一照片.png' });
    const bytes = await writeToBytes(data);
    const { result, data: back } = await readAll(bytes);
    expect(result.ok).toBe(true);
    expect(byId(back.tables.attachments).map((r) => r.id)).toEqual(['a-1', 'a-copy']);
    expect((await inspectBackup(opener(bytes))).ok).toBe(true);
  });

  test('the writer respects backpressure: it waits for each sink promise before the next chunk', async () => {
    const data = makeDataset({ extraAttachments: [50_000, 50_000] });
    let inFlight = 0;
    let maxInFlight = 0;
    const chunks: Uint8Array[] = [];
    await writeBackup(
      sourceOf(data),
      async (chunk) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((r) => setTimeout(r, 0));
        chunks.push(chunk);
        inFlight--;
      },
      { schemaVersion: 1, appVersion: 't', createdAt: '2025-01-01T00:00:00.000Z' },
    );
    expect(maxInFlight).toBe(1);
    expect(chunks.length).toBeGreaterThan(20);
  });

  test('the writer reports progress per table', async () => {
    const seen = new Map<string, number>();
    await writeBackup(sourceOf(makeDataset({ members: 4 })), () => {}, {
      schemaVersion: 1,
      appVersion: 't',
      onProgress: (table, rows) => seen.set(table, rows),
    });
    expect(seen.get('members')).toBe(4);
    expect([...seen.keys()]).toEqual([...TABLE_NAMES]);
  });

  test('the writer refuses bytes that do not match their SHA-256, and missing bytes', async () => {
    const data = makeDataset();
    const source = sourceOf(data);
    const [only] = source.attachments as { sha256: string; size: number; chunks: unknown }[];
    const corrupt = { ...only!, chunks: [new Uint8Array(only!.size)] };
    await expect(
      writeBackup({ ...source, attachments: [corrupt] as never }, () => {}, { schemaVersion: 1, appVersion: 't' }),
    ).rejects.toThrow(/现场照片\.png.*SHA-256/);
    await expect(
      writeBackup({ ...source, attachments: [] }, () => {}, { schemaVersion: 1, appVersion: 't' }),
    ).rejects.toThrow(BackupWriteError);
  });
});

const textUnit = fc.constantFrom(
  '支',
  '部',
  '党',
  '员',
  '会',
  '议',
  '😀',
  '👍🏽',
  '"',
  '\\',
  '\n',
  '\r',
  '\t',
  '\u2028',
  '\u0000',
  'a',
  'Z',
  ' ',
  '{',
  '}',
  '\ud83d',
);

describe('backup round trip (property)', () => {
  test('any valid dataset — counts, Chinese, emoji, quotes, control characters — comes back deep-equal', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          members: fc.integer({ min: 0, max: 6 }),
          meetings: fc.integer({ min: 0, max: 5 }),
          texts: fc.array(fc.string({ unit: textUnit, maxLength: 4 }), { minLength: 1, maxLength: 10 }),
          extra: fc.array(fc.integer({ min: 0, max: 3000 }), { maxLength: 3 }),
          thumbnails: fc.boolean(),
          chunkSize: fc.integer({ min: 1, max: 5000 }),
        }),
        async ({ members, meetings, texts, extra, thumbnails, chunkSize }) => {
          const data = makeDataset({
            members,
            meetings,
            thumbnails,
            extraAttachments: extra,
            text: (i) => texts[i % texts.length]!,
          });
          const bytes = await writeToBytes(data);
          const inspected = await inspectBackup(opener(bytes, chunkSize));
          if (!inspected.ok) throw new Error(inspected.errors.join('\n'));
          const { result, data: back } = await readAll(bytes, chunkSize);
          expect(result.ok).toBe(true);
          expectSameData(back, data);
        },
      ),
      { numRuns: 60 },
    );
  });
});
