// Restores a backup file: validate everything first, stage it outside IndexedDB, then write it in ONE transaction.
import type { Table } from 'dexie';
import { type BackupManifest, readBackup } from '../../../../shared/backup';
import {
  BACKUP_TABLES,
  type BackupTableName,
  countRecords,
  TABLE_BY_NAME,
  TABLE_NAMES,
} from '../../../../shared/backup/tables';
import { nextTurn } from '../../../../shared/backup/timeSlice';
import { formatChinaTime } from '../../../../shared/schemas/common';
import type { Attachment, AttachmentMeta, AuditEntry, Learning, Meeting } from '../../../../shared/schemas/entities';
import { withHashWorker } from '../../workers/hashClient';
import { startPostingsBuilder } from '../../workers/postingsClient';
import { newId } from '../clock';
import { db } from '../db';
import { partyGroupSeqs } from '../migrations/006-party-group-seq';
import { regroupedNote } from './olderVersion';
import { PACKED_STORAGE, packAudit, packLearning } from '../packed';
import { listRecentAudit, writeAudit } from '../repositories/audit';
import {
  branchRows,
  type BranchRowCount,
  deleteBranchRows,
  describeBranchRows,
  listBranches,
  type StoredTable,
} from '../repositories/branches';
import type { SearchBucket } from '../search/postings';
import { SETTING_CURRENT_BRANCH } from '../settingKeys';
import { blobChunks } from './blobChunks';
import { KEYED_TABLES, prepareImport, type Row, type StagedTables } from './remap';
import { restoreIntoNewDatabase } from './replace';
import { describeWriteError, type Room, roomFor, roomProblem } from './room';

/**
 * 覆盖全部: the file becomes the whole database. 替换本机的同一支部: the file's branches replace their copies here,
 * other branches stay. 作为新支部导入: the file's branches that are not here are added, those here are skipped (left
 * as they are); refused when every one of them is already here.
 */
export type RestoreMode = 'replace' | 'replaceBranches' | 'addAsNewBranches';

export const RESTORE_MODE_LABELS: Record<RestoreMode, string> = {
  replace: '覆盖全部',
  replaceBranches: '替换本机的同一支部',
  addAsNewBranches: '作为新支部导入',
};

/** How the file's branches relate to this computer's, shown in the preview before a mode is chosen. */
export interface BranchesHere {
  /** Branches of the file already here (same id: the same branch), with their name here and their last change. */
  same: { id: string; name: string; localName: string; lastChange?: string }[];
  /** Branches of the file not here, whose name a branch here has (another id: not the same branch by record). */
  sameName: { id: string; name: string }[];
  /** Branches here the file does not hold: 覆盖全部 deletes them. */
  onlyHere: { id: string; name: string }[];
  /** How many branches this computer has. */
  total: number;
}

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
  /** The file's branches beside this computer's (from the manifest, so known before any mode reads the file). */
  here: BranchesHere;
  /**
   * What the file holds of each of its branches, by stored table (as countBranchRows counts: log and learning by
   * entry): the replace confirmation sets it beside what is here.
   */
  fileRows: Record<string, Partial<Record<StoredTable, number>>>;
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
  /**
   * The branches the preview listed (the manifest's): 作为新支部导入 is refused at once when all of them are here,
   * before the file is read. The file is checked again after reading (it may have changed since).
   */
  expectedBranches?: readonly { id: string; name: string }[];
}

export type RestoreResult =
  | {
      ok: true;
      mode: RestoreMode;
      branches: { id: string; name: string }[];
      /** Every row written, attachments, 操作日志 and settings included (the bench's measure). */
      rows: number;
      /** The 条记录 the user is told of, counted as 立即备份 and the preview count them (countRecords). */
      records: number;
      attachments: number;
      /** 替换本机的同一支部: the branches that were here and were replaced (the others of the file were added). */
      replaced?: { id: string; name: string }[];
      /** 作为新支部导入: the file's branches already here, left as they were (not written). */
      skipped?: { id: string; name: string }[];
      /** How many branches that were here before the restore it left untouched (0 for 覆盖全部). */
      unchanged?: number;
      /** Rows of the file given new ids because another branch here used theirs (remap.ts). */
      renumbered?: number;
      /** 党小组会 of a backup before v6 given their number per 党小组 (migration 006's rule). */
      regrouped?: number;
    }
  | { ok: false; errors: string[] };

