// The compliance engine: for a branch and a date range, each frequency rule's required and actual periods, the
// records that count, the periods missed, and quorum failures. Pure and synchronous; dates are China-local strings.
import type { Branch, Meeting, Member } from '../schemas/entities';
import type { FrequencyRule, RulePack } from '../rules/packs';
import { periodsBetween, type Period } from '../rules/periods';
import { checkQuorum, type QuorumResult } from '../rules/quorum';

export type ComplianceMeeting = Pick<
  Meeting,
  'id' | 'kind' | 'date' | 'topic' | 'attendance' | 'lecturer' | 'partyGroupId' | 'talkParties'
> &
  // A 草稿 counts as held (the meeting took place); the 工作台 says how many of them are not yet finalized.
  Partial<Pick<Meeting, 'status'>>;
export type ComplianceMember = Pick<
  Member,
  'id' | 'name' | 'status' | 'joinedDate' | 'fullMemberDate' | 'leftDate' | 'partyGroupId'
>;

export interface ComplianceInput {
  branch: Pick<Branch, 'committee' | 'partyGroups'>;
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

function secretaryOf(branch: ComplianceInput['branch']) {
  const s = branch.committee.find((c) => c.role === '书记');
  return s ? { name: s.name, memberId: s.memberId } : undefined;
}

function subjectsOf(rule: FrequencyRule, input: ComplianceInput, period: Period) {
  if (rule.scope === 'partyGroup') return input.branch.partyGroups.map((g) => ({ id: g.id, name: g.name }));
  if (rule.scope === 'member') {
    return input.members
      .filter((m) => m.joinedDate <= period.end && !(m.leftDate && m.leftDate < period.start))
      .map((m) => ({ id: m.id, name: m.name }));
  }
  return [undefined];
}

function counts(
  rule: FrequencyRule,
  meeting: ComplianceMeeting,
  subjectId: string | undefined,
  input: ComplianceInput,
) {
  if (rule.bySecretary) {
    const secretary = secretaryOf(input.branch);
    const lecturer = meeting.lecturer.trim();
    if (!secretary || !lecturer || (lecturer !== secretary.name && lecturer !== secretary.memberId)) return false;
  }
  if (rule.scope === 'partyGroup') return meeting.partyGroupId === subjectId;
  if (rule.scope === 'member') {
    return (
      meeting.talkParties.includes(subjectId ?? '') ||
      meeting.attendance.some((a) => a.memberId === subjectId && a.status === '出席')
    );
  }
  return true;
}

function evaluateRule(
  rule: FrequencyRule,
  byKind: Map<string, ComplianceMeeting[]>,
  input: ComplianceInput,
): RuleResult {
  const candidates = (byKind.get(rule.meetingKind) ?? []).filter((m) => m.date >= input.from && m.date <= input.to);
  const periods: PeriodResult[] = [];
  for (const period of periodsBetween(rule.per, input.from, input.to)) {
    // A period reaching past the range (the year of a 1–6月 volume) cannot be judged from the range's records.
    if (period.start < input.from || period.end > input.to) continue;
    const inPeriod = candidates.filter((m) => m.date >= period.start && m.date <= period.end);
    for (const subject of subjectsOf(rule, input, period)) {
      const matching = inPeriod.filter((m) => counts(rule, m, subject?.id, input));
      const met = matching.length >= rule.min;
      const over = period.end < input.asOf;
      periods.push({
        period,
        ...(subject ? { subject } : {}),
        count: matching.length,
        meetingIds: matching.map((m) => m.id),
        status: met ? 'met' : over ? 'missed' : 'pending',
      });
    }
  }
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
