// Test helpers for the demo-data generator: write a size to bytes in memory and read every row and file back.
import { readBackup, inspectBackup, type InspectResult } from '../../../shared/backup/reader';
import type { BackupTableName } from '../../../shared/backup/tables';
import type { AttachmentMeta } from '../../../shared/schemas/entities';
import { writeSeedBackup } from '../../../scripts/seed/source';
import type { SeedSpec } from '../../../scripts/seed/roster';

export async function seedBytes(spec: SeedSpec): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  await writeSeedBackup(spec, (chunk) => {
    chunks.push(chunk.slice());
  });
  return Buffer.concat(chunks);
}

export const opener = (bytes: Uint8Array) =>
  async function* () {
    for (let at = 0; at < bytes.length; at += 65_536) yield bytes.subarray(at, at + 65_536);
  };

export interface ReadBack {
  inspected: InspectResult;
  rows: Partial<Record<BackupTableName, Record<string, unknown>[]>>;
  attachments: { meta: AttachmentMeta; bytes: Uint8Array }[];
}

export async function readBack(bytes: Uint8Array): Promise<ReadBack> {
  const inspected = await inspectBackup(opener(bytes));
  const rows: ReadBack['rows'] = {};
  const attachments: ReadBack['attachments'] = [];
  const result = await readBackup(opener(bytes), {
    onRows: (table, batch) => {
      (rows[table] ??= []).push(...batch);
    },
    onAttachment: (meta, file) => {
      attachments.push({ meta, bytes: file.slice() });
    },
  });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return { inspected, rows, attachments };
}
