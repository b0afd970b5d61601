// 技能比武 repository (练硬功、打擂台、强技能、出人才): events with participants, scores, ranks and awards.
import Dexie from 'dexie';
import { beforeEstablishedMessage, establishedOf } from '../../../../shared/branch/established';
import { competitionInputSchema, type Competition, type CompetitionInput } from '../../../../shared/schemas';
import { newId, nowIso } from '../clock';
import { db } from '../db';
import { writeAudit, type AuditEntity } from './audit';
import { changedFieldLabels, parseInput } from './common';
import { NotFoundError, ValidationError, type ValidationIssue } from './errors';
import { chinaToday } from '../../../../shared/schemas/common';

type CompetitionFields = Omit<Competition, 'id' | 'createdAt' | 'updatedAt' | 'branchId'>;

const ENTITY: AuditEntity = 'competition';

const COMPETITION_LABELS: Readonly<Record<keyof CompetitionFields, string>> = {
  name: '比武名称',
  date: '比武日期',
  kind: '比武类型',
  participants: '参赛人员及成绩',
  notes: '说明',
};

/** A branch's events, newest first. */
export async function listCompetitions(branchId: string): Promise<Competition[]> {
  const list = await db.competitions
    .where('[branchId+date]')
    .between([branchId, Dexie.minKey], [branchId, Dexie.maxKey])
    .toArray();
  return list.reverse();
}

/**
 * Every participant must be on this branch's roster and still in the branch on the day of the event. The date is not
 * after today, and a new one not before the branch's 成立日期 (`keptDate`, the event's own, stays: docs/data-model.md).
 */
async function participantIssues(
  branchId: string,
  fields: CompetitionFields,
  keptDate?: string,
): Promise<ValidationIssue[]> {
  const members = await db.members.bulkGet(fields.participants.map((p) => p.memberId));
  // An event is recorded after it took place, as meetings and learning are.
  const today = chinaToday();
  const dateIssues = fields.date > today ? [{ path: 'date', message: `比武日期不能晚于今天（${today}）` }] : [];
  const branch = await db.branches.get(branchId);
  const beforeFounded =
    fields.date !== keptDate && branch && beforeEstablishedMessage('比武日期', fields.date, establishedOf(branch));
  if (beforeFounded) dateIssues.push({ path: 'date', message: beforeFounded });
  return dateIssues.concat(
    fields.participants.flatMap((p, index) => {
      const member = members[index];
      const path = `participants.${index}.memberId`;
      if (!member || member.branchId !== branchId) {
        return [{ path, message: `参赛人员“${p.name}”不在本支部名册中` }];
      }
      if (member.leftDate && member.leftDate < fields.date) {
        return [{ path, message: `“${member.name}”已于 ${member.leftDate} 离开支部，不能参加此后的比武` }];
      }
      return [];
    }),
  );
}

function describe(c: CompetitionFields): string {
  return `${c.kind}「${c.name}」（${c.date}，${c.participants.length} 人参加）`;
}

export async function createCompetition(branchId: string, input: CompetitionInput): Promise<Competition> {
  const fields: CompetitionFields = parseInput(competitionInputSchema, input);
  return db.transaction('rw', [db.branches, db.members, db.competitions, db.auditPages], async () => {
    if (!(await db.branches.get(branchId))) throw new NotFoundError('支部', branchId);
    const issues = await participantIssues(branchId, fields);
    if (issues.length > 0) throw new ValidationError(issues);
    const at = nowIso();
    const competition: Competition = { ...fields, id: newId(), branchId, createdAt: at, updatedAt: at };
    await db.competitions.add(competition);
    await writeAudit({
      entity: ENTITY,
      entityId: competition.id,
      branchId,
      action: 'create',
      summary: `新增${describe(fields)}`,
    });
    return competition;
  });
}

export async function updateCompetition(id: string, input: CompetitionInput): Promise<Competition> {
  const fields: CompetitionFields = parseInput(competitionInputSchema, input);
  return db.transaction('rw', [db.branches, db.members, db.competitions, db.auditPages], async () => {
    const before = await db.competitions.get(id);
    if (!before) throw new NotFoundError('技能比武', id);
    // 保存 without a change writes nothing, so the log lists only real corrections.
    const changed = changedFieldLabels<CompetitionFields>(before, fields, COMPETITION_LABELS);
    if (changed.length === 0) return before;
    const issues = await participantIssues(before.branchId, fields, before.date);
    if (issues.length > 0) throw new ValidationError(issues);
    const after: Competition = { ...before, ...fields, updatedAt: nowIso() };
    await db.competitions.put(after);
    await writeAudit({
      entity: ENTITY,
      entityId: id,
      branchId: before.branchId,
      action: 'update',
      summary: `修改了${fields.kind}「${fields.name}」的${changed.join('、')}`,
    });
    return after;
  });
}

export async function deleteCompetition(id: string): Promise<void> {
  await db.transaction('rw', [db.competitions, db.auditPages], async () => {
    const before = await db.competitions.get(id);
    if (!before) throw new NotFoundError('技能比武', id);
    await db.competitions.delete(id);
    await writeAudit({
      entity: ENTITY,
      entityId: id,
      branchId: before.branchId,
      action: 'delete',
      summary: `删除${describe(before)}`,
    });
  });
}
