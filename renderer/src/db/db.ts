// The one database of the app and how it is opened: version-change and blocked handling, persistence, invariants.
import Dexie from 'dexie';
import { AppDB } from './AppDB';
import { checkInvariants, type InvariantFinding } from './invariants';

/**
 * The IndexedDB name of a new installation. With the app's origin (app://) it is where the data lives, except after a
 * 覆盖全部 restore: that writes a new database `branch-ledger-<time>` and then makes it the active one (below).
 */
export const DB_NAME = 'branch-ledger';

/** localStorage key naming the active database (absent: DB_NAME). Same origin and profile as the databases. */
export const ACTIVE_DB_KEY = 'branch-ledger.activeDatabase';

/** Databases a restore writes: DB_NAME, a dash and the time it started. */
export const RESTORED_DB_PATTERN = /^branch-ledger-\d+$/;

function storedActiveName(): string {
  try {
    const name = globalThis.localStorage?.getItem(ACTIVE_DB_KEY);
    return name && RESTORED_DB_PATTERN.test(name) ? name : DB_NAME;
  } catch {
    return DB_NAME;
  }
}

function storeActiveName(name: string): void {
  if (name === DB_NAME) globalThis.localStorage?.removeItem(ACTIVE_DB_KEY);
  else globalThis.localStorage?.setItem(ACTIVE_DB_KEY, name);
}

/**
 * The app's database. A live binding: `switchDatabase` replaces it, and every module that imported it sees the new
 * one on its next call (nothing keeps a reference to it across calls).
 */
// Replaced only by switchDatabase, by design (see above).
export let db = new AppDB(storedActiveName());

export interface OpenDatabaseOptions {
  /** Another window or tab upgrades or deletes the database: this connection is now closed; the page must reload. */
  onVersionChange?: () => void;
  /** Our upgrade waits for another window still holding the old version open. */
  onBlocked?: () => void;
  /** What the invariant check found (and repaired) after opening. */
  onFindings?: (findings: InvariantFinding[]) => void;
}

type Listener = (event: IDBVersionChangeEvent) => boolean | void;
const listeners = new WeakMap<AppDB, { versionChange: Listener; blocked: Listener }>();

function unsubscribe(target: AppDB): void {
  const current = listeners.get(target);
  if (!current) return;
  target.on('versionchange').unsubscribe(current.versionChange);
  target.on('blocked').unsubscribe(current.blocked);
  listeners.delete(target);
}

function requestPersistentStorage(): void {
  // Without persistence the browser may evict the ledger under storage pressure; refusal is not an error.
  try {
    const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
    if (storage && typeof storage.persist === 'function') {
      Promise.resolve(storage.persist()).catch(() => undefined);
    }
  } catch {
    // Some hosts throw synchronously (e.g. insecure contexts); the app works without persistence.
  }
}

/** Dexie stores schema version n as IndexedDB version n × 10 (its own schema patches add 1, 2, … within the same n). */
const NATIVE_VERSION_FACTOR = 10;

/**
 * localStorage key: which program version last opened the database, and at which data version, as
 * `{"version":"0.3.0","schema":8}`. Only so that an older build refusing the data can name the version to install
 * again; nothing else reads it. Beside the database in the same profile, never in a backup. Kept by every later build.
 */
export const DATA_WRITER_KEY = 'branch-ledger.dataWrittenBy';

export interface DataWriter {
  /** The program version (package.json, as in the footer). */
  version: string;
  /** The data version (Dexie schema version) it opened the database at. */
  schema: number;
}

/** The recorded writer, or null when none is recorded or the record is not one this code wrote. */
export function readDataWriter(): DataWriter | null {
  try {
    const value: unknown = JSON.parse(globalThis.localStorage?.getItem(DATA_WRITER_KEY) ?? 'null');
    if (typeof value !== 'object' || value === null) return null;
    const { version, schema } = value as Record<string, unknown>;
    if (typeof version !== 'string' || !/^\d+\.\d+\.\d+[\w.+-]*$/.test(version)) return null;
    if (typeof schema !== 'number' || !Number.isInteger(schema)) return null;
    return { version, schema };
  } catch {
    return null;
  }
}

/** Records this build as the last to open the database at `schema`; a build without a version (dev) records nothing. */
function recordDataWriter(schema: number): void {
  const version = import.meta.env.VITE_APP_VERSION;
  if (!version) return;
  try {
    globalThis.localStorage?.setItem(DATA_WRITER_KEY, JSON.stringify({ version, schema } satisfies DataWriter));
  } catch {
    // Storage full or refused: only the hint to an older build is lost.
  }
}

/** The database was written by a newer build of the app (e.g. an older installer was run again): not opened. */
export class NewerDatabaseError extends Error {
  constructor(
    readonly installed: number,
    readonly supported: number,
    /** The version that last opened the data, when recorded for this very data version; else unknown. */
    readonly writerVersion?: string,
  ) {
    const by = writerVersion ? ` ${writerVersion} 版的本软件` : '较新版本的本软件';
    const install = writerVersion ? `请安装 ${writerVersion} 或更新的版本。` : '请安装写入这些数据的版本或更新的版本。';
    super(
      `本机的数据由${by}写入（数据版本 ${installed}），当前版本只支持到数据版本 ${supported}。为保护数据，本次没有打开。${install}`,
    );
    this.name = 'NewerDatabaseError';
  }
}

/**
 * The IndexedDB version of database `name` as installed, 0 when there is none. Reads only: `indexedDB.databases()`
 * where the browser has it, else an open without a version (which upgrades nothing; a database that does not exist
 * is not created: its creation is aborted).
 */
