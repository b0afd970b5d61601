// The pre-upgrade backup: an older database is exported and sent BEFORE a newer schema opens (and upgrades) it.
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { inspectBackup } from '../../../shared/backup';
import { backupBeforeUpgrade } from '../../../renderer/src/db/backup/preUpgrade';
import { migration001 } from '../../../renderer/src/db/migrations/001-initial';
import { chunksOf, installCloneableBlob } from './helpers';

installCloneableBlob();

const NAME = 'pre-upgrade-test';
const T = '2025-03-18T02:00:00.000Z';

async function createV1Database(): Promise<void> {
  // A real v1 database, as a v1 build left it (AppDB itself is now at a later version).
  const v1 = new Dexie(NAME);
  v1.version(1).stores(migration001.stores);
  await v1.open();
  await v1.table('branches').add({
    id: 'b-1',
    name: '机关第一党支部',
    parentOrg: '',
    establishedDate: '',
    termStart: '2023-01-01',
    termEnd: '2026-01-01',
    committee: [],
    partyGroups: [],
    unitSpirit: '',
    deptPhilosophy: '',
    createdAt: T,
    updatedAt: T,
  });
  v1.close();
}

/** The next schema as a later build would declare it: v1 plus a v2 with a new index and an upgrader. */
function openAsV2(): Promise<Dexie> {
  const v2 = new Dexie(NAME);
  v2.version(1).stores(migration001.stores);
  v2.version(2)
    .stores({ branches: 'id, name, parentOrg' })
    .upgrade((tx) => tx.table('branches').toCollection().modify({ parentOrg: '升级时写入' }));
  return v2.open();
}

afterEach(async () => {
  await Dexie.delete(NAME);
});

describe('backupBeforeUpgrade', () => {
  it('backs up a v1 database with its data before a v2 build opens it, then lets the upgrade run', async () => {
    await createV1Database();
    const sent: Uint8Array[] = [];
    const outcome = await backupBeforeUpgrade({
      dbName: NAME,
      targetVersion: 2,
      send: async (data) => {
        // At the moment of sending, the database is still v1 and untouched.
        const probe = new Dexie(NAME);
        await probe.open();
        expect(probe.verno).toBe(1);
        probe.close();
        sent.push(data);
      },
    });
    expect(outcome).toBe('backed-up');
    expect(sent).toHaveLength(1);

    const inspected = await inspectBackup(chunksOf(sent[0]!));
    if (!inspected.ok) throw new Error(inspected.errors.join('\n'));
    expect(inspected.manifest.schemaVersion).toBe(1);
    expect(inspected.branches).toEqual([{ id: 'b-1', name: '机关第一党支部' }]);

    // The probe connection is closed: the upgrade is not blocked, and it changes the live data, not the backup.
    const v2 = await openAsV2();
    expect(v2.verno).toBe(2);
    expect((await v2.table('branches').get('b-1')).parentOrg).toBe('升级时写入');
    v2.close();
  });

  it('sends nothing when the database is already at this version, absent, or not in Electron', async () => {
    const send = vi.fn(async () => undefined);
    expect(await backupBeforeUpgrade({ dbName: NAME, targetVersion: 1, send })).toBe('no-database');
    await createV1Database();
    expect(await backupBeforeUpgrade({ dbName: NAME, targetVersion: 1, send })).toBe('current');
    expect(send).not.toHaveBeenCalled();
    // No `send` and no preload bridge: a plain browser.
    expect(await backupBeforeUpgrade({ dbName: NAME, targetVersion: 2 })).toBe('not-electron');
  });

  it('refuses to go on when the backup cannot be written, and the database stays at v1', async () => {
    await createV1Database();
    await expect(
      backupBeforeUpgrade({
        dbName: NAME,
        targetVersion: 2,
        send: () => Promise.reject(new Error('磁盘空间不足')),
      }),
    ).rejects.toThrow(/升级数据库前的自动备份失败.*磁盘空间不足/);
    const probe = new Dexie(NAME);
    await probe.open();
    expect(probe.verno).toBe(1);
    probe.close();
  });
});
