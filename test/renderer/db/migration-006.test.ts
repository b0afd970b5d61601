// Schema v6 (党小组会 numbered per 党小组): a v5 database upgrades in place — each group's meetings of a year read
// 第1次, 第2次, …, with no audit entry; nothing else changes, and the repository goes on from the new numbers.
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { TABLE_NAMES } from '../../../shared/backup/tables';
import type { Meeting } from '../../../shared/schemas/entities';
import { AppDB, SCHEMA_VERSION } from '../../../renderer/src/db/AppDB';
import { readTableRows } from '../../../renderer/src/db/backup/export';
import { DB_NAME, db } from '../../../renderer/src/db/db';
import { MIGRATIONS } from '../../../renderer/src/db/migrations';
import { migration006, partyGroupSeqs } from '../../../renderer/src/db/migrations/006-party-group-seq';
import { finalizeMeeting, listAmendments, nextSeq } from '../../../renderer/src/db/repositories/meetings';
import { buildPostings, decodePostings, fromBuckets, toBuckets } from '../../../renderer/src/db/search/postings';
import { fixtureRows, installCloneableBlob, sortById, storeBackupRows, type TableRows } from '../backup/helpers';

installCloneableBlob();

const NAME = 'migration-006-test';

/**
 * 党小组会 as a v5 build numbered them: one sequence per kind and year across the branch's groups (finalised among
 * finalised, drafts provisional among all). Two groups in 2024, one in 2025, a draft, a 补录 entered late, a legacy row
 * without a group, and a 支委会 that carries a group id (ignored: only 党小组会 are numbered per group).
 */
function v5GroupMeetings(template: Meeting): Meeting[] {
  const row = (id: string, date: string, partyGroupId: string, seq: number, extra: Partial<Meeting> = {}): Meeting => ({
    ...template,
    id,
    kind: '党小组会',
    topic: `党小组学习${id}`,
    date,
    partyGroupId,
    seq,
    status: '已定稿',
    finalizedAt: template.createdAt,
    createdAt: `${date}T02:00:00.000Z`,
    ...extra,
  });
  return [
    row('pg-a1', '2024-01-10', 'g-1', 1),
    row('pg-b1', '2024-01-12', 'g-2', 2),
    row('pg-a2', '2024-02-10', 'g-1', 3),
    // A 补录 of g-2's January meeting, entered (and finalised) in April: after pg-b1 on the same day by createdAt.
    row('pg-b2', '2024-01-12', 'g-2', 4, { createdAt: '2024-04-01T02:00:00.000Z', backfilled: true }),
    row('pg-a3', '2024-03-10', 'g-1', 5),
    // Drafts: provisional among all the kind-year's records in v5 (5 finalised before it).
    row('pg-b3', '2024-06-12', 'g-2', 6, { status: '草稿', finalizedAt: undefined }),
    row('pg-x1', '2024-07-01', '', 6),
    row('pg-a4', '2025-02-10', 'g-1', 1),
    row('pg-b4', '2025-03-12', 'g-2', 2),
    row('cm-1', '2024-02-01', 'g-2', 7, { kind: '支委会', topic: '支委会带着党小组' }),
  ].map(({ finalizedAt, ...m }) => (finalizedAt ? { ...m, finalizedAt } : m)) as Meeting[];
}

/** What v6 numbers them: per branch, year and 党小组. */
const V6_SEQ: Record<string, number> = {
  'pg-a1': 1,
  'pg-a2': 2,
  'pg-a3': 3,
  'pg-b1': 1,
  'pg-b2': 2,
  'pg-b3': 3,
  'pg-x1': 1,
  'pg-a4': 1,
  'pg-b4': 1,
  'cm-1': 7,
};

/** A raw Dexie declared up to v5 (migrations 001–005), filled the way a v5 build left it, search buckets included. */
async function createV5Database(name: string): Promise<TableRows> {
  const v5 = new Dexie(name);
  for (const m of MIGRATIONS.filter((x) => x.version <= 5)) {
    const version = v5.version(m.version).stores(m.stores);
    if (m.upgrade) version.upgrade(m.upgrade);
  }
  await v5.open();
  const rows = await fixtureRows('v5-small.zip');
  const branch = rows.branches![0]!;
  branch.partyGroups = [...(branch.partyGroups as object[]), { id: 'g-2', name: '第二党小组', leaderName: '' }];
  const meetings = rows.meetings as unknown as Meeting[];
  rows.meetings = [...meetings, ...v5GroupMeetings(meetings[0]!)] as unknown as Record<string, unknown>[];
  const buckets = toBuckets(buildPostings(rows.meetings as unknown as Meeting[]));
  await v5.transaction('rw', v5.tables, async () => {
    await storeBackupRows(v5, Object.entries(rows));
    await v5.table('searchBuckets').bulkAdd(buckets);
  });
  v5.close();
  return rows;
}

