// 修改考评 in the repository: a saved 考评 keeps its scores when records are added later, unless 按当前记录重新计算
// is asked for; the audit entry names each changed item (原 → 现) and the total; a 上级评定 changes only with a reason;
// manual items keep the 佐证 picked for them and need a 扣分说明 below their 满分; the 考评日期 lies within the period
// and today.
import { describe, expect, it } from 'vitest';
import { chinaToday } from '../../../shared/schemas/common';
import type { Assessment } from '../../../shared/schemas/entities';
import { db } from '../../../renderer/src/db/db';
import { listAudit } from '../../../renderer/src/db/repositories/audit';
import {
  createAssessment,
  itemEvidence,
  listItemEvidenceChoices,
  updateAssessment,
} from '../../../renderer/src/db/repositories/assessments';
import { createBranch } from '../../../renderer/src/db/repositories/branches';
import { ValidationError } from '../../../renderer/src/db/repositories/errors';
import { committee, resubmit, selfAssessment, setUp } from './assessmentFixtures';

async function issuesOf(promise: Promise<unknown>) {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).issues;
}

const lastAudit = async (a: Assessment) => (await listAudit('assessment', a.id, a.branchId)).at(-1)!;

describe('修改考评 keeps what was saved', () => {
  it('a 评语 edited after 支委会 were 补录 changes no score: A1 stays 1 分 with its 10 records, the total 76', async () => {
    const branch = await setUp();
    const first = await createAssessment(branch.id, await selfAssessment());
    const a1 = first.scores.find((s) => s.code === 'A1')!;
    expect(a1).toMatchObject({ score: 1, autoScore: 1 });
    expect(first.total).toBe(76);
    // The two missing months are 补录 afterwards.
    await db.meetings.bulkAdd([committee(branch.id, 3), committee(branch.id, 10)]);

    const edited = await updateAssessment(first.id, resubmit(first, 'C1', { comment: '述职材料齐全' }));

    expect(edited.scores.find((s) => s.code === 'A1')).toEqual(a1);
    expect(edited.total).toBe(76);
    expect(edited.grade).toBe(first.grade);
    expect((await db.assessments.get(first.id))!.total).toBe(76);
    const entry = await lastAudit(first);
    expect(entry.action).toBe('update');
    expect(entry.summary).toBe(
      '修改2025-01-01至2025-12-31「支部标准化规范化建设评价标准」自评：总分 76 分未变；' +
        'C1 书记履行第一责任人职责：评语/扣分说明已修改',
    );
    expect(entry.changes).toEqual([
      { field: 'scores.C1.comment', label: 'C1 评语/扣分说明', before: '', after: '述职材料齐全' },
    ]);
  });

  it('按当前记录重新计算 takes today’s records; the audit names the item 1 → 2 分 and the total 76 → 77', async () => {
    const branch = await setUp();
    const first = await createAssessment(branch.id, await selfAssessment());
    await db.meetings.bulkAdd([committee(branch.id, 3), committee(branch.id, 10)]);

    const again = await updateAssessment(first.id, { ...resubmit(first, 'A1', { score: 2 }), recompute: true });

    const a1 = again.scores.find((s) => s.code === 'A1')!;
    expect(a1).toMatchObject({ score: 2, autoScore: 2, overrideReason: '' });
    expect(a1.evidenceIds).toHaveLength(12);
    expect(again.total).toBe(77);
    const entry = await lastAudit(first);
    expect(entry.summary).toContain('（按当前记录重新计算）');
    expect(entry.summary).toContain('总分 76 → 77 分');
    expect(entry.summary).toContain('A1 支委会每月召开1次：1 → 2 分，自动得分 1 → 2 分，佐证 10 → 12 条');
    expect(entry.changes).toContainEqual({ field: 'scores.A1.score', label: 'A1 得分', before: '1', after: '2' });
  });

  it('an adjusted automatic score keeps its adjustment and reason when kept', async () => {
    const branch = await setUp();
    const input = await selfAssessment();
    const first = await createAssessment(branch.id, {
      ...input,
      scores: [...input.scores, { code: 'A1', score: 2, overrideReason: '3月、10月记录在机关党委存档' }],
    });
    await db.meetings.bulkDelete(['zwh-2025-1', 'zwh-2025-2']);
    const edited = await updateAssessment(first.id, resubmit(first, 'C2', { comment: '好' }));
    expect(edited.scores.find((s) => s.code === 'A1')).toMatchObject({
      score: 2,
      autoScore: 1,
      overrideReason: '3月、10月记录在机关党委存档',
    });
    expect(edited.total).toBe(first.total);
  });

  it('keeps an older 考评 saved without autoScore or explanation as it was', async () => {
    const branch = await setUp();
    const first = await createAssessment(branch.id, await selfAssessment());
    const legacy: Assessment = {
      ...first,
      scores: first.scores.map((s) => {
        if (!s.auto) return s;
        const { explanation: _e, autoScore: _a, ...rest } = s;
        return { ...rest, evidenceIds: [] };
      }),
    };
    await db.assessments.put(legacy);
    await db.meetings.bulkAdd([committee(branch.id, 3), committee(branch.id, 10)]);
    const edited = await updateAssessment(first.id, resubmit(legacy, 'C1', { comment: '述职材料齐全' }));
    expect(edited.total).toBe(76);
    const a1 = edited.scores.find((s) => s.code === 'A1')!;
    expect(a1).toMatchObject({ score: 1, auto: true, evidenceIds: [], overrideReason: '' });
    expect(a1.explanation).toBeUndefined();
  });

  it('saving with nothing changed writes nothing and logs nothing', async () => {
    const branch = await setUp();
    const first = await createAssessment(branch.id, await selfAssessment());
    await db.meetings.bulkAdd([committee(branch.id, 3)]);
    const same = await updateAssessment(first.id, resubmit(first));
    expect(same).toEqual(first);
    expect((await listAudit('assessment', first.id, branch.id)).map((e) => e.action)).toEqual(['create']);
  });

  it('a 上级评定 is changed only with a 修改理由, which the audit entry keeps', async () => {
    const branch = await setUp();
    const higher = await createAssessment(
      branch.id,
      await selfAssessment({ kind: '上级评定', assessor: '机关党委', date: '2026-02-01' }),
    );
    await db.meetings.bulkAdd([committee(branch.id, 3), committee(branch.id, 10)]);

    expect(await issuesOf(updateAssessment(higher.id, resubmit(higher, 'D1', { comment: '补充说明' })))).toEqual([
      { path: 'changeReason', message: '修改上级评定须填写修改理由' },
    ]);
    expect(await db.assessments.get(higher.id)).toEqual(higher);

    const edited = await updateAssessment(higher.id, {
      ...resubmit(higher, 'D1', { comment: '补充说明' }),
      changeReason: '机关党委复核通知（2026年3月）',
    });
    expect(edited.total).toBe(higher.total);
    const entry = await lastAudit(higher);
    expect(entry.reason).toBe('机关党委复核通知（2026年3月）');
    expect(entry.summary).toContain('上级评定');
    // Becoming a 上级评定 needs one too.
    const self = await createAssessment(branch.id, await selfAssessment());
    const issues = await issuesOf(updateAssessment(self.id, { ...resubmit(self), kind: '上级评定' }));
    expect(issues).toEqual([{ path: 'changeReason', message: '修改上级评定须填写修改理由' }]);
  });
});