/** Said with every refusal and failure: the user's first worry is whether anything was lost. */
export const NOTHING_CHANGED = '本机数据未做任何改动';

const open = (file: Blob) => () => blobChunks(file);

function previewOf(
  manifest: BackupManifest,
  fileBytes: number,
  here: BranchesHere,
  fileRows: BackupPreview['fileRows'],
): BackupPreview {
  return {
    here,
    fileRows,
    createdAt: manifest.createdAt,
    appVersion: manifest.appVersion,
    schemaVersion: manifest.schemaVersion,
    branches: manifest.branches,
    tables: TABLE_NAMES.map((table) => ({
      table,
      label: TABLE_BY_NAME.get(table)?.label ?? table,
      // readBackup said ok: every table holds the rows its manifest line says.
      rows: manifest.tables[table]?.rows ?? 0,
    })),
    attachments: manifest.attachments,
    fileBytes,
  };
}

/** Backup tables whose rows belong to no branch, or are the branch itself: not counted per branch. */
const UNOWNED: ReadonlySet<BackupTableName> = new Set(['branches', 'standards', 'settings']);

/**
 * Validates the whole file (one streaming pass) and summarises it for the preview card; reasons are in Chinese.
 * The pass is readBackup's, which checks everything inspectBackup checks and hands over the rows: they are only
 * counted per branch (fileRows), so that replacing a branch can say what the file brings against what is here.
 */
