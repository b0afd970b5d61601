// One branch among many: 替换本机的同一支部 replaces only the file's branch, 作为新支部导入 keeps ids and refuses a
// second import, the preview compares the file's branches with this computer's, and refusals change nothing.
import { describe, expect, it, vi } from 'vitest';
import { compareBranches, inspectBackupFile, restoreBackup } from '../../../renderer/src/db/backup/restore';
import { __resetDatabaseForTests, db } from '../../../renderer/src/db/db';
import { listRecentAudit } from '../../../renderer/src/db/repositories/audit';
import { setCurrentBranchId } from '../../../renderer/src/db/repositories/settings';
import { SETTING_CURRENT_BRANCH } from '../../../renderer/src/db/settingKeys';
import {
  backupBytes,
  belongsTo,
  branchOneRows,
  copyOfBranch,
  FIXTURE_BRANCH,
  type RawSnapshot,
  rawSnapshot,
  storeBranches,
} from './branchFixtures';
import { blobOf, installCloneableBlob } from './helpers';

installCloneableBlob();

const notOf = (branchId: string) => (table: string, row: unknown) => !belongsTo(table, row, branchId);
const of = (branchId: string) => (table: string, row: unknown) => belongsTo(table, row, branchId);
/** Rows of other branches (not the shared standards and settings, which an import into an empty database adds). */
const othersThan = (branchId: string) => (table: string, row: unknown) =>
  table !== 'standards' && table !== 'settings' && !belongsTo(table, row, branchId);

type Entry = { action: string; summary: string };
/** A snapshot with the audit log as its entries, minus those recording restores (their time and id are new each time). */
const comparable = (s: RawSnapshot) => ({
  ...s,
  auditPages: (s.auditPages as { entries: Entry[] }[]).flatMap((p) => p.entries).filter((e) => e.action !== 'restore'),
});

/** The file: b-1 as the fixture has it, plus a member added after (so the file differs from the copy here). */
async function fileOfBranchOne(): Promise<{ bytes: Uint8Array; stored: RawSnapshot }> {
  const rows = await branchOneRows();
  rows.members = [...rows.members!, { ...rows.members![0]!, id: 'm-new', name: '新党员' }];
  await storeBranches(rows);
  const bytes = await backupBytes();
  // What the branch's rows look like when a restore wrote them from this file (its log, learning and lists packed).
  await __resetDatabaseForTests();
  expect((await restoreBackup(blobOf(bytes), 'addAsNewBranches')).ok).toBe(true);
  const stored = await rawSnapshot(of('b-1'));
  await __resetDatabaseForTests();
  return { bytes, stored };
}

/** This computer: b-1 as it is here (with a local-only member), and two other branches. */
async function organ(): Promise<void> {
  const rows = await branchOneRows();
  const local = { ...rows, members: [...rows.members!, { ...rows.members![0]!, id: 'm-local', name: '本机党员' }] };
  await storeBranches(
    local,
    copyOfBranch(rows, 'two', '机关第二党支部'),
    copyOfBranch(rows, 'three', '机关第三党支部'),
  );
}