afterEach(async () => {
  await Dexie.delete(NAME);
});

describe('migration 006 (党小组会 numbered per 党小组)', () => {
  it('is the sixth migration and changes no store', () => {
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(6);
    expect(MIGRATIONS[5]).toBe(migration006);
    expect(migration006.stores).toEqual({});
  });

  it('upgrades a v5 database: 党小组会 renumbered per group and year, nothing else changed, no audit; idempotent', async () => {
    const before = await createV5Database(NAME);
    const auditBefore = sortById(before.audit ?? []);
    const upgraded = new AppDB(NAME);
    await upgraded.open();
    expect(upgraded.verno).toBe(SCHEMA_VERSION);
    const store = upgraded.backendDB().transaction('meetings').objectStore('meetings');
    expect([...store.indexNames]).toEqual(['[branchId+date]']);

    const meetings = (await upgraded.meetings.toArray()) as Meeting[];
    const seqs = Object.fromEntries(meetings.filter((m) => m.id in V6_SEQ).map((m) => [m.id, m.seq]));
    expect(seqs).toEqual(V6_SEQ);

    // Every other field of every row, and every other table, exactly as before; the audit log has no new entry.
    const withoutSeq = (r: Record<string, unknown>) => {
      const { seq: _s, blob: _b, thumbnail: _t, ...rest } = r;
      return rest;
    };
    for (const table of TABLE_NAMES) {
      const stored = sortById(await readTableRows(upgraded, table));
      expect(stored.map(withoutSeq), table).toEqual(sortById(before[table] ?? []).map(withoutSeq));
    }
    expect(sortById(await readTableRows(upgraded, 'audit'))).toEqual(auditBefore);
    const untouched = (before.meetings as unknown as Meeting[]).filter((m) => !(m.id in V6_SEQ));
    for (const m of untouched) expect(meetings.find((x) => x.id === m.id)!.seq, m.id).toBe(m.seq);
    // The search lists do not depend on 第N次: left as they were.
    expect(decodePostings(fromBuckets(await upgraded.searchBuckets.toArray()))).toEqual(
      decodePostings(buildPostings(before.meetings as unknown as Meeting[])),
    );

    // Run again on the upgraded database (an interrupted upgrade re-run): nothing to change.
    expect(partyGroupSeqs(meetings).size).toBe(0);
    await upgraded.transaction('rw', upgraded.tables, (tx) => migration006.upgrade!(tx));
    expect(sortById((await upgraded.meetings.toArray()) as unknown as Record<string, unknown>[])).toEqual(
      sortById(meetings as unknown as Record<string, unknown>[]),
    );
    upgraded.close();
  });

  it('numbers each branch, year and 党小组 on its own, whatever rows it is given', () => {
    const row = (id: string, branchId: string, date: string, partyGroupId: string, seq: number): Meeting =>
      ({
        id,
        branchId,
        kind: '党小组会',
        date,
        createdAt: `${date}T00:00:00.000Z`,
        status: '已定稿',
        seq,
        partyGroupId,
      }) as Meeting;
    const rows = [
      row('a', 'b-1', '2024-01-01', 'g-1', 1),
      row('b', 'b-2', '2024-02-01', 'g-1', 2),
      row('c', 'b-1', '2024-03-01', 'g-1', 3),
      row('d', 'b-2', '2024-04-01', 'g-2', 4),
    ];
    expect(Object.fromEntries(partyGroupSeqs(rows))).toEqual({ b: 1, c: 2, d: 1 });
  });

  it('the repository goes on from the new numbers: previews and 定稿 per group, no 序号 更正 from the upgrade', async () => {
    db.close();
    await Dexie.delete(DB_NAME);
    const before = await createV5Database(DB_NAME);
    await db.open();
    const branchId = String(before.branches![0]!.id);

    expect(await nextSeq(branchId, '党小组会', '2024-12-31', undefined, 'g-1')).toBe(4);
    expect(await nextSeq(branchId, '党小组会', '2024-12-31', undefined, 'g-2')).toBe(4);
    // Finalising g-2's draft: 第3次 of g-2; no finalised record of either group is renumbered or amended.
    expect((await finalizeMeeting('pg-b3')).seq).toBe(3);
    for (const id of ['pg-a1', 'pg-a2', 'pg-a3', 'pg-b1', 'pg-b2', 'pg-x1']) {
      expect((await db.meetings.get(id))!.seq, id).toBe(V6_SEQ[id]);
      expect(await listAmendments(id), id).toEqual([]);
    }
  });
});
