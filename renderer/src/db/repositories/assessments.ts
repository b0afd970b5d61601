// Assessment (考评) repository: scores a branch against a standard version item by item — frequency and 七有 items
// computed from the records, overrides only with a reason — and keeps the standard's snapshot, evidence and grade.
import { type MeetingKind } from '../../../../shared/domain/vocab';
import {
  assessmentInputSchema,
  type Assessment,
  type AssessmentInput,
  type ItemScore,
  type Meeting,
  type StandardFields,
  type StandardItem,
  type Venue,
} from '../../../../shared/schemas/entities';
import {
  autoScoreItem,
  gradeOf,
  itemScoreProblems,
  mainVenueOf,
  roundScore,
  totalOf,
} from '../../../../shared/standards';
import { newId, nowIso } from '../clock';
import { db } from '../db';
import { writeAudit } from './audit';
import { parseInput } from './common';
import { ofBranchBetween } from './meetings';
import { NotFoundError, ValidationError, type ValidationIssue } from './errors';
import { standardFieldsOf } from './standards';

/** An item's automatic result, as the form shows it before the assessor confirms or overrides it. */
export interface AutoItemResult {
  code: string;
  score: number;
  evidenceIds: string[];
  explanation: string;
}

async function meetingsForStandard(branchId: string, standard: StandardFields, from: string, to: string) {
  const kinds = new Set<MeetingKind>();
  for (const item of standard.items) if (item.rule.kind === 'frequency') kinds.add(item.rule.meetingKind);
  if (kinds.size === 0) return [];
  // The period's records by [branchId+date], filtered by kind in memory (a branch-year is tens of records).
  return (await ofBranchBetween(branchId, from, to)).filter((m) => kinds.has(m.kind));
}

/** The automatic scores of a standard's frequency and checklist items for a branch and period, with evidence. */
export async function computeAutoScores(
  branchId: string,
  standard: StandardFields,
  from: string,
  to: string,
): Promise<Map<string, AutoItemResult>> {
  const meetings = await meetingsForStandard(branchId, standard, from, to);
  const venues: Venue[] = await db.venues.where('branchId').equals(branchId).toArray();
  const venue = mainVenueOf(venues);
  const out = new Map<string, AutoItemResult>();
  for (const item of standard.items) {
    const result = autoScoreItem(item, { meetings, venue, from, to });
    if (result) out.set(item.code, { code: item.code, ...result });
  }
  return out;
}

/**
 * The problems with one item's score, as issues at `scores.<index>`: not scored (a manual item with no score; an
 * automatic one without a typed score keeps `autoScore`), below 0 or above its 满分, or an automatic score changed
 * without a reason. The 考评 form runs it on every row before saving, the repository again on what it stores.
 */
export function itemScoreIssues(
  item: Pick<StandardItem, 'code' | 'content' | 'maxScore'>,
  index: number,
  given: { score: number | null; overrideReason?: string } | undefined,
  autoScore: number | undefined,
): ValidationIssue[] {
  // Not scored at all is NaN, which itemScoreProblems reports as 「请填写…的得分」.
  const score = given?.score ?? autoScore ?? Number.NaN;
  return itemScoreProblems(item, { score, autoScore, overrideReason: given?.overrideReason ?? '' }).map((p) => ({
    path: `scores.${index}.${p.field}`,
    message: p.message,
  }));
}

/** What the 考评 form holds: every item of the standard in its order, a score left empty as null, maybe no date. */
export type AssessmentDraft = Omit<AssessmentInput, 'scores' | 'date'> & {
  date: string | undefined;
  scores: { code: string; score: number | null; overrideReason: string; comment: string }[];
};

/**
 * Every problem the repository would find in a draft, all at once and without the database: the schema's (考评人,
 * 考评日期, lengths) and each item's (missing, out of range, an automatic score changed without a reason). Each
 * draft row must be the standard's item at the same index. Issues about one item name it.
 */
export function assessmentDraftIssues(
  standard: Pick<StandardFields, 'items'>,
  draft: AssessmentDraft,
  auto: ReadonlyMap<string, { score: number }>,
): ValidationIssue[] {
  const itemIssues = standard.items.flatMap((item, index) =>
    itemScoreIssues(item, index, draft.scores[index], auto.get(item.code)?.score),
  );
  const parsed = assessmentInputSchema.safeParse({
    ...draft,
    scores: draft.scores.map((s) => ({ ...s, score: s.score ?? Number.NaN })),
  });
  const schemaIssues = parsed.success ? [] : ValidationError.fromZod(parsed.error).issues;
  const fieldIssues = schemaIssues.flatMap((issue) => {
    const row = /^scores\.(\d+)\.(\w+)$/.exec(issue.path);
    if (!row) return [issue];
    // The score itself is checked per item above, with the item's name; other row fields get the name prefixed.
    if (row[2] === 'score') return [];
    const item = standard.items[Number(row[1])];
    return [{ ...issue, message: item ? `“${item.code} ${item.content}”的${issue.message}` : issue.message }];
  });
  const rowOf = (path: string) => Number(/^scores\.(\d+)\./.exec(path)?.[1] ?? -1);
  // Record-level issues first (考评人, 日期), then the rows in the table's order.
  return [...fieldIssues, ...itemIssues].sort((a, b) => rowOf(a.path) - rowOf(b.path));
}

