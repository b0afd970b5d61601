// Export → restore on fake-indexeddb: lossless replace, import keeping ids (once), refusals and failures change nothing.
import { readTableRows } from '../../../renderer/src/db/backup/export';
import { describe, expect, it, vi } from 'vitest';
import { inspectBackup } from '../../../shared/backup';
import { TABLE_NAMES } from '../../../shared/backup/tables';
import { createBlobSink, exportBackup, exportBackupBlob } from '../../../renderer/src/db/backup/export';
import { inspectBackupFile, restoreBackup } from '../../../renderer/src/db/backup/restore';
import { __resetDatabaseForTests, db } from '../../../renderer/src/db/db';
import { listRecentAudit } from '../../../renderer/src/db/repositories/audit';
import { SETTING_CURRENT_BRANCH } from '../../../renderer/src/db/settingKeys';
import { blobOf, bytesOf, chunksOf, seedFromFixture, snapshot, installCloneableBlob } from './helpers';

installCloneableBlob();

async function exportedBytes(): Promise<Uint8Array> {
  const { blob } = await exportBackupBlob({ createdAt: '2025-04-01T02:00:00.000Z' });
  return bytesOf(blob);
}

describe('exportBackup', () => {
  it('writes every table page by page and every attachment once, as a file the codec validates', async () => {
    await seedFromFixture(450); // > 2 pages of members
    const progress: string[] = [];
    const { sink, toBlob } = createBlobSink();
    const manifest = await exportBackup(sink, {
      onProgress: (p) => progress.push(p.phase === 'tables' ? p.table : 'attachments'),
    });
    const counts = Object.fromEntries(
      await Promise.all(TABLE_NAMES.map(async (t) => [t, (await readTableRows(db, t)).length])),
    );
    expect(Object.fromEntries(TABLE_NAMES.map((t) => [t, manifest.tables[t].rows]))).toEqual(counts);
    expect(manifest.tables.members.rows).toBe(4 + 450); // the fixture's 4 and the copies
    // Two attachment rows share the photo: one file.
    expect(manifest.attachments.count).toBe(2);
    expect(progress).toContain('meetings');
    expect(progress.at(-1)).toBe('attachments');

    const bytes = await bytesOf(toBlob());
    const inspected = await inspectBackup(chunksOf(bytes));
    expect(inspected.ok).toBe(true);
  });
});

describe('restoreBackup (覆盖全部)', () => {
  it('restores into an empty database exactly what was exported: rows and attachment bytes', async () => {
    await seedFromFixture(250);
    const before = await snapshot();
    const bytes = await exportedBytes();

    await __resetDatabaseForTests();
    expect(await db.branches.count()).toBe(0);
    const result = await restoreBackup(blobOf(bytes), 'replace');
    expect(result).toMatchObject({ ok: true, mode: 'replace', branches: [{ id: 'b-1', name: '机关第一党支部' }] });

    const after = await snapshot();
    const restoreEntries = after.audit!.filter((e) => e.action === 'restore');
    expect(restoreEntries).toHaveLength(1);
    expect(restoreEntries[0]).toMatchObject({ entity: 'branch', entityId: 'b-1', branchId: 'b-1' });
    // The backup's time as the log shows every time: China time to the minute, not the manifest's ISO instant.
    expect(restoreEntries[0]!.summary).toMatch(
      /^从备份恢复（覆盖全部，备份时间 \d{4}-\d{2}-\d{2} \d{2}:\d{2}，软件版本 /,
    );
    after.audit = after.audit!.filter((e) => e.action !== 'restore');
    expect(after).toEqual(before);
    // The thumbnail travelled too.
    expect((await db.attachments.get('a-1'))?.thumbnail).toBeInstanceOf(Blob);
  });

  it('replaces what was there: rows not in the backup are gone', async () => {
    await seedFromFixture();
    const bytes = await exportedBytes();
    await db.branches.add({ ...(await db.branches.get('b-1'))!, id: 'local-only', name: '本机支部' });
    const result = await restoreBackup(blobOf(bytes), 'replace');
    expect(result.ok).toBe(true);
    expect(await db.branches.get('local-only')).toBeUndefined();
    expect(await db.branches.count()).toBe(1);
  });
});