export async function inspectBackupFile(file: Blob, options: RestoreOptions = {}): Promise<InspectFileResult> {
  const fileRows: BackupPreview['fileRows'] = {};
  const tally = (branchId: unknown, table: StoredTable) => {
    if (typeof branchId !== 'string') return;
    const counts = (fileRows[branchId] ??= {});
    counts[table] = (counts[table] ?? 0) + 1;
  };
  const storage: Partial<Record<BackupTableName, string>> = PACKED_STORAGE;
  const result = await withHashWorker((sha256) =>
    readBackup(open(file), {
      sha256,
      onProgress: (bytesRead) => options.onProgress?.({ phase: 'checking', bytesRead, bytesTotal: file.size }),
      onRows: (table, rows) => {
        if (UNOWNED.has(table)) return;
        const stored = (storage[table] ?? table) as StoredTable;
        for (const row of rows) tally(row.branchId, stored);
      },
      onAttachment: (meta) => tally(meta.branchId, 'attachments'),
    }),
  );
  if (!result.ok) return result;
  const preview = previewOf(result.manifest, file.size, await compareBranches(result.manifest.branches), fileRows);
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

/** The last change made here to a branch, restores aside (a restore's own entry is not a change of the data). */
async function lastChange(branchId: string): Promise<string | undefined> {
  return (await listRecentAudit(branchId, 20)).find((e) => e.action !== 'restore')?.at;
}

/**
 * The file's branches (the manifest's list) beside this computer's: the same branch is the same id (ids are UUIDs);
 * a branch of the same name under another id is only named, e.g. a copy imported before ids were kept.
 */
export async function compareBranches(branches: readonly { id: string; name: string }[]): Promise<BranchesHere> {
  const local = await listBranches();
  const byId = new Map(local.map((b) => [b.id, b]));
  const fileIds = new Set(branches.map((b) => b.id));
  const same: BranchesHere['same'] = [];
  const sameName: BranchesHere['sameName'] = [];
  for (const b of branches) {
    const here = byId.get(b.id);
    if (here) {
      const at = await lastChange(b.id);
      same.push({ id: b.id, name: b.name, localName: here.name, ...(at ? { lastChange: at } : {}) });
    } else if (local.some((l) => l.name === b.name)) {
      sameName.push({ id: b.id, name: b.name });
    }
  }
  const onlyHere = local.filter((b) => !fileIds.has(b.id)).map((b) => ({ id: b.id, name: b.name }));
  return { same, sameName, onlyHere, total: local.length };
}

/** The branches of the file already on this computer (same id): importing them again would duplicate them. */
async function branchesAlreadyHere(branches: readonly { id: string; name: string }[]): Promise<string[]> {
  const found = await db.branches.bulkGet(branches.map((b) => b.id));
  return branches.flatMap((b, i) => {
    const here = found[i];
    if (!here) return [];
    const named = here.name === b.name ? '' : `（本机名称「${here.name}」）`;
    return [`本机已有备份中的支部「${b.name}」${named}，是同一支部`];
  });
}

/** A refusal to import existing branches as new ones, with what to do instead (actions that exist). */
function duplicateBranchErrors(found: string[]): string[] {
  return [
    ...found,
    '再作为新支部导入会出现两份同一支部的记录，所以没有导入。如要用备份中的数据更新本机的这个支部，请选择「替换本机的同一支部」：只替换备份中的支部，本机其他支部不受影响。',
  ];
}

let restoresRunning = 0;

/**
 * Whether a restore is writing now. The automatic backup waits meanwhile: it would read a database that is being
 * filled or replaced (覆盖全部 switches the app to another database at its end).
 */
export function isRestoreRunning(): boolean {
  return restoresRunning > 0;
}

/**
 * Restores `file`. 「覆盖全部」 writes the backup into a new database while reading it and switches to that database
 * once the whole file checked out (replace.ts). 「替换本机的同一支部」 and 「作为新支部导入」 read and check the whole
 * file first, then in ONE read-write transaction delete every row of the file's branches here (none, for an import,
 * which skips the branches already here) and write the file's rows for them, with their ids (remap.ts); other branches
 * are not touched. Either way, on any failure nothing stored changes.
 */
export async function restoreBackup(
  file: Blob,
  mode: RestoreMode,
  options: RestoreOptions = {},
): Promise<RestoreResult> {
  restoresRunning++;
  try {
    // Before anything is read or written: a restore that cannot fit would fail part-way on a nearly full disk.
    const noRoom = await roomProblem(file, mode);
    if (noRoom) return { ok: false, errors: [noRoom] };
    if (mode === 'replace') return await restoreIntoNewDatabase(file, options);
    if (mode === 'addAsNewBranches' && options.expectedBranches) {
      // Known from the preview: an import that would add nothing is refused before a long read.
      const found = await branchesAlreadyHere(options.expectedBranches);
      if (found.length > 0 && found.length === options.expectedBranches.length) {
        return { ok: false, errors: duplicateBranchErrors(found) };
      }
    }
    return await restoreBranches(file, mode, options);
  } finally {
    restoresRunning--;
  }
}

/**
 * Ids of `tables` (their keyed rows) that rows here already have, other than rows of `replaced` branches (those are
 * deleted before the write). Key-only reads: nothing but the keys is loaded.
 */
async function clashingIds(tables: Partial<StagedTables>, replaced: readonly string[]): Promise<Set<string>> {
  const clashes = new Set<string>();
  // The keyed backup tables are stored under the same names.
  for (const table of KEYED_TABLES as readonly (BackupTableName & StoredTable)[]) {
    const ids = (tables[table] ?? []).map((row) => String(row.id));
    if (ids.length === 0) continue;
    const found = await db.table(table).where(':id').anyOf(ids).primaryKeys();
    if (found.length === 0) continue;
    const ours = new Set<unknown>();
    for (const branchId of replaced) for (const key of await branchRows(table, branchId)!.primaryKeys()) ours.add(key);
    for (const key of found) if (!ours.has(key)) clashes.add(String(key));
  }
  return clashes;
}

/**
 * `tables` without the rows of `skip` (branches 作为新支部导入 leaves as they are here): the branch rows themselves and
 * every row naming one of them. Shared standards, and rows of no branch, stay.
 */
function withoutBranches(tables: Partial<StagedTables>, skip: ReadonlySet<string>): Partial<StagedTables> {
  if (skip.size === 0) return tables;
  const out: Partial<StagedTables> = {};
  for (const [name, rows] of Object.entries(tables) as [BackupTableName, Row[]][]) {
    out[name] = rows.filter((row) =>
      name === 'branches' ? !skip.has(String(row.id)) : !skip.has(String(row.branchId)),
    );
  }
  return out;
}

/** Meetings per message to the postings worker: ≈ 1 MB of a large organ's, copied in a task of its own each. */
const POSTINGS_BATCH = 200;

/**
 * The search buckets of `meetings`, built in the postings worker as 覆盖全部 builds them (replace.ts): splitting a
 * large organ's 21,000 meetings into bigrams held the page's thread for ≈ 2 s at once.
 */
async function searchBucketsOf(meetings: readonly Row[]): Promise<SearchBucket[]> {
  const builder = startPostingsBuilder();
  try {
    for (let at = 0; at < meetings.length; at += POSTINGS_BATCH) {
      builder.add(meetings.slice(at, at + POSTINGS_BATCH));
      await nextTurn();
    }
    return await builder.finish();
  } finally {
    builder.dispose();
  }
}

/** Page-thread time aimed at per piece of a table's write. */
const WRITE_SLICE_MS = 20;

/**
 * Adds `records` to `table` inside the running transaction in pieces of about WRITE_SLICE_MS of the page's thread
 * (Dexie's bookkeeping and the structured clone of one bulkAdd of a large organ's table took up to 1.2 s at once).
 * Each piece is issued when the one before the last has committed its requests: that continuation runs in a task of
 * its own, where the transaction is still active, and two pieces in flight keep the database busy meanwhile.
 */
async function bulkAddInSlices(table: Table, records: readonly object[]): Promise<void> {
  const inFlight: Promise<unknown>[] = [];
  let size = 64;
  try {
    for (let at = 0; at < records.length;) {
      const piece = records.slice(at, at + size);
      at += piece.length;
      const started = performance.now();
      const write = table.bulkAdd(piece);
      // Awaited below; until then a failure must not count as unhandled.
      write.catch(() => undefined);
      inFlight.push(write);
      const took = Math.max(performance.now() - started, 1);
      size = Math.max(1, Math.min(size * 4, Math.round((piece.length * WRITE_SLICE_MS) / took)));
      if (inFlight.length >= 2) await inFlight.shift();
    }
    await Promise.all(inFlight);
  } finally {
    // After a failure the transaction aborts: the other piece's rejection is that same failure.
    await Promise.allSettled(inFlight);
  }
}

async function restoreBranches(
  file: Blob,
  mode: 'replaceBranches' | 'addAsNewBranches',
  options: RestoreOptions,
): Promise<RestoreResult> {
  // One pass: readBackup checks everything inspectBackupFile checks, and nothing is written before it said ok (the
  // rows are only staged in memory). A second, validate-only pass first would double the time of a large import.
  const staged = await stage(file, options);
  if ('errors' in staged) return { ok: false, errors: staged.errors };
  // 作为新支部导入 adds the file's branches that are not here and leaves those here as they are (a deleted branch can
  // be got back from a backup of the whole computer without touching the others); with none to add it is refused.
  let fileBranches = staged.manifest.branches;
  let skipped: { id: string; name: string }[] = [];
  if (mode === 'addAsNewBranches') {
    const found = await branchesAlreadyHere(fileBranches);
    if (found.length > 0 && found.length === fileBranches.length) {
      return { ok: false, errors: duplicateBranchErrors(found) };
    }
    const here = await db.branches.bulkGet(fileBranches.map((b) => b.id));
    skipped = fileBranches.filter((_, i) => here[i] !== undefined);
    fileBranches = fileBranches.filter((_, i) => here[i] === undefined);
  }
  // Every branch written is written whole: its rows here, if any (the branch, or rows an earlier failure left
  // without it), are deleted in the same transaction, so they are no clash.
  const fileBranchIds = fileBranches.map((b) => b.id);
  const source = withoutBranches(
    { ...staged.tables, attachments: staged.attachments as never },
    new Set(skipped.map((b) => b.id)),
  );
  const clashes = await clashingIds(source, fileBranchIds);
  const prepared = prepareImport(source, clashes, newId);
  const tables: Partial<StagedTables> = prepared.tables;
  // A backup before v6 numbered 党小组会 across the branch's groups: renumber them per 党小组, as migration 006 did.
  let regrouped = 0;
  if (staged.manifest.schemaVersion < 6 && tables.meetings) {
    const seqs = partyGroupSeqs(tables.meetings as unknown as Meeting[]);
    regrouped = seqs.size;
    tables.meetings = tables.meetings.map((m) => (seqs.has(String(m.id)) ? { ...m, seq: seqs.get(String(m.id)) } : m));
  }
  const attachments = (prepared.tables.attachments ?? []) as unknown as Attachment[];
  const branches = (tables.branches ?? []).map((b) => ({ id: String(b.id), name: String(b.name) }));
  const rows = Object.values(tables).reduce((n, list) => n + list.length, 0);

  // Search postings are derived data, not in the file: built before the transaction (in the postings worker), and
  // written with the rows. The transaction deletes every stored row of the branches written (their lists, log pages
  // and learning months too), so there is nothing of theirs to merge with: the audit log and the learning entries are
  // packed here whole (packed.ts).
  const postings = await searchBucketsOf(tables.meetings ?? []);
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
  const replaced: { id: string; name: string; counts: BranchRowCount[] }[] = [];
  let unchanged = 0;
  try {
    await db.transaction('rw', db.tables, async () => {
      // Checked again inside the transaction: nothing can have added them since, but the price is one read.
      const here = await db.branches.bulkGet(fileBranchIds);
      unchanged = (await db.branches.count()) - here.filter((b) => b !== undefined).length;
      if (mode === 'addAsNewBranches' && here.some((b) => b !== undefined)) {
        throw new Error(duplicateBranchErrors(await branchesAlreadyHere(fileBranches)).join('；'));
      }
      writing('', mode === 'replaceBranches' ? '删除该支部的原有数据' : '');
      for (const [i, branchId] of fileBranchIds.entries()) {
        const counts = await deleteBranchRows(branchId);
        const was = here[i];
        if (was) replaced.push({ id: branchId, name: was.name, counts });
      }
      for (const { name, label, stored, records } of plan) {
        let list = records;
        if (name === 'standards' && list.length > 0) {
          // Shared templates keep their ids: one already here (used by other branches too) is kept as it is.
          const stock = await db.standards.bulkGet(list.map((s) => String((s as Row).id)));
          list = list.filter((_, i) => stock[i] === undefined);
        }
        writing(stored, label);
        await bulkAddInSlices(db.table(stored), list);
        done += records.length;
      }
      writing('searchBuckets', '检索索引');
      await bulkAddInSlices(db.searchBuckets, postings);
      const current = await db.settings.get(SETTING_CURRENT_BRANCH);
      const valid = typeof current?.value === 'string' && (await db.branches.get(current.value)) !== undefined;
      if (!valid && branches[0]) await db.settings.put({ key: SETTING_CURRENT_BRANCH, value: branches[0].id });
      const when = formatChinaTime(staged.manifest.createdAt);
      const version = staged.manifest.appVersion;
      for (const branch of branches) {
        const before = replaced.find((r) => r.id === branch.id);
        await writeAudit({
          entity: 'branch',
          entityId: branch.id,
          branchId: branch.id,
          action: 'restore',
          summary: before
            ? `用备份替换本支部数据（备份时间 ${when}，软件版本 ${version}；替换前本机：${describeBranchRows(before.counts)}${regroupedNote(staged.manifest.schemaVersion)}）`
            : `从备份恢复（${RESTORE_MODE_LABELS.addAsNewBranches}，备份时间 ${when}，软件版本 ${version}${regroupedNote(staged.manifest.schemaVersion)}）`,
        });
      }
    });
  } catch (error) {
    return { ok: false, errors: [`写入数据库时出错：${describeWriteError(error)}`] };
  }
  return {
    ok: true,
    mode,
    branches,
    rows,
    records: countRecords((table) => tables[table]?.length ?? 0),
    attachments: attachments.length,
    unchanged,
    ...(mode === 'replaceBranches' ? { replaced: replaced.map(({ id, name }) => ({ id, name })) } : {}),
    ...(skipped.length > 0 ? { skipped } : {}),
    ...(prepared.idMap.size > 0 ? { renumbered: prepared.idMap.size } : {}),
    ...(regrouped > 0 ? { regrouped } : {}),
  };
}
