// A member's 转入本支部日期 survives a backup: exported, restored over everything and imported as a new branch, it is
// kept as it was; a member without one still has none, and the fixture's members (written before the field) restore.
import { describe, expect, it } from 'vitest';
import { exportBackupBlob } from '../../../renderer/src/db/backup/export';
import { restoreBackup } from '../../../renderer/src/db/backup/restore';
import { __resetDatabaseForTests, db } from '../../../renderer/src/db/db';
import { createMember } from '../../../renderer/src/db/repositories/members';
import { blobOf, bytesOf, installCloneableBlob, seedFromFixture } from './helpers';

installCloneableBlob();

async function seeded() {
  await seedFromFixture();
  const branchId = (await db.branches.toCollection().first())!.id;
  const input = { gender: '女', birthDate: '1985-05-01', joinedDate: '2010-07-01', status: '正式' } as const;
  const wangFang = await createMember(branchId, { ...input, name: '王芳', joinedBranchDate: '2025-06-01' });
  const liNa = await createMember(branchId, { ...input, name: '李娜', birthDate: '1990-03-02' });
  const { blob } = await exportBackupBlob({ createdAt: '2025-07-01T02:00:00.000Z' });
  return { bytes: await bytesOf(blob), wangFang, liNa, others: await db.members.count() };
}

describe('转入本支部日期 in a backup', () => {
  it('is restored as it was (覆盖全部), and a member without one still has none', async () => {
    const { bytes, wangFang, liNa, others } = await seeded();
    await __resetDatabaseForTests();
    const result = await restoreBackup(blobOf(bytes), 'replace');
    expect(result.ok).toBe(true);
    expect(await db.members.get(wangFang.id)).toEqual(wangFang);
    expect((await db.members.get(wangFang.id))?.joinedBranchDate).toBe('2025-06-01');
    expect('joinedBranchDate' in (await db.members.get(liNa.id))!).toBe(false);
    expect(await db.members.count()).toBe(others);
  });

  it('is kept when the file is imported as a new branch', async () => {
    const { bytes } = await seeded();
    await __resetDatabaseForTests();
    expect((await restoreBackup(blobOf(bytes), 'addAsNewBranches')).ok).toBe(true);
    const imported = await db.members.filter((m) => m.name === '王芳').toArray();
    expect(imported.map((m) => [m.joinedDate, m.joinedBranchDate])).toEqual([['2010-07-01', '2025-06-01']]);
  });
});
