// Schema v5 (one meeting index): a v4 database upgrades in place — kind, venue and status indexes gone, kind and venue
// lists in the search buckets, every row intact; the filters, 第N次 and a venue's records read the new lists.
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { TABLE_NAMES } from '../../../shared/backup/tables';
import type { Meeting } from '../../../shared/schemas/entities';
import { AppDB, SCHEMA_VERSION } from '../../../renderer/src/db/AppDB';
import { readTableRows } from '../../../renderer/src/db/backup/export';
import { DB_NAME, db } from '../../../renderer/src/db/db';
import { MIGRATIONS } from '../../../renderer/src/db/migrations';
import { migration005 } from '../../../renderer/src/db/migrations/005-meeting-lists';
import { listMeetings, nextSeq } from '../../../renderer/src/db/repositories/meetings';
import { meetingsAtVenue } from '../../../renderer/src/db/repositories/venues';
import {
  buildPostings,
  decodePostings,
  fromBuckets,
  kindTerm,
  toBuckets,
  venueTerm,
} from '../../../renderer/src/db/search/postings';
import { fixtureRows, installCloneableBlob, sortById, storeBackupRows, type TableRows } from '../backup/helpers';

installCloneableBlob();

const NAME = 'migration-005-test';

/** The fixture's meetings plus copies of other kinds, venues and dates, so the lists have something to tell apart. */
function withMoreMeetings(rows: TableRows): Meeting[] {
  const meetings = rows.meetings as unknown as Meeting[];
  const template = meetings[0]!;
  const venueIds = [...new Set(meetings.map((m) => m.venueId).filter(Boolean))];
  const kinds = ['支委会', '党小组会', '党课', '支部党员大会'] as const;
  const extra = Array.from({ length: 12 }, (_, i) => ({
    ...template,
    id: `mx-${String(i).padStart(2, '0')}`,
    kind: kinds[i % kinds.length]!,
    date: `2024-${String((i % 12) + 1).padStart(2, '0')}-1${i % 10}`,
    venueId: i % 3 === 0 ? '' : (venueIds[i % venueIds.length] ?? ''),
    partyGroupId: kinds[i % kinds.length] === '党小组会' ? 'g-1' : template.partyGroupId,
  }));
  return [...meetings, ...extra];
}

/** A raw Dexie declared up to v4 (migrations 001–004), filled the way a v4 build left it, search buckets included. */
async function createV4Database(name: string): Promise<TableRows> {
  const v4 = new Dexie(name);
  for (const m of MIGRATIONS.filter((x) => x.version <= 4)) {
    const version = v4.version(m.version).stores(m.stores);
    if (m.upgrade) version.upgrade(m.upgrade);
  }
  await v4.open();
  const rows = await fixtureRows('v4-small.zip');
  rows.meetings = withMoreMeetings(rows) as unknown as Record<string, unknown>[];
  const meetings = rows.meetings as unknown as Meeting[];
  // v4 built its lists from text and attendees only.
  const v4Buckets = toBuckets(buildPostings(meetings.map(({ kind: _k, venueId: _v, ...m }) => m)));
  await v4.transaction('rw', v4.tables, async () => {
    await storeBackupRows(v4, Object.entries(rows));
    await v4.table('searchBuckets').bulkAdd(v4Buckets);
  });
  v4.close();
  return rows;
}

afterEach(async () => {
  await Dexie.delete(NAME);
});

