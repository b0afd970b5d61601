// The one database of the app and how it is opened: version-change and blocked handling, persistence, invariants.
import { AppDB } from './AppDB';
import { checkInvariants, type InvariantFinding } from './invariants';

/**
 * The IndexedDB name, fixed for life together with the app's origin (app://): changing either loses the data.
 */
export const DB_NAME = 'branch-ledger';

export const db = new AppDB(DB_NAME);

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

  try {
    await target.open();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`无法打开本地数据库：${reason}`, { cause: error });
  }
  requestPersistentStorage();
  const findings = await checkInvariants(target);
  options.onFindings?.(findings);
  return findings;
}

/** Opens the app's database once at start-up, before the UI reads anything. */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<void> {
  await openAppDatabase(db, options);
}

/** Test hook: forget handlers, delete the database and let the next query open a fresh one. */
export async function __resetDatabaseForTests(): Promise<void> {
  unsubscribe(db);
  await db.delete({ disableAutoOpen: false });
}
