// 民主评议党员 repository: a year's self, peer and collective results and grade per member, and 五带头五标兵
// recognitions. The year is saved as a whole so that the rule 「优秀不超过三分之一」 is checked on the final result.
import { FIVE_EXEMPLARS } from '../../../../shared/domain/vocab';
import {
  memberEvaluationInputSchema,
  type MemberEvaluation,
  type MemberEvaluationInput,
} from '../../../../shared/schemas/entities';
import { newId, nowIso } from '../clock';
import { db } from '../db';
import { writeAudit } from './audit';
import { NotFoundError, ValidationError, type ValidationIssue } from './errors';

const comparable = (e: MemberEvaluation) => [
  e.selfResult,
  e.peerResult,
  e.collectiveResult,
  e.grade,
  [...e.exemplars].sort(),
];

/** At most one third of the members graded in a year may be 优秀. */
export function maxExcellent(evaluated: number): number {
  return Math.floor(evaluated / 3);
}

export function excellentQuotaMessage(evaluated: number): string {
  return `优秀比例不能超过三分之一：本年度参评 ${evaluated} 人，优秀最多 ${maxExcellent(evaluated)} 人`;
}

export async function listMemberEvaluations(branchId: string, year: number): Promise<MemberEvaluation[]> {
  return db.memberEvaluations.where('[branchId+year]').equals([branchId, year]).toArray();
}

/**
 * Saves the given members' rows of a year (one row per member; rows of other members of that year stay). Refused as a
 * whole — nothing written — when any row is invalid, names someone outside the branch, or when 优秀 would exceed
 * one third of the members graded that year.
 */
export async function saveMemberEvaluations(
  branchId: string,
  year: number,
  inputs: readonly MemberEvaluationInput[],
): Promise<MemberEvaluation[]> {
  const issues: ValidationIssue[] = [];
  const rows = inputs.flatMap((input, index) => {
    const result = memberEvaluationInputSchema.safeParse(input);
    if (!result.success) {
      issues.push(...result.error.issues.map((i) => ({ path: `${index}.${i.path.join('.')}`, message: i.message })));
      return [];
    }
    result.data.exemplars.forEach((e, j) => {
      if (!(FIVE_EXEMPLARS as readonly string[]).includes(e)) {
        issues.push({ path: `${index}.exemplars.${j}`, message: `“${e}”不是“五带头、五标兵”之一` });
      }
    });
    return [result.data];
  });
  if (!Number.isInteger(year) || year < 2000 || year > 2100) issues.push({ path: 'year', message: '年度不正确' });
  if (issues.length > 0) throw new ValidationError(issues);

  return db.transaction('rw', [db.branches, db.members, db.memberEvaluations, db.auditPages], async () => {
    if (!(await db.branches.get(branchId))) throw new NotFoundError('支部', branchId);
    const members = await db.members.bulkGet(rows.map((r) => r.memberId));
    const seen = new Set<string>();
    rows.forEach((row, index) => {
      const member = members[index];
      if (member?.branchId !== branchId) issues.push({ path: `${index}.memberId`, message: '所选党员不是本支部党员' });
      if (seen.has(row.memberId))
        issues.push({ path: `${index}.memberId`, message: `“${member?.name ?? ''}”重复出现` });
      seen.add(row.memberId);
    });
    if (issues.length > 0) throw new ValidationError(issues);

    const existing = await listMemberEvaluations(branchId, year);
    const byMember = new Map(existing.map((e) => [e.memberId, e]));
    const at = nowIso();
    const saved: MemberEvaluation[] = rows.map((row) => {
      const before = byMember.get(row.memberId);
      return {
        ...row,
        year,
        branchId,
        id: before?.id ?? newId(),
        createdAt: before?.createdAt ?? at,
        updatedAt: at,
      };
    });
    const result = new Map(existing.map((e) => [e.memberId, e]));
    for (const row of saved) result.set(row.memberId, row);
    const graded = [...result.values()].filter((e) => e.grade !== '');
    const excellent = graded.filter((e) => e.grade === '优秀').length;
    if (excellent > maxExcellent(graded.length)) {
      throw new ValidationError([{ path: 'grade', message: excellentQuotaMessage(graded.length) }]);
    }

    // Rows the user did not change are neither rewritten nor audited: saving the whole table must not flood the log.
    const changed = saved.filter((row) => {
      const before = byMember.get(row.memberId);
      return !before || JSON.stringify(comparable(before)) !== JSON.stringify(comparable(row));
    });
    await db.memberEvaluations.bulkPut(changed);
    const names = new Map(members.map((m) => [m?.id ?? '', m?.name ?? '']));
    for (const row of changed) {
      await writeAudit({
        entity: 'memberEvaluation',
        entityId: row.id,
        branchId,
        action: byMember.has(row.memberId) ? 'update' : 'create',
        summary: `${year}年度民主评议：${names.get(row.memberId)}${row.grade ? `，${row.grade}` : ''}`,
      });
    }
    return saved.map((row) => (changed.includes(row) ? row : byMember.get(row.memberId)!));
  });
}
