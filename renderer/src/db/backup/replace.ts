// 覆盖全部 as a stream: the backup is written into a NEW database while it is read; only when the whole file checked
// out does that database become the app's (db.ts switchDatabase) and the old one get deleted.
import Dexie from 'dexie';
import { readBackup } from '../../../../shared/backup';
import { type BackupTableName, countRecords, TABLE_BY_NAME } from '../../../../shared/backup/tables';
import { formatChinaTime } from '../../../../shared/schemas/common';
import {
  type Attachment,
  type AttachmentMeta,
  type AuditEntry,
  auditEntrySchema,
  type Learning,
} from '../../../../shared/schemas/entities';
import { withHashWorker } from '../../workers/hashClient';
import { AppDB } from '../AppDB';
import { newId, nowIso } from '../clock';
import { DB_NAME, switchDatabase } from '../db';
import { AUDIT_PAGE_ENTRIES, type AuditPage, compareLearning, type LearningMonth, monthOf, packAudit } from '../packed';
import { startPostingsBuilder } from '../../workers/postingsClient';
import { renumberPartyGroupMeetings } from '../migrations/006-party-group-seq';
import { regroupedNote } from './olderVersion';
import { blobChunks } from './blobChunks';
import type { RestoreOptions, RestoreResult } from './restore';
import { describeWriteError } from './room';

/*
 * Why a new database: a restore must not change anything stored unless the whole file is valid, and IndexedDB ends a
 * transaction as soon as its code waits for anything else (the file, the hashing worker), so the old way was to hold
 * every row in memory first and write them in one transaction after reading: on a large organ that meant ≈ 580 MB of
 * staged rows and a write phase that could only start when reading ended. Writing into a database nobody uses yet
 * removes both: rows are written while later ones are still being read and checked (IndexedDB's backend works in
 * another process), memory holds only what is in flight, and a refused file is simply a deleted database. The
 * switch (one localStorage key) is the commit point.
 */

/** Rows per validated batch from the reader, and stored writes allowed in flight before reading waits. */
const BATCH = 1000;
const IN_FLIGHT = 4;
/** Learning entries held before they are merged into their branch-months. */
const LEARNING_FLUSH = 10_000;
/** Attachment rows (with their Blobs) per write. */
const ATTACHMENT_BATCH = 50;

/** Writes started but not finished; reading waits when too many are, so memory stays bounded. */
class WriteQueue {
  private readonly inFlight = new Set<Promise<unknown>>();
  error: unknown;

  async push(write: Promise<unknown>): Promise<void> {
    const tracked = write.then(
      () => undefined,
      (error: unknown) => {
        this.error ??= error;
      },
    );
    this.inFlight.add(tracked);
    void tracked.then(() => this.inFlight.delete(tracked));
    if (this.inFlight.size >= IN_FLIGHT) await Promise.race(this.inFlight);
  }

  async drain(): Promise<void> {
    await Promise.all(this.inFlight);
  }
}

/** A branch's audit log as it streams in: full pages are written, the current one is kept. */
interface BranchLog {
  page: number;
  entries: AuditEntry[];
  lastAt: string;
  /** An entry arrived older than one before it (backups before v4 list the log by id): re-sorted at the end. */
  unsorted: boolean;
}

/**
 * Adds `values` to `store` in one transaction of the raw database, awaiting its commit. Not Dexie's bulkAdd: its
 * per-row bookkeeping was ≈ 1.2 s of the page's thread on a large restore, and nothing here needs it (a new,
 * unwatched database; every row already validated). Relaxed durability: the database is not in use until the switch,
 * and the last write before it (`durability: 'strict'`) makes everything before it durable too.
 */
function addRaw(
  idb: IDBDatabase,
  store: string,
  values: readonly object[],
  durability: IDBTransactionDurability = 'relaxed',
): Promise<void> {
  return addRawTo(idb, [[store, values]], durability);
}