describe('manual items: 佐证 and 扣分说明', () => {
  it('stores a manual item’s 佐证 (工作记录, 阵地, 责任清单) and resolves them for the drill-down', async () => {
    const branch = await setUp();
    const input = await selfAssessment();
    const picked = ['zwh-2025-12', 'room', 'resp-2025'];
    const saved = await createAssessment(branch.id, {
      ...input,
      scores: input.scores.map((s) => (s.code === 'C1' ? { ...s, evidenceIds: picked } : s)),
    });
    expect(saved.scores.find((s) => s.code === 'C1')).toMatchObject({ auto: false, evidenceIds: picked });
    const evidence = await itemEvidence(saved, 'C1');
    expect(evidence.meetings.map((m) => m.id)).toEqual(['zwh-2025-12']);
    expect(evidence.venues.map((v) => v.id)).toEqual(['room']);
    expect(evidence.responsibilities.map((r) => r.id)).toEqual(['resp-2025']);
    expect(evidence.missing).toBe(0);

    // 修改 without a list keeps them; a record deleted since does not block saving.
    await db.meetings.delete('zwh-2025-12');
    const { scores, ...rest } = resubmit(saved, 'C2', { comment: '好' });
    const edited = await updateAssessment(saved.id, {
      ...rest,
      scores: scores.map(({ evidenceIds: _ids, ...s }) => s),
    });
    expect(edited.scores.find((s) => s.code === 'C1')!.evidenceIds).toEqual(picked);
    expect((await itemEvidence(edited, 'C1')).missing).toBe(1);
  });

  it('refuses 佐证 of another branch or outside the period, naming the item; saves nothing', async () => {
    const branch = await setUp();
    const other = await createBranch({ name: '乙支部', termStart: '2024-01-01', termEnd: '2026-12-31' });
    await db.meetings.add({ ...committee(other.id, 5, 2025), id: 'theirs' });
    await db.meetings.add(committee(branch.id, 6, 2024));
    const input = await selfAssessment();
    const issues = await issuesOf(
      createAssessment(branch.id, {
        ...input,
        scores: input.scores.map((s) =>
          s.code === 'C1'
            ? { ...s, evidenceIds: ['theirs'] }
            : s.code === 'C2'
              ? { ...s, evidenceIds: ['zwh-2024-6'] }
              : s,
        ),
      }),
    );
    const at = (code: string) => input.scores.findIndex((s) => s.code === code);
    expect(issues).toEqual([
      {
        path: `scores.${at('C1')}.evidenceIds`,
        message:
          '“C1 书记履行第一责任人职责，按时述职”的佐证不是本支部考评期间的工作记录、活动阵地或责任清单，请重新选择',
      },
      {
        path: `scores.${at('C2')}.evidenceIds`,
        message: expect.stringContaining('“C2 ') as unknown as string,
      },
    ]);
    expect(await db.assessments.count()).toBe(0);
  });

  it('a manual item below its 满分 needs a 扣分说明; an automatic one does not', async () => {
    const branch = await setUp();
    const input = await selfAssessment();
    const at = input.scores.findIndex((s) => s.code === 'C1');
    const lowered = input.scores.map((s) => (s.code === 'C1' ? { ...s, score: 9 } : s));
    expect(await issuesOf(createAssessment(branch.id, { ...input, scores: lowered }))).toEqual([
      { path: `scores.${at}.comment`, message: '得分低于满分，须填写扣分说明：“C1 书记履行第一责任人职责，按时述职”' },
    ]);
    const explained = lowered.map((s) => (s.code === 'C1' ? { ...s, comment: '述职材料缺书面报告，扣1分' } : s));
    // A1 is 1 of 2 from the records: its deduction is explained by them.
    const saved = await createAssessment(branch.id, { ...input, scores: explained });
    expect(saved.scores.find((s) => s.code === 'C1')).toMatchObject({ score: 9, comment: '述职材料缺书面报告，扣1分' });
  });

  it('offers the period’s 工作记录, the 阵地 and the year’s 责任清单 as choices', async () => {
    const branch = await setUp([]);
    await db.meetings.add(committee(branch.id, 6, 2024));
    const choices = await listItemEvidenceChoices(branch.id, '2025-01-01', '2025-12-31');
    expect(choices.filter((c) => c.group === '工作记录')).toHaveLength(12);
    expect(choices[0]).toEqual({ id: 'zwh-2025-1', group: '工作记录', label: '2025-01-10 支委会 1月支委会' });
    expect(choices.filter((c) => c.group !== '工作记录')).toEqual([
      { id: 'room', group: '活动阵地', label: '阵地：机关党员活动室' },
      { id: 'resp-2025', group: '责任清单', label: '责任清单：罗雪（第一责任人，2025年度）' },
    ]);
  });
});

describe('考评日期', () => {
  it('is not before the period starts nor after today — on creating and on 修改', async () => {
    const branch = await setUp();
    const today = chinaToday();
    const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(await issuesOf(createAssessment(branch.id, await selfAssessment({ date: '2024-06-01' })))).toEqual([
      { path: 'date', message: '考评日期不能早于考评期间开始（2025-01-01）' },
    ]);
    expect(await issuesOf(createAssessment(branch.id, await selfAssessment({ date: tomorrow })))).toEqual([
      { path: 'date', message: `考评日期不能晚于今天（${today}）` },
    ]);
    const saved = await createAssessment(branch.id, await selfAssessment({ date: today }));
    expect(await issuesOf(updateAssessment(saved.id, { ...resubmit(saved), date: tomorrow }))).toEqual([
      { path: 'date', message: `考评日期不能晚于今天（${today}）` },
    ]);
    expect((await db.assessments.get(saved.id))!.date).toBe(today);
  });
});