describe('migration 005 (kind and venue lists instead of meeting indexes)', () => {
  it('is version 5 and leaves meetings one index', () => {
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(5);
    expect(MIGRATIONS.find((m) => m.version === 5)).toBe(migration005);
    expect(migration005.stores).toEqual({ meetings: 'id, [branchId+date]' });
  });

  it('upgrades a v4 database: indexes dropped, lists rebuilt with kinds and venues, every row intact; idempotent', async () => {
    const before = await createV4Database(NAME);
    const upgraded = new AppDB(NAME);
    await upgraded.open();
    expect(upgraded.verno).toBe(SCHEMA_VERSION);
    const store = upgraded.backendDB().transaction('meetings').objectStore('meetings');
    expect([...store.indexNames]).toEqual(['[branchId+date]']);

    // A 党小组会's 第N次 is renumbered per 党小组 by the next migration (006, tested in migration-006.test.ts).
    const strip = (r: Record<string, unknown>) => {
      const { blob: _b, thumbnail: _t, ...rest } = r;
      if (r.kind === '党小组会') delete rest.seq;
      return rest;
    };
    for (const table of TABLE_NAMES) {
      const stored = sortById(await readTableRows(upgraded, table));
      expect(stored.map(strip), table).toEqual(sortById(before[table] ?? []).map(strip));
    }

    const meetings = before.meetings as unknown as Meeting[];
    const lists = decodePostings(fromBuckets(await upgraded.searchBuckets.toArray()));
    expect(lists).toEqual(decodePostings(buildPostings(meetings)));
    for (const m of meetings) {
      expect(lists[m.branchId]![kindTerm(m.kind)], m.id).toContain(`${m.date} ${m.id}`);
      if (m.venueId) expect(lists[m.branchId]![venueTerm(m.venueId)], m.id).toContain(`${m.date} ${m.id}`);
    }
    expect(Object.keys(lists[meetings[0]!.branchId]!).filter((t) => t.startsWith('地:')).length).toBeGreaterThan(0);

    // Run again on the upgraded database (an interrupted upgrade re-run): the same lists.
    await upgraded.transaction('rw', upgraded.tables, (tx) => migration005.upgrade!(tx));
    expect(decodePostings(fromBuckets(await upgraded.searchBuckets.toArray()))).toEqual(lists);
    upgraded.close();
  });

  it('the filters, 第N次 and a venue’s records read the lists after the upgrade', async () => {
    db.close();
    await Dexie.delete(DB_NAME);
    const before = await createV4Database(DB_NAME);
    await db.open();
    const meetings = before.meetings as unknown as Meeting[];
    const branchId = meetings[0]!.branchId;
    const newestFirst = (list: Meeting[]) =>
      list.map((m) => `${m.date} ${m.id}`).sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
    const listed = async (filter: Parameters<typeof listMeetings>[1]) => {
      const out: Meeting[] = [];
      let cursor: Parameters<typeof listMeetings>[2];
      do {
        const page = await listMeetings(branchId, filter, cursor, 3);
        out.push(...page.items);
        cursor = page.next;
      } while (cursor);
      return out.map((m) => `${m.date} ${m.id}`);
    };

    const venueId = meetings.find((m) => m.venueId)!.venueId;
    const mine = meetings.filter((m) => m.branchId === branchId);
    expect(await listed({ kind: '党课' })).toEqual(newestFirst(mine.filter((m) => m.kind === '党课')));
    expect(await listed({ venueId })).toEqual(newestFirst(mine.filter((m) => m.venueId === venueId)));
    expect(await listed({ kind: '支委会', venueId, year: 2024 })).toEqual(
      newestFirst(mine.filter((m) => m.kind === '支委会' && m.venueId === venueId && m.date.startsWith('2024'))),
    );
    expect(await listed({ kind: '支部党员大会', venueId: 'no-such-venue' })).toEqual([]);
    expect((await meetingsAtVenue(branchId, venueId, 2)).map((m) => `${m.date} ${m.id}`)).toEqual(
      newestFirst(mine.filter((m) => m.venueId === venueId)).slice(0, 2),
    );

    // 第N次 counts this kind's (and 党小组's) records of the year dated on or before the day, by [branchId+date].
    const year = mine.filter((m) => m.kind === '党小组会' && m.date.startsWith('2024') && m.date <= '2024-10-31');
    expect(year.length).toBeGreaterThan(0);
    expect(await nextSeq(branchId, '党小组会', '2024-10-31', undefined, 'g-1')).toBe(year.length + 1);
    expect(await nextSeq(branchId, '党小组会', '2024-10-31', year[0]?.id)).toBe(Math.max(1, year.length));
  });
});