describe('restoreBackup (作为新支部导入)', () => {
  it('imported into another database, keeps the ids and references; a second import of it is refused', async () => {
    await seedFromFixture();
    const bytes = await exportedBytes();
    const source = await snapshot();
    await __resetDatabaseForTests();

    const first = await restoreBackup(blobOf(bytes), 'addAsNewBranches');
    const second = await restoreBackup(blobOf(bytes), 'addAsNewBranches');
    if (!first.ok) throw new Error('import failed');
    expect(second.ok).toBe(false);
    const b1 = first.branches[0]!.id;
    expect(b1).toBe('b-1');
    expect(await db.branches.count()).toBe(1);

    for (const branchId of [b1]) {
      const members = await db.members.where('branchId').equals(branchId).toArray();
      const memberIds = new Set(members.map((m) => m.id));
      expect(members).toHaveLength(source.members!.length);
      const meetings = await db.meetings
        .where('[branchId+date]')
        .between([branchId, ''], [branchId, '\uffff'])
        .toArray();
      expect(meetings).toHaveLength(source.meetings!.length);
      const venues = new Set((await db.venues.where('branchId').equals(branchId).toArray()).map((v) => v.id));
      const attachments = await db.attachments.where('branchId').equals(branchId).toArray();
      const attachmentIds = new Set(attachments.map((a) => a.id));
      for (const meeting of meetings) {
        for (const a of meeting.attendance) expect(memberIds.has(a.memberId)).toBe(true);
        for (const id of meeting.attendeeIds) expect(memberIds.has(id)).toBe(true);
        for (const id of meeting.attachmentIds) expect(attachmentIds.has(id)).toBe(true);
        if (meeting.venueId) expect(venues.has(meeting.venueId)).toBe(true);
      }
      // The bytes came along, and the party groups members point at are this branch's.
      const photo = attachments.find((a) => a.thumbnail)!;
      expect(await bytesOf(photo.blob)).toEqual(
        new Uint8Array(source.attachments!.find((a) => a.id === 'a-1')!.blob as number[]),
      );
      const branch = (await db.branches.get(branchId))!;
      const groups = new Set(branch.partyGroups.map((g) => g.id));
      for (const m of members) if (m.partyGroupId) expect(groups.has(m.partyGroupId)).toBe(true);
      expect((await listRecentAudit(branchId)).some((e) => e.action === 'restore')).toBe(true);
    }
    // The file's ids, unchanged.
    expect((await db.members.toArray()).map((m) => m.id).sort()).toEqual(source.members!.map((m) => m.id).sort());
    // The shared standard is stored once; this computer's settings were not overwritten by the file's.
    expect(await db.standards.count()).toBe(source.standards!.length);
    expect(await db.settings.get('ui')).toBeUndefined();
    expect((await db.settings.get(SETTING_CURRENT_BRANCH))?.value).toBe(b1);
  });

  it('refuses a branch that is already here (same id) and changes nothing', async () => {
    await seedFromFixture();
    const bytes = await exportedBytes();
    const before = await snapshot();
    const result = await restoreBackup(blobOf(bytes), 'addAsNewBranches');
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors.join('\n')).toMatch(/本机已有备份中的支部「机关第一党支部」.*\n.*替换本机的同一支部/);
    expect(await snapshot()).toEqual(before);
  });
});