describe('替换本机的同一支部', () => {
  it('replaces the file’s branch with the file’s rows and leaves every other branch byte for byte', async () => {
    const file = await fileOfBranchOne();
    await organ();
    const second = (await db.branches.toArray()).find((b) => b.name === '机关第二党支部')!;
    await setCurrentBranchId(second.id);
    const others = await rawSnapshot(notOf('b-1'));
    expect(await db.members.get('m-local')).toBeDefined();

    const result = await restoreBackup(blobOf(file.bytes), 'replaceBranches');
    expect(result).toMatchObject({
      ok: true,
      mode: 'replaceBranches',
      branches: [FIXTURE_BRANCH],
      replaced: [FIXTURE_BRANCH],
    });
    expect(result.ok && result.renumbered).toBeFalsy();

    // Every other branch, the shared standards and the settings: exactly as before (the current branch too).
    expect(await rawSnapshot(notOf('b-1'))).toEqual(others);
    expect((await db.settings.get(SETTING_CURRENT_BRANCH))?.value).toBe(second.id);
    // The branch is now the file's: the local-only member is gone, the file's new member is here, ids kept.
    expect(await db.members.get('m-local')).toBeUndefined();
    expect((await db.members.get('m-new'))?.name).toBe('新党员');
    // The same as the file written into an empty database, but for the entry recording the replacement.
    const after = await rawSnapshot(of('b-1'));
    expect(comparable(after)).toEqual(comparable(file.stored));
    const [latest] = await listRecentAudit('b-1', 1);
    expect(latest).toMatchObject({ action: 'restore', entity: 'branch', entityId: 'b-1', branchId: 'b-1' });
    expect(latest!.summary).toMatch(
      /^用备份替换本支部数据（备份时间 2025-04-01 10:00，软件版本 .+；替换前本机：党员 5 名、活动阵地 1 处、阵地复查 1 次、会议记录 \d+ 条、/,
    );
  });

  it('a refused file, or a write failing half-way, changes nothing: not even the branch that was to be replaced', async () => {
    const file = await fileOfBranchOne();
    await organ();
    const before = await rawSnapshot();

    const cut = blobOf(file.bytes.subarray(0, Math.floor(file.bytes.length * 0.7)));
    const refused = await restoreBackup(cut, 'replaceBranches');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.errors[0]).toMatch(/[\u4e00-\u9fff]/);
    expect(await rawSnapshot()).toEqual(before);

    // The old rows are deleted in the same transaction that writes the new ones: a failing write undoes the deletion.
    const realAdd = IDBObjectStore.prototype.add;
    const spy = vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (
      this: IDBObjectStore,
      ...args: unknown[]
    ) {
      if (this.name === 'meetings') throw new DOMException('模拟写入失败', 'UnknownError');
      return realAdd.apply(this, args as Parameters<typeof realAdd>);
    });
    try {
      const failed = await restoreBackup(blobOf(file.bytes), 'replaceBranches');
      expect(failed.ok).toBe(false);
      if (!failed.ok) expect(failed.errors.join()).toContain('写入数据库时出错');
    } finally {
      spy.mockRestore();
    }
    expect(await rawSnapshot()).toEqual(before);
  });

  it('the preview knows which branches of the file are here, before any mode reads the file', async () => {
    const file = await fileOfBranchOne();
    await organ();
    await db.branches.update('b-1', { name: '第一党支部（本机改名）' });
    const inspected = await inspectBackupFile(blobOf(file.bytes));
    if (!inspected.ok) throw new Error(inspected.errors.join());
    expect(inspected.preview.here).toEqual({
      // Its last change here (restores aside) is older than the file: replacing it loses nothing made since.
      same: [
        {
          id: 'b-1',
          name: '机关第一党支部',
          localName: '第一党支部（本机改名）',
          lastChange: '2025-03-18T02:00:00.000Z',
        },
      ],
      sameName: [],
      onlyHere: [
        { id: 'two-1', name: '机关第二党支部' },
        { id: 'three-1', name: '机关第三党支部' },
      ],
      total: 3,
    });
  });
});

describe('作为新支部导入', () => {
  it('keeps the file’s ids, and a second import is refused with the advice to replace, before reading', async () => {
    const file = await fileOfBranchOne();
    const rows = await branchOneRows();
    await storeBranches(copyOfBranch(rows, 'two', '机关第二党支部'));

    const first = await restoreBackup(blobOf(file.bytes), 'addAsNewBranches');
    expect(first).toMatchObject({ ok: true, branches: [FIXTURE_BRANCH] });
    expect(comparable(await rawSnapshot(of('b-1')))).toEqual(comparable(file.stored));
    expect((await db.members.get('m-new'))?.branchId).toBe('b-1');

    const before = await rawSnapshot();
    const phases: string[] = [];
    const again = await restoreBackup(blobOf(file.bytes), 'addAsNewBranches', {
      expectedBranches: [FIXTURE_BRANCH],
      onProgress: (p) => phases.push(p.phase),
    });
    expect(again.ok).toBe(false);
    if (!again.ok) {
      expect(again.errors[0]).toBe('本机已有备份中的支部「机关第一党支部」，是同一支部');
      expect(again.errors.join()).toContain('请选择「替换本机的同一支部」');
      expect(again.errors.join()).not.toContain('覆盖全部');
    }
    // Refused from the preview's branch list: the file was not read.
    expect(phases).toEqual([]);
    // Without the preview's list (or if the file changed since), the same refusal after reading.
    const late = await restoreBackup(blobOf(file.bytes), 'addAsNewBranches');
    expect(late.ok).toBe(false);
    if (!late.ok) expect(late.errors.join()).toContain('替换本机的同一支部');
    expect(await rawSnapshot()).toEqual(before);

    const inspected = await inspectBackupFile(blobOf(file.bytes));
    expect(inspected.ok && inspected.preview.here.same.map((b) => b.id)).toEqual(['b-1']);
  });

  it('names a branch here of the same name under another id, without refusing it', async () => {
    const rows = await branchOneRows();
    await storeBranches(copyOfBranch(rows, 'old', '机关第一党支部'));
    const here = await compareBranches([FIXTURE_BRANCH]);
    expect(here.same).toEqual([]);
    expect(here.sameName).toEqual([FIXTURE_BRANCH]);
  });

  it('renews only the ids another branch here already uses, and every reference to them', async () => {
    const file = await fileOfBranchOne();
    const rows = await branchOneRows();
    // Another branch whose member m-1 has the same id as one in the file (a file copied or edited by hand).
    const other = copyOfBranch(rows, 'two', '机关第二党支部');
    other.members = other.members!.map((m, i) => (i === 1 ? { ...m, id: 'm-1' } : m));
    await storeBranches(other);
    const before = await rawSnapshot(othersThan('b-1'));

    const result = await restoreBackup(blobOf(file.bytes), 'addAsNewBranches');
    expect(result).toMatchObject({ ok: true, renumbered: 1 });
    // The other branch is untouched; its m-1 is still its own.
    expect(await rawSnapshot(othersThan('b-1'))).toEqual(before);
    expect((await db.members.get('m-1'))?.branchId).toMatch(/^two-/);
    // The file's m-1 got a new id; the meetings it attended point at that id; every other id is the file's.
    const members = await db.members.where('branchId').equals('b-1').toArray();
    const renamed = members.find((m) => m.name === '党员1')!;
    expect(renamed.id).not.toBe('m-1');
    expect(
      members
        .map((m) => m.id)
        .filter((id) => id !== renamed.id)
        .sort(),
    ).toEqual(['m-0', 'm-2', 'm-3', 'm-new'].sort());
    const meetings = await db.meetings.where('[branchId+date]').between(['b-1', ''], ['b-1', '\uffff']).toArray();
    const attendees = meetings.flatMap((m) => m.attendance.map((a) => a.memberId));
    expect(attendees).toContain(renamed.id);
    expect(attendees).not.toContain('m-1');
  });
});

