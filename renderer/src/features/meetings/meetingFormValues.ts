// The record form's value shape: a new record prefilled from the roster, or a stored record's editable fields.
import type { z } from 'zod';
import type { MeetingKind } from '../../../../shared/domain/vocab';
import type { Meeting, MeetingInput, Member, meetingInputSchema } from '../../../../shared/schemas';

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

/** Everyone on the roster that day, marked 出席: the secretary only changes the exceptions. */
export function rosterAttendance(
  members: readonly Member[],
  date: string | undefined,
): MeetingFormValues['attendance'] {
  return members
    .filter((m) => isOnRosterOn(m, date))
    .map((m) => ({ memberId: m.id, name: m.name, status: '出席' as const, reason: '' }));
}

export function emptyMeetingValues(
  kind: MeetingKind,
  date: string | undefined,
  members: readonly Member[],
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
    attendance: rosterAttendance(members, date),
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
