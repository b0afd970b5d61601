// 作为新支部导入 writes a large file in pieces (so the page can paint between them) yet still in ONE transaction, and
// builds the search lists off the page's thread exactly as they were built before.
import { describe, expect, it, vi } from 'vitest';
import { restoreBackup } from '../../../renderer/src/db/backup/restore';
import type { StagedTables } from '../../../renderer/src/db/backup/remap';
import { __resetDatabaseForTests, db } from '../../../renderer/src/db/db';
import { fromBuckets, type SearchBucket } from '../../../renderer/src/db/search/postings';
import { backupBytes, branchOneRows, copyOfBranch, rawSnapshot, storeBranches } from './branchFixtures';
import { blobOf, installCloneableBlob } from './helpers';

installCloneableBlob();

const MEETINGS = 400;

/** The lists stored, whatever order their terms were met in: per branch the directory and each term's slots. */
const listsOf = (buckets: unknown[]) =>
  fromBuckets(buckets as SearchBucket[])
    .map((row) => ({ ...row, slots: row.slots && [...row.slots] }))
    .sort((a, b) => `${a.branchId} ${a.term}`.localeCompare(`${b.branchId} ${b.term}`));

/** b-1 of the fixture with MEETINGS more meetings (copies under new ids), and a second branch: a file of some size. */
async function largerFile(): Promise<{ bytes: Uint8Array; searchBuckets: unknown[] }> {
  const rows = await branchOneRows();
  const meeting = rows.meetings![0]!;
  const extra = Array.from({ length: MEETINGS }, (_, i) => ({
    ...meeting,
    id: `mt-extra-${i}`,
    topic: `第 ${i} 次学习：${i % 7 === 0 ? '基层组织建设' : '理论武装'}`,
  }));
  const big: Partial<StagedTables> = { ...rows, meetings: [...rows.meetings!, ...extra] };
  // The lists as storeBranches builds them: buildPostings and toBuckets over every meeting, in the page.
  await storeBranches(big, copyOfBranch(big, 'two', '机关第二党支部'));
  const searchBuckets = (await rawSnapshot()).searchBuckets!;
  const bytes = await backupBytes();
  await __resetDatabaseForTests();
  return { bytes, searchBuckets };
}

describe('作为新支部导入 of a larger file', () => {
  it('stores the same search lists as building them in the page', async () => {
    const file = await largerFile();
    const result = await restoreBackup(blobOf(file.bytes), 'addAsNewBranches');
    expect(result.ok).toBe(true);
    expect(await db.meetings.count()).toBeGreaterThan(2 * MEETINGS);
    const stored = listsOf((await rawSnapshot()).searchBuckets!);
    expect(stored.length).toBeGreaterThan(100);
    expect(stored).toEqual(listsOf(file.searchBuckets));
  });

  it('a write failing in a late piece of a table undoes every piece before it: nothing is stored', async () => {
    const file = await largerFile();
    const before = await rawSnapshot();
    let meetingsAdded = 0;
    const realAdd = IDBObjectStore.prototype.add;
    const spy = vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (
      this: IDBObjectStore,
      ...args: unknown[]
    ) {
      if (this.name === 'meetings' && ++meetingsAdded > MEETINGS) {
        throw new DOMException('模拟写入失败', 'UnknownError');
      }
      return realAdd.apply(this, args as Parameters<typeof realAdd>);
    });
    try {
      const failed = await restoreBackup(blobOf(file.bytes), 'addAsNewBranches');
      expect(failed.ok).toBe(false);
      if (!failed.ok) expect(failed.errors.join()).toContain('写入数据库时出错');
    } finally {
      spy.mockRestore();
    }
    // Pieces of meetings were written before the failure (the first piece has 64 rows), and none of them stayed.
    expect(meetingsAdded).toBeGreaterThan(64);
    expect(await rawSnapshot()).toEqual(before);
  });
});
