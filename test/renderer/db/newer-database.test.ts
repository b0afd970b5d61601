// A database written by a newer build (an older installer run again): refused before Dexie opens it, nothing changed.
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SCHEMA_VERSION } from '../../../renderer/src/db/AppDB';
import {
  DATA_WRITER_KEY,
  DB_NAME,
  db,
  installedNativeVersion,
  NewerDatabaseError,
  openDatabase,
  readDataWriter,
} from '../../../renderer/src/db/db';
import { MIGRATIONS } from '../../../renderer/src/db/migrations';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  localStorage.removeItem(DATA_WRITER_KEY);
});

const T = '2025-03-18T02:00:00.000Z';

/** What the next build would leave: this build's tables plus `extra` at SCHEMA_VERSION + 1, with one row each. */
async function writeAsNewerBuild(extra: Record<string, string | null>): Promise<void> {
  const newer = new Dexie(DB_NAME);
  for (const m of MIGRATIONS) newer.version(m.version).stores(m.stores);
  newer.version(SCHEMA_VERSION + 1).stores(extra);
  await newer.open();
  await newer.table('branches').add({ id: 'b-1', name: '机关第一党支部', createdAt: T, updatedAt: T, futureField: 1 });
  if ('futureTable' in extra) await newer.table('futureTable').add({ id: 'f-1', note: '新版本的数据' });
  newer.close();
}

/** The database as it is now, read without a schema (no upgrade possible): version, tables and rows. */
async function snapshot() {
  const raw = new Dexie(DB_NAME);
  await raw.open();
  try {
    const tables: Record<string, unknown[]> = {};
    for (const table of raw.tables) tables[table.name] = await table.toArray();
    return { native: raw.backendDB().version, tables };
  } finally {
    raw.close();
  }
}

const REFUSAL = new RegExp(
  `本机的数据由较新版本的本软件写入（数据版本 ${SCHEMA_VERSION + 1}），当前版本只支持到数据版本 ${SCHEMA_VERSION}。为保护数据，本次没有打开。请安装写入这些数据的版本或更新的版本。`,
);

describe('opening a database written by a newer build', () => {
  it('refuses with a Chinese error and leaves version and contents unchanged', async () => {
    await writeAsNewerBuild({ futureTable: 'id' });
    const before = await snapshot();
    expect(before.native).toBe((SCHEMA_VERSION + 1) * 10);

    const error = await openDatabase().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NewerDatabaseError);
    expect((error as Error).message).toMatch(REFUSAL);
    expect(db.isOpen()).toBe(false);
    // Nor does a later query open it behind the start-up screen.
    await expect(db.branches.count()).rejects.toThrow();
    expect(await snapshot()).toEqual(before);
  });

  it('refuses, without patching, a newer database that dropped a table this build still declares', async () => {
    // Dexie alone would reopen it without a version, re-create `venueChecks` and raise the native version by one.
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await writeAsNewerBuild({ venueChecks: null });
    const before = await snapshot();
    expect(Object.keys(before.tables)).not.toContain('venueChecks');

    await expect(openDatabase()).rejects.toThrow(REFUSAL);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses the same way where indexedDB.databases() is missing, and creates nothing when there is no database', async () => {
    await writeAsNewerBuild({ futureTable: 'id' });
    const before = await snapshot();
    vi.stubGlobal('indexedDB', Object.assign(Object.create(indexedDB) as IDBFactory, { databases: undefined }));
    await expect(openDatabase()).rejects.toThrow(REFUSAL);
    expect(await snapshot()).toEqual(before);

    // No database at all: the check reports none and must not leave an empty one behind.
    expect(await installedNativeVersion('never-created')).toBe(0);
    vi.unstubAllGlobals();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain('never-created');
  });

  it('opens this build’s own database even after Dexie patched it (native version ×10 + 1)', async () => {
    await openDatabase();
    db.close();
    // Dexie's own schema patch raises the native version by one within the same schema version.
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(DB_NAME, SCHEMA_VERSION * 10 + 1);
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error);
    });
    await expect(openDatabase()).resolves.toBeUndefined();
    expect(db.isOpen()).toBe(true);
  });

  it('names the version to install when the newer build recorded itself at that data version', async () => {
    await writeAsNewerBuild({ futureTable: 'id' });
    // What the newer build 0.3.0 left when it opened these data (recordDataWriter).
    localStorage.setItem(DATA_WRITER_KEY, JSON.stringify({ version: '0.3.0', schema: SCHEMA_VERSION + 1 }));
    const error = (await openDatabase().catch((e: unknown) => e)) as NewerDatabaseError;
    expect(error).toBeInstanceOf(NewerDatabaseError);
    expect(error.writerVersion).toBe('0.3.0');
    expect(error.message).toBe(
      `本机的数据由 0.3.0 版的本软件写入（数据版本 ${SCHEMA_VERSION + 1}），当前版本只支持到数据版本 ${SCHEMA_VERSION}。为保护数据，本次没有打开。请安装 0.3.0 或更新的版本。`,
    );
  });

  it('does not trust a record made at another data version, or one it cannot read', async () => {
    await writeAsNewerBuild({ futureTable: 'id' });
    for (const record of [JSON.stringify({ version: '0.2.0', schema: SCHEMA_VERSION }), '{bad json', '"0.3.0"']) {
      localStorage.setItem(DATA_WRITER_KEY, record);
      const error = (await openDatabase().catch((e: unknown) => e)) as NewerDatabaseError;
      expect(error.writerVersion).toBeUndefined();
      expect(error.message).toMatch(REFUSAL);
    }
  });

  it('each opening records the program version and the data version it opened at; a build without a version does not', async () => {
    await openDatabase();
    expect(readDataWriter()).toBeNull();
    db.close();
    vi.stubEnv('VITE_APP_VERSION', '0.2.0');
    await openDatabase();
    expect(readDataWriter()).toEqual({ version: '0.2.0', schema: SCHEMA_VERSION });
  });
});
