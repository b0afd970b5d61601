// manifest.json of a backup: its shape, and the type the writer returns and the reader hands back.
import { z } from 'zod';
import { TABLE_NAMES, type BackupTableName } from './tables';

export const MANIFEST_NAME = 'manifest.json';
/** manifest.json is small (counts, hashes, branch names); anything larger is not ours. */
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'SHA-256 应为 64 位小写十六进制');
const count = z.number().int().min(0);

export const manifestSchema = z.object({
  format: z.string(),
  formatVersion: z.number().int().min(1),
  schemaVersion: z.number().int().min(1),
  appVersion: z.string(),
  createdAt: z.string().datetime({ offset: true, error: '创建时间格式不正确' }),
  tables: z.record(z.string(), z.object({ rows: count, sha256: hex64 })),
  attachments: z.object({ count, bytes: count }),
  branches: z.array(z.object({ id: z.string().min(1), name: z.string() })),
});

export interface BackupManifest {
  format: string;
  formatVersion: number;
  schemaVersion: number;
  appVersion: string;
  createdAt: string;
  tables: Record<BackupTableName, { rows: number; sha256: string }>;
  /** Attachment files (`attachments/<sha256>`, thumbnails not counted) and their total bytes. */
  attachments: { count: number; bytes: number };
  branches: { id: string; name: string }[];
}

export const tableEntryName = (table: BackupTableName): string => `tables/${table}.jsonl`;
export const attachmentEntryName = (sha256: string): string => `attachments/${sha256}`;
export const thumbnailEntryName = (sha256: string): string => `thumbnails/${sha256}`;

/** Lists every table, even empty ones, so a reader can tell a missing file from an empty table. */
export function emptyTableCounts(): Record<BackupTableName, number> {
  return Object.fromEntries(TABLE_NAMES.map((t) => [t, 0])) as Record<BackupTableName, number>;
}