describe('refusals and failures leave the database unchanged', () => {
  it('a truncated file is refused with a Chinese reason, before anything is written', async () => {
    await seedFromFixture();
    const bytes = await exportedBytes();
    const before = await snapshot();
    const cut = blobOf(bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const inspected = await inspectBackupFile(cut);
    expect(inspected.ok).toBe(false);
    for (const mode of ['replace', 'addAsNewBranches'] as const) {
      const result = await restoreBackup(cut, mode);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors[0]).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('a text file is refused as not a backup', async () => {
    const result = await inspectBackupFile(blobOf(new TextEncoder().encode('这不是备份文件\n')));
    expect(result).toEqual({ ok: false, errors: [expect.stringContaining('不是')] });
  });

  it('覆盖全部: a write failing half-way leaves the database as it was, and the half-written new one is gone', async () => {
    await seedFromFixture();
    const bytes = await exportedBytes();
    await db.branches.update('b-1', { name: '修改后的名称' });
    const before = await snapshot();
    const activeName = db.name;

    // 覆盖全部 writes into a new database while reading (replace.ts): fail a meetings write into that one, the way
    // IndexedDB fails a request (the store throws, the transaction aborts).
    const realAdd = IDBObjectStore.prototype.add;
    let failed = 0;
    const spy = vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (
      this: IDBObjectStore,
      ...args: unknown[]
    ) {
      if (this.name === 'meetings' && this.transaction.db.name !== activeName) {
        failed++;
        throw new DOMException('模拟写入失败', 'UnknownError');
      }
      return realAdd.apply(this, args as Parameters<typeof realAdd>);
    });
    try {
      const result = await restoreBackup(blobOf(bytes), 'replace');
      expect(failed).toBeGreaterThan(0);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors.join()).toContain('模拟写入失败');
    } finally {
      spy.mockRestore();
    }
    expect(db.name).toBe(activeName);
    expect((await indexedDB.databases()).map((d) => d.name)).toEqual([activeName]);
    expect(await snapshot()).toEqual(before);
    expect((await db.branches.get('b-1'))?.name).toBe('修改后的名称');
  });
  it('a disk without room for the restore refuses it up front, in words, and nothing stored changes', async () => {
    await seedFromFixture();
    const bytes = await exportedBytes();
    const before = await snapshot();
    const activeName = db.name;
    const had = Object.getOwnPropertyDescriptor(navigator, 'storage');
    // The browser's own figure is the boundary here: Chromium derives it from the free disk space.
    let available = 1000;
    Object.defineProperty(navigator, 'storage', {
      configurable: true,
      value: { estimate: async () => ({ quota: 5_000_000 + available, usage: 5_000_000 }) },
    });
    try {
      // The preview shows the same figures before the user picks a mode.
      const inspected = await inspectBackupFile(blobOf(bytes));
      expect(inspected.ok).toBe(true);
      if (inspected.ok) {
        expect(inspected.preview.room?.available).toBe(1000);
        expect(inspected.preview.room?.needed).toBeGreaterThan(1000);
      }
      for (const mode of ['replace', 'addAsNewBranches'] as const) {
        const result = await restoreBackup(blobOf(bytes), mode);
        expect(result.ok, mode).toBe(false);
        if (!result.ok) {
          expect(result.errors).toHaveLength(1);
          expect(result.errors[0]).toMatch(
            /^磁盘空间不足：.*约需 \d+ KB，本机当前只能再存放约 1000 字节。原有数据没有任何改动/,
          );
        }
      }
      expect((await indexedDB.databases()).map((d) => d.name)).toEqual([activeName]);
      expect(await snapshot()).toEqual(before);
      // With room enough, the same file restores.
      available = 1_000_000_000;
      const result = await restoreBackup(blobOf(bytes), 'replace');
      expect(result.ok).toBe(true);
    } finally {
      if (had) Object.defineProperty(navigator, 'storage', had);
      else delete (navigator as { storage?: unknown }).storage;
    }
  });

  it('the desktop app measures room by the free disk (its storage quota is unlimited); a nonsense estimate is no figure', async () => {
    await seedFromFixture();
    const bytes = await exportedBytes();
    const before = await snapshot();
    const had = Object.getOwnPropertyDescriptor(navigator, 'storage');
    let estimate = { quota: 10_000_000_000, usage: 1000 };
    Object.defineProperty(navigator, 'storage', { configurable: true, value: { estimate: async () => estimate } });
    // The preload bridge is the boundary: main reports the free space of the user-data disk.
    const host = window as { api?: unknown };
    host.api = {
      backupStatus: async () => ({ lastDailyDate: null, freeBytes: 2048, lowDisk: true, dir: '/userData/backups' }),
    };
    try {
      const refused = await restoreBackup(blobOf(bytes), 'replace');
      expect(refused.ok).toBe(false);
      if (!refused.ok) expect(refused.errors[0]).toContain('本机当前只能再存放约 2 KB');
      expect(await snapshot()).toEqual(before);

      // In a browser, an estimate whose quota is below its own usage (Electron's unlimited quota can read so) is
      // not taken as "no room": the preview has no figure and the restore goes ahead.
      delete host.api;
      estimate = { quota: 100_000, usage: 864_943 };
      const inspected = await inspectBackupFile(blobOf(bytes));
      expect(inspected.ok && inspected.preview.room).toEqual({ needed: expect.any(Number) });
      expect((await restoreBackup(blobOf(bytes), 'replace')).ok).toBe(true);
    } finally {
      delete host.api;
      if (had) Object.defineProperty(navigator, 'storage', had);
      else delete (navigator as { storage?: unknown }).storage;
    }
  });

  it('覆盖全部: a disk that fills up part-way is reported as such, and the database is as it was', async () => {
    await seedFromFixture();
    const bytes = await exportedBytes();
    const before = await snapshot();
    const activeName = db.name;
    const realAdd = IDBObjectStore.prototype.add;
    const spy = vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (
      this: IDBObjectStore,
      ...args: unknown[]
    ) {
      if (this.name === 'meetings' && this.transaction.db.name !== activeName) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return realAdd.apply(this, args as Parameters<typeof realAdd>);
    });
    try {
      const result = await restoreBackup(blobOf(bytes), 'replace');
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.errors.join()).toContain('磁盘空间不足，数据库无法继续写入');
        expect(result.errors.join()).not.toContain('quota');
      }
    } finally {
      spy.mockRestore();
    }
    expect((await indexedDB.databases()).map((d) => d.name)).toEqual([activeName]);
    expect(await snapshot()).toEqual(before);
  });
});
