// Shared steps of the backup tests: Node's Blob (IndexedDB-cloneable), the v1 fixture, seeding, and table snapshots.
import type Dexie from 'dexie';
import { beforeAll } from 'vitest';
import { readBackup } from '../../../shared/backup';
import { TABLE_NAMES } from '../../../shared/backup/tables';
import type { Attachment, AuditEntry, Learning } from '../../../shared/schemas/entities';
import { readTableRows } from '../../../renderer/src/db/backup/export';
import { db } from '../../../renderer/src/db/db';
import { packAudit, packLearning } from '../../../renderer/src/db/packed';

// Node built-ins are loaded by a computed specifier: the web-side tsconfig has no Node types, and these helpers run
// under Vitest in Node anyway.
async function nodeModule<T>(name: string): Promise<T> {
  const specifier = `node:${name}`;
  return (await import(/* @vite-ignore */ specifier)) as T;
}

/**
 * happy-dom's Blob does not survive fake-indexeddb's structuredClone (it comes back as a plain object); Node's Blob
 * does, as a browser's Blob does in real IndexedDB. The code under test creates Blobs with the global constructor.
 */
export function installCloneableBlob(): void {
  beforeAll(async () => {
    const { Blob: NodeBlob } = await nodeModule<{ Blob: typeof Blob }>('buffer');
    globalThis.Blob = NodeBlob;
  });
}

export async function readFixture(name = 'v1-small.zip'): Promise<Uint8Array> {
  // Relative to the repository root, where Vitest runs (a module URL is not a file URL under every environment).
  const fs = await nodeModule<{ readFile(path: string): Promise<Uint8Array> }>('fs/promises');
  return new Uint8Array(await fs.readFile(`test/fixtures/backups/${name}`));
}

export const blobOf = (bytes: Uint8Array): Blob => new Blob([bytes as Uint8Array<ArrayBuffer>]);

export async function bytesOf(blob: Blob): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await blob.arrayBuffer());
}

/**
 * Fills the app database straight from the fixture through the codec (not through restore.ts, which is under test),
 * plus `extraMembers` copies of a member (to cross page boundaries) and a second attachment row sharing a photo.
 */
export async function seedFromFixture(extraMembers = 0): Promise<void> {
  const bytes = await readFixture();
  const rows = new Map<string, Record<string, unknown>[]>();
  const attachments: Attachment[] = [];
  const result = await readBackup(chunksOf(bytes), {
    onRows: (table, batch) => void rows.set(table, [...(rows.get(table) ?? []), ...batch]),
    onAttachment: (meta, data, thumbnail) =>
      void attachments.push({ ...meta, blob: blobOf(data), ...(thumbnail ? { thumbnail: blobOf(thumbnail) } : {}) }),
  });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  const members = rows.get('members') ?? [];
  const template = members[0]!;
  for (let i = 0; i < extraMembers; i++) {
    members.push({ ...template, id: `m-extra-${String(i).padStart(4, '0')}`, name: `党员乙${i}` });
  }
  const photo = attachments.find((a) => a.thumbnail)!;
  attachments.push({ ...photo, id: 'a-copy', name: '现场照片（副本）.png' });
  await db.transaction('rw', db.tables, async () => {
    await storeBackupRows(db, rows);
    await db.attachments.bulkAdd(attachments);
  });
}

/**
 * Adds a backup's rows by table to a database of schema ≥ 4 as they are stored there: the two bulk tables packed
 * (renderer/src/db/packed.ts), as a restore would write them. Call inside a transaction over the tables.
 */
export async function storeBackupRows(
  target: Dexie,
  rows: Iterable<[string, Record<string, unknown>[]]>,
): Promise<void> {
  for (const [table, list] of rows) {
    if (table === 'audit') await target.table('auditPages').bulkAdd(packAudit(list as unknown as AuditEntry[]));
    else if (table === 'learning')
      await target.table('learningMonths').bulkAdd(packLearning(list as unknown as Learning[]));
    else await target.table(table).bulkAdd(list);
  }
}

export type Snapshot = Record<string, Record<string, unknown>[]>;

const byKey = (a: Record<string, unknown>, b: Record<string, unknown>) => {
  const x = String(a.id ?? a.key);
  const y = String(b.id ?? b.key);
  return x < y ? -1 : x > y ? 1 : 0;
};

/** Rows in key order: the packed tables (v4) list entries by branch and time, not by id. */
export const sortById = <T extends Record<string, unknown>>(rows: readonly T[]): T[] => [...rows].sort(byKey);

/**
 * Every row of every backup table (packed entries unpacked), sorted by key, Blobs replaced by their bytes, so two
 * databases compare with toEqual.
 */
export async function snapshot(): Promise<Snapshot> {
  const out: Snapshot = {};
  for (const table of TABLE_NAMES) {
    const rows = sortById(await readTableRows(db, table));
    out[table] = await Promise.all(
      rows.map(async (row) => {
        const copy: Record<string, unknown> = { ...row };
        for (const key of ['blob', 'thumbnail']) {
          if (row[key] instanceof Blob) copy[key] = [...(await bytesOf(row[key]))];
        }
        return copy;
      }),
    );
  }
  return out;
}

export type TableRows = Record<string, Record<string, unknown>[]>;

/** Every row of a frozen fixture backup by table (attachments with their bytes as a Blob), as a build stored them. */
export async function fixtureRows(name: string): Promise<TableRows> {
  const rows: TableRows = {};
  const result = await readBackup(chunksOf(await readFixture(name)), {
    onRows: (table, batch) => {
      (rows[table] ??= []).push(...batch);
    },
    onAttachment: (meta, bytes) => {
      (rows.attachments ??= []).push({ ...meta, blob: new Blob([bytes as Uint8Array<ArrayBuffer>]) });
    },
  });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return rows;
}

/** A chunked async source over bytes, like a file stream. */
export function chunksOf(bytes: Uint8Array, size = 4096): () => AsyncIterable<Uint8Array> {
  return async function* () {
    for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
  };
}
