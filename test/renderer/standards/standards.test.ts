// Standards, assessments and 民主评议党员 repositories: built-ins seeded once, copies, versions, automatic scores with
// evidence, refused overrides and scores, and the ⅓ 优秀 rule with nothing saved on violation.
import { describe, expect, it } from 'vitest';
import { SEVEN_HAVE_KEYS } from '../../../shared/domain/vocab';
import type { AssessmentInput, Meeting, MemberEvaluationInput } from '../../../shared/schemas/entities';
import { committee } from './assessmentFixtures';
import { BUILT_IN_STANDARDS } from '../../../shared/standards';
import { db } from '../../../renderer/src/db/db';
import { allAuditEntries, listAudit } from '../../../renderer/src/db/repositories/audit';
import { createBranch } from '../../../renderer/src/db/repositories/branches';
import { ValidationError } from '../../../renderer/src/db/repositories/errors';
import {
  computeAutoScores,
  createAssessment,
  itemEvidence,
  listAssessments,
  updateAssessment,
  yearlyTotals,
} from '../../../renderer/src/db/repositories/assessments';
import { listMemberEvaluations, saveMemberEvaluations } from '../../../renderer/src/db/repositories/memberEvaluations';
import { createMember } from '../../../renderer/src/db/repositories/members';
import {
  copyStandard,
  ensureBuiltInStandards,
  getStandard,
  listStandards,
  listVersions,
  saveCopyOfStandard,
  updateStandard,
} from '../../../renderer/src/db/repositories/standards';

const STANDARDIZATION_ID = BUILT_IN_STANDARDS.find((s) => s.fields.builtInKey === 'standardization')!.id;

async function issuesOf(promise: Promise<unknown>) {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).issues;
}

async function branchWithCommitteeYear(missedMonths: number[]) {
  const branch = await createBranch({ name: '甲支部', termStart: '2024-01-01', termEnd: '2026-12-31' });
  const at = new Date().toISOString();
  const meetings: Meeting[] = [];
  for (let m = 1; m <= 12; m++) {
    if (missedMonths.includes(m)) continue;
    meetings.push({ ...committee(branch.id, m), id: `zwh-${m}` });
  }
  await db.meetings.bulkAdd(meetings);
  await db.venues.add({
    id: 'room',
    branchId: branch.id,
    name: '党员活动室',
    kind: '党员活动室',
    address: '',
    areaM2: 40,
    capacity: 30,
    manager: '',
    checklist: SEVEN_HAVE_KEYS.map((key, i) => ({ key, ok: i < 5, note: '', attachmentIds: [] })),
    createdAt: at,
    updatedAt: at,
  });
  return { branch, meetings };
}

/** Every manual item at its maximum, automatic items confirmed as computed. */
async function selfAssessment(standardId: string, changes: Partial<AssessmentInput> = {}): Promise<AssessmentInput> {
  const standard = (await getStandard(standardId))!;
  return {
    standardId,
    periodStart: '2025-01-01',
    periodEnd: '2025-12-31',
    kind: '自评',
    assessor: '张三',
    date: '2026-01-10',
    scores: standard.items.filter((i) => i.rule.kind === 'manual').map((i) => ({ code: i.code, score: i.maxScore })),
    ...changes,
  };
}

