// The compliance engine: for a branch and a date range, each frequency rule's required and actual periods, the
// records that count, the periods missed, and quorum failures. Pure and synchronous; dates are China-local strings.
import { committeeOn } from '../branch/committee';
import { establishedOf } from '../branch/established';
import { countsWithin } from '../domain/recordYear';
import { sameName } from '../names';
import type { Branch, Meeting, Member } from '../schemas/entities';
import { DEFAULT_RULE_PACK_ID, getRulePack, type FrequencyRule, type RuleScope, type RulePack } from '../rules/packs';
import { wholePeriodsBetween, type Period } from '../rules/periods';
import { checkQuorum, type QuorumResult } from '../rules/quorum';
import { isOnRosterOn, onRosterDuring } from '../rules/roster';

export type ComplianceMeeting = Pick<
  Meeting,
  'id' | 'kind' | 'date' | 'topic' | 'attendance' | 'lecturer' | 'partyGroupId' | 'talkParties' | 'forYear'
> &
  // A 草稿 counts as held (the meeting took place); the 工作台 says how many of them are not yet finalized.
  Partial<Pick<Meeting, 'status'>>;
export type ComplianceMember = Pick<
  Member,
  'id' | 'name' | 'status' | 'joinedDate' | 'joinedBranchDate' | 'fullMemberDate' | 'leftDate' | 'partyGroupId'
>;

export interface ComplianceInput {
  /** With its 成立日期, when one is recorded: the periods that end before it are not due (docs/data-model.md). */
  branch: Pick<Branch, 'committee' | 'partyGroups' | 'establishedDate'>;
  members: readonly ComplianceMember[];
  meetings: readonly ComplianceMeeting[];
  from: string;
  to: string;
  /** Today: a period not yet over and not yet met is pending, not missed. */
  asOf: string;
  pack: RulePack;
}

export type PeriodStatus = 'met' | 'missed' | 'pending';

export interface PeriodResult {
  period: Period;
  /** For rules per party group or per member: whom this line is about. */
  subject?: { id: string; name: string };
  count: number;
  meetingIds: string[];
  status: PeriodStatus;
}

export interface QuorumFailure {
  meetingId: string;
  date: string;
  topic: string;
  quorum: QuorumResult;
}

export interface RuleResult {
  rule: FrequencyRule;
  periods: PeriodResult[];
  /** Periods that are due (over, or already met). */
  required: number;
  met: number;
  missed: PeriodResult[];
  quorumFailures: QuorumFailure[];
}

export interface ComplianceReport {
  from: string;
  to: string;
  asOf: string;
  packId: string;
  rules: RuleResult[];
  required: number;
  met: number;
}

// 授课人 is typed: 「张建国同志」「张建国书记」「支部书记张建国」 name the 书记 as well as 「张建国」 does.
const TITLES = /^(?:支部书记|党支部书记|书记)|(?:同志|书记)$/gu;

/**
 * Whether a 党课 was given by the 书记 in office on its date (after a 换届 the one of that day, not today's): the
 * 授课人 is the 书记's member id, or their name as far as the text can tell (shared/names.ts), titles aside.
 */
function byLecturingSecretary(branch: ComplianceInput['branch']) {
  return (meeting: ComplianceMeeting) => {
    const lecturer = meeting.lecturer.trim();
    if (!lecturer) return false;
    const bare = lecturer.replace(TITLES, '').trim();
    return committeeOn(branch.committee, meeting.date)
      .filter((c) => c.role === '书记')
      .some((s) => lecturer === s.memberId || sameName(bare, s.name) || sameName(lecturer, s.name));
  };
}

/** Whom scoped rules are about: the branch's 党小组, and its members with their dates on the roll. */
export interface SubjectRoster {
  partyGroups: readonly { id: string; name: string }[];
  members: readonly Pick<ComplianceMember, 'id' | 'name' | 'joinedDate' | 'joinedBranchDate' | 'leftDate'>[];
}

/** What of a record decides whom it counts for; records that lack a field count for nobody by it. */
export type ScopedMeeting = Pick<ComplianceMeeting, 'id' | 'date'> &
  Partial<Pick<ComplianceMeeting, 'partyGroupId' | 'attendance' | 'talkParties' | 'forYear'>>;

/** One period for one subject: the records that count and whether they reach the minimum. */
export interface SubjectPeriod<P extends Pick<Period, 'start' | 'end'> = Period> {
  period: P;
  /** For rules per party group or per member: whom this line is about. */
  subject?: { id: string; name: string };
  meetingIds: string[];
  met: boolean;
}

/**
 * The subjects of a rule in a period: every 党小组; every member on the roll at some time in it (subjectPeriods then
 * drops those gone by its end with no record); for a branch-wide rule the branch itself (one undefined subject). A
 * roster without groups or members gives none: the rule does not apply.
 */
