// Streams the whole database (every table in key order, every attachment's bytes) into the backup codec's writer.
import type Dexie from 'dexie';
import {
  type BackupAttachmentSource,
  type BackupManifest,
  type BackupSink,
  writeBackup,
} from '../../../../shared/backup';
import {
  BACKUP_TABLES,
  BRANCH_DATA_TABLES,
  type BackupTableName,
  TABLE_BY_NAME,
} from '../../../../shared/backup/tables';
import { safeFileName } from '../../../../shared/fileName';
import { SCHEMA_VERSION } from '../AppDB';
import { withHashWorker } from '../../workers/hashClient';
import { db } from '../db';
import { PACKED_STORAGE } from '../packed';
import { blobChunks } from './blobChunks';

/** Rows read per IndexedDB request: large enough to be quick, small enough that no table is ever held whole. */
const PAGE_SIZE = 200;

export type ExportProgress =
  | { phase: 'tables'; table: BackupTableName; label: string; rows: number; rowsDone: number; rowsTotal: number }
  | { phase: 'attachments'; files: number; bytes: number; bytesTotal: number };

export interface ExportOptions {
  onProgress?: (progress: ExportProgress) => void;
  /** ISO instant written as the backup's creation time (defaults to now). */
  createdAt?: string;
  /**
   * Only this branch (moving one 支部 off a shared computer): its branch row and every record naming it, with the
   * shared standards its 考评 refer to; no settings (this computer's lock and current branch) and no audit entries of
   * shared data. An ordinary backup that happens to hold one branch: restore reads it as any other.
   */
  branchId?: string;
}

/** What a backup is written from: the app's database, or (before an upgrade) an older connection opened without a schema. */
export interface ExportSource {
  dexie: Dexie;
  schemaVersion: number;
}

const appVersion = (): string => import.meta.env.VITE_APP_VERSION ?? '开发版';

type Keep = (row: Record<string, unknown>) => boolean;

/**
 * Every row of a table in primary-key order, one page per request, resuming after the last key seen; with `keep`,
 * only the rows it keeps (every page is still read: progress counts what was read).
 */
async function* pagedRows(
  dexie: Dexie,
  table: string,
  onPage?: (n: number) => void,
  keep?: Keep,
): AsyncGenerator<object> {
  if (!dexie.tables.some((t) => t.name === table)) return;
  const t = dexie.table(table);
  let last: unknown = undefined;
  for (;;) {
    // Keyset paging (`above(lastKey)`), not offset: each page costs the same however deep into the table it is.
    const query = last === undefined ? t.orderBy(':id') : t.where(':id').above(last);
    const page = (await query.limit(PAGE_SIZE).toArray()) as Record<string, unknown>[];
    if (page.length === 0) return;
    onPage?.(page.length);
    for (const row of page) if (!keep || keep(row)) yield row;
    if (page.length < PAGE_SIZE) return;
    last = page[page.length - 1]![t.schema.primKey.keyPath as string];
  }
}

/**
 * The tables stored packed since v4 (../packed.ts): a backup still has one line per entry. A database older than v4
 * (a pre-upgrade backup) has the row tables instead, read as any other table.
 */
const PACKED: Partial<Record<BackupTableName, string>> = PACKED_STORAGE;
/** Packed records read per request: each holds up to a few hundred entries. */
const PACKED_PAGE_SIZE = 20;

/** Where `table`'s rows are stored in `dexie`, and how many stored records that is (the progress unit). */
function storageOf(dexie: Dexie, table: BackupTableName): { name: string; packed: boolean } | undefined {
  const names = new Set(dexie.tables.map((t) => t.name));
  const packed = PACKED[table];
  if (packed && names.has(packed)) return { name: packed, packed: true };
  return names.has(table) ? { name: table, packed: false } : undefined;
}

/**
 * The entries of a packed table, record by record in primary-key order (a branch's entries in stored order); with
 * `keep`, only those of the records it keeps (a packed record holds one branch's entries).
 */
async function* packedRows(
  dexie: Dexie,
  table: string,
  onPage?: (n: number) => void,
  keep?: Keep,
): AsyncGenerator<object> {
  const t = dexie.table(table);
  let last: unknown = undefined;
  for (;;) {
    const query = last === undefined ? t.orderBy(':id') : t.where(':id').above(last);
    const page = (await query.limit(PACKED_PAGE_SIZE).toArray()) as { branchId: string; entries: object[] }[];
    if (page.length === 0) return;
    onPage?.(page.length);
    for (const record of page) if (!keep || keep(record)) yield* record.entries;
    if (page.length < PACKED_PAGE_SIZE) return;
    const keyPath = t.schema.primKey.keyPath as string[];
    const lastRecord = page[page.length - 1] as unknown as Record<string, unknown>;
    last = keyPath.map((k) => lastRecord[k]);
  }
}

/** Every row of backup table `table` as a backup carries it (packed entries unpacked), in stored order. */
export async function readTableRows(dexie: Dexie, table: BackupTableName): Promise<Record<string, unknown>[]> {
  const storage = storageOf(dexie, table);
  const rows: Record<string, unknown>[] = [];
  if (!storage) return rows;
  const source = storage.packed ? packedRows(dexie, storage.name) : pagedRows(dexie, table);
  for await (const row of source) rows.push(row as Record<string, unknown>);
  return rows;
}

interface StoredAttachment {
  sha256: string;
  size: number;
  blob?: Blob;
  thumbnail?: Blob;
}