describe('standards', () => {
  it('seeds the built-in templates once, however often it runs', async () => {
    await ensureBuiltInStandards();
    await ensureBuiltInStandards();
    await Promise.all([ensureBuiltInStandards(), ensureBuiltInStandards()]);
    const all = await db.standards.toArray();
    expect(all.map((s) => s.builtInKey).sort()).toEqual(BUILT_IN_STANDARDS.map((s) => s.fields.builtInKey).sort());
    expect((await listStandards()).map((s) => s.name)).toEqual(
      expect.arrayContaining(['“五好五强”先进党支部评价标准', '支部标准化规范化建设评价标准']),
    );
  });

  it('never edits a built-in in place; 复制后修改 makes an editable version-1 copy based on it', async () => {
    await ensureBuiltInStandards();
    const builtIn = (await getStandard(STANDARDIZATION_ID))!;
    const issues = await issuesOf(updateStandard(builtIn.id, { ...builtIn, name: '改名' }));
    expect(issues[0]!.message).toBe('内置评价标准不能直接修改，请先“复制后修改”');
    expect((await getStandard(builtIn.id))!.name).toBe(builtIn.name);

    const copy = await copyStandard(builtIn.id);
    expect(copy).toMatchObject({ builtInKey: '', basedOn: builtIn.id, version: 1, name: `${builtIn.name}（副本）` });
    const renamed = await updateStandard(copy.id, { ...copy, name: '本单位标准' });
    // Not yet used by any assessment: edited in place.
    expect(renamed).toMatchObject({ id: copy.id, version: 1, name: '本单位标准' });
    expect((await listAudit('standard', copy.id)).map((a) => a.action)).toEqual(['create', 'update']);
  });

  it('refuses an inconsistent standard with the field path', async () => {
    await ensureBuiltInStandards();
    const copy = await copyStandard(STANDARDIZATION_ID);
    const items = copy.items.map((item) => (item.code === 'C1' ? { ...item, maxScore: item.maxScore - 3 } : item));
    const issues = await issuesOf(updateStandard(copy.id, { ...copy, items }));
    expect(issues).toContainEqual({ path: 'items', message: '各项满分之和为 97，与总分 100 不一致' });
  });

  it('saves an edited 复制后修改 copy in one step, and refuses every problem of it at once, creating nothing', async () => {
    await ensureBuiltInStandards();
    const builtIn = (await getStandard(STANDARDIZATION_ID))!;
    const items = builtIn.items.map((item, i) => (i === 7 ? { ...item, code: 'A1', maxScore: 0 } : item));
    expect(await issuesOf(saveCopyOfStandard(builtIn.id, { ...builtIn, name: '本单位标准', items }))).toEqual([
      { path: 'items.7.maxScore', message: '第 8 项：满分必须大于 0' },
      { path: 'items', message: '各项满分之和为 94，与总分 100 不一致' },
      { path: 'items.7.code', message: '编号“A1”重复：第 1 项和第 8 项不能使用同一编号' },
    ]);
    expect(await db.standards.count()).toBe(BUILT_IN_STANDARDS.length);

    const added = { code: 'D4', dimension: '特色工作', content: '志愿服务', method: '查阅记录', maxScore: 5 };
    const edited = [...builtIn.items.filter((i) => i.code !== 'C3'), { ...added, rule: { kind: 'manual' as const } }];
    const copy = await saveCopyOfStandard(builtIn.id, { ...builtIn, name: '本单位标准', items: edited });
    expect(copy).toMatchObject({
      name: '本单位标准',
      basedOn: builtIn.id,
      builtInKey: '',
      version: 1,
      lineageId: copy.id,
    });
    expect(await getStandard(copy.id)).toEqual(copy);
    expect(copy.items.map((i) => i.code)).not.toContain('C3');
    expect(copy.items.at(-1)).toEqual({ ...added, rule: { kind: 'manual' } });
    expect((await listAudit('standard', copy.id)).map((a) => a.summary)).toEqual([
      `由「${builtIn.name}」（第1版）复制为「本单位标准」`,
    ]);
  });

  it('editing a copy that an assessment uses creates a new version; the assessment keeps its snapshot', async () => {
    await ensureBuiltInStandards();
    const { branch } = await branchWithCommitteeYear([]);
    const copy = await copyStandard(STANDARDIZATION_ID, '本单位标准');
    const assessment = await createAssessment(branch.id, await selfAssessment(copy.id));

    const items = copy.items.map((item) => (item.code === 'C1' ? { ...item, content: '书记抓党建述职评议' } : item));
    const v2 = await updateStandard(copy.id, { ...copy, items });
    expect(v2.id).not.toBe(copy.id);
    expect(v2.version).toBe(2);
    expect((await getStandard(copy.id))!.items.find((i) => i.code === 'C1')!.content).toBe(
      copy.items.find((i) => i.code === 'C1')!.content,
    );
    expect((await listVersions(copy.id)).map((s) => s.version)).toEqual([1, 2]);
    expect((await listStandards()).filter((s) => s.name === '本单位标准').map((s) => s.version)).toEqual([2]);
    const stored = (await listAssessments(branch.id))[0]!;
    expect(stored.id).toBe(assessment.id);
    expect(stored.standardId).toBe(copy.id);
    expect(stored.standardSnapshot.version).toBe(1);
    expect(stored.standardSnapshot.items.find((i) => i.code === 'C1')!.content).not.toBe('书记抓党建述职评议');
    // The old version can no longer be edited.
    const issues = await issuesOf(updateStandard(copy.id, { ...copy, name: '又改' }));
    expect(issues[0]!.message).toBe('这不是该标准的最新版本，请修改最新版本');
  });
});

