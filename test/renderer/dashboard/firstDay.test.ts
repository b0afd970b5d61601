// A 支部书记's first day (test-results/first-day/REPORT.md): a branch set up in the app on 2026-11-28, or founded on
// 2026-09-01. The 工作台 says the ledger starts today and folds the earlier gaps (still counted, as 各支部概览 and the
// 卷宗 count them); nothing is asked of the months before the 成立日期, and no record is newly dated then; the year's
// requirements say the days left late in the year; 谈心谈话 names members as the 党员名册 lists them; an empty roster
// is said as such, with the way to it.
import type { Content } from 'pdfmake/interfaces';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildDossier } from '../../../shared/dossier/build';
import type { Branch, Member } from '../../../shared/schemas/entities';
import { loadDossierJob } from '../../../renderer/src/db/printData';
import { createBranch, updateBranch } from '../../../renderer/src/db/repositories/branches';
import { createMeeting, finalizeMeeting, updateMeeting } from '../../../renderer/src/db/repositories/meetings';
import { createMember, listMembers } from '../../../renderer/src/db/repositories/members';
import { ValidationError } from '../../../renderer/src/db/repositories/errors';
import { loadDashboard, ROSTER_HREF } from '../../../renderer/src/features/dashboard/dashboardData';
import { recordsViewFromHash } from '../../../renderer/src/features/meetings/recordsRoute';
import { loadOverview } from '../../../renderer/src/features/overview/overviewData';
import { meetingInput, present, setChinaNow } from '../meetings/fixtures';
import { complianceOf, textOf } from '../dossier/complianceTable';

const TODAY = '2026-11-28';
beforeEach(() => setChinaNow(`${TODAY}T10:00:00`));
afterEach(() => {
  vi.useRealTimers();
});

// Typed in this order; the 党员名册 lists them by pinyin: 陈、何、黄、李、刘、马、王、赵.
const NAMES = ['王秀兰', '黄敏', '李明', '马超', '赵丽', '刘洋', '陈建国', '何静'];

async function firstDay(establishedDate = '2012-07-01') {
  const branch = await createBranch({
    name: '城关镇机关第一党支部',
    establishedDate,
    // A 本届 cannot start before the branch was founded.
    termStart: establishedDate > '2024-01-15' ? establishedDate : '2024-01-15',
    termEnd: '2027-01-14',
    committee: [{ name: '王秀兰', role: '书记' }],
    partyGroups: [
      { id: 'g1', name: '第一党小组' },
      { id: 'g2', name: '第二党小组' },
    ],
  });
  const members: Member[] = [];
  for (const name of NAMES) {
    members.push(
      await createMember(branch.id, {
        name,
        gender: '女',
        birthDate: '1980-01-01',
        joinedDate: '2005-07-01',
        status: '正式',
      }),
    );
  }
  await createMeeting(
    branch.id,
    meetingInput({ kind: '支部党员大会', date: '2026-11-20', topic: '党员大会', attendance: present(...members) }),
  );
  await createMeeting(
    branch.id,
    meetingInput({
      kind: '党课',
      date: '2026-11-27',
      topic: '党课',
      lecturer: '王秀兰同志',
      attendance: present(...members),
    }),
  );
  return { branch, members };
}

/** The 卷宗's 组织生活落实情况: rule → 达标期数. */
async function dossierCounts(branch: Branch): Promise<Map<string, string>> {
  const job = await loadDossierJob(branch.id, {
    volume: 1,
    appVersion: '0.1.0',
    schemaVersion: 5,
    year: 2026,
    generatedAt: new Date().toISOString(),
  });
  if (job.kind !== 'dossier') throw new Error('no dossier job');
  const { rows } = complianceOf(buildDossier(job.data, job.options).docDefinition.content as Content);
  return new Map(rows.map((r) => [textOf(r[0]), textOf(r[2])]));
}

