// Deleting a 考评 made by mistake and a 标准库 copy nobody uses (both audited, refused where something depends on
// them), and the 考评 form's one-pass check of a draft.
import { describe, expect, it } from 'vitest';
import type { AssessmentInput } from '../../../shared/schemas/entities';
import { BUILT_IN_STANDARDS } from '../../../shared/standards';
import { db } from '../../../renderer/src/db/db';
import { allAuditEntries, listAudit } from '../../../renderer/src/db/repositories/audit';
import { createBranch } from '../../../renderer/src/db/repositories/branches';
import { createCampaign, setCampaignAssessment } from '../../../renderer/src/db/repositories/campaigns';
import { ValidationError } from '../../../renderer/src/db/repositories/errors';
import {
  assessmentDraftIssues,
  createAssessment,
  deleteAssessment,
  listAssessments,
  yearlyTotals,
  type AssessmentDraft,
} from '../../../renderer/src/db/repositories/assessments';
import {
  copyStandard,
  deleteStandard,
  ensureBuiltInStandards,
  getStandard,
  listStandards,
  updateStandard,
} from '../../../renderer/src/db/repositories/standards';

const STANDARDIZATION_ID = BUILT_IN_STANDARDS.find((s) => s.fields.builtInKey === 'standardization')!.id;

async function messagesOf(promise: Promise<unknown>): Promise<string[]> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).issues.map((i) => i.message);
}

/** A 2025 自评 with every manual item at its maximum less `less`; no records, so automatic items score 0. */
async function selfAssessment(standardId: string, less = 0, changes: Partial<AssessmentInput> = {}) {
  const standard = (await getStandard(standardId))!;
  return {
    standardId,
    periodStart: '2025-01-01',
    periodEnd: '2025-12-31',
    kind: '自评',
    assessor: '张三',
    date: '2026-01-10',
    scores: standard.items
      .filter((i) => i.rule.kind === 'manual')
      .map((i, n) => ({
        code: i.code,
        score: n === 0 ? i.maxScore - less : i.maxScore,
        // A deduction needs its 扣分说明.
        comment: n === 0 && less > 0 ? '记录要素不全' : '',
      })),
    ...changes,
  } satisfies AssessmentInput;
}

async function setUp() {
  await ensureBuiltInStandards();
  const branch = await createBranch({ name: '甲支部', termStart: '2024-01-01', termEnd: '2026-12-31' });
  return { branch };
}

describe('deleting a 考评', () => {
  it('removes a second 2025 自评 made by mistake: the chart shows the real one again; the delete is audited', async () => {
    const { branch } = await setUp();
    const real = await createAssessment(branch.id, await selfAssessment(STANDARDIZATION_ID, 2));
    const mistake = await createAssessment(
      branch.id,
      await selfAssessment(STANDARDIZATION_ID, 0, { date: '2026-11-27' }),
    );
    expect(yearlyTotals(await listAssessments(branch.id)).map((t) => t.total)).toEqual([mistake.total]);

    await deleteAssessment(mistake.id);

    expect((await listAssessments(branch.id)).map((a) => a.id)).toEqual([real.id]);
    expect(yearlyTotals(await listAssessments(branch.id)).map((t) => t.total)).toEqual([real.total]);
    const log = await listAudit('assessment', mistake.id, branch.id);
    expect(log.map((e) => e.action)).toEqual(['create', 'delete']);
    expect(log[1]!.summary).toContain('删除考评 2025-01-01至2025-12-31「支部标准化规范化建设评价标准」自评');
    expect(log[1]!.summary).toContain('2026-11-27');
  });

  it('refuses one linked to a 争创活动’s 量化考评, naming the campaign; nothing is deleted or logged', async () => {
    const { branch } = await setUp();
    const assessment = await createAssessment(branch.id, await selfAssessment(STANDARDIZATION_ID));
    const campaign = await createCampaign(branch.id, {
      name: '争做×先锋',
      phases: [
        { phase: '调查研究', start: '2025-03-01', end: '2025-03-31' },
        { phase: '动员部署', start: '2025-04-01', end: '2025-04-30' },
        { phase: '全面争创', start: '2025-05-01', end: '2025-10-31' },
        { phase: '完善提升', start: '2025-11-01', end: '2025-12-31' },
      ],
    });
    await setCampaignAssessment(campaign.id, assessment.id);

    expect(await messagesOf(deleteAssessment(assessment.id))).toEqual([
      '该考评已关联争创活动「争做×先锋」的“量化考评”环节，请先在争创活动中取消关联，再删除',
    ]);
    expect(await db.assessments.count()).toBe(1);
    expect((await listAudit('assessment', assessment.id, branch.id)).map((e) => e.action)).toEqual(['create']);

    await setCampaignAssessment(campaign.id, '');
    await deleteAssessment(assessment.id);
    expect(await db.assessments.count()).toBe(0);
  });
});