describe('assessments', () => {
  it('scores 支委会 from the records (two missed months → 每季度 tier, 1 分) with exactly those 10 records', async () => {
    await ensureBuiltInStandards();
    const { branch, meetings } = await branchWithCommitteeYear([3, 10]);
    const assessment = await createAssessment(branch.id, await selfAssessment(STANDARDIZATION_ID));
    const committee = assessment.scores.find((s) => s.code === 'A1')!;
    expect(committee).toMatchObject({ score: 1, auto: true, autoScore: 1, overrideReason: '' });
    expect(committee.explanation).toContain('12 个月中 10 个月有记录，达到「每季度1次」档');
    const evidence = await itemEvidence(assessment, 'A1');
    expect(evidence.meetings.map((m) => m.id)).toEqual(meetings.map((m) => m.id));
    expect(evidence.meetings).toHaveLength(10);
    // 七有: 5 of 7 met at the main venue → 10 of 14.
    expect(assessment.scores.find((s) => s.code === 'B1')).toMatchObject({ score: 10, evidenceIds: ['room'] });
    // Manual items at their maxima (62) + A1 1 + B1 10 + A3 3 (no 党小组: 不适用, in full) + no other meetings (0)
    // = 76 → 一般.
    expect(assessment.total).toBe(76);
    expect(assessment.grade).toBe('一般');
    expect(assessment.standardSnapshot.name).toBe('支部标准化规范化建设评价标准');
  });

  it('refuses an override without a reason and a score above the maximum; saves nothing', async () => {
    await ensureBuiltInStandards();
    const { branch } = await branchWithCommitteeYear([3, 10]);
    const base = await selfAssessment(STANDARDIZATION_ID);
    const noReason = await issuesOf(
      createAssessment(branch.id, { ...base, scores: [...base.scores, { code: 'A1', score: 2 }] }),
    );
    expect(noReason).toEqual([
      {
        path: `scores.${base.scores.length}.overrideReason`,
        message: '调整自动得分须填写理由：“A1 支委会每月召开1次”',
      },
    ]);
    const overMax = await issuesOf(
      createAssessment(branch.id, {
        ...base,
        scores: base.scores.map((s) => (s.code === 'C1' ? { ...s, score: 11 } : s)),
      }),
    );
    expect(overMax[0]!.message).toBe('“C1 书记履行第一责任人职责，按时述职”得分 11 分超过该项满分 10 分');
    expect(await db.assessments.count()).toBe(0);

    const withReason = await createAssessment(branch.id, {
      ...base,
      scores: [...base.scores, { code: 'A1', score: 2, overrideReason: '3月、10月会议记录在机关党委存档' }],
    });
    expect(withReason.scores.find((s) => s.code === 'A1')).toMatchObject({
      score: 2,
      autoScore: 1,
      overrideReason: '3月、10月会议记录在机关党委存档',
    });
    expect(withReason.total).toBe(77);
  });

  it('re-scoring keeps the saved automatic scores; 按当前记录重新计算 recomputes them, against the snapshot', async () => {
    await ensureBuiltInStandards();
    const { branch } = await branchWithCommitteeYear([3, 10]);
    const input = await selfAssessment(STANDARDIZATION_ID);
    const first = await createAssessment(branch.id, input);
    await db.meetings.bulkDelete(['zwh-1', 'zwh-2']);
    const kept = await updateAssessment(first.id, { ...input, assessor: '李四' });
    expect(kept.scores.find((s) => s.code === 'A1')).toMatchObject({ score: 1, autoScore: 1 });
    expect(kept.total).toBe(76);
    const again = await updateAssessment(first.id, { ...input, recompute: true });
    expect(again.scores.find((s) => s.code === 'A1')!.score).toBe(0.5);
    expect(again.total).toBe(75.5);
  });

  it('computes automatic scores for the form before anything is saved', async () => {
    await ensureBuiltInStandards();
    const { branch } = await branchWithCommitteeYear([]);
    const standard = (await getStandard(STANDARDIZATION_ID))!;
    const auto = await computeAutoScores(branch.id, standard, '2025-01-01', '2025-12-31');
    expect(auto.get('A1')!.score).toBe(2);
    expect(auto.has('C1')).toBe(false);
  });

  it('year-on-year totals take the latest assessment of each year and kind', async () => {
    await ensureBuiltInStandards();
    const { branch } = await branchWithCommitteeYear([]);
    const base = await selfAssessment(STANDARDIZATION_ID);
    await createAssessment(branch.id, {
      ...base,
      periodStart: '2024-01-01',
      periodEnd: '2024-12-31',
      date: '2025-01-05',
    });
    await createAssessment(branch.id, base);
    await createAssessment(branch.id, { ...base, kind: '上级评定', assessor: '机关党委' });
    const totals = yearlyTotals(await listAssessments(branch.id));
    expect(totals.map((t) => [t.year, t.kind])).toEqual([
      ['2024', '自评'],
      ['2025', '上级评定'],
      ['2025', '自评'],
    ]);
    expect(totals[0]!.total).toBeLessThan(totals[2]!.total);
  });
});

