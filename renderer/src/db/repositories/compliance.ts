// Loads what the compliance engine needs for a branch-year through the indexes, and the chosen frequency rule pack.
import { comparePersonNames } from '../../../../shared/names';
import { RULE_PACKS, rulePackIdOf } from '../../../../shared/rules/packs';
import type { ComplianceInput, ComplianceMeeting, ComplianceMember } from '../../../../shared/scoring/compliance';
import { db } from '../db';
import { SETTING_RULE_PACK } from '../settingKeys';
import { NotFoundError } from './errors';
import { countingBetween } from './meetings';
import { getSetting, setSetting } from './settings';

/** The records-side inputs of computeCompliance for one year: everything but the pack and today's date. */
export type ComplianceSources = Pick<ComplianceInput, 'branch' | 'members' | 'meetings' | 'from' | 'to'>;

/**
 * Reads a branch's roster (branchId index) and its records that count in `year` (countingBetween), keeping only the fields
 * the engine reads: a year of big branches' minutes would otherwise sit in the dashboard's memory. The roster comes in
 * 名册 order (listMembers), so whom a line names — 「尚未谈话：…」 — reads as the 党员名册 lists them, not by id.
 */
export async function loadComplianceSources(branchId: string, year: number): Promise<ComplianceSources> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const branch = await db.branches.get(branchId);
  if (!branch) throw new NotFoundError('支部', branchId);
  const memberRows = (await db.members.where('branchId').equals(branchId).toArray()).sort(
    (a, b) => comparePersonNames(a.name, b.name) || a.id.localeCompare(b.id),
  );
  const meetingRows = await countingBetween(branchId, from, to);
  const members: ComplianceMember[] = memberRows.map((m) => ({
    id: m.id,
    name: m.name,
    status: m.status,
    joinedDate: m.joinedDate,
    // A member who transferred in is on the roll (谈心谈话's subjects, 应到) from that day, not from 入党.
    joinedBranchDate: m.joinedBranchDate,
    fullMemberDate: m.fullMemberDate,
    leftDate: m.leftDate,
    partyGroupId: m.partyGroupId,
  }));
  const meetings: ComplianceMeeting[] = meetingRows.map((m) => ({
    id: m.id,
    kind: m.kind,
    date: m.date,
    topic: m.topic,
    attendance: m.attendance,
    lecturer: m.lecturer,
    partyGroupId: m.partyGroupId,
    talkParties: m.talkParties,
    status: m.status,
    ...(m.forYear !== undefined ? { forYear: m.forYear } : {}),
  }));
  return {
    branch: {
      committee: branch.committee,
      partyGroups: branch.partyGroups,
      ...(branch.establishedDate ? { establishedDate: branch.establishedDate } : {}),
    },
    members,
    meetings,
    from,
    to,
  };
}

/** The chosen rule pack's id; an unknown or missing setting reads as 条例默认. */
export async function getRulePackId(): Promise<string> {
  return rulePackIdOf(await getSetting<unknown>(SETTING_RULE_PACK));
}

export async function setRulePackId(id: string): Promise<void> {
  if (!RULE_PACKS.some((p) => p.id === id)) throw new Error(`没有这个频次规则：${id}`);
  await setSetting(SETTING_RULE_PACK, id);
}
