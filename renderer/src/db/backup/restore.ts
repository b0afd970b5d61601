// Restores a backup file: validate everything first, stage it outside IndexedDB, then write it in ONE transaction.
import { type BackupManifest, inspectBackup, readBackup } from '../../../../shared/backup';
import { BACKUP_TABLES, type BackupTableName, TABLE_BY_NAME, TABLE_NAMES } from '../../../../shared/backup/tables';
import { formatChinaTime } from '../../../../shared/schemas/common';
import type { Attachment, AttachmentMeta, AuditEntry, Learning, Meeting } from '../../../../shared/schemas/entities';
import { withHashWorker } from '../../workers/hashClient';
import { newId } from '../clock';
import { db } from '../db';
import { partyGroupSeqs } from '../migrations/006-party-group-seq';
import { PACKED_STORAGE, packAudit, packLearning } from '../packed';
import { writeAudit } from '../repositories/audit';
import { buildPostings, toBuckets } from '../search/postings';
import { SETTING_CURRENT_BRANCH } from '../settingKeys';
import { blobChunks } from './blobChunks';
import { prepareAsNewBranches, type Row, type StagedTables } from './remap';
import { restoreIntoNewDatabase } from './replace';
import { describeWriteError, type Room, roomFor, roomProblem } from './room';

export type RestoreMode = 'replace' | 'addAsNewBranches';

export const RESTORE_MODE_LABELS: Record<RestoreMode, string> = {
  replace: '覆盖全部',
  addAsNewBranches: '作为新支部导入',
};

export interface BackupPreview {
  createdAt: string;
  appVersion: string;
  schemaVersion: number;
  branches: { id: string; name: string }[];
  /** Every table with its Chinese name and row count, in file order. */
  tables: { table: BackupTableName; label: string; rows: number }[];
  attachments: { count: number; bytes: number };
  fileBytes: number;
  /** Disk room the restore needs and what is available (room.ts); undefined when the file's directory gave no size. */
  room?: Room;
}

export type InspectFileResult = { ok: true; preview: BackupPreview } | { ok: false; errors: string[] };

export type RestoreProgress =
  | { phase: 'checking' | 'reading'; bytesRead: number; bytesTotal: number }
  /**
   * Writing, reported as each table starts: `table` is the stored table, `label` its Chinese name; `done` and `total`
   * count the stored records (a packed page or month is one), the unit IndexedDB's time follows.
   */
  | { phase: 'writing'; table: string; label: string; done: number; total: number };

export interface RestoreOptions {
  onProgress?: (progress: RestoreProgress) => void;
}

export type RestoreResult =
  | { ok: true; mode: RestoreMode; branches: { id: string; name: string }[]; rows: number; attachments: number }
  | { ok: false; errors: string[] };

/** Said with every refusal and failure: the user's first worry is whether anything was lost. */
export const NOTHING_CHANGED = '本机数据未做任何改动';

const open = (file: Blob) => () => blobChunks(file);

function previewOf(
  manifest: BackupManifest,
  counts: Record<BackupTableName, number>,
  fileBytes: number,
): BackupPreview {
  return {
    createdAt: manifest.createdAt,
    appVersion: manifest.appVersion,
    schemaVersion: manifest.schemaVersion,
    branches: manifest.branches,
    tables: TABLE_NAMES.map((table) => ({
      table,
      label: TABLE_BY_NAME.get(table)?.label ?? table,
      rows: counts[table],
    })),
    attachments: manifest.attachments,
    fileBytes,
  };
}

/** Validates the whole file (one streaming pass) and summarises it for the preview card; reasons are in Chinese. */
export async function inspectBackupFile(file: Blob, options: RestoreOptions = {}): Promise<InspectFileResult> {
  const result = await withHashWorker((sha256) =>
    inspectBackup(open(file), {
      sha256,
      onProgress: (bytesRead) => options.onProgress?.({ phase: 'checking', bytesRead, bytesTotal: file.size }),
    }),
  );
  if (!result.ok) return result;
  const preview = previewOf(result.manifest, result.counts, file.size);
  const room = await roomFor(file);
  return { ok: true, preview: room ? { ...preview, room } : preview };
}

