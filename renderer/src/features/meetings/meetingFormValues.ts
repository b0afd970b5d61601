// The record form's value shape: a new record prefilled from the roster, or a stored record's editable fields.
import type { z } from 'zod';
import type { MeetingKind } from '../../../../shared/domain/vocab';
import type { Branch, Meeting, MeetingInput, Member, meetingInputSchema } from '../../../../shared/schemas';

/** Like MeetingInput with every field present; the date stays undefined while empty so zod says 「请填写日期」. */
export type MeetingFormValues = Required<Omit<MeetingInput, 'date' | 'plannedDate'>> & {
  date?: string;
  plannedDate?: string;
};
export type MeetingFormOutput = z.output<typeof meetingInputSchema>;

/** On the roster on `date`: joined by then and not yet left. */
export function isOnRosterOn(member: Member, date: string | undefined): boolean {
  if (!date) return !member.leftDate;
  return member.joinedDate <= date && !(member.leftDate && member.leftDate <= date);
}

/** What decides who is expected: the kind and, for a 党小组会 or 谈心谈话, the group or the two parties chosen. */
export interface ExpectedScope {
  kind: MeetingKind;
  date: string | undefined;
  partyGroupId?: string;
  talkParties?: readonly string[];
}

/**
 * Who is expected at the meeting, all marked 出席 so the secretary only changes the exceptions: a 支委会 its
 * committee (members linked to a 委员 by id, or by name as the quorum check matches them), a 党小组会 the chosen
 * group's members, a 谈心谈话 its two parties, any other meeting everyone on the roster that day. Others who attend
 * are added by hand (添加人员); a 支委会's 列席 are guests.
 */
export function expectedAttendance(
  members: readonly Member[],
  branch: Pick<Branch, 'committee'>,
  scope: ExpectedScope,
): MeetingFormValues['attendance'] {
  const onRoster = members.filter((m) => isOnRosterOn(m, scope.date));
  let expected: Member[];
  switch (scope.kind) {
    case '支委会': {
      expected = [];
      for (const c of branch.committee) {
        const m = onRoster.find((x) => (c.memberId ? x.id === c.memberId : x.name === c.name));
        if (m && !expected.includes(m)) expected.push(m);
      }
      break;
    }
    case '党小组会':
      expected = scope.partyGroupId ? onRoster.filter((m) => m.partyGroupId === scope.partyGroupId) : [];
      break;
    case '谈心谈话':
      expected = (scope.talkParties ?? []).flatMap((id) => onRoster.filter((m) => m.id === id));
      break;
    default:
      expected = onRoster;
  }
  return expected.map((m) => ({ memberId: m.id, name: m.name, status: '出席' as const, reason: '' }));
}

export function emptyMeetingValues(
  kind: MeetingKind,
  date: string | undefined,
  members: readonly Member[],
  branch: Pick<Branch, 'committee' | 'partyGroups'>,
  scope: { partyGroupId?: string; talkParty?: string } = {},
): MeetingFormValues {
  // A 补记 from the 工作台 names the 党小组 or the member it is for: kept only if they exist and fit the kind.
  const partyGroupId =
    kind === '党小组会' && branch.partyGroups.some((g) => g.id === scope.partyGroupId) ? scope.partyGroupId! : '';
  const talkParties =
    kind === '谈心谈话' && members.some((m) => m.id === scope.talkParty && isOnRosterOn(m, date))
      ? [scope.talkParty!]
      : [];
  return {
    kind,
    topic: '',
    agenda: '',
    date,
    startTime: '',
    endTime: '',
    plannedDate: '',
    venueId: '',
    host: '',
    recorder: '',
    lecturer: '',
    outline: '',
    partyGroupId,
    talkParties,
    attendance: expectedAttendance(members, branch, { kind, date, partyGroupId, talkParties }),
    guests: [],
    content: '',
    speeches: '',
    resolutions: '',
    attachmentIds: [],
  };
}

export function meetingToValues(m: Meeting): MeetingFormValues {
  return {
    kind: m.kind,
    topic: m.topic,
    agenda: m.agenda,
    date: m.date,
    startTime: m.startTime,
    endTime: m.endTime,
    // Not edited in the form: passed back as stored, so a record stored without one is not 「修改了计划日期」.
    plannedDate: m.plannedDate,
    venueId: m.venueId,
    host: m.host,
    recorder: m.recorder,
    lecturer: m.lecturer,
    outline: m.outline,
    partyGroupId: m.partyGroupId,
    talkParties: [...m.talkParties],
    attendance: m.attendance.map((a) => ({ ...a })),
    guests: m.guests.map((g) => ({ ...g })),
    content: m.content,
    speeches: m.speeches,
    resolutions: m.resolutions,
    attachmentIds: [...m.attachmentIds],
  };
}

/** Repository issue paths that a form field shows in place; the rest go to the banner at the top. */
const FIELD_PATH =
  /^(kind|topic|agenda|date|startTime|endTime|venueId|host|recorder|lecturer|outline|partyGroupId|talkParties|content|speeches|resolutions|attendance\.\d+\.(status|reason)|guests\.\d+\.(name|org))$/;

export function isMeetingFieldPath(path: string): boolean {
  return FIELD_PATH.test(path);
}

/**
 * A time as typed, in the stored HH:mm where the intent is clear: 9:30 → 09:30, and the Chinese IME's full-width
 * colon and digits (14：30, ９：３０) → 14:30. Anything else is only trimmed, for the schema to judge.
 */
export function normalizeTime(text: string): string {
  const ascii = text
    .trim()
    .replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/[：︰]/g, ':');
  const match = /^(\d{1,2}):(\d{2})$/.exec(ascii);
  return match ? `${match[1]!.padStart(2, '0')}:${match[2]}` : ascii;
}

/**
 * The members a picker of the record offers: those on the roster on the meeting's date (a member who left later in
 * the year can still be picked for a talk held before), plus any already chosen so a stored choice keeps its name.
 */
export function memberChoices(
  members: readonly Member[],
  date: string | undefined,
  chosen: readonly string[] = [],
): { value: string; label: string }[] {
  return members
    .filter((m) => isOnRosterOn(m, date) || chosen.includes(m.id))
    .map((m) => ({ value: m.id, label: m.name }));
}

/**
 * The repository's simple rules (checkAgainstBranch in db/repositories/meetings.ts), checked in the form too, in the
 * same words, so that one 保存 shows them together with the schema's messages instead of in a second round.
 */
export function meetingRuleIssues(
  values: Pick<MeetingFormValues, 'kind' | 'date' | 'lecturer' | 'partyGroupId' | 'talkParties'>,
  today: string,
): { path: 'date' | 'lecturer' | 'partyGroupId' | 'talkParties'; message: string }[] {
  const issues: ReturnType<typeof meetingRuleIssues> = [];
  if (values.date && values.date > today) issues.push({ path: 'date', message: `会议日期不能晚于今天（${today}）` });
  if (values.kind === '党课' && !values.lecturer.trim()) issues.push({ path: 'lecturer', message: '党课请填写授课人' });
  if (values.kind === '党小组会' && !values.partyGroupId) {
    issues.push({ path: 'partyGroupId', message: '党小组会请选择党小组' });
  }
  const [a, b] = values.talkParties;
  if (values.kind === '谈心谈话' && (!a || !b || a === b)) {
    issues.push({ path: 'talkParties', message: '谈心谈话请选择两位不同的谈话人' });
  }
  return issues;
}