describe('a branch set up in the app today', () => {
  it('says so once and folds the gaps before today, which the 工作台, 各支部概览 and the 卷宗 still count', async () => {
    const { branch } = await firstDay();
    const view = await loadDashboard(branch.id, 2026, TODAY);
    expect(view.ledger?.note).toBe(
      '本支部于2026年11月28日开始使用台账：此前月份如已开展，请逐项补录；未补录的仍按未开展统计',
    );
    const line = (id: string) => view.records.find((r) => r.ruleId === id)!;
    // Every gap of January–October is before the ledger: folded, and 补录 still opens on the period's last day.
    const committee = line('committee');
    expect(committee.text).toBe('支委会 0/10 个月');
    expect(committee.misses).toHaveLength(10);
    expect(committee.misses.every((m) => m.beforeLedger)).toBe(true);
    expect(recordsViewFromHash(committee.misses[0]!.href)).toEqual({ view: 'new', kind: '支委会', date: '2026-01-31' });
    // What is still due now is not folded: November's 支委会, the groups' November.
    expect(committee.current?.label).toBe('11月');
    expect(line('group').pending.map((p) => p.label)).toEqual(['第一党小组', '第二党小组']);
    // 支部党员大会 第一–第三季度 + 支委会 10 + 党小组会 20 + 主题党日 10.
    expect(view.ledger?.gaps).toBe(43);
    expect(view.ledger?.summary).toBe(
      '开始使用台账前未补录 43 项：支部党员大会 3 个季度、支委会 10 个月、党小组会 20 项、主题党日 10 个月',
    );

    // The same counts on 各支部概览 and in the 卷宗.
    const overview = (await loadOverview(2026, TODAY)).rows[0]!.cells;
    const dossier = await dossierCounts(branch);
    for (const record of view.records) {
      const cell = overview.find((c) => c.ruleId === record.ruleId)!;
      expect([record.ruleId, cell.met, cell.required]).toEqual([record.ruleId, record.met, record.required]);
      // Nothing due yet and its period open: the 卷宗 says 未到期 where the count would be 0 / 0.
      const open = record.required === 0 && (!!record.current || record.pending.length > 0);
      expect([record.label, dossier.get(record.label)]).toEqual([
        record.label,
        open ? '未到期' : `${record.met} / ${record.required}`,
      ]);
    }
  });

  it('folds nothing in a year it was not set up in, nor once the earlier gaps are recorded', async () => {
    const { branch } = await firstDay();
    // The next year: nothing before the ledger.
    const next = await loadDashboard(branch.id, 2027, '2027-03-01');
    expect(next.ledger).toBeUndefined();
    expect(next.records.flatMap((r) => r.misses).some((m) => m.beforeLedger)).toBe(false);
  });
});