interface Staged {
  manifest: BackupManifest;
  tables: StagedTables;
  attachments: Attachment[];
}

/**
 * Reads the validated file into memory-light staging: rows are small objects; attachment bytes become Blobs, which
 * browsers may keep on disk. This must happen BEFORE the transaction: IndexedDB commits a transaction as soon as its
 * code awaits anything that is not an IndexedDB request (here, reading the file), so streaming inside it is impossible.
 * The cost is holding every row of the backup at once (a few MB even for years of records) plus the attachment Blobs.
 */
async function stage(file: Blob, options: RestoreOptions): Promise<Staged | { errors: string[] }> {
  const tables = Object.fromEntries(TABLE_NAMES.map((t) => [t, [] as Row[]])) as StagedTables;
  const attachments: Attachment[] = [];
  // Rows sharing one content share one Blob (the reader hands the same bytes to each of them in turn).
  let lastBytes: Uint8Array | undefined;
  let lastBlobs: { blob: Blob; thumbnail?: Blob } | undefined;
  const result = await withHashWorker((sha256) =>
    readBackup(open(file), {
      sha256,
      onProgress: (bytesRead) => options.onProgress?.({ phase: 'reading', bytesRead, bytesTotal: file.size }),
      onRows: (table, rows) => {
        for (const row of rows) tables[table].push(row);
      },
      onAttachment: (meta: AttachmentMeta, bytes, thumbnail) => {
        if (bytes !== lastBytes || !lastBlobs) {
          lastBytes = bytes;
          lastBlobs = {
            blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: meta.mime }),
            ...(thumbnail
              ? { thumbnail: new Blob([thumbnail as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' }) }
              : {}),
          };
        }
        attachments.push({ ...meta, ...lastBlobs });
      },
    }),
  );
  if (!result.ok) return { errors: result.errors };
  return { manifest: result.manifest, tables, attachments };
}

/** The branches of the file already on this computer (same id): importing them again would duplicate them. */
async function branchesAlreadyHere(branches: { id: string; name: string }[]): Promise<string[]> {
  const found = await db.branches.bulkGet(branches.map((b) => b.id));
  return branches.flatMap((b, i) => {
    const here = found[i];
    return here ? [`备份中的支部「${b.name}」本机已有（本机名称「${here.name}」，同一支部）`] : [];
  });
}

/** A refusal to import existing branches as new ones, with what to do instead. */
function duplicateBranchErrors(found: string[]): string[] {
  return [
    ...found,
    '再作为新支部导入会出现两份同一支部的记录。如要用备份替换本机数据，请选择「覆盖全部」；如要保留两份，请先在本机删除该支部。',
  ];
}

/**
 * Restores `file`. 「覆盖全部」 writes the backup into a new database while reading it and switches to that database
 * once the whole file checked out (replace.ts); 「作为新支部导入」 adds the file's branches under new ids (every
 * reference remapped), refusing branches that are already here, in one read-write transaction after the whole file
 * was read and checked. Either way, on any failure nothing stored changes.
 */
export async function restoreBackup(
  file: Blob,
  mode: RestoreMode,
  options: RestoreOptions = {},
): Promise<RestoreResult> {
  // Before anything is read or written: a restore that cannot fit would fail part-way on a nearly full disk.
  const noRoom = await roomProblem(file, mode);
  if (noRoom) return { ok: false, errors: [noRoom] };
  if (mode === 'replace') return restoreIntoNewDatabase(file, options);
  return importAsNewBranches(file, options);
}

async function importAsNewBranches(file: Blob, options: RestoreOptions): Promise<RestoreResult> {
  const mode: RestoreMode = 'addAsNewBranches';
  // One pass: readBackup checks everything inspectBackupFile checks, and nothing is written before it said ok (the
  // rows are only staged in memory). A second, validate-only pass first would double the time of a large import.
  const staged = await stage(file, options);
  if ('errors' in staged) return { ok: false, errors: staged.errors };
  const found = await branchesAlreadyHere(staged.manifest.branches);
  if (found.length > 0) return { ok: false, errors: duplicateBranchErrors(found) };

  const prepared = prepareAsNewBranches({ ...staged.tables, attachments: staged.attachments as never }, newId);
  const tables: Partial<StagedTables> = prepared.tables;
  // A backup before v6 numbered 党小组会 across the branch's groups: renumber them per 党小组, as migration 006 did.
  if (staged.manifest.schemaVersion < 6 && tables.meetings) {
    const seqs = partyGroupSeqs(tables.meetings as unknown as Meeting[]);
    tables.meetings = tables.meetings.map((m) => (seqs.has(String(m.id)) ? { ...m, seq: seqs.get(String(m.id)) } : m));
  }
  const attachments = (prepared.tables.attachments ?? []) as unknown as Attachment[];
  const branches = (tables.branches ?? []).map((b) => ({ id: String(b.id), name: String(b.name) }));
  const rows = Object.values(tables).reduce((n, list) => n + list.length, 0);

  // Search postings are derived data, not in the file: built here in memory, before the transaction (pure CPU), and
  // written with the rows. The branches written are new to the database (an import refuses branches already here),
  // so there are no stored lists, pages or months of theirs to merge with. For the same reason the audit log and
  // learning entries are packed here whole (packed.ts).
  const postings = toBuckets(buildPostings((tables.meetings ?? []) as unknown as Meeting[]));
  const packed: Partial<Record<BackupTableName, object[]>> = {
    audit: packAudit((tables.audit ?? []) as unknown as AuditEntry[]),
    learning: packLearning((tables.learning ?? []) as unknown as Learning[]),
  };
  const storage: Partial<Record<BackupTableName, string>> = PACKED_STORAGE;

  // What the transaction writes, in order: the stored table, its records, and the Chinese name for the progress text.
  const plan = BACKUP_TABLES.map(({ name, label }) => {
    const list: Row[] = name === 'attachments' ? (attachments as unknown as Row[]) : (tables[name] ?? []);
    return { name, label, stored: storage[name] ?? name, records: packed[name] ?? list };
  });
  const total = plan.reduce((n, step) => n + step.records.length, postings.length);
  let done = 0;
  const writing = (table: string, label: string) =>
    options.onProgress?.({ phase: 'writing', table, label, done, total });
  writing('', '');
  try {
    await db.transaction('rw', db.tables, async () => {
      // Checked again inside the transaction: nothing can have added them since, but the price is one read.
      const again = await branchesAlreadyHere(staged.manifest.branches);
      if (again.length > 0) throw new Error(duplicateBranchErrors(again).join('；'));
      for (const { name, label, stored, records } of plan) {
        let list = records;
        if (name === 'standards' && list.length > 0) {
          // Shared templates keep their ids: one already here (from an earlier import) is reused, not duplicated.
          const here = await db.standards.bulkGet(list.map((s) => String((s as Row).id)));
          list = list.filter((_, i) => here[i] === undefined);
        }
        writing(stored, label);
        if (list.length > 0) await db.table(stored).bulkAdd(list);
        done += records.length;
      }
      writing('searchBuckets', '检索索引');
      if (postings.length > 0) await db.searchBuckets.bulkAdd(postings);
      const current = await db.settings.get(SETTING_CURRENT_BRANCH);
      const valid = typeof current?.value === 'string' && (await db.branches.get(current.value)) !== undefined;
      if (!valid && branches[0]) await db.settings.put({ key: SETTING_CURRENT_BRANCH, value: branches[0].id });
      const when = formatChinaTime(staged.manifest.createdAt);
      for (const branch of branches) {
        await writeAudit({
          entity: 'branch',
          entityId: branch.id,
          branchId: branch.id,
          action: 'restore',
          summary: `从备份恢复（${RESTORE_MODE_LABELS[mode]}，备份时间 ${when}，软件版本 ${staged.manifest.appVersion}）`,
        });
      }
    });
  } catch (error) {
    return { ok: false, errors: [`写入数据库时出错：${describeWriteError(error)}`] };
  }
  return { ok: true, mode, branches, rows, attachments: attachments.length };
}
