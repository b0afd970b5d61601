// Backups for the CLI tests: the seeded typical year, and copies rewritten with the codec (edited, several branches).
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { readBackup, writeBackup, type BackupAttachmentSource, type BackupTableName } from '../../../shared/backup';
import type { AttachmentMeta } from '../../../shared/schemas/entities';
import { APP_VERSION, specOf, writeSeedBackup } from '../../../scripts/seed/source';

/** Captures what a CLI main prints. */
export function capture() {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { out: { log: (l: string) => stdout.push(l), error: (l: string) => stderr.push(l) }, stdout, stderr };
}

export async function writeTypicalBackup(file: string): Promise<void> {
  const chunks: Uint8Array[] = [];
  await writeSeedBackup(specOf('typical'), (c) => {
    chunks.push(c);
  });
  await writeFile(file, Buffer.concat(chunks));
}

export interface BackupContents {
  tables: Record<BackupTableName, Record<string, unknown>[]>;
  attachments: { meta: AttachmentMeta; bytes: Uint8Array }[];
  schemaVersion: number;
  createdAt: string;
}

export async function readAll(file: string): Promise<BackupContents> {
  const bytes = new Uint8Array(await readFile(file));
  const tables = {} as BackupContents['tables'];
  const attachments: BackupContents['attachments'] = [];
  const result = await readBackup(
    async function* () {
      yield bytes;
    },
    {
      onRows: (table, rows) => {
        (tables[table] ??= []).push(...rows);
      },
      onAttachment: (meta, data) => {
        attachments.push({ meta, bytes: data });
      },
    },
  );
  if (!result.ok) throw new Error(result.errors.join('；'));
  return { tables, attachments, schemaVersion: result.manifest.schemaVersion, createdAt: result.manifest.createdAt };
}

/** Writes `contents` as a valid backup with the project's writer. */
export async function writeAll(file: string, contents: BackupContents): Promise<void> {
  const files = new Map<string, BackupAttachmentSource>();
  for (const { bytes } of contents.attachments) {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    files.set(sha256, { sha256, size: bytes.length, chunks: [bytes] });
  }
  const chunks: Uint8Array[] = [];
  await writeBackup(
    {
      tables: { ...contents.tables, attachments: contents.attachments.map((a) => a.meta) },
      attachments: [...files.values()],
    },
    (c) => {
      chunks.push(c);
    },
    { schemaVersion: contents.schemaVersion, appVersion: APP_VERSION, createdAt: contents.createdAt },
  );
  await writeFile(file, Buffer.concat(chunks));
}
