// 各支部概览's data: one row per branch from fake-indexeddb, counted as the 工作台 counts — a missed 支委会 is red.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../renderer/src/db/db';
import { createBranch } from '../../../renderer/src/db/repositories/branches';
import { createMeeting, finalizeMeeting } from '../../../renderer/src/db/repositories/meetings';
import { createMember } from '../../../renderer/src/db/repositories/members';
import { loadDashboard } from '../../../renderer/src/features/dashboard/dashboardData';
import { loadOverview } from '../../../renderer/src/features/overview/overviewData';
import { meetingInput, present, seed, setChinaNow, memberInput } from '../meetings/fixtures';

beforeEach(() => setChinaNow('2030-06-15T10:00:00'));
afterEach(() => {
  vi.useRealTimers();
});

const pad = (n: number) => String(n).padStart(2, '0');

describe('loadOverview', () => {
  it('lists both branches by name and marks the one that missed its 支委会 in April', async () => {
    const { branch, other, zhang, li } = await seed();
    const chenJing = (await db.members.where('branchId').equals(other.id).toArray())[0]!;
    const zhou = await createMember(other.id, memberInput('周敏', '女'));
    // 乙支部's committee: two members, so its 支委会 have a quorum.
    await db.branches.update(other.id, {
      committee: [
        { name: '陈静', role: '书记', memberId: chenJing.id },
        { name: '周敏', role: '组织委员', memberId: zhou.id },
      ],
    });
    for (let month = 1; month <= 12; month++) {
      await createMeeting(
        branch.id,
        meetingInput({ date: `2029-${pad(month)}-10`, topic: `${month}月支委会`, attendance: present(zhang, li) }),
      );
      if (month === 4) continue;
      const m = await createMeeting(
        other.id,
        meetingInput({ date: `2029-${pad(month)}-12`, topic: `${month}月支委会`, attendance: present(chenJing, zhou) }),
      );
      // 乙支部 finalised all but its December record; 甲支部 finalised none.
      if (month !== 12) await finalizeMeeting(m.id);
    }

    const view = await loadOverview(2029, '2030-06-15');
    expect(view.rows.map((r) => r.name)).toEqual(['甲支部', '乙支部']);
    expect(view.rules.map((r) => r.id)).toContain('committee');
    const committee = (name: string) => {
      const row = view.rows.find((r) => r.name === name)!;
      return row.cells[view.rules.findIndex((r) => r.id === 'committee')]!;
    };
    expect(committee('甲支部')).toMatchObject({ met: 12, required: 12, missed: 0 });
    expect(committee('乙支部')).toMatchObject({ met: 11, required: 12, missed: 1, missedLines: ['4月'] });

    const [jia, yi] = view.rows;
    // Everything else is missing alike in both: the 支委会 is the one more requirement 乙支部 missed.
    expect(yi!.missedRules).toBe(jia!.missedRules + 1);
    expect([jia!.drafts, yi!.drafts]).toEqual([12, 1]);

    // The same numbers as the branch's own 工作台.
    const board = await loadDashboard(other.id, 2029, '2030-06-15');
    for (const line of board.records) {
      const cell = yi!.cells[view.rules.findIndex((r) => r.id === line.ruleId)]!;
      expect([cell.met, cell.required, cell.missed]).toEqual([line.met, line.required, line.misses.length]);
    }
    expect(yi!.missedRules).toBe(board.records.filter((l) => l.misses.length > 0).length);
  });

  it('says which gaps are over before a branch began using the ledger, as its 工作台 folds them', async () => {
    // Both branches are set up in the app on 15 June 2030; 甲支部 enters its March 支委会 afterwards (补录).
    const { branch, zhang, li } = await seed();
    await createMeeting(
      branch.id,
      meetingInput({ date: '2030-03-10', topic: '3月支委会', attendance: present(zhang, li) }),
    );

    const view = await loadOverview(2030, '2030-10-20');
    const committee = view.rules.findIndex((r) => r.id === 'committee');
    const jia = view.rows.find((r) => r.name === '甲支部')!;
    expect(jia.ledgerStart).toBe('2030-06-15');
    // January, February, April and May are over before 15 June; June to September after it.
    expect(jia.cells[committee]).toMatchObject({ missed: 8, missedBeforeLedger: 4 });

    // The 工作台 folds as many, over every rule.
    const board = await loadDashboard(branch.id, 2030, '2030-10-20');
    expect(board.ledger?.gaps).toBe(jia.cells.reduce((n, c) => n + c.missedBeforeLedger, 0));
    expect(board.ledger?.gaps).toBeGreaterThan(4);

    // Neither branch's term (to 2031-12-31) is over; once 甲支部's is, the row says so.
    expect(jia.termEnded).toBeUndefined();
    await db.branches.update(branch.id, { termEnd: '2030-07-14' });
    const after = await loadOverview(2030, '2030-10-20');
    expect(after.rows.map((r) => [r.name, r.termEnded])).toEqual([
      ['甲支部', '2030-07-14'],
      ['乙支部', undefined],
    ]);

    // A year the ledger was already in use from its first day has no such gaps.
    const next = await loadOverview(2031, '2031-10-20');
    expect(next.rows.every((r) => r.ledgerStart === undefined)).toBe(true);
    expect(next.rows.flatMap((r) => r.cells).every((c) => c.missedBeforeLedger === 0)).toBe(true);
  });

  it('sorts by Chinese name, counts overdue 阵地复查 and takes the year’s latest 考评', async () => {
    const { branch, other, venue } = await seed();
    const first = await createBranch({ name: '安监局党支部', termStart: '2029-01-01', termEnd: '2031-12-31' });
    const at = new Date().toISOString();
    await db.venueChecks.bulkAdd([
      // Overdue, and the venue's latest check.
      {
        id: 'c1',
        branchId: branch.id,
        venueId: venue.id,
        date: '2029-12-01',
        inspector: '李四',
        findings: '',
        nextDueDate: '2030-06-01',
        createdAt: at,
        updatedAt: at,
      },
      // Superseded by c1: its due date is settled.
      {
        id: 'c0',
        branchId: branch.id,
        venueId: venue.id,
        date: '2029-06-01',
        inspector: '李四',
        findings: '',
        nextDueDate: '2029-12-01',
        createdAt: at,
        updatedAt: at,
      },
    ]);
    const assessment = (
      id: string,
      branchId: string,
      periodStart: string,
      date: string,
      total: number,
      kind: string,
    ) => ({
      id,
      branchId,
      standardId: 's1',
      standardSnapshot: { totalScore: 100 },
      periodStart,
      periodEnd: `${periodStart.slice(0, 4)}-12-31`,
      kind,
      scores: [],
      total,
      grade: '',
      assessor: '机关党委',
      date,
      createdAt: at,
      updatedAt: at,
    });
    await db.assessments.bulkAdd([
      assessment('a1', other.id, '2029-01-01', '2029-12-20', 82, '自评'),
      // The 2029 上级评定, made in January 2030: the latest of 2029.
      assessment('a2', other.id, '2029-01-01', '2030-01-15', 88.5, '上级评定'),
      // A 2030 assessment is not 2029's.
      assessment('a3', other.id, '2030-01-01', '2030-05-01', 60, '自评'),
    ] as never);

    const view = await loadOverview(2029, '2030-06-15');
    expect(view.rows.map((r) => r.name)).toEqual([first.name, '甲支部', '乙支部']);
    expect(view.rows.map((r) => r.overdueChecks)).toEqual([0, 1, 0]);
    expect(view.rows.map((r) => r.assessment?.total)).toEqual([undefined, undefined, 88.5]);
    expect(view.rows[2]!.assessment).toMatchObject({ kind: '上级评定', totalScore: 100, date: '2030-01-15' });
  });
});
