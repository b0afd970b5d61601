// Invariants after open: a dangling current branch is repaired and reported; orphaned rows are reported, kept.
import { describe, expect, it } from 'vitest';
import { db } from '../../../renderer/src/db/db';
import { checkInvariants } from '../../../renderer/src/db/invariants';
import { createBranch } from '../../../renderer/src/db/repositories/branches';
import { getSetting } from '../../../renderer/src/db/repositories/settings';
import { SETTING_CURRENT_BRANCH } from '../../../renderer/src/db/settingKeys';

const branchInput = { name: '机关第一党支部', termStart: '2023-03-01', termEnd: '2026-02-28' };

describe('checkInvariants', () => {
  it('clears a current-branch setting that points at a missing branch and reports the repair', async () => {
    await createBranch(branchInput);
    await db.settings.put({ key: SETTING_CURRENT_BRANCH, value: 'deleted-branch' });

    const findings = await checkInvariants(db);

    expect(findings).toEqual([expect.objectContaining({ code: 'dangling-current-branch', repaired: true })]);
    expect(findings[0]!.message).toMatch(/当前支部/);
    expect(await getSetting(SETTING_CURRENT_BRANCH)).toBeUndefined();
    expect(await db.branches.count()).toBe(1); // repairing never touches records
  });

  it('finds nothing in a consistent database and leaves a valid setting alone', async () => {
    const branch = await createBranch(branchInput);
    expect(await checkInvariants(db)).toEqual([]);
    expect(await getSetting(SETTING_CURRENT_BRANCH)).toBe(branch.id);
  });

  it('reports rows whose branch does not exist without deleting them', async () => {
    const branch = await createBranch(branchInput);
    const stamp = { createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' };
    const meeting = (id: string, branchId: string) =>
      ({
        ...stamp,
        id,
        branchId,
        date: '2025-01-10',
        kind: '支委会',
        status: '草稿',
        venueId: '',
        attendeeIds: [],
        terms: [],
      }) as never;
    await db.meetings.bulkAdd([meeting('ok', branch.id), meeting('lost-1', 'gone'), meeting('lost-2', 'gone')]);

    const findings = await checkInvariants(db);

    expect(findings).toEqual([
      expect.objectContaining({ code: 'orphan-rows', table: 'meetings', count: 2, repaired: false }),
    ]);
    expect(findings[0]!.message).toContain('2 条会议记录');
    expect(await db.meetings.count()).toBe(3);
  });
});