/**
 * Checks and derives the stored scores: every item of the standard must be scored once, within 0 and its maximum;
 * automatic items keep their computed score and evidence unless overridden with a reason.
 */
function deriveScores(
  standard: StandardFields,
  input: ReturnType<typeof parseAssessmentInput>,
  auto: Map<string, AutoItemResult>,
) {
  const issues: ValidationIssue[] = [];
  const byCode = new Map(input.scores.map((s, index) => [s.code, { ...s, index }]));
  const scores: ItemScore[] = [];
  standard.items.forEach((item, itemIndex) => {
    const given = byCode.get(item.code);
    const computed = auto.get(item.code);
    issues.push(...itemScoreIssues(item, given?.index ?? itemIndex, given, computed?.score));
    const score = given ? given.score : (computed?.score ?? 0);
    const overrideReason = given?.overrideReason ?? '';
    const overridden = computed !== undefined && roundScore(score) !== computed.score;
    scores.push({
      code: item.code,
      score: roundScore(score),
      auto: computed !== undefined,
      ...(computed ? { autoScore: computed.score, explanation: computed.explanation } : {}),
      overrideReason: overridden ? overrideReason.trim() : '',
      comment: given?.comment ?? '',
      evidenceIds: computed?.evidenceIds ?? [],
    });
  });
  for (const s of input.scores) {
    if (!standard.items.some((i) => i.code === s.code)) {
      issues.push({ path: 'scores', message: `评价标准中没有编号为“${s.code}”的项目` });
    }
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return scores;
}

function parseAssessmentInput(input: AssessmentInput) {
  const fields = parseInput(assessmentInputSchema, input);
  if (fields.periodEnd < fields.periodStart) {
    throw new ValidationError([{ path: 'periodEnd', message: '考评期间的结束日期不能早于开始日期' }]);
  }
  return fields;
}

function describe(a: Pick<Assessment, 'kind' | 'periodStart' | 'periodEnd' | 'total' | 'grade' | 'standardSnapshot'>) {
  return `${a.periodStart}至${a.periodEnd}「${a.standardSnapshot.name}」${a.kind}：${a.total} 分${a.grade ? `，${a.grade}` : ''}`;
}

/** Scores a branch against the exact standard version `input.standardId`, snapshotting it. */
export async function createAssessment(branchId: string, input: AssessmentInput): Promise<Assessment> {
  const fields = parseAssessmentInput(input);
  return db.transaction(
    'rw',
    [db.branches, db.standards, db.meetings, db.venues, db.assessments, db.auditPages],
    async () => {
      if (!(await db.branches.get(branchId))) throw new NotFoundError('支部', branchId);
      const standard = await db.standards.get(fields.standardId);
      if (!standard) throw new NotFoundError('评价标准', fields.standardId);
      const snapshot = structuredClone(standardFieldsOf(standard));
      const auto = await computeAutoScores(branchId, snapshot, fields.periodStart, fields.periodEnd);
      const scores = deriveScores(snapshot, fields, auto);
      const total = totalOf(scores);
      const at = nowIso();
      const assessment: Assessment = {
        ...fields,
        id: newId(),
        branchId,
        standardSnapshot: snapshot,
        scores,
        total,
        grade: gradeOf(total, snapshot.grades),
        createdAt: at,
        updatedAt: at,
      };
      await db.assessments.add(assessment);
      await writeAudit({
        entity: 'assessment',
        entityId: assessment.id,
        branchId,
        action: 'create',
        summary: describe(assessment),
      });
      return assessment;
    },
  );
}

/**
 * Re-scores an assessment: against its own snapshot (never a newer version of the standard), with the automatic
 * items recomputed from today's records for its period.
 */
export async function updateAssessment(id: string, input: AssessmentInput): Promise<Assessment> {
  const fields = parseAssessmentInput(input);
  return db.transaction('rw', [db.meetings, db.venues, db.assessments, db.auditPages], async () => {
    const before = await db.assessments.get(id);
    if (!before) throw new NotFoundError('考评', id);
    const snapshot = before.standardSnapshot;
    const auto = await computeAutoScores(before.branchId, snapshot, fields.periodStart, fields.periodEnd);
    const scores = deriveScores(snapshot, fields, auto);
    const total = totalOf(scores);
    const after: Assessment = {
      ...before,
      ...fields,
      standardId: before.standardId,
      scores,
      total,
      grade: gradeOf(total, snapshot.grades),
      updatedAt: nowIso(),
    };
    await db.assessments.put(after);
    await writeAudit({
      entity: 'assessment',
      entityId: id,
      branchId: before.branchId,
      action: 'update',
      summary: describe(after),
    });
    return after;
  });
}

/** Why a 考评 that the 争创活动 `names` link to (their 量化考评 step) cannot be deleted. */
function linkedRefusal(names: readonly string[]): string {
  const quoted = names.map((name) => `「${name}」`).join('、');
  return `该考评已关联争创活动${quoted}的“量化考评”环节，请先在争创活动中取消关联，再删除`;
}

/**
 * Why deleteAssessment would refuse this 考评, in its words, or undefined: read before 删除 is offered, so that the
 * secretary is not asked to confirm a deletion that is then refused.
 */
export async function deleteRefusalOf(assessmentId: string): Promise<string | undefined> {
  const assessment = await db.assessments.get(assessmentId);
  if (!assessment) return undefined;
  const linked = (await db.campaigns.where('branchId').equals(assessment.branchId).toArray()).filter(
    (c) => c.assessmentId === assessmentId,
  );
  return linked.length > 0 ? linkedRefusal(linked.map((c) => c.name)) : undefined;
}

/**
 * Deletes a 考评 (audited), e.g. one created by mistake: the 历年考评得分 chart and the 卷宗 read only the rows that
 * remain. One linked to a 争创活动's 量化考评 step is refused, so that the step does not point at nothing.
 */
export async function deleteAssessment(id: string): Promise<void> {
  await db.transaction('rw', [db.assessments, db.campaigns, db.auditPages], async () => {
    const before = await db.assessments.get(id);
    if (!before) throw new NotFoundError('考评', id);
    const linked = (await db.campaigns.where('branchId').equals(before.branchId).toArray()).filter(
      (c) => c.assessmentId === id,
    );
    if (linked.length > 0) throw new ValidationError([{ path: '', message: linkedRefusal(linked.map((c) => c.name)) }]);
    await db.assessments.delete(id);
    await writeAudit({
      entity: 'assessment',
      entityId: id,
      branchId: before.branchId,
      action: 'delete',
      summary: `删除考评 ${describe(before)}（考评人${before.assessor}，${before.date}）`,
    });
  });
}

/** A branch's assessments, newest first. */
export async function listAssessments(branchId: string): Promise<Assessment[]> {
  const rows = await db.assessments.where('[branchId+date]').between([branchId, ''], [branchId, '\uffff']).toArray();
  return rows.sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt));
}

