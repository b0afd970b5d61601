// Assessment (考评) repository: scores a branch against a standard version item by item — frequency and 七有 items
// computed from the records, overrides only with a reason, manual items with their 佐证 and 扣分说明 — and keeps the
// standard's snapshot, evidence and grade. A saved 考评 keeps its scores: 修改 recomputes from the records only when
// asked to, and its audit entry says what changed item by item.
import { establishedOf } from '../../../../shared/branch/established';
import { countedAssessments, countedYearOf } from '../../../../shared/standards/counted';
import { forYearNote } from '../../../../shared/domain/recordYear';
import { type MeetingKind } from '../../../../shared/domain/vocab';
import type { SubjectRoster } from '../../../../shared/scoring/compliance';
import { chinaToday } from '../../../../shared/schemas/common';
import {
  assessmentInputSchema,
  type Assessment,
  type AssessmentInput,
  type AuditChange,
  type ItemScore,
  type Meeting,
  type Responsibility,
  type StandardFields,
  type StandardItem,
  type Venue,
} from '../../../../shared/schemas/entities';
import {
  autoScoreItem,
  formatScore,
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
import { countingBetween } from './meetings';
import { NotFoundError, ValidationError, type ValidationIssue } from './errors';
import { listResponsibilities } from './responsibilities';
import { standardFieldsOf } from './standards';

/** An item's automatic result, as the form shows it before the assessor confirms or overrides it. */
export interface AutoItemResult {
  code: string;
  score: number;
  evidenceIds: string[];
  explanation: string;
}

/** What an automatic item's score is judged against: computed now, or as saved (maybe without its note). */
type AutoBasis = Omit<AutoItemResult, 'explanation'> & { explanation?: string };

async function meetingsForStandard(branchId: string, standard: StandardFields, from: string, to: string) {
  const kinds = new Set<MeetingKind>();
  for (const item of standard.items) if (item.rule.kind === 'frequency') kinds.add(item.rule.meetingKind);
  if (kinds.size === 0) return [];
  // The records counting in the period, filtered by kind in memory (a branch-year is tens of records).
  return (await countingBetween(branchId, from, to)).filter((m) => kinds.has(m.kind));
}

/**
 * The branch's 党小组 and members, whom 党小组会 and 谈心谈话 items are judged per, as the 工作台 does, and its 成立日期,
 * before which no period is judged.
 */
async function rosterOf(branchId: string): Promise<{ roster: SubjectRoster; established?: string }> {
  const [branch, members] = await Promise.all([
    db.branches.get(branchId),
    db.members.where('branchId').equals(branchId).toArray(),
  ]);
  if (!branch) throw new NotFoundError('支部', branchId);
  const established = establishedOf(branch);
  return { roster: { partyGroups: branch.partyGroups, members }, ...(established ? { established } : {}) };
}

/** The automatic scores of a standard's frequency and checklist items for a branch and period, with evidence. */
export async function computeAutoScores(
  branchId: string,
  standard: StandardFields,
  from: string,
  to: string,
): Promise<Map<string, AutoItemResult>> {
  // Read together: the 考评 form shows what this returns, and a slower read lets a quick 保存 see no automatic scores.
  const [meetings, venues, { roster, established }] = await Promise.all([
    meetingsForStandard(branchId, standard, from, to),
    db.venues.where('branchId').equals(branchId).toArray() as Promise<Venue[]>,
    rosterOf(branchId),
  ]);
  const venue = mainVenueOf(venues);
  const out = new Map<string, AutoItemResult>();
  for (const item of standard.items) {
    const result = autoScoreItem(item, { meetings, venue, roster, established, from, to });
    if (result) out.set(item.code, { code: item.code, ...result });
  }
  return out;
}

/**
 * The automatic items of a saved 考评 as they were saved: what 修改 judges them by unless the assessor asks to
 * recompute. A row saved without `autoScore` was never adjusted: its score is the automatic one.
 */
export function savedAutoResults(assessment: Pick<Assessment, 'scores'>): Map<string, AutoBasis> {
  const out = new Map<string, AutoBasis>();
  for (const s of assessment.scores) {
    if (!s.auto) continue;
    out.set(s.code, {
      code: s.code,
      score: s.autoScore ?? s.score,
      evidenceIds: s.evidenceIds,
      ...(s.explanation !== undefined ? { explanation: s.explanation } : {}),
    });
  }
  return out;
}

/**
 * The problems with one item's score, as issues at `scores.<index>`: not scored (a manual item with no score; an
 * automatic one without a typed score keeps `autoScore`), below 0 or above its 满分, an automatic score changed
 * without a reason, or a manual item below its 满分 without a 扣分说明. The 考评 form runs it on every row before
 * saving, the repository again on what it stores.
 */
export function itemScoreIssues(
  item: Pick<StandardItem, 'code' | 'content' | 'maxScore'>,
  index: number,
  given: { score: number | null; overrideReason?: string; comment?: string } | undefined,
  autoScore: number | undefined,
): ValidationIssue[] {
  // Not scored at all is NaN, which itemScoreProblems reports as 「请填写…的得分」.
  const score = given?.score ?? autoScore ?? Number.NaN;
  return itemScoreProblems(item, {
    score,
    autoScore,
    overrideReason: given?.overrideReason ?? '',
    // An automatic item's deduction is explained by its records; a manual one's by the assessor.
    comment: autoScore === undefined ? (given?.comment ?? '') : undefined,
  }).map((p) => ({
    path: `scores.${index}.${p.field}`,
    message: p.message,
  }));
}

/**
 * The 考评日期 against its period and today: not before the period starts (a 2025 考评 dated 2024-06-01), not after
 * today (a slip such as 2052 would sort above the real one for years).
 */
export function assessmentDateIssues(
  fields: { periodStart: string; date: string | undefined },
  today: string = chinaToday(),
): ValidationIssue[] {
  const { periodStart, date } = fields;
  if (!date) return [];
  if (date < periodStart) return [{ path: 'date', message: `考评日期不能早于考评期间开始（${periodStart}）` }];
  if (date > today) return [{ path: 'date', message: `考评日期不能晚于今天（${today}）` }];
  return [];
}

/** Whether changing a saved 考评 from `beforeKind` to `kind` needs a 修改理由: it is, or becomes, a 上级评定. */
export function changeNeedsReason(beforeKind: Assessment['kind'], kind: Assessment['kind']): boolean {
  return beforeKind === '上级评定' || kind === '上级评定';
}

export const CHANGE_REASON_REQUIRED = '修改上级评定须填写修改理由';

/** What the 考评 form holds: every item of the standard in its order, a score left empty as null, maybe no date. */
export type AssessmentDraft = Omit<AssessmentInput, 'scores' | 'date'> & {
  date: string | undefined;
  scores: { code: string; score: number | null; overrideReason: string; comment: string; evidenceIds?: string[] }[];
};

/**
 * Every problem the repository would find in a draft, all at once and without the database: the schema's (考评人,
 * 考评日期, lengths), the date against the period and today, and each item's (missing, out of range, an automatic
 * score changed without a reason, a deduction without a 扣分说明). Each draft row must be the standard's item at the
 * same index; `auto` holds what each automatic item is judged against. Issues about one item name it.
 */
export function assessmentDraftIssues(
  standard: Pick<StandardFields, 'items'>,
  draft: AssessmentDraft,
  auto: ReadonlyMap<string, { score: number }>,
  today: string = chinaToday(),
): ValidationIssue[] {
  const itemIssues = standard.items.flatMap((item, index) =>
    itemScoreIssues(item, index, draft.scores[index], auto.get(item.code)?.score),
  );
  const parsed = assessmentInputSchema.safeParse({
    ...draft,
    scores: draft.scores.map((s) => ({ ...s, score: s.score ?? Number.NaN })),
  });
  const schemaIssues = [
    ...(parsed.success ? [] : ValidationError.fromZod(parsed.error).issues),
    ...assessmentDateIssues(draft, today),
  ];
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

type ParsedInput = Omit<ReturnType<typeof parseAssessmentInput>, 'recompute' | 'changeReason'>;

/**
 * Checks and derives the stored scores: every item of the standard must be scored once, within 0 and its maximum;
 * automatic items keep the score and evidence of their `basis` (computed, or as saved) unless overridden with a
 * reason; manual items keep the 佐证 the assessor picked (on 修改, without a list given, those `previous` saved).
 */
function deriveScores(
  standard: StandardFields,
  input: ParsedInput,
  basis: ReadonlyMap<string, AutoBasis>,
  previous?: ReadonlyMap<string, ItemScore>,
) {
  const issues: ValidationIssue[] = [];
  const byCode = new Map(input.scores.map((s, index) => [s.code, { ...s, index }]));
  const scores: ItemScore[] = [];
  standard.items.forEach((item, itemIndex) => {
    const given = byCode.get(item.code);
    const computed = basis.get(item.code);
    issues.push(...itemScoreIssues(item, given?.index ?? itemIndex, given, computed?.score));
    const score = given ? given.score : (computed?.score ?? 0);
    const overrideReason = given?.overrideReason ?? '';
    const overridden = computed !== undefined && roundScore(score) !== computed.score;
    const picked = given?.evidenceIds ?? previous?.get(item.code)?.evidenceIds ?? [];
    scores.push({
      code: item.code,
      score: roundScore(score),
      auto: computed !== undefined,
      ...(computed ? { autoScore: computed.score } : {}),
      ...(computed?.explanation !== undefined ? { explanation: computed.explanation } : {}),
      overrideReason: overridden ? overrideReason.trim() : '',
      comment: given?.comment ?? '',
      evidenceIds: computed ? computed.evidenceIds : [...new Set(picked)],
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

const yearsOf = (from: string, to: string) => {
  const years: number[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) years.push(y);
  return years;
};

/**
 * A manual item's 佐证 must be the branch's own: a 工作记录 of the period, an 阵地, or a 责任清单 of the period's
 * year. Ids already saved on the item (`kept`) are not checked again, so a record deleted since does not block 修改.
 */
async function evidenceIssues(
  branchId: string,
  fields: Pick<ParsedInput, 'periodStart' | 'periodEnd' | 'scores'>,
  standard: StandardFields,
  scores: readonly ItemScore[],
  kept?: ReadonlyMap<string, ItemScore>,
): Promise<ValidationIssue[]> {
  const fresh = (s: ItemScore) => s.evidenceIds.filter((id) => !kept?.get(s.code)?.evidenceIds.includes(id));
  const manual = scores.filter((s) => !s.auto && fresh(s).length > 0);
  if (manual.length === 0) return [];
  const ids = [...new Set(manual.flatMap(fresh))];
  const years = yearsOf(fields.periodStart, fields.periodEnd);
  const [meetings, venues, lists] = await Promise.all([
    db.meetings.bulkGet(ids),
    db.venues.bulkGet(ids),
    db.responsibilities.bulkGet(ids),
  ]);
  const valid = new Set<string>();
  ids.forEach((id, i) => {
    const m = meetings[i];
    const v = venues[i];
    const r = lists[i];
    if (m?.branchId === branchId && m.date >= fields.periodStart && m.date <= fields.periodEnd) valid.add(id);
    else if (v?.branchId === branchId) valid.add(id);
    else if (r?.branchId === branchId && years.includes(r.year)) valid.add(id);
  });
  const issues: ValidationIssue[] = [];
  for (const s of manual) {
    if (fresh(s).every((id) => valid.has(id))) continue;
    const item = standard.items.find((i) => i.code === s.code)!;
    const index = fields.scores.findIndex((g) => g.code === s.code);
    issues.push({
      path: `scores.${index}.evidenceIds`,
      message: `“${item.code} ${item.content}”的佐证不是本支部考评期间的工作记录、活动阵地或责任清单，请重新选择`,
    });
  }
  return issues;
}

function parseAssessmentInput(input: AssessmentInput) {
  const fields = parseInput(assessmentInputSchema, input);
  const issues = assessmentDateIssues(fields);
  if (fields.periodEnd < fields.periodStart) {
    issues.unshift({ path: 'periodEnd', message: '考评期间的结束日期不能早于开始日期' });
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return fields;
}

function describe(a: Pick<Assessment, 'kind' | 'periodStart' | 'periodEnd' | 'total' | 'grade' | 'standardSnapshot'>) {
  return `${a.periodStart}至${a.periodEnd}「${a.standardSnapshot.name}」${a.kind}：${a.total} 分${a.grade ? `，${a.grade}` : ''}`;
}

/** An item as the audit log names it: its code and the first clause of its content, 「1.1 支委会每月召开1次」. */
export function itemLabel(item: Pick<StandardItem, 'code' | 'content'>): string {
  const clause = item.content.split(/[，、；。,;]/)[0] ?? item.content;
  return `${item.code} ${clause.length > 14 ? `${clause.slice(0, 14)}…` : clause}`;
}

const sameIds = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join(',') === [...b].sort().join(',');

/**
 * What a 修改 changed, for its audit entry: the 考评's own fields, then each item in the standard's order —
 * 「1.1 支委会每月召开1次：2 → 4 分」, a changed automatic score, reason, 评语 or 佐证 — with before and after values.
 */
export function assessmentChanges(before: Assessment, after: Assessment): { parts: string[]; changes: AuditChange[] } {
  const parts: string[] = [];
  const changes: AuditChange[] = [];
  const field = (name: string, label: string, was: string, now: string) => {
    if (was === now) return;
    parts.push(`${label}：${was || '（空）'} → ${now || '（空）'}`);
    changes.push({ field: name, label, before: was, after: now });
  };
  field('kind', '考评类型', before.kind, after.kind);
  field('period', '考评期间', `${before.periodStart}至${before.periodEnd}`, `${after.periodStart}至${after.periodEnd}`);
  field('assessor', '考评人', before.assessor, after.assessor);
  field('date', '考评日期', before.date, after.date);
  const was = new Map(before.scores.map((s) => [s.code, s]));
  for (const item of after.standardSnapshot.items) {
    const a = after.scores.find((s) => s.code === item.code);
    const b = was.get(item.code);
    if (!a) continue;
    const label = itemLabel(item);
    const notes: string[] = [];
    const score = (s: ItemScore | undefined) => (s ? formatScore(s.score) : '—');
    if (!b || b.score !== a.score) {
      notes.push(`${score(b)} → ${score(a)} 分`);
      changes.push({
        field: `scores.${item.code}.score`,
        label: `${item.code} 得分`,
        before: score(b),
        after: score(a),
      });
    }
    const autoOf = (s: ItemScore | undefined) => (s?.auto ? formatScore(s.autoScore ?? s.score) : '');
    if (a.auto && b && autoOf(b) !== autoOf(a)) {
      notes.push(`自动得分 ${autoOf(b)} → ${autoOf(a)} 分`);
      changes.push({
        field: `scores.${item.code}.autoScore`,
        label: `${item.code} 自动得分`,
        before: autoOf(b),
        after: autoOf(a),
      });
    }
    if ((b?.overrideReason ?? '') !== a.overrideReason) {
      notes.push(a.overrideReason ? '调整理由已修改' : '取消调整');
      changes.push({
        field: `scores.${item.code}.overrideReason`,
        label: `${item.code} 调整理由`,
        before: b?.overrideReason ?? '',
        after: a.overrideReason,
      });
    }
    if ((b?.comment ?? '') !== a.comment) {
      notes.push(a.auto ? '评语已修改' : '评语/扣分说明已修改');
      changes.push({
        field: `scores.${item.code}.comment`,
        label: `${item.code} 评语/扣分说明`,
        before: b?.comment ?? '',
        after: a.comment,
      });
    }
    const evidenceBefore = b?.evidenceIds ?? [];
    if (!sameIds(evidenceBefore, a.evidenceIds)) {
      notes.push(
        evidenceBefore.length === a.evidenceIds.length
          ? `佐证已更换（${a.evidenceIds.length} 条）`
          : `佐证 ${evidenceBefore.length} → ${a.evidenceIds.length} 条`,
      );
      changes.push({
        field: `scores.${item.code}.evidenceIds`,
        label: `${item.code} 佐证`,
        before: evidenceBefore.join(','),
        after: a.evidenceIds.join(','),
      });
    }
    if (notes.length > 0) parts.push(`${label}：${notes.join('，')}`);
  }
  return { parts, changes };
}

/** The audit summary of a 修改: the 考评, its total before → after, then what changed. */
function describeChange(before: Assessment, after: Assessment, parts: readonly string[], recomputed: boolean) {
  const grade = (a: Assessment) => a.grade || '无等次';
  const total =
    before.total === after.total
      ? `总分 ${formatScore(after.total)} 分未变`
      : `总分 ${formatScore(before.total)} → ${formatScore(after.total)} 分` +
        (before.grade === after.grade ? `，${grade(after)}` : `，${grade(before)} → ${grade(after)}`);
  const head = `修改${before.periodStart}至${before.periodEnd}「${before.standardSnapshot.name}」${before.kind}`;
  return `${head}${recomputed ? '（按当前记录重新计算）' : ''}：${[total, ...parts].join('；')}`;
}

/** Scores a branch against the exact standard version `input.standardId`, snapshotting it. */
export async function createAssessment(branchId: string, input: AssessmentInput): Promise<Assessment> {
  // Recomputing and a reason for the change belong to 修改: a new 考评 is always computed from the records.
  const { recompute: _recompute, changeReason: _reason, ...fields } = parseAssessmentInput(input);
  return db.transaction(
    'rw',
    [db.branches, db.members, db.standards, db.meetings, db.venues, db.responsibilities, db.assessments, db.auditPages],
    async () => {
      if (!(await db.branches.get(branchId))) throw new NotFoundError('支部', branchId);
      const standard = await db.standards.get(fields.standardId);
      if (!standard) throw new NotFoundError('评价标准', fields.standardId);
      const snapshot = structuredClone(standardFieldsOf(standard));
      const auto = await computeAutoScores(branchId, snapshot, fields.periodStart, fields.periodEnd);
      const scores = deriveScores(snapshot, fields, auto);
      const evidence = await evidenceIssues(branchId, fields, snapshot, scores);
      if (evidence.length > 0) throw new ValidationError(evidence);
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
 * Changes a saved 考评, against its own snapshot (never a newer version of the standard). Its automatic items keep
 * the scores, evidence and notes they were saved with — records added or deleted since change nothing — unless
 * `input.recompute` asks for today's records (「按当前记录重新计算」) or the period itself changes. A change to a
 * 上级评定 needs `changeReason`. The audit entry names each changed item with its values before and after and the
 * total before → after; saving with nothing changed writes nothing.
 */
export async function updateAssessment(id: string, input: AssessmentInput): Promise<Assessment> {
  const { recompute, changeReason, ...fields } = parseAssessmentInput(input);
  return db.transaction(
    'rw',
    [db.branches, db.members, db.meetings, db.venues, db.responsibilities, db.assessments, db.auditPages],
    async () => {
      const before = await db.assessments.get(id);
      if (!before) throw new NotFoundError('考评', id);
      const snapshot = before.standardSnapshot;
      const periodChanged = fields.periodStart !== before.periodStart || fields.periodEnd !== before.periodEnd;
      const recomputed = recompute === true || periodChanged;
      const computed = await computeAutoScores(before.branchId, snapshot, fields.periodStart, fields.periodEnd);
      // Kept: as saved; an automatic item missing from the saved rows (never expected) takes today's result.
      const basis: Map<string, AutoBasis> = recomputed ? computed : new Map([...computed, ...savedAutoResults(before)]);
      const previous = new Map(before.scores.map((s) => [s.code, s]));
      const scores = deriveScores(snapshot, fields, basis, previous);
      const evidence = await evidenceIssues(
        before.branchId,
        fields,
        snapshot,
        scores,
        periodChanged ? undefined : previous,
      );
      if (evidence.length > 0) throw new ValidationError(evidence);
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
      const { parts, changes } = assessmentChanges(before, after);
      if (parts.length === 0) return before;
      if (changeNeedsReason(before.kind, after.kind) && !changeReason) {
        throw new ValidationError([{ path: 'changeReason', message: CHANGE_REASON_REQUIRED }]);
      }
      await db.assessments.put(after);
      await writeAudit({
        entity: 'assessment',
        entityId: id,
        branchId: before.branchId,
        action: 'update',
        reason: changeReason,
        summary: describeChange(before, after, parts, recomputed),
        changes,
      });
      return after;
    },
  );
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

/**
 * Records named as evidence, resolved: the meetings (by date), venues and 责任清单 (by year); `missing` counts
 * deleted ones.
 */
export async function evidenceRecords(
  ids: readonly string[],
): Promise<{ meetings: Meeting[]; venues: Venue[]; responsibilities: Responsibility[]; missing: number }> {
  const meetings = (await db.meetings.bulkGet([...ids])).filter((m): m is Meeting => m !== undefined);
  const venues = (await db.venues.bulkGet([...ids])).filter((v): v is Venue => v !== undefined);
  const responsibilities = (await db.responsibilities.bulkGet([...ids])).filter(
    (r): r is Responsibility => r !== undefined,
  );
  meetings.sort((a, b) => a.date.localeCompare(b.date) || a.seq - b.seq);
  responsibilities.sort((a, b) => a.year - b.year);
  return {
    meetings,
    venues,
    responsibilities,
    missing: ids.length - meetings.length - venues.length - responsibilities.length,
  };
}

/** One record a manual item can name as 佐证, as its picker shows it. */
export interface ItemEvidenceChoice {
  id: string;
  group: '工作记录' | '活动阵地' | '责任清单';
  /**
   * 「2025-03-10 支委会 研究…」, 「2026-01-08（2025年度） 组织生活会 …」, 「阵地：机关党员活动室」, 「责任清单：罗雪（第一责任人，
   * 2025年度）」.
   */
  label: string;
}

/**
 * What a manual item of a 考评 for `from`…`to` can name as 佐证: the branch's 工作记录 of the period (by date, as the
 * 领导责任 picker lists them), its 阵地, and its 责任清单 (with their 述职) of the period's years.
 */
export async function listItemEvidenceChoices(
  branchId: string,
  from: string,
  to: string,
): Promise<ItemEvidenceChoice[]> {
  const meetings = (await countingBetween(branchId, from, to)).sort(
    (a, b) => a.date.localeCompare(b.date) || a.seq - b.seq,
  );
  const venues = (await db.venues.where('branchId').equals(branchId).toArray()).sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  );
  const lists: Responsibility[] = [];
  for (const year of yearsOf(from, to)) lists.push(...(await listResponsibilities(branchId, year)));
  return [
    // One held after its year for it says so (「2026-01-08（2025年度） 组织生活会 …」), as the 领导责任 picker does.
    ...meetings.map((m) => ({
      id: m.id,
      group: '工作记录' as const,
      label: `${m.date}${forYearNote(m)} ${m.kind} ${m.topic}`,
    })),
    ...venues.map((v) => ({ id: v.id, group: '活动阵地' as const, label: `阵地：${v.name}` })),
    ...lists.map((r) => ({
      id: r.id,
      group: '责任清单' as const,
      label: `责任清单：${r.holderName}（${r.role}，${r.year}年度）`,
    })),
  ];
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
  // The rule the 迎检卷宗's note and the 工作台 use too (shared/standards/counted.ts).
  return [...countedAssessments(assessments).values()]
    .map(({ counted: a }) => ({
      year: countedYearOf(a),
      kind: a.kind,
      total: a.total,
      totalScore: a.standardSnapshot.totalScore,
    }))
    .sort((a, b) => a.year.localeCompare(b.year) || a.kind.localeCompare(b.kind));
}
