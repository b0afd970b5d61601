// Schema v2 added 技能比武: a v1 backup (no competitions table) still restores; a v2 one must carry it.
import { readFileSync } from 'node:fs';
import { unzipSync, zipSync } from 'fflate';
import { expect, test } from 'vitest';
import { inspectBackup } from '../../../shared/backup/reader';
import { opener, writeToBytes, makeDataset } from '../backup/factory';

test('the v1 fixture has no competitions table and is read as having none', async () => {
  const bytes = new Uint8Array(readFileSync('test/fixtures/backups/v1-small.zip'));
  expect(Object.keys(unzipSync(bytes))).not.toContain('tables/competitions.jsonl');
  const result = await inspectBackup(opener(bytes));
  if (!result.ok) throw new Error(result.errors.join('\n'));
  expect(result.counts.competitions).toBe(0);
});

test('a v2 backup lists competitions; without it the backup is refused', async () => {
  const good = await writeToBytes(makeDataset());
  const entries = unzipSync(good);
  const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json']));
  expect(manifest.schemaVersion).toBeGreaterThanOrEqual(1);
  expect(manifest.tables.competitions).toBeDefined();
  expect(entries['tables/competitions.jsonl']).toBeDefined();

  // Claim v2 but drop the table: refused, as any missing table.
  delete entries['tables/competitions.jsonl'];
  delete manifest.tables.competitions;
  manifest.schemaVersion = 2;
  const { 'manifest.json': _m, ...rest } = entries;
  const rezipped = zipSync({ ...rest, 'manifest.json': new TextEncoder().encode(JSON.stringify(manifest)) });
  const result = await inspectBackup(opener(rezipped));
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.errors).toContain('缺少数据表文件：tables/competitions.jsonl');
});
