// The committed v1 fixture stays readable: later formats and migrations must keep restoring it.
import { readFileSync, statSync } from 'node:fs';
import { expect, test } from 'vitest';
import { inspectBackup } from '../../../shared/backup/reader';
import { opener, readAll } from './factory';

const path = 'test/fixtures/backups/v1-small.zip';

test('v1-small.zip is a valid schema-v1 backup with known contents', async () => {
  expect(statSync(path).size).toBeLessThan(100 * 1024);
  const bytes = new Uint8Array(readFileSync(path));
  const result = await inspectBackup(opener(bytes));
  if (!result.ok) throw new Error(result.errors.join('\n'));
  expect(result.manifest).toMatchObject({ formatVersion: 1, schemaVersion: 1, attachments: { count: 2 } });
  expect(result.branches).toEqual([{ id: 'b-1', name: '机关第一党支部' }]);
  expect(result.counts).toMatchObject({ members: 4, meetings: 3, attachments: 2, settings: 2 });
  const { data } = await readAll(bytes);
  const png = data.files.get(String(data.tables.attachments.find((a) => a.id === 'a-1')!.sha256))!;
  expect(Buffer.from(png.bytes.subarray(0, 8)).toString('hex')).toBe('89504e470d0a1a0a');
  expect(png.thumbnail).toBeDefined();
});