function subjectsOf(scope: RuleScope, roster: SubjectRoster, period: Pick<Period, 'start' | 'end'>) {
  if (scope === 'partyGroup') return roster.partyGroups.map((g) => ({ id: g.id, name: g.name, staysToEnd: true }));
  if (scope === 'member') {
    return roster.members
      .filter((m) => onRosterDuring(m, period.start, period.end))
      .map((m) => ({ id: m.id, name: m.name, staysToEnd: isOnRosterOn(m, period.end) }));
  }
  return [undefined];
}

function countsFor(scope: RuleScope, meeting: ScopedMeeting, subjectId: string | undefined) {
  if (scope === 'partyGroup') return meeting.partyGroupId === subjectId;
  if (scope === 'member') {
    return (
      (meeting.talkParties ?? []).includes(subjectId ?? '') ||
      (meeting.attendance ?? []).some((a) => a.memberId === subjectId && a.status === '出席')
    );
  }
  return true;
}

/**
 * Each period, per subject of `scope`: the records among `meetings` (already of the rule's kind, and in the range)
 * that count for it and whether they reach `min`. The 工作台, the 卷宗's 组织生活落实情况 and the 考评's frequency
 * items all judge "which group, which month" by this one function.
 */
export function subjectPeriods<P extends Pick<Period, 'start' | 'end'>>(
  scope: RuleScope,
  min: number,
  meetings: readonly ScopedMeeting[],
  roster: SubjectRoster,
  periods: readonly P[],
): SubjectPeriod<P>[] {
  const out: SubjectPeriod<P>[] = [];
  for (const period of periods) {
    // By the day each counts on: a 2025 组织生活会 held in January 2026 is in 2025 (shared/domain/recordYear.ts).
    const inPeriod = meetings.filter((m) => countsWithin(m, period.start, period.end));
    for (const who of subjectsOf(scope, roster, period)) {
      const matching = inPeriod.filter((m) => countsFor(scope, m, who?.id));
      // 每名党员每年 asks it of the branch's members of the period: one who transferred out (or left otherwise)
      // before its end is no longer the branch's to talk with — counted when a record names them, else not asked.
      if (who && !who.staysToEnd && matching.length === 0) continue;
      const subject = who && { id: who.id, name: who.name };
      out.push({
        period,
        ...(subject ? { subject } : {}),
        meetingIds: matching.map((m) => m.id),
        met: matching.length >= min,
      });
    }
  }
  return out;
}

/** The scope the rule packs give a kind of record (党小组会 per group, 谈心谈话 per member, the rest branch-wide). */
export function scopeOfKind(kind: string): RuleScope {
  return getRulePack(DEFAULT_RULE_PACK_ID).rules.find((r) => r.meetingKind === kind)?.scope ?? 'branch';
}

function evaluateRule(
  rule: FrequencyRule,
  byKind: Map<string, ComplianceMeeting[]>,
  input: ComplianceInput,
): RuleResult {
  const candidates = (byKind.get(rule.meetingKind) ?? []).filter((m) => countsWithin(m, input.from, input.to));
  const counting = rule.bySecretary ? candidates.filter(byLecturingSecretary(input.branch)) : candidates;
  // A period reaching past the range (the year of a 1–6月 volume) cannot be judged from the range's records. One that
  // ended before the branch was founded asks nothing of it, and counts nothing (a record dated then is refused since);
  // the period it was founded in is due.
  const established = establishedOf(input.branch);
  const whole = wholePeriodsBetween(rule.per, input.from, input.to).filter((p) => !established || p.end >= established);
  const roster = { partyGroups: input.branch.partyGroups, members: input.members };
  const periods: PeriodResult[] = subjectPeriods(rule.scope, rule.min, counting, roster, whole).map((line) => ({
    period: line.period,
    ...(line.subject ? { subject: line.subject } : {}),
    count: line.meetingIds.length,
    meetingIds: line.meetingIds,
    status: line.met ? 'met' : line.period.end < input.asOf ? 'missed' : 'pending',
  }));
  const quorumFailures: QuorumFailure[] = [];
  for (const m of candidates) {
    const quorum = checkQuorum(m, input.branch, input.members);
    if (quorum.applies && !quorum.ok) quorumFailures.push({ meetingId: m.id, date: m.date, topic: m.topic, quorum });
  }
  const missed = periods.filter((p) => p.status === 'missed');
  const met = periods.filter((p) => p.status === 'met').length;
  return { rule, periods, required: met + missed.length, met, missed, quorumFailures };
}

export function computeCompliance(input: ComplianceInput): ComplianceReport {
  const byKind = new Map<string, ComplianceMeeting[]>();
  for (const m of input.meetings) {
    const list = byKind.get(m.kind);
    if (list) list.push(m);
    else byKind.set(m.kind, [m]);
  }
  for (const list of byKind.values()) list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const rules = input.pack.rules.map((rule) => evaluateRule(rule, byKind, input));
  return {
    from: input.from,
    to: input.to,
    asOf: input.asOf,
    packId: input.pack.id,
    rules,
    required: rules.reduce((n, r) => n + r.required, 0),
    met: rules.reduce((n, r) => n + r.met, 0),
  };
}
