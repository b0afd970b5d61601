// Schema v2 (技能比武): a v1 database full of the fixture's data upgrades in place — every row intact, competitions new.
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { TABLE_NAMES } from '../../../shared/backup/tables';
import { AppDB, SCHEMA_VERSION } from '../../../renderer/src/db/AppDB';
import { MIGRATIONS } from '../../../renderer/src/db/migrations';
import { migration001 } from '../../../renderer/src/db/migrations/001-initial';
import { migration002 } from '../../../renderer/src/db/migrations/002-competitions';
import { fixtureRows, installCloneableBlob, sortById } from '../backup/helpers';
import { readTableRows } from '../../../renderer/src/db/backup/export';

installCloneableBlob();

const NAME = 'migration-002-test';

/** Writes the v1 fixture's rows into a raw Dexie declared at version 1 only, exactly as a v1 build left them. */
async function createV1DatabaseFromFixture(): Promise<Record<string, Record<string, unknown>[]>> {
  const v1 = new Dexie(NAME);
  v1.version(1).stores(migration001.stores);
  await v1.open();
  const rows = await fixtureRows('v1-small.zip');
  for (const [table, list] of Object.entries(rows)) await v1.table(table).bulkAdd(list);
  expect(v1.verno).toBe(1);
  expect(v1.tables.map((t) => t.name)).not.toContain('competitions');
  v1.close();
  return rows;
}

afterEach(async () => {
  await Dexie.delete(NAME);
});

describe('migration 002 (competitions)', () => {
  it('is version 2, registered after 001, and the latest schema', () => {
    expect(migration002.version).toBe(2);
    expect(MIGRATIONS.indexOf(migration002)).toBe(MIGRATIONS.indexOf(migration001) + 1);
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(2);
  });

  it('upgrades a v1 database with data: every row intact, the competitions table present and usable', async () => {
    const before = await createV1DatabaseFromFixture();
    expect(before.members?.length).toBeGreaterThan(0);

    const upgraded = new AppDB(NAME);
    await upgraded.open();
    expect(upgraded.verno).toBe(SCHEMA_VERSION);
    for (const table of TABLE_NAMES) {
      if (table === 'competitions') continue;
      const stored = sortById(await readTableRows(upgraded, table));
      const strip = (r: Record<string, unknown>) => {
        const { blob: _b, thumbnail: _t, ...rest } = r;
        return rest;
      };
      expect(stored.map(strip), table).toEqual(sortById(before[table] ?? []).map(strip));
    }

    // The new table exists with its compound index, empty, and answers a branch's events by date.
    expect(await upgraded.competitions.count()).toBe(0);
    const idb = upgraded.backendDB();
    const store = idb.transaction('competitions', 'readonly').objectStore('competitions');
    expect(store.keyPath).toBe('id');
    expect([...store.indexNames]).toEqual(['[branchId+date]']);
    const base = { createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z', kind: '技能比武' };
    await upgraded.competitions.bulkAdd([
      { ...base, id: 'c2', branchId: 'b-1', date: '2025-05-01', name: '公文写作比武', participants: [], notes: '' },
      { ...base, id: 'c1', branchId: 'b-1', date: '2025-03-01', name: '知识竞赛', participants: [], notes: '' },
      { ...base, id: 'c3', branchId: 'b-2', date: '2025-04-01', name: '别的支部', participants: [], notes: '' },
    ] as never);
    const ids = await upgraded.competitions
      .where('[branchId+date]')
      .between(['b-1', Dexie.minKey], ['b-1', Dexie.maxKey])
      .primaryKeys();
    expect(ids).toEqual(['c1', 'c2']);
    upgraded.close();
  });

  it('is idempotent to open again (no upgrader runs twice on data)', async () => {
    await createV1DatabaseFromFixture();
    const first = new AppDB(NAME);
    await first.open();
    const members = await first.members.count();
    first.close();
    const second = new AppDB(NAME);
    await second.open();
    expect(await second.members.count()).toBe(members);
    second.close();
  });
});
