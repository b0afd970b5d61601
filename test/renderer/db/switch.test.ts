// The active database after a 覆盖全部: the pointer is the commit point, a start opens what it names, leftovers go.
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { AppDB } from '../../../renderer/src/db/AppDB';
import { restoreBackup } from '../../../renderer/src/db/backup/restore';
import {
  __adoptStoredPointerForTests,
  ACTIVE_DB_KEY,
  DB_NAME,
  db,
  openDatabase,
  switchDatabase,
} from '../../../renderer/src/db/db';
import { blobOf, installCloneableBlob, readFixture } from '../backup/helpers';

installCloneableBlob();

const names = async () => (await indexedDB.databases()).map((d) => d.name).sort();

describe('switching the active database', () => {
  it('覆盖全部 makes the restored database the active one, remembered for the next start, and deletes the old', async () => {
    await db.branches.add({ id: 'old', name: '旧支部' } as never);
    const result = await restoreBackup(blobOf(await readFixture('v4-small.zip')), 'replace');
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(db.name).toMatch(/^branch-ledger-\d+$/);
    expect(localStorage.getItem(ACTIVE_DB_KEY)).toBe(db.name);
    expect(await names()).toEqual([db.name]);
    expect(await db.branches.get('old')).toBeUndefined();
    expect((await db.branches.toArray()).map((b) => b.id)).toEqual(result.branches.map((b) => b.id));
  });

  it('a start opens the database the pointer names and deletes restore leftovers that are not active', async () => {
    const restored = `${DB_NAME}-1700000000000`;
    const leftover = `${DB_NAME}-1800000000000`;
    for (const name of [restored, leftover]) {
      const other = new AppDB(name);
      await other.open();
      if (name === restored) await other.branches.add({ id: 'r', name: '恢复的支部' } as never);
      other.close();
    }
    await db.branches.add({ id: 'old', name: '旧支部' } as never);
    // An interrupted switch: the pointer names the restored database, the old one and a leftover are still there.
    localStorage.setItem(ACTIVE_DB_KEY, restored);
    __adoptStoredPointerForTests();
    await openDatabase();
    expect(db.name).toBe(restored);
    expect(await names()).toEqual([restored]);
    expect((await db.branches.get('r'))?.name).toBe('恢复的支部');
    // Something that is not a restored database is never touched.
    const another = new Dexie('another-app');
    another.version(1).stores({ things: 'id' });
    await another.open();
    another.close();
    await openDatabase();
    expect(await names()).toEqual(['another-app', restored].sort());
    await Dexie.delete('another-app');
    // And a switch made by the app itself deletes the database it leaves.
    const next = `${DB_NAME}-1900000000001`;
    await new AppDB(next).open().then((x) => x.close());
    await switchDatabase(next);
    expect(await names()).toEqual([next]);
    expect(localStorage.getItem(ACTIVE_DB_KEY)).toBe(next);
  });

  it('a pointer to a database that is gone falls back to the original name instead of an empty new one', async () => {
    await db.branches.add({ id: 'kept', name: '原有支部' } as never);
    localStorage.setItem(ACTIVE_DB_KEY, `${DB_NAME}-1900000000000`);
    // What a start does: the pointer is read when the app's database is created, then openDatabase checks it.
    __adoptStoredPointerForTests();
    expect(db.name).toBe(`${DB_NAME}-1900000000000`);
    await openDatabase();
    expect(db.name).toBe(DB_NAME);
    expect(localStorage.getItem(ACTIVE_DB_KEY)).toBeNull();
    expect((await db.branches.get('kept'))?.name).toBe('原有支部');
  });
});