describe('成立日期', () => {
  it('asks nothing of the months before it, on the 工作台, 各支部概览 and in the 卷宗', async () => {
    const { branch } = await firstDay('2026-09-01');
    const view = await loadDashboard(branch.id, 2026, TODAY);
    const committee = view.records.find((r) => r.ruleId === 'committee')!;
    expect(committee.text).toBe('支委会 0/2 个月');
    expect(committee.misses.map((m) => m.label)).toEqual(['9月', '10月']);
    const assembly = view.records.find((r) => r.ruleId === 'assembly')!;
    expect(assembly.misses.map((m) => m.label)).toEqual(['第三季度']);
    expect(view.ledger?.gaps).toBe(1 + 2 + 4 + 2);

    const overview = (await loadOverview(2026, TODAY)).rows[0]!.cells.find((c) => c.ruleId === 'committee')!;
    expect([overview.met, overview.required, overview.missed]).toEqual([0, 2, 2]);
    expect((await dossierCounts(branch)).get('支委会')).toBe('0 / 2');
  });

  it('says a year before it does not apply', async () => {
    const { branch } = await firstDay('2026-09-01');
    const view = await loadDashboard(branch.id, 2025, TODAY);
    for (const line of view.records) {
      expect([line.label, line.required, line.notDue]).toEqual([
        line.label,
        0,
        '本支部成立于2026年9月1日，本年度不适用',
      ]);
    }
  });

  it('refuses a record newly dated before it; one stored before stays editable and can be finalised', async () => {
    const { branch, members } = await firstDay('2026-01-01');
    const august = await createMeeting(
      branch.id,
      meetingInput({ date: '2026-08-10', attendance: present(...members) }),
    );
    await updateBranch(branch.id, { ...branch, establishedDate: '2026-09-01', termStart: '2026-09-01' });

    const refused = await createMeeting(
      branch.id,
      meetingInput({ date: '2026-01-31', attendance: present(...members) }),
    ).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).issues).toEqual([
      {
        path: 'date',
        message: '会议日期不能早于本支部成立日期（2026-09-01）；如成立日期有误，请先在“支部概况”中修改',
      },
    ]);
    // Moving the stored one to another day before it is refused too…
    await expect(
      updateMeeting(august.id, meetingInput({ date: '2026-08-11', attendance: present(...members) })),
    ).rejects.toThrow('不能早于本支部成立日期');
    // …but its own day is kept: it is edited and finalised as before (nothing stored becomes stuck).
    await updateMeeting(
      august.id,
      meetingInput({ date: '2026-08-10', topic: '改了主题', attendance: present(...members) }),
    );
    expect((await finalizeMeeting(august.id)).status).toBe('已定稿');
  });
});

describe('the year’s requirements late in the year', () => {
  it('count the days left from the last quarter on, where they said 「本年度尚未到期」', async () => {
    const { branch } = await firstDay();
    const life = async (asOf: string) =>
      (await loadDashboard(branch.id, 2026, asOf)).records.find((r) => r.ruleId === 'lifeMeeting')!;
    expect((await life('2026-09-30')).notDue).toBe('本年度尚未到期');
    expect([(await life('2026-10-01')).notDue, (await life('2026-10-01')).notDueDaysLeft]).toEqual([
      '本年度还剩 92 天',
      92,
    ]);
    const view = await loadDashboard(branch.id, 2026, TODAY);
    for (const id of ['lifeMeeting', 'review']) {
      const line = view.records.find((r) => r.ruleId === id)!;
      expect([id, line.notDue, line.notDueDaysLeft]).toEqual([id, '本年度还剩 34 天', 34]);
    }
    // 谈心谈话's line of names says it already: no second 「还剩」 above it.
    const talks = view.records.find((r) => r.ruleId === 'talks')!;
    expect(talks.notDue).toBeUndefined();
    expect(talks.pendingText).toMatch(/（本年度还剩 34 天）$/);
  });
});

describe('谈心谈话', () => {
  it('names the members not yet talked with in the 党员名册’s order', async () => {
    const { branch } = await firstDay();
    const roster = (await listMembers(branch.id)).map((m) => m.name);
    expect(roster).toEqual(['陈建国', '何静', '黄敏', '李明', '刘洋', '马超', '王秀兰', '赵丽']);
    const talks = (await loadDashboard(branch.id, 2026, TODAY)).records.find((r) => r.ruleId === 'talks')!;
    expect(talks.pending.map((p) => p.label)).toEqual(roster);
    expect(talks.pendingText).toBe(`尚未谈话：${roster.join('、')}（本年度还剩 34 天）`);
  });

  it('with an empty 党员名册 says so and leads to it', async () => {
    const branch = await createBranch({ name: '新支部', termStart: '2026-09-01', termEnd: '2029-08-31' });
    const talks = (await loadDashboard(branch.id, 2026, TODAY)).records.find((r) => r.ruleId === 'talks')!;
    expect(talks.notDue).toBe('党员名册还没有党员，录入后逐人统计');
    expect(talks.notDueLink).toEqual({ href: ROSTER_HREF, text: '去录入党员' });
    expect(ROSTER_HREF).toBe('#/branch?tab=members');
  });
});