export async function getAssessment(id: string): Promise<Assessment | undefined> {
  return db.assessments.get(id);
}

/** Records named as evidence, resolved: the meetings (by date) and venues; `missing` counts deleted ones. */
export async function evidenceRecords(
  ids: readonly string[],
): Promise<{ meetings: Meeting[]; venues: Venue[]; missing: number }> {
  const meetings = (await db.meetings.bulkGet([...ids])).filter((m): m is Meeting => m !== undefined);
  const venues = (await db.venues.bulkGet([...ids])).filter((v): v is Venue => v !== undefined);
  meetings.sort((a, b) => a.date.localeCompare(b.date) || a.seq - b.seq);
  return { meetings, venues, missing: ids.length - meetings.length - venues.length };
}

/** The drill-down of one item: its stored evidence, resolved. */
export async function itemEvidence(assessment: Assessment, code: string) {
  return evidenceRecords(assessment.scores.find((s) => s.code === code)?.evidenceIds ?? []);
}

export interface YearTotal {
  year: string;
  kind: Assessment['kind'];
  total: number;
  /** The full score of the standard it was scored against, to draw bars on one scale. */
  totalScore: number;
}

/** Year-on-year: each year's latest assessment of each kind, by the year its period starts. */
export function yearlyTotals(assessments: readonly Assessment[]): YearTotal[] {
  const latest = new Map<string, Assessment>();
  for (const a of assessments) {
    const key = `${a.periodStart.slice(0, 4)}|${a.kind}`;
    const seen = latest.get(key);
    if (!seen || a.date > seen.date || (a.date === seen.date && a.createdAt > seen.createdAt)) latest.set(key, a);
  }
  return [...latest.values()]
    .map((a) => ({
      year: a.periodStart.slice(0, 4),
      kind: a.kind,
      total: a.total,
      totalScore: a.standardSnapshot.totalScore,
    }))
    .sort((a, b) => a.year.localeCompare(b.year) || a.kind.localeCompare(b.kind));
}
