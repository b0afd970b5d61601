// Opening the database: no persistence API is fine, another window's upgrade closes us and tells the UI.
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SCHEMA_VERSION } from '../../../renderer/src/db/AppDB';
import { DB_NAME, db, openDatabase } from '../../../renderer/src/db/db';
import { MIGRATIONS } from '../../../renderer/src/db/migrations';
import { SETTING_CURRENT_BRANCH } from '../../../renderer/src/db/settingKeys';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('openDatabase', () => {
  it('opens when navigator.storage is missing', async () => {
    vi.stubGlobal('navigator', { ...navigator, storage: undefined });
    await expect(openDatabase()).resolves.toBeUndefined();
    expect(db.isOpen()).toBe(true);
  });

  it('opens when persistence is refused or the API throws', async () => {
    const persist = vi.fn().mockRejectedValue(new Error('denied'));
    vi.stubGlobal('navigator', { ...navigator, storage: { persist } });
    await expect(openDatabase()).resolves.toBeUndefined();
    expect(persist).toHaveBeenCalledTimes(1);

    db.close();
    vi.stubGlobal('navigator', {
      ...navigator,
      storage: {
        persist: () => {
          throw new Error('insecure context');
        },
      },
    });
    await expect(openDatabase()).resolves.toBeUndefined();
  });

  it('runs the invariant check after opening', async () => {
    await db.open();
    await db.settings.put({ key: SETTING_CURRENT_BRANCH, value: 'missing' });
    db.close();

    const onFindings = vi.fn();
    await openDatabase({ onFindings });

    expect(onFindings).toHaveBeenCalledWith([expect.objectContaining({ code: 'dangling-current-branch' })]);
    expect(await db.settings.get(SETTING_CURRENT_BRANCH)).toBeUndefined();
  });

  it('closes and calls onVersionChange when another connection upgrades the schema', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const onVersionChange = vi.fn();
    await openDatabase({ onVersionChange });

    // A newer build in another window: same migrations plus one more version.
    const newer = new Dexie(DB_NAME);
    for (const m of MIGRATIONS) newer.version(m.version).stores(m.stores);
    newer.version(SCHEMA_VERSION + 1).stores({ futureTable: 'id' });
    try {
      await newer.open();
      expect(newer.verno).toBe(SCHEMA_VERSION + 1);
    } finally {
      newer.close();
    }

    expect(onVersionChange).toHaveBeenCalledTimes(1);
    expect(db.isOpen()).toBe(false);
    // The stale connection must not silently reopen on the next query.
    await expect(db.branches.count()).rejects.toThrow();
  });

  it('calls onBlocked while an older connection holds the database open, then finishes opening', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    // An old window at IndexedDB version 1 that ignores versionchange, so our upgrade to v10 waits.
    const old = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(DB_NAME, 1);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const onBlocked = vi.fn(() => old.close());

    await openDatabase({ onBlocked });

    expect(onBlocked).toHaveBeenCalled();
    expect(db.isOpen()).toBe(true);
    expect(db.tables.map((t) => t.name)).toContain('branches');
  });

  it('does not stack handlers when opened twice', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const first = vi.fn();
    const second = vi.fn();
    await openDatabase({ onVersionChange: first });
    await openDatabase({ onVersionChange: second });

    const newer = new Dexie(DB_NAME);
    for (const m of MIGRATIONS) newer.version(m.version).stores(m.stores);
    newer.version(SCHEMA_VERSION + 1).stores({ futureTable: 'id' });
    await newer.open();
    newer.close();

    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
  });
});
