// Before a schema upgrade (Electron): back up the database as it is, from a connection that does not upgrade it.
import Dexie from 'dexie';
import { getBackupApi } from '../../host/backupApi';
import { SCHEMA_VERSION } from '../AppDB';
import { db } from '../db';
import { createBlobSink, exportBackup } from './export';

export type PreUpgradeOutcome = 'not-electron' | 'no-database' | 'current' | 'newer' | 'backed-up';

export interface PreUpgradeOptions {
  dbName?: string;
  /** The version this build opens (SCHEMA_VERSION); tests simulate a newer build with a higher one. */
  targetVersion?: number;
  /** Hands the backup to main; by default the host's writeBackup with kind 'pre-upgrade', absent in a browser. */
  send?: (data: Uint8Array<ArrayBuffer>) => Promise<unknown>;
}

/** The pre-upgrade backup could not be taken, so the upgrade did not run; `reason` says why (from main, in Chinese). */
export class PreUpgradeBackupError extends Error {
  constructor(
    readonly reason: string,
    options?: ErrorOptions,
  ) {
    super(`升级数据库前的自动备份失败，为保护数据本次没有升级：${reason}`, options);
    this.name = 'PreUpgradeBackupError';
  }
}

function electronSender(): PreUpgradeOptions['send'] {
  const api = getBackupApi();
  return api ? (data) => api.writeBackup({ kind: 'pre-upgrade', data }) : undefined;
}

/**
 * Dexie upgrades a database inside `open()`, so a backup of the old data must be taken before AppDB opens. A Dexie
 * constructed WITHOUT `version()` opens whatever is installed, at its version, and reads its tables from the
 * database itself: from that connection the old data is exported with the old table list, sent to main as a
 * 'pre-upgrade' backup, and the connection is closed (an open one would block the upgrade). Only then may the caller
 * open AppDB. If the backup fails, this throws and the caller must not upgrade: a killed or faulty upgrade (Dexie
 * #1175) without a copy of the old data is the one loss nothing else could undo.
 */
export async function backupBeforeUpgrade(options: PreUpgradeOptions = {}): Promise<PreUpgradeOutcome> {
  const send = options.send ?? electronSender();
  if (!send) return 'not-electron';
  // The active database (a 覆盖全部 restore may have switched it from DB_NAME, see db.ts).
  const name = options.dbName ?? db.name;
  const target = options.targetVersion ?? SCHEMA_VERSION;
  if (!(await Dexie.exists(name))) return 'no-database';
  const probe = new Dexie(name);
  try {
    await probe.open();
    // Dexie stores version n as n × 10, plus 1, 2, … when it patched the schema itself; that is still version n.
    const installed = Math.floor(probe.verno);
    if (installed === target) return 'current';
    // A newer database (an older build run again): nothing to back up. Dexie would open it anyway (and might even
    // patch it), so openAppDatabase (db.ts) refuses it before Dexie opens it, with a start-up error.
    if (installed > target) return 'newer';
    const { sink, toBlob } = createBlobSink();
    await exportBackup(sink, {}, { dexie: probe, schemaVersion: installed });
    await send(new Uint8Array(await toBlob().arrayBuffer()));
    return 'backed-up';
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new PreUpgradeBackupError(reason, { cause: error });
  } finally {
    probe.close();
  }
}
