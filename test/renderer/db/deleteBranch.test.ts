// 删除支部: every row of the branch in every table goes, in one transaction, and nothing else; the deletion is logged
// where it survives, and the current branch moves on.
import { describe, expect, it, vi } from 'vitest';
import { db } from '../../../renderer/src/db/db';
import { listRecentAudit } from '../../../renderer/src/db/repositories/audit';
import {
  BRANCH_OWNERSHIP,
  branchRows,
  countBranchRows,
  deleteBranch,
  deleteBranchRows,
  type StoredTable,
} from '../../../renderer/src/db/repositories/branches';
import { ValidationError } from '../../../renderer/src/db/repositories/errors';
import { getCurrentBranchId, setCurrentBranchId } from '../../../renderer/src/db/repositories/settings';
import {
  belongsTo,
  branchOneRows,
  copyOfBranch,
  FIXTURE_BRANCH,
  rawSnapshot,
  storeBranches,
} from '../backup/branchFixtures';
import { installCloneableBlob } from '../backup/helpers';

installCloneableBlob();

async function twoBranches(): Promise<string> {
  const rows = await branchOneRows();
  const other = copyOfBranch(rows, 'two', '机关第二党支部');
  await storeBranches(rows, other);
  return String(other.branches![0]!.id);
}

/** Every stored record, in every table of the database, that names the branch. */
async function recordsOf(branchId: string): Promise<Record<string, number>> {
  const found: Record<string, number> = {};
  for (const table of db.tables) {
    const n = (await table.toArray()).filter((row) => belongsTo(table.name, row, branchId)).length;
    if (n > 0) found[table.name] = n;
  }
  return found;
}

/** What a deletion changes besides the branch's records: the log outside any branch, and the current branch. */
const sharedLog = (table: string, row: unknown) =>
  (table === 'auditPages' && (row as { branchId: string }).branchId === '') ||
  (table === 'settings' && (row as { key: string }).key === 'currentBranchId');

describe('deleteBranch', () => {
  it('knows how every table of the database belongs to a branch (a table added later must be placed)', () => {
    for (const table of db.tables) expect(BRANCH_OWNERSHIP[table.name as StoredTable], table.name).toBeDefined();
    expect(Object.keys(BRANCH_OWNERSHIP).sort()).toEqual(db.tables.map((t) => t.name).sort());
  });

  it('removes every record of the branch from every table, and nothing of any other branch', async () => {
    const other = await twoBranches();
    await setCurrentBranchId('b-1');
    // The data covers every table that holds branch records, so that each is really tested.
    const held = await recordsOf('b-1');
    for (const table of db.tables) {
      if (typeof BRANCH_OWNERSHIP[table.name as StoredTable] === 'object' || table.name === 'branches') {
        expect(held[table.name], table.name).toBeGreaterThan(0);
      }
    }
    const others = await rawSnapshot((table, row) => !belongsTo(table, row, 'b-1') && !sharedLog(table, row));
    const counts = await countBranchRows('b-1');

    const deleted = await deleteBranch('b-1', ' 机关第一党支部 ');
    expect(deleted).toMatchObject({ branch: FIXTURE_BRANCH, currentBranchId: other });
    expect(deleted.counts).toEqual(counts);
    expect(await recordsOf('b-1')).toEqual({});
    expect(await rawSnapshot((table, row) => !sharedLog(table, row))).toEqual(others);
    expect(await getCurrentBranchId()).toBe(other);

    // The branch's own log went with it: the deletion is logged outside any branch (kept), with what was deleted.
    const [entry] = await listRecentAudit('', 10);
    expect(entry).toMatchObject({ entity: 'branch', entityId: 'b-1', action: 'delete', branchId: '' });
    expect(entry!.summary).toMatch(
      /^删除支部「机关第一党支部」及其全部数据（党员 4 名、活动阵地 1 处、阵地复查 1 次、会议记录 \d+ 条、.*技能比武 1 项、附件 \d+ 个）$/,
    );
    expect(entry!.summary).not.toContain('操作日志');
  });

  it('counts what it will delete in the words the confirmation shows', async () => {
    await twoBranches();
    const counts = await countBranchRows('b-1');
    expect(counts.find((c) => c.table === 'members')).toMatchObject({ label: '党员', unit: '名', count: 4 });
    expect(counts.find((c) => c.table === 'learningMonths')).toMatchObject({ label: '学习记录', count: 1 });
    expect(counts.some((c) => c.table === 'searchBuckets')).toBe(false);
  });

  it('refuses a wrong name, and a failure part-way leaves everything as it was', async () => {
    await twoBranches();
    const before = await rawSnapshot();
    const refused = await deleteBranch('b-1', '机关第一支部').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).issues[0]!.message).toBe(
      '输入的名称与支部名称「机关第一党支部」不一致，没有删除',
    );
    expect(await rawSnapshot()).toEqual(before);

    // One transaction: a delete failing after others succeeded rolls them all back.
    const realDelete = IDBObjectStore.prototype.delete;
    const spy = vi.spyOn(IDBObjectStore.prototype, 'delete').mockImplementation(function (
      this: IDBObjectStore,
      ...args: unknown[]
    ) {
      if (this.name === 'attachments') throw new DOMException('模拟删除失败', 'UnknownError');
      return realDelete.apply(this, args as Parameters<typeof realDelete>);
    });
    try {
      await expect(deleteBranch('b-1', '机关第一党支部')).rejects.toThrow();
    } finally {
      spy.mockRestore();
    }
    expect(await rawSnapshot()).toEqual(before);
  });

  it('deleting the last branch leaves no current branch (the app then asks for a new one)', async () => {
    await storeBranches(await branchOneRows());
    await setCurrentBranchId('b-1');
    const deleted = await deleteBranch('b-1', '机关第一党支部');
    expect(deleted.currentBranchId).toBeUndefined();
    expect(await db.settings.get('currentBranchId')).toBeUndefined();
    expect(await db.branches.count()).toBe(0);
    // The shared standards stay: other branches created later may score against them.
    expect(await db.standards.count()).toBeGreaterThan(0);
  });

  it('deleteBranchRows runs only inside a transaction over every table', async () => {
    await twoBranches();
    await expect(deleteBranchRows('b-1')).rejects.toThrow('同一事务');
    await expect(db.transaction('rw', db.members, () => deleteBranchRows('b-1'))).rejects.toThrow('同一事务');
    expect(await branchRows('members', 'b-1')!.count()).toBe(4);
  });
});