describe('deleting a standard from the 标准库', () => {
  it('deletes an unused copy (an abandoned 复制后修改) with an audit entry; refuses a built-in', async () => {
    await ensureBuiltInStandards();
    const copy = await copyStandard(STANDARDIZATION_ID);
    await deleteStandard(copy.id);
    expect(await getStandard(copy.id)).toBeUndefined();
    expect((await listStandards()).some((s) => s.name.endsWith('（副本）'))).toBe(false);
    expect((await listAudit('standard', copy.id, '')).map((e) => e.action)).toEqual(['create', 'delete']);

    expect(await messagesOf(deleteStandard(STANDARDIZATION_ID))).toEqual(['内置评价标准不能删除']);
    expect(await getStandard(STANDARDIZATION_ID)).toBeDefined();
  });

  it('refuses a copy a 考评 used (any version of it), until that 考评 is deleted; then every version goes', async () => {
    const { branch } = await setUp();
    const copy = await copyStandard(STANDARDIZATION_ID, '本单位标准');
    const assessment = await createAssessment(branch.id, await selfAssessment(copy.id));
    // Used, so editing makes version 2; the library shows version 2, which no 考评 used itself.
    const v2 = await updateStandard(copy.id, { ...copy, description: '按机关党委要求修订' });
    expect(v2.version).toBe(2);
    const before = (await allAuditEntries()).length;

    expect(await messagesOf(deleteStandard(v2.id))).toEqual([
      '「本单位标准」已被 1 次考评采用，不能删除；如确需删除，请先删除这些考评',
    ]);
    expect(await db.standards.where('id').anyOf([copy.id, v2.id]).count()).toBe(2);
    expect((await allAuditEntries()).length).toBe(before);

    await deleteAssessment(assessment.id);
    await deleteStandard(v2.id);
    expect(await db.standards.where('id').anyOf([copy.id, v2.id]).count()).toBe(0);
    expect((await listStandards()).some((s) => s.name === '本单位标准')).toBe(false);
  });
});

describe('the 考评 form’s draft check', () => {
  it('finds every problem at once: missing scores, 考评人, a score over 满分, an adjustment without a reason', async () => {
    await ensureBuiltInStandards();
    const standard = (await getStandard(STANDARDIZATION_ID))!;
    // What the records gave: A1 1 分, every other automatic item 0.
    const auto = new Map(
      standard.items.filter((i) => i.rule.kind !== 'manual').map((i) => [i.code, { score: i.code === 'A1' ? 1 : 0 }]),
    );
    const draft: AssessmentDraft = {
      standardId: standard.id,
      periodStart: '2025-01-01',
      periodEnd: '2025-12-31',
      kind: '自评',
      assessor: '',
      date: '2026-01-10',
      scores: standard.items.map((item) => {
        const score =
          item.code === 'A8'
            ? 99
            : item.code === 'A1'
              ? 2
              : item.code === 'B2'
                ? null
                : item.rule.kind === 'manual'
                  ? 1
                  : null;
        return { code: item.code, score, overrideReason: '', comment: item.code === 'C1' ? '说'.repeat(1001) : '' };
      }),
    };
    const issues = assessmentDraftIssues(standard, draft, auto);
    const at = (code: string) => `scores.${standard.items.findIndex((i) => i.code === code)}`;
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'assessor', message: '请填写考评人' },
        { path: `${at('A1')}.overrideReason`, message: '调整自动得分须填写理由：“A1 支委会每月召开1次”' },
        {
          path: `${at('A8')}.score`,
          message: expect.stringContaining('得分 99 分超过该项满分 6 分') as unknown as string,
        },
        { path: `${at('B2')}.score`, message: '请填写“B2 阵地定期复查，发现问题及时整改；宣传栏按时更新”的得分' },
        {
          path: `${at('C1')}.comment`,
          message: '“C1 书记履行第一责任人职责，按时述职”的评语不能超过 1000 个字',
        },
      ]),
    );
    // An automatic item nobody typed keeps its computed score; only the rows named above are wrong.
    expect(issues.some((i) => i.path.startsWith(`${at('A2')}.`))).toBe(false);
    expect(issues[0]!.path).toBe('assessor');
    expect(issues.filter((i) => i.path.endsWith('.score'))).toHaveLength(2);
  });
});