function addRawTo(
  idb: IDBDatabase,
  writes: readonly (readonly [string, readonly object[]])[],
  durability: IDBTransactionDurability,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = idb.transaction(
      writes.map(([store]) => store),
      'readwrite',
      { durability },
    );
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('写入被中止'));
    try {
      for (const [store, values] of writes) {
        const objectStore = tx.objectStore(store);
        for (const value of values) objectStore.add(value);
      }
    } catch (error) {
      tx.abort();
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

const pageOf = (branchId: string, page: number, entries: AuditEntry[]): AuditPage => ({
  branchId,
  page,
  firstAt: entries[0]!.at,
  lastAt: entries[entries.length - 1]!.at,
  entries,
});

/** A failed write as an Error whose message the reader reports as it is (a full disk in plain words). */
const writeFailure = (error: unknown): Error => new Error(describeWriteError(error));

export async function restoreIntoNewDatabase(file: Blob, options: RestoreOptions = {}): Promise<RestoreResult> {
  const name = `${DB_NAME}-${Date.now()}`;
  const target = new AppDB(name);
  const queue = new WriteQueue();
  const postings = startPostingsBuilder();
  const logs = new Map<string, BranchLog>();
  let learning = new Map<string, Learning[]>();
  let learningHeld = 0;
  // Merges are chained: two merges of the same month must not both read it before either writes it.
  let learningChain: Promise<void> = Promise.resolve();
  let attachments: Attachment[] = [];
  let lastBytes: Uint8Array | undefined;
  let lastBlobs: { blob: Blob; thumbnail?: Blob } | undefined;
  let rows = 0;
  // 党小组会 renumbered per 党小组 (a backup before v6).
  let regrouped = 0;
  const rowsOf: Partial<Record<BackupTableName, number>> = {};
  let attachmentRows = 0;

  const mergeLearning = async (batch: Map<string, Learning[]>) => {
    const keys = [...batch.keys()].map((k) => k.split('\u0000') as [string, string]);
    await target.transaction('rw', target.learningMonths, async () => {
      const stored = await target.learningMonths.bulkGet(keys);
      const merged: LearningMonth[] = keys.map(([branchId, month], i) => ({
        branchId,
        month,
        entries: [...(stored[i]?.entries ?? []), ...batch.get(`${branchId}\u0000${month}`)!].sort(compareLearning),
      }));
      await target.learningMonths.bulkPut(merged);
    });
  };
  const flushLearning = async () => {
    if (learningHeld === 0) return;
    const batch = learning;
    learning = new Map();
    learningHeld = 0;
    learningChain = learningChain.then(() => mergeLearning(batch));
    await queue.push(learningChain);
  };

  const addAudit = async (entry: AuditEntry) => {
    let log = logs.get(entry.branchId);
    if (!log) logs.set(entry.branchId, (log = { page: 0, entries: [], lastAt: '', unsorted: false }));
    if (entry.at < log.lastAt) log.unsorted = true;
    else log.lastAt = entry.at;
    log.entries.push(entry);
    if (log.entries.length === AUDIT_PAGE_ENTRIES) {
      const full = pageOf(entry.branchId, log.page, log.entries);
      log.page++;
      log.entries = [];
      await queue.push(addRaw(target.backendDB(), 'auditPages', [full]));
    }
  };

  const flushAttachments = async () => {
    if (attachments.length === 0) return;
    const batch = attachments;
    attachments = [];
    await queue.push(addRaw(target.backendDB(), 'attachments', batch));
  };

  const onRows = async (table: BackupTableName, batch: Record<string, unknown>[]) => {
    rows += batch.length;
    rowsOf[table] = (rowsOf[table] ?? 0) + batch.length;
    if (table === 'audit') {
      for (const row of batch) await addAudit(row as unknown as AuditEntry);
      return;
    }
    if (table === 'learning') {
      for (const row of batch) {
        const e = row as unknown as Learning;
        const key = `${e.branchId}\u0000${monthOf(e.date)}`;
        let list = learning.get(key);
        if (!list) learning.set(key, (list = []));
        list.push(e);
      }
      learningHeld += batch.length;
      if (learningHeld >= LEARNING_FLUSH) await flushLearning();
      return;
    }
    if (table === 'meetings') postings.add(batch);
    await queue.push(addRaw(target.backendDB(), table, batch));
  };

  const onAttachment = async (meta: AttachmentMeta, bytes: Uint8Array, thumbnail?: Uint8Array) => {
    attachmentRows += 1;
    if (bytes !== lastBytes || !lastBlobs) {
      lastBytes = bytes;
      lastBlobs = {
        blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: meta.mime }),
        ...(thumbnail ? { thumbnail: new Blob([thumbnail as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' }) } : {}),
      };
    }
    attachments.push({ ...meta, ...lastBlobs });
    if (attachments.length >= ATTACHMENT_BATCH) await flushAttachments();
  };

  const abandon = async (errors: string[]): Promise<RestoreResult> => {
    postings.dispose();
    await queue.drain();
    await learningChain.catch(() => undefined);
    target.close();
    await Dexie.delete(name).catch(() => undefined);
    return { ok: false, errors };
  };

  let branches: { id: string; name: string }[];
  try {
    await target.open();
    const result = await withHashWorker((sha256) =>
      readBackup(() => blobChunks(file), {
        sha256,
        batchSize: BATCH,
        onProgress: (bytesRead) => options.onProgress?.({ phase: 'reading', bytesRead, bytesTotal: file.size }),
        // A failed write stops the reading (readBackup then reports it, and the new database is deleted).
        onRows: (table, batch) => {
          if (queue.error !== undefined) throw writeFailure(queue.error);
          return onRows(table, batch);
        },
        onAttachment: (meta, bytes, thumbnail) => {
          if (queue.error !== undefined) throw writeFailure(queue.error);
          return onAttachment(meta, bytes, thumbnail);
        },
      }),
    );
    if (!result.ok) return await abandon(result.errors);
    branches = result.manifest.branches;

    // The rest of what streamed in: the last attachments and learning entries, the search lists, and the log's
    // last pages, each branch's with the entry that records this restore.
    const writing = (table: string, done: number, total: number) =>
      options.onProgress?.({
        phase: 'writing',
        table,
        label: TABLE_BY_NAME.get(table as BackupTableName)?.label ?? '检索索引',
        done,
        total,
      });
    writing('learning', 0, 3);
    await flushAttachments();
    await flushLearning();
    writing('searchBuckets', 1, 3);
    const buckets = await postings.finish();
    writing('audit', 2, 3);
    const when = formatChinaTime(result.manifest.createdAt);
    for (const branch of result.manifest.branches) {
      await addAudit(
        auditEntrySchema.parse({
          id: newId(),
          at: nowIso(),
          entity: 'branch',
          entityId: branch.id,
          branchId: branch.id,
          action: 'restore',
          summary: `从备份恢复（覆盖全部，备份时间 ${when}，软件版本 ${result.manifest.appVersion}${regroupedNote(result.manifest.schemaVersion)}）`,
        }),
      );
    }
    await queue.drain();
    await learningChain;
    if (queue.error !== undefined) throw writeFailure(queue.error);
    // A backup before v6 numbered 党小组会 across the branch's groups: renumber them per 党小组, as migration 006 did.
    if (result.manifest.schemaVersion < 6) {
      regrouped = await target.transaction('rw', target.meetings, (tx) => renumberPartyGroupMeetings(tx));
    }
    // Each branch's last, partial page; a log that arrived out of time order (a backup before v4 lists it by id) is
    // re-paged whole, in time order, one branch at a time.
    const lastPages: AuditPage[] = [];
    for (const [branchId, log] of logs) {
      if (!log.unsorted) {
        if (log.entries.length > 0) lastPages.push(pageOf(branchId, log.page, log.entries));
        continue;
      }
      const range = target.auditPages
        .where('[branchId+page]')
        .between([branchId, Dexie.minKey], [branchId, Dexie.maxKey]);
      const entries = [...(await range.toArray()).flatMap((p) => p.entries), ...log.entries];
      await range.delete();
      lastPages.push(...packAudit(entries));
    }
    // The last write, strict: when it has committed, so has everything before it (one log, written in order). It
    // carries every branch's last audit page, so it is never empty when anything was restored.
    await addRawTo(
      target.backendDB(),
      [
        ['searchBuckets', buckets],
        ['auditPages', lastPages],
      ],
      'strict',
    );
    writing('', 3, 3);
    postings.dispose();
    target.close();
  } catch (error) {
    return abandon([`写入数据库时出错：${describeWriteError(error)}`]);
  }
  // The commit point. From here the new database holds the whole backup and is never deleted: if opening it fails
  // now, the next start opens it (the pointer is written first).
  try {
    await switchDatabase(name);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      errors: [`备份的数据已完整写入，但打开时出错：${reason}。请重新启动软件，启动时会打开恢复的数据。`],
    };
  }
  const records = countRecords((table) => rowsOf[table] ?? 0);
  return {
    ok: true,
    mode: 'replace',
    branches,
    rows,
    records,
    attachments: attachmentRows,
    ...(regrouped > 0 ? { regrouped } : {}),
  };
}
