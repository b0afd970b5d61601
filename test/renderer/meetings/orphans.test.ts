// The start-up orphan check's skip scan: orphans of several missing branches, sorted around real ones, all counted.
import { describe, expect, it } from 'vitest';
import { db } from '../../../renderer/src/db/db';
import { checkInvariants } from '../../../renderer/src/db/invariants';
import { createBranch } from '../../../renderer/src/db/repositories/branches';

describe('checkInvariants orphan counting (skip scan per branch)', () => {
  it('counts every orphan row on compound and plain branch indexes, however the branch ids sort', async () => {
    const real = await createBranch({ name: '机关第一党支部', termStart: '2023-03-01', termEnd: '2026-02-28' });
    const stamp = { createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' };
    const meeting = (id: string, branchId: string, date: string) =>
      ({ ...stamp, id, branchId, date, kind: '支委会', status: '草稿', venueId: '', attendeeIds: [] }) as never;
    // Missing branches whose ids sort before, between and after the real one; several dates each.
    await db.meetings.bulkAdd([
      meeting('m1', '!first', '2025-01-01'),
      meeting('m2', '!first', '2025-02-01'),
      meeting('m3', real.id, '2025-01-01'),
      meeting('m4', real.id, '2025-03-01'),
      meeting('m5', '~last', '2024-01-01'),
      meeting('m6', '~last', '2025-01-01'),
      meeting('m7', '~last', '2026-01-01'),
    ]);
    const member = (id: string, branchId: string) =>
      ({ ...stamp, id, branchId, name: id, gender: '男', status: '正式' }) as never;
    await db.members.bulkAdd([
      member('p1', '!first'),
      member('p2', real.id),
      member('p3', real.id),
      member('p4', '~x'),
    ]);

    const findings = await checkInvariants(db);
    const counts = Object.fromEntries(findings.map((f) => [f.table, f.count]));
    expect(counts).toEqual({ meetings: 5, members: 2 });
    expect(await db.meetings.count()).toBe(7);
  });

  it('reports nothing when every row belongs to an existing branch', async () => {
    const a = await createBranch({ name: '甲支部', termStart: '2023-03-01', termEnd: '2026-02-28' });
    const b = await createBranch({ name: '乙支部', termStart: '2023-03-01', termEnd: '2026-02-28' });
    const stamp = { createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' };
    const meeting = (id: string, branchId: string) =>
      ({
        ...stamp,
        id,
        branchId,
        date: '2025-01-01',
        kind: '支委会',
        status: '草稿',
        venueId: '',
        attendeeIds: [],
      }) as never;
    await db.meetings.bulkAdd([meeting('m1', a.id), meeting('m2', b.id), meeting('m3', a.id)]);
    expect(await checkInvariants(db)).toEqual([]);
  });
});