export async function installedNativeVersion(name: string): Promise<number> {
  if (typeof indexedDB.databases === 'function') {
    const list = await indexedDB.databases();
    return list.find((info) => info.name === name)?.version ?? 0;
  }
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    let absent = false;
    // Without a version this fires only for a database that does not exist yet.
    request.onupgradeneeded = () => {
      absent = true;
      request.transaction?.abort();
    };
    request.onsuccess = () => {
      const version = request.result.version;
      request.result.close();
      resolve(version);
    };
    request.onerror = (event) => {
      if (!absent) {
        reject(request.error ?? new Error(`无法读取数据库「${name}」的版本`));
        return;
      }
      event.preventDefault();
      // Some engines keep a database whose creation was aborted at version 0: remove it, it held nothing.
      const removal = indexedDB.deleteDatabase(name);
      removal.onsuccess = removal.onerror = () => resolve(0);
    };
  });
}

/**
 * Refuses a database written by a newer build BEFORE Dexie sees it. Dexie itself does not refuse: on a VersionError it
 * reopens without a version, and if the newer schema lacks a table or index this build declares, it "patches" the
 * database and raises its version. The older build would then write rows in the old shape, and the newer build's
 * upgrade functions would never run on them once it is reinstalled.
 */
async function refuseNewerDatabase(target: AppDB): Promise<void> {
  const installed = Math.floor((await installedNativeVersion(target.name)) / NATIVE_VERSION_FACTOR);
  if (installed <= target.verno) return;
  // A stray query must not open (and patch) it either: Dexie opens on first use unless told not to.
  target.close({ disableAutoOpen: true });
  // Only a record made at this very data version names the build: an older record says nothing about these data.
  const writer = readDataWriter();
  throw new NewerDatabaseError(installed, target.verno, writer?.schema === installed ? writer.version : undefined);
}

/** Opens `target` (the app's `db` unless a test passes its own): see `openDatabase`. */
export async function openAppDatabase(target: AppDB, options: OpenDatabaseOptions = {}): Promise<InvariantFinding[]> {
  // Calling twice (React StrictMode, a retry) must not stack up handlers.
  unsubscribe(target);
  const versionChange: Listener = () => {
    // Close for good: Dexie would otherwise reopen this stale connection on the next query.
    target.close({ disableAutoOpen: true });
    options.onVersionChange?.();
    // Dexie fires the newest subscriber first; false stops its default handler, which re-enables auto-open.
    return false;
  };
  const blocked: Listener = () => {
    if (options.onBlocked) options.onBlocked();
    else console.warn('数据库升级正在等待其他窗口关闭');
  };
  target.on('versionchange', versionChange);
  target.on('blocked', blocked);
  listeners.set(target, { versionChange, blocked });

  await refuseNewerDatabase(target);
  try {
    await target.open();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`无法打开本地数据库：${reason}`, { cause: error });
  }
  requestPersistentStorage();
  recordDataWriter(target.verno);
  const findings = await checkInvariants(target);
  options.onFindings?.(findings);
  return findings;
}

let openOptions: OpenDatabaseOptions = {};
const switchListeners = new Set<() => void>();

/**
 * The UI's part of a database switch: live queries still watch the old database, so the app remounts. The restore
 * flow announces it once its own state is saved (the remount discards component state).
 */
export function onDatabaseSwitched(listener: () => void): () => void {
  switchListeners.add(listener);
  return () => switchListeners.delete(listener);
}

export function announceDatabaseSwitch(): void {
  for (const listener of switchListeners) listener();
}

/**
 * Before anything reads the database (main.tsx runs it before the pre-upgrade backup; openDatabase again, it is
 * idempotent): if the stored pointer names a database that does not exist (storage cleared in part), fall back to
 * DB_NAME; then delete what an interrupted restore left behind — restored databases that are not the active one.
 * A database is never deleted while the pointer could still mean it.
 */
export async function settleActiveDatabase(): Promise<void> {
  if (db.name !== DB_NAME && !(await Dexie.exists(db.name))) {
    db = new AppDB(DB_NAME);
    storeActiveName(DB_NAME);
  }
  const list = typeof indexedDB !== 'undefined' && indexedDB.databases ? await indexedDB.databases() : [];
  for (const { name } of list) {
    // DB_NAME too once a restored database is active: the switch was interrupted before it deleted the old one.
    const stale = name === DB_NAME || (name !== undefined && RESTORED_DB_PATTERN.test(name));
    if (name && name !== db.name && stale) await Dexie.delete(name).catch(() => undefined);
  }
}

/** Opens the app's database once at start-up, before the UI reads anything. */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<void> {
  openOptions = options;
  await settleActiveDatabase();
  await openAppDatabase(db, options);
}

/**
 * Makes the complete, closed database `name` the app's database: the pointer is written first (from then on a start
 * opens it), then the new database is opened and the old one deleted. Used by 覆盖全部 only after the new database
 * holds the whole validated backup, so an interruption leaves either the old data or the new, never a mixture.
 */
export async function switchDatabase(name: string): Promise<void> {
  const old = db;
  storeActiveName(name);
  unsubscribe(old);
  old.close();
  db = new AppDB(name);
  await openAppDatabase(db, openOptions);
  await Dexie.delete(old.name).catch(() => undefined);
}

/** Test hook: what a start does first — take the database the stored pointer names (not opened yet). */
export function __adoptStoredPointerForTests(): void {
  unsubscribe(db);
  db.close();
  db = new AppDB(storedActiveName());
}

/** Test hook: forget handlers, delete the database and let the next query open a fresh one. */
export async function __resetDatabaseForTests(): Promise<void> {
  unsubscribe(db);
  if (db.name !== DB_NAME) {
    db.close();
    await Dexie.delete(db.name);
    storeActiveName(DB_NAME);
    db = new AppDB(DB_NAME);
  }
  await db.delete({ disableAutoOpen: false });
}