describe('作为新支部导入 with some of the file’s branches here', () => {
  /** A backup of two branches (b-1 and a second), then the second deleted here and b-1 changed after the backup. */
  async function twoBranchBackupOneDeleted(): Promise<{ bytes: Uint8Array; second: RawSnapshot }> {
    const rows = await branchOneRows();
    await storeBranches(rows, copyOfBranch(rows, 'two', '机关第二党支部'));
    const bytes = await backupBytes();
    // What the second branch looks like when a restore wrote it from this file.
    await __resetDatabaseForTests();
    expect((await restoreBackup(blobOf(bytes), 'addAsNewBranches')).ok).toBe(true);
    const second = await rawSnapshot(of('two-1'));
    await __resetDatabaseForTests();
    // This computer: b-1 only, with a member added after the backup (which a replace would lose).
    const local = await branchOneRows();
    local.members = [...local.members!, { ...local.members![0]!, id: 'm-local', name: '本机党员' }];
    await storeBranches(local);
    return { bytes, second };
  }

  it('adds only the branch that is missing; the one here stays byte for byte, and the result names it', async () => {
    const file = await twoBranchBackupOneDeleted();
    const branchOne = await rawSnapshot(of('b-1'));
    const shared = await rawSnapshot((table) => table === 'standards' || table === 'settings');

    const inspected = await inspectBackupFile(blobOf(file.bytes));
    if (!inspected.ok) throw new Error(inspected.errors.join());
    const result = await restoreBackup(blobOf(file.bytes), 'addAsNewBranches', {
      expectedBranches: inspected.preview.branches,
    });
    expect(result).toMatchObject({
      ok: true,
      mode: 'addAsNewBranches',
      branches: [{ id: 'two-1', name: '机关第二党支部' }],
      skipped: [FIXTURE_BRANCH],
      unchanged: 1,
    });
    // The branch here: exactly as before, its local member and log included (no restore entry added to it).
    expect(await rawSnapshot(of('b-1'))).toEqual(branchOne);
    expect(await db.members.get('m-local')).toBeDefined();
    // The standards here are kept, and the settings.
    expect(await rawSnapshot((table) => table === 'standards' || table === 'settings')).toEqual(shared);
    // The missing branch is back as the file has it.
    expect(comparable(await rawSnapshot(of('two-1')))).toEqual(comparable(file.second));
    expect((await listRecentAudit('two-1', 1))[0]?.summary).toMatch(/^从备份恢复（作为新支部导入/);
  });

  it('the preview counts the file’s records per branch, for the replace confirmation', async () => {
    const file = await twoBranchBackupOneDeleted();
    const inspected = await inspectBackupFile(blobOf(file.bytes));
    if (!inspected.ok) throw new Error(inspected.errors.join());
    const { fileRows } = inspected.preview;
    expect(Object.keys(fileRows).sort()).toEqual(['b-1', 'two-1']);
    // The file's b-1 lacks the member added here since: one fewer than here.
    expect(fileRows['b-1']!.members).toBe((await db.members.where('branchId').equals('b-1').count()) - 1);
    expect(fileRows['b-1']!.competitions).toBe(1);
    expect(fileRows['b-1']!.meetings).toBeGreaterThan(0);
    expect(fileRows['two-1']).toEqual(fileRows['b-1']);
  });
});
