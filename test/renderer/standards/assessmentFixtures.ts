// 考评 fixtures of the standards tests: a 2025 branch-year of 支委会 with two missed months, a 党员活动室 and a
// 第一责任人 list; a 自评 of the built-in 标准化规范化 standard; and what the 考评 form sends on 修改.
import { SEVEN_HAVE_KEYS } from '../../../shared/domain/vocab';
import type { Assessment, AssessmentInput, Meeting } from '../../../shared/schemas/entities';
import { BUILT_IN_STANDARDS } from '../../../shared/standards';
import { db } from '../../../renderer/src/db/db';
import { createBranch } from '../../../renderer/src/db/repositories/branches';
import { ensureBuiltInStandards, getStandard } from '../../../renderer/src/db/repositories/standards';

export const STANDARDIZATION_ID = BUILT_IN_STANDARDS.find((s) => s.fields.builtInKey === 'standardization')!.id;

/** A finalised record as the database holds it: every field empty but those given. */
export function meetingRow(
  branchId: string,
  fields: Pick<Meeting, 'id' | 'kind' | 'topic' | 'date' | 'seq'> & Partial<Meeting>,
): Meeting {
  const at = new Date().toISOString();
  return {
    branchId,
    agenda: '',
    startTime: '',
    endTime: '',
    plannedDate: '',
    venueId: '',
    host: '',
    recorder: '',
    lecturer: '',
    outline: '',
    partyGroupId: '',
    talkParties: [],
    attendance: [],
    guests: [],
    content: '',
    speeches: '',
    resolutions: '',
    attachmentIds: [],
    status: '已定稿',
    backfilled: false,
    attendeeIds: [],
    createdAt: at,
    updatedAt: at,
    ...fields,
  };
}

export function committee(branchId: string, month: number, year = 2025): Meeting {
  return meetingRow(branchId, {
    id: `zwh-${year}-${month}`,
    kind: '支委会',
    topic: `${month}月支委会`,
    date: `${year}-${String(month).padStart(2, '0')}-10`,
    seq: month,
  });
}

/** A branch with 支委会 in every 2025 month but `missed`, a 党员活动室 and a 2025 第一责任人 list. */
export async function setUp(missed: number[] = [3, 10]) {
  await ensureBuiltInStandards();
  const branch = await createBranch({ name: '甲支部', termStart: '2024-01-01', termEnd: '2026-12-31' });
  const held = Array.from({ length: 12 }, (_, i) => i + 1).filter((m) => !missed.includes(m));
  await db.meetings.bulkAdd(held.map((m) => committee(branch.id, m)));
  const at = new Date().toISOString();
  await db.venues.add({
    id: 'room',
    branchId: branch.id,
    name: '机关党员活动室',
    kind: '党员活动室',
    address: '',
    areaM2: 40,
    capacity: 30,
    manager: '',
    checklist: SEVEN_HAVE_KEYS.map((key, i) => ({ key, ok: i < 5, note: '', attachmentIds: [] })),
    createdAt: at,
    updatedAt: at,
  });
  await db.responsibilities.add({
    id: 'resp-2025',
    branchId: branch.id,
    year: 2025,
    holderMemberId: '',
    holderName: '罗雪',
    role: '第一责任人',
    duties: ['履行管党治党第一责任'],
    tasks: [],
    reports: [{ date: '2025-12-26', summary: '述职', rating: '好' }],
    createdAt: at,
    updatedAt: at,
  });
  return branch;
}

/** Every manual item at its maximum, automatic items confirmed as computed. */
export async function selfAssessment(changes: Partial<AssessmentInput> = {}): Promise<AssessmentInput> {
  const standard = (await getStandard(STANDARDIZATION_ID))!;
  return {
    standardId: STANDARDIZATION_ID,
    periodStart: '2025-01-01',
    periodEnd: '2025-12-31',
    kind: '自评',
    assessor: '张三',
    date: '2026-01-10',
    scores: standard.items
      .filter((i) => i.rule.kind === 'manual')
      .map((i) => ({ code: i.code, score: i.maxScore, comment: '' })),
    ...changes,
  };
}

/** The input the 考评 form sends on 修改: every item, at its saved score, with `patch` applied to one of them. */
export function resubmit(saved: Assessment, code?: string, patch: Record<string, unknown> = {}): AssessmentInput {
  return {
    standardId: saved.standardId,
    periodStart: saved.periodStart,
    periodEnd: saved.periodEnd,
    kind: saved.kind,
    assessor: saved.assessor,
    date: saved.date,
    scores: saved.scores.map((s) => ({
      code: s.code,
      score: s.score,
      overrideReason: s.overrideReason,
      comment: s.comment,
      ...(s.auto ? {} : { evidenceIds: s.evidenceIds }),
      ...(s.code === code ? patch : {}),
    })),
  };
}
