// Several branches in one database for the branch-level tests (替换本机的同一支部, 作为新支部导入, 删除支部): the
// frozen fixture's branch b-1 and copies of it under other ids, with rows in every table, and raw table snapshots.
import type { Meeting } from '../../../shared/schemas/entities';
import { exportBackupBlob } from '../../../renderer/src/db/backup/export';
import { branchDataOf, buildIdMap, remapTables, type StagedTables } from '../../../renderer/src/db/backup/remap';
import { db } from '../../../renderer/src/db/db';
import { buildPostings, toBuckets } from '../../../renderer/src/db/search/postings';
import { bytesOf, fixtureRows, storeBackupRows } from './helpers';

export const FIXTURE_BRANCH = { id: 'b-1', name: '机关第一党支部' };

/** The fixture's rows by table, plus one 技能比武 (the fixture has none), so that every table has rows of b-1. */
export async function branchOneRows(): Promise<Partial<StagedTables>> {
  const rows = (await fixtureRows('v6-small.zip')) as Partial<StagedTables>;
  rows.competitions = [
    {
      id: 'cp-1',
      branchId: 'b-1',
      name: '党章知识竞赛',
      date: '2025-02-10',
      kind: '知识竞赛',
      participants: [{ memberId: 'm-0', name: '党员0', score: 95, rank: 1, award: '' }],
      notes: '',
      createdAt: '2025-03-18T02:00:00.000Z',
      updatedAt: '2025-03-18T02:00:00.000Z',
    },
  ];
  return rows;
}

/** b-1's rows as another branch: every id renewed with `prefix`, named `name`; no standards or settings of its own. */
export function copyOfBranch(rows: Partial<StagedTables>, prefix: string, name: string): Partial<StagedTables> {
  let n = 0;
  const data = branchDataOf(rows);
  const copy = remapTables(
    data,
    buildIdMap(data, () => `${prefix}-${++n}`),
  );
  copy.branches = copy.branches!.map((b) => ({ ...b, name }));
  copy.standards = [];
  return copy;
}

/** Stores the rows of several datasets, with their search lists (derived, so built here as a restore builds them). */
export async function storeBranches(...datasets: Partial<StagedTables>[]): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const rows of datasets) {
      await storeBackupRows(db, Object.entries(rows) as [string, Record<string, unknown>[]][]);
    }
    const meetings = datasets.flatMap((d) => (d.meetings ?? []) as unknown as Meeting[]);
    await db.searchBuckets.bulkAdd(toBuckets(buildPostings(meetings)));
  });
}

/** A backup file of what the database holds now. */
export async function backupBytes(createdAt = '2025-04-01T02:00:00.000Z'): Promise<Uint8Array> {
  const { blob } = await exportBackupBlob({ createdAt });
  return bytesOf(blob);
}

export type RawSnapshot = Record<string, unknown[]>;

/** Whether a stored record belongs to `branchId` (the branch row itself, or any record naming it). */
export const belongsTo = (table: string, row: unknown, branchId: string): boolean => {
  const r = row as { id?: unknown; branchId?: unknown };
  return table === 'branches' ? r.id === branchId : r.branchId === branchId;
};

/**
 * Every stored record of every table of the database (db.tables, so a table added later is in it), as stored: packed
 * pages and months as they are, Blobs as their bytes. `keep` filters records.
 */
export async function rawSnapshot(keep: (table: string, row: unknown) => boolean = () => true): Promise<RawSnapshot> {
  const out: RawSnapshot = {};
  for (const table of db.tables) {
    const rows = (await table.toArray()).filter((row) => keep(table.name, row));
    out[table.name] = await Promise.all(
      rows.map(async (row: Record<string, unknown>) => {
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