describe('民主评议党员', () => {
  async function roster(count: number) {
    const branch = await createBranch({ name: '甲支部', termStart: '2024-01-01', termEnd: '2026-12-31' });
    const members = [];
    for (let i = 0; i < count; i++) {
      members.push(
        await createMember(branch.id, {
          name: `党员${i + 1}`,
          gender: '男',
          birthDate: '1980-01-01',
          joinedDate: '2005-07-01',
          status: '正式',
        }),
      );
    }
    return { branch, members };
  }
  const rows = (ids: string[], excellent: number): MemberEvaluationInput[] =>
    ids.map((memberId, i) => ({ memberId, grade: i < excellent ? '优秀' : '合格', selfResult: '合格' }));

  it('优秀 is at most one third: 25 evaluated allow 8, a 9th is refused and nothing is saved', async () => {
    const { branch, members } = await roster(25);
    const ids = members.map((m) => m.id);
    const issues = await issuesOf(saveMemberEvaluations(branch.id, 2025, rows(ids, 9)));
    expect(issues).toEqual([{ path: 'grade', message: '优秀比例不能超过三分之一：本年度参评 25 人，优秀最多 8 人' }]);
    expect(await listMemberEvaluations(branch.id, 2025)).toEqual([]);
    expect((await allAuditEntries()).filter((a) => a.entity === 'memberEvaluation').length).toBe(0);

    const saved = await saveMemberEvaluations(branch.id, 2025, rows(ids, 8));
    expect(saved.filter((r) => r.grade === '优秀')).toHaveLength(8);
  });

  it('the rule holds across saves: rows saved earlier in the year count', async () => {
    const { branch, members } = await roster(6);
    const ids = members.map((m) => m.id);
    await saveMemberEvaluations(branch.id, 2025, rows(ids.slice(0, 6), 2));
    const third: MemberEvaluationInput[] = [{ memberId: ids[5]!, grade: '优秀' }];
    const issues = await issuesOf(saveMemberEvaluations(branch.id, 2025, third));
    expect(issues[0]!.message).toBe('优秀比例不能超过三分之一：本年度参评 6 人，优秀最多 2 人');
    expect((await listMemberEvaluations(branch.id, 2025)).find((r) => r.memberId === ids[5])!.grade).toBe('合格');
    // Another year is counted on its own: 1 of 3 is allowed there.
    const next = [
      ...third,
      { memberId: ids[0]!, grade: '合格' as const },
      { memberId: ids[1]!, grade: '合格' as const },
    ];
    expect(await saveMemberEvaluations(branch.id, 2026, next)).toHaveLength(3);
  });

  it('keeps one row per member and year, with 五带头五标兵 recognitions, and refuses unknown ones', async () => {
    const { branch, members } = await roster(3);
    const [a] = members;
    const exemplar = '带头学习提高，做增强自身素质的标兵';
    await saveMemberEvaluations(branch.id, 2025, [{ memberId: a!.id, grade: '合格', exemplars: [exemplar] }]);
    await saveMemberEvaluations(branch.id, 2025, [
      { memberId: a!.id, grade: '合格', peerResult: '好', exemplars: [exemplar] },
    ]);
    const stored = await listMemberEvaluations(branch.id, 2025);
    expect(stored).toHaveLength(1);
    // Saving the same row again changes nothing and logs nothing.
    await saveMemberEvaluations(branch.id, 2025, [
      { memberId: a!.id, grade: '合格', peerResult: '好', exemplars: [exemplar] },
    ]);
    expect((await listAudit('memberEvaluation', stored[0]!.id)).map((e) => e.action)).toEqual(['create', 'update']);
    expect(stored[0]).toMatchObject({ peerResult: '好', exemplars: [exemplar] });
    const issues = await issuesOf(
      saveMemberEvaluations(branch.id, 2025, [{ memberId: a!.id, grade: '合格', exemplars: ['带头喝茶'] }]),
    );
    expect(issues[0]!.message).toBe('“带头喝茶”不是“五带头、五标兵”之一');
  });
});
