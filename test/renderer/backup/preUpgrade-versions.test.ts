// Which installed versions the pre-upgrade backup treats as older, current or newer (Dexie's native version is ×10).
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { backupBeforeUpgrade } from '../../../renderer/src/db/backup/preUpgrade';

const NAME = 'pre-upgrade-versions-test';

function createAtNative(version: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(NAME, version);
    request.onupgradeneeded = () => request.result.createObjectStore('branches', { keyPath: 'id' });
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error);
  });
}

async function nativeVersion(): Promise<number> {
  const probe = new Dexie(NAME);
  await probe.open();
  const version = probe.backendDB().version;
  probe.close();
  return version;
}

afterEach(async () => {
  await Dexie.delete(NAME);
});

describe('backupBeforeUpgrade and the installed version', () => {
  it('counts a database Dexie patched within this version (native 21) as current: nothing to back up', async () => {
    await createAtNative(21);
    const send = vi.fn(async () => undefined);
    expect(await backupBeforeUpgrade({ dbName: NAME, targetVersion: 2, send })).toBe('current');
    expect(send).not.toHaveBeenCalled();
  });

  it('reports a newer database without sending or changing anything', async () => {
    await createAtNative(30);
    const send = vi.fn(async () => undefined);
    expect(await backupBeforeUpgrade({ dbName: NAME, targetVersion: 2, send })).toBe('newer');
    expect(send).not.toHaveBeenCalled();
    expect(await nativeVersion()).toBe(30);
  });
});