/**
 * Writes a complete backup of `source` (the app's database by default) to `sink`, returning its manifest.
 * Tables are read page by page in separate read requests: IndexedDB commits a transaction as soon as the code awaits
 * anything else (here: the sink), so one snapshot transaction over the whole export is not possible. The app has a
 * single window (single-instance lock) and the page's buttons are disabled while exporting, so nothing writes meanwhile.
 */
export async function exportBackup(
  sink: BackupSink,
  options: ExportOptions = {},
  source: ExportSource = { dexie: db, schemaVersion: SCHEMA_VERSION },
): Promise<BackupManifest> {
  const { dexie } = source;
  const present = new Set(dexie.tables.map((t) => t.name));
  // Progress counts stored records (a packed page is one): what reading costs, without reading entries to count them.
  const totals = new Map<string, number>();
  for (const { name } of BACKUP_TABLES) {
    const storage = storageOf(dexie, name);
    totals.set(name, storage ? await dexie.table(storage.name).count() : 0);
  }
  const rowsTotal = [...totals.values()].reduce((a, b) => a + b, 0);
  let rowsDone = 0;
  let bytesTotal = 0;

  const tables: Partial<Record<BackupTableName, AsyncIterable<object>>> = {};
  const onPage = (n: number) => {
    rowsDone += n;
  };
  const { branchId } = options;
  const ofBranch: Keep | undefined = branchId === undefined ? undefined : (row) => row.branchId === branchId;
  for (const { name } of BACKUP_TABLES) {
    const storage = storageOf(dexie, name);
    if (!storage) continue;
    // One branch: its own row, its records, all shared standards (its 考评 name them), none of this computer's settings.
    let keep: Keep | undefined;
    if (branchId !== undefined) {
      if (name === 'settings') continue;
      if (name === 'branches') keep = (row) => row.id === branchId;
      else if (BRANCH_DATA_TABLES.includes(name)) keep = ofBranch;
    }
    tables[name] = storage.packed
      ? packedRows(dexie, storage.name, onPage, keep)
      : pagedRows(dexie, name, onPage, keep);
  }

  async function* attachments(): AsyncGenerator<BackupAttachmentSource> {
    const seen = new Set<string>();
    for await (const row of pagedRows(dexie, 'attachments', undefined, ofBranch)) {
      const a = row as StoredAttachment;
      // Rows sharing content share one file: read its bytes once.
      if (seen.has(a.sha256)) continue;
      seen.add(a.sha256);
      yield {
        sha256: a.sha256,
        size: a.size,
        chunks: a.blob ? blobChunks(a.blob) : [],
        ...(a.thumbnail ? { thumbnail: blobChunks(a.thumbnail) } : {}),
      };
    }
  }

  if (options.onProgress && present.has('attachments')) {
    // Total attachment bytes for the progress bar: sizes are in the rows, no bytes are read for this.
    const sizes = new Map<string, number>();
    await dexie.table('attachments').each((row: StoredAttachment & { branchId?: string }) => {
      if (branchId === undefined || row.branchId === branchId) sizes.set(row.sha256, row.size);
    });
    bytesTotal = [...sizes.values()].reduce((a, b) => a + b, 0);
  }

  return withHashWorker((sha256) =>
    writeBackup({ tables, attachments: attachments() }, sink, {
      sha256,
      schemaVersion: source.schemaVersion,
      appVersion: appVersion(),
      ...(options.createdAt ? { createdAt: options.createdAt } : {}),
      onProgress: (table, rows) =>
        options.onProgress?.({
          phase: 'tables',
          table,
          label: TABLE_BY_NAME.get(table)?.label ?? table,
          rows,
          rowsDone,
          rowsTotal,
        }),
      onAttachmentProgress: (files, bytes) => options.onProgress?.({ phase: 'attachments', files, bytes, bytesTotal }),
    }),
  );
}

/**
 * A sink that keeps the chunks as Blob parts: cheap to append to, and a Blob can be backed by disk rather than memory.
 * `toBlob()` once the writer has finished.
 */
export function createBlobSink(): { sink: BackupSink; toBlob: () => Blob } {
  const parts: BlobPart[] = [];
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const flush = () => {
    if (pending.length === 0) return;
    // Group the writer's small chunks (headers, 64 KB deflate blocks) into ~4 MB Blobs: fewer, larger parts.
    parts.push(new Blob(pending as BlobPart[]));
    pending = [];
    pendingBytes = 0;
  };
  return {
    sink: (chunk) => {
      // Copy: the writer does not promise not to reuse its buffers.
      pending.push(chunk.slice());
      pendingBytes += chunk.length;
      if (pendingBytes >= 4 * 1024 * 1024) flush();
    },
    toBlob: () => {
      flush();
      return new Blob(parts, { type: 'application/zip' });
    },
  };
}

/**
 * The file name offered for a manual backup: 支部台账备份-20250318-1000.zip (China time), or with one branch's name for a
 * backup of that branch only (支部台账备份-机关第一党支部-20250318-1000.zip).
 */
export function backupDownloadName(at: Date = new Date(), branchName?: string): string {
  const iso = new Date(at.getTime() + 8 * 3600_000).toISOString();
  const stamp = `${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 16).replace(':', '')}`;
  return branchName ? `支部台账备份-${safeFileName(branchName)}-${stamp}.zip` : `支部台账备份-${stamp}.zip`;
}

/** Exports the app's database into one Blob (a .zip file). */
export async function exportBackupBlob(options: ExportOptions = {}): Promise<{ blob: Blob; manifest: BackupManifest }> {
  const { sink, toBlob } = createBlobSink();
  const manifest = await exportBackup(sink, options);
  return { blob: toBlob(), manifest };
}
