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
  branch: Pick<Branch, 'committee'>,
): MeetingFormValues {
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
    partyGroupId: '',
    talkParties: [],
    attendance: expectedAttendance(members, branch, { kind, date }),
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
    plannedDate: m.plannedDate ?? '',
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
