// Schema v3 (search postings): a v2 database with meetings upgrades in place — postings built, *terms gone, data intact.
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { TABLE_NAMES } from '../../../shared/backup/tables';
import { searchTermsOf } from '../../../shared/search/bigrams';
import type { Meeting } from '../../../shared/schemas/entities';
import { AppDB, SCHEMA_VERSION } from '../../../renderer/src/db/AppDB';
import { DB_NAME, db } from '../../../renderer/src/db/db';
import { MIGRATIONS } from '../../../renderer/src/db/migrations';
import { migration001 } from '../../../renderer/src/db/migrations/001-initial';
import { migration002 } from '../../../renderer/src/db/migrations/002-competitions';
import { migration003 } from '../../../renderer/src/db/migrations/003-search-postings';
import { searchMeetings } from '../../../renderer/src/db/repositories/meetings';
import {
  buildPostings,
  decodePostings,
  searchableTexts,
  type SearchPosting,
} from '../../../renderer/src/db/search/postings';
import { fixtureRows, installCloneableBlob, sortById } from '../backup/helpers';
import { readTableRows } from '../../../renderer/src/db/backup/export';

installCloneableBlob();

const NAME = 'migration-003-test';

/** Extra meetings in a second branch sharing words with the fixture's, so the postings must stay apart by branch. */
function extraMeetings(template: Record<string, unknown>): Record<string, unknown>[] {
  const texts = ['传达学习人民代表大会精神。', '组织生活会查摆问题。', '人民代表大会与组织生活会。'];
  return texts.map((content, i) => {
    const row = { ...template, id: `x-${i}`, branchId: 'b-extra', date: `2024-0${i + 1}-15`, content, venueId: '' };
    const meeting = row as unknown as Meeting;
    return {
      ...row,
      attendance: [],
      attendeeIds: [],
      attachmentIds: [],
      terms: searchTermsOf(searchableTexts(meeting)),
    };
  });
}

/** A raw Dexie declared at version 2 (migrations 001 + 002), filled the way a v2 build left it: rows with `terms`. */
async function createV2Database(name = NAME): Promise<Record<string, Record<string, unknown>[]>> {
  const v2 = new Dexie(name);
  v2.version(1).stores(migration001.stores);
  v2.version(2).stores(migration002.stores);
  await v2.open();
  const rows = await fixtureRows('v1-small.zip');
  // A v2 build stored each meeting's bigrams in the multi-entry *terms index.
  rows.meetings = (rows.meetings ?? []).map((m) => ({
    ...m,
    terms: searchTermsOf(searchableTexts(m as unknown as Meeting)),
  }));
  rows.meetings.push(...extraMeetings(rows.meetings[0]!));
  for (const [table, list] of Object.entries(rows)) await v2.table(table).bulkAdd(list);
  expect(v2.verno).toBe(2);
  expect(await v2.table('meetings').where('terms').equals('人民').count()).toBeGreaterThan(0);
  v2.close();
  return rows;
}

afterEach(async () => {
  await Dexie.delete(NAME);
});

describe('migration 003 (search postings)', () => {
  it('is version 3, registered after 002', () => {
    expect(migration003.version).toBe(3);
    expect(MIGRATIONS.indexOf(migration003)).toBe(MIGRATIONS.indexOf(migration002) + 1);
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(3);
  });

  it('upgrades a v2 database: postings right per branch, *terms index gone, every row intact', async () => {
    const before = await createV2Database();
    // Declared up to v3 exactly (later versions change the postings' storage: migration-004.test.ts).
    const upgraded = new Dexie(NAME);
    for (const m of MIGRATIONS.filter((x) => x.version <= 3)) {
      const version = upgraded.version(m.version).stores(m.stores);
      if (m.upgrade) version.upgrade(m.upgrade);
    }
    await upgraded.open();
    expect(upgraded.verno).toBe(3);

    const strip = (r: Record<string, unknown>) => {
      const { blob: _b, thumbnail: _t, ...rest } = r;
      return rest;
    };
    for (const table of TABLE_NAMES) {
      const stored = sortById(await readTableRows(upgraded, table));
      expect(stored.map(strip), table).toEqual(sortById(before[table] ?? []).map(strip));
    }

    const idb = upgraded.backendDB();
    const tx = idb.transaction(['meetings', 'searchPostings'], 'readonly');
    expect([...tx.objectStore('meetings').indexNames]).not.toContain('terms');
    expect([...tx.objectStore('meetings').indexNames]).toContain('attendeeIds');
    expect(tx.objectStore('searchPostings').keyPath).toEqual(['branchId', 'term']);

    const meetings = before.meetings as unknown as Meeting[];
    const stored = (await upgraded.table('searchPostings').toArray()) as SearchPosting[];
    // Built from scratch per branch: the very rows a restore of the same meetings would write.
    const byKey = (x: SearchPosting, y: SearchPosting) =>
      x.branchId.localeCompare(y.branchId) || (x.term < y.term ? -1 : x.term > y.term ? 1 : 0);
    expect([...stored].sort(byKey)).toEqual(buildPostings(meetings).sort(byKey));
    const decoded = decodePostings(stored);
    // Spot check by hand: 人民 in b-extra lists exactly x-2 and x-0, newest first; 查摆 only x-1.
    expect(decoded['b-extra']!['人民']).toEqual(['2024-03-15 x-2', '2024-01-15 x-0']);
    expect(decoded['b-extra']!['查摆']).toEqual(['2024-02-15 x-1']);
    // Every meeting is reachable through each of its bigrams in its own branch, and in no other.
    for (const m of meetings) {
      for (const term of searchTermsOf(searchableTexts(m))) {
        expect(decoded[m.branchId]![term], `${m.id} ${term}`).toContain(`${m.date} ${m.id}`);
      }
    }
    for (const [branchId, lists] of Object.entries(decoded)) {
      for (const entries of Object.values(lists)) {
        for (const entry of entries) {
          const m = meetings.find((x) => `${x.date} ${x.id}` === entry);
          expect(m?.branchId).toBe(branchId);
        }
      }
    }
    upgraded.close();
  });

  it('search works through the app after the upgrade, and a second open changes nothing', async () => {
    db.close();
    await Dexie.delete(DB_NAME);
    await createV2Database(DB_NAME);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    const ids = async (query: string) => (await searchMeetings('b-extra', query)).items.map((m) => m.id);
    expect(await ids('组织生活会')).toEqual(['x-2', 'x-1']);
    expect(await ids('人民代表大会')).toEqual(['x-2', 'x-0']);
    expect(await ids('查摆问题')).toEqual(['x-1']);
    const postings = await db.searchBuckets.toArray();

    db.close();
    const again = new AppDB(DB_NAME);
    await again.open();
    expect(await again.searchBuckets.toArray()).toEqual(postings);
    again.close();
    await db.open();
  });
});
