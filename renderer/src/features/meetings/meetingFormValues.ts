// The record form's value shape: a new record prefilled from the roster, or a stored record's editable fields.
import { beforeEstablishedMessage } from '../../../../shared/branch/established';
import type { z } from 'zod';
import { committeeOn } from '../../../../shared/branch/committee';
import type { CommitteeRole, MeetingKind } from '../../../../shared/domain/vocab';
import { personLabels, personNameKey } from '../../../../shared/names';
import { committeePeopleOn } from '../../../../shared/rules/quorum';
import { isOnRosterOn } from '../../../../shared/rules/roster';
import type { Branch, Meeting, MeetingInput, Member, meetingInputSchema } from '../../../../shared/schemas';
import { chinaToday } from '../../../../shared/schemas/common';
import { defaultForYear, mayBeForPreviousYear, recordYearOf } from '../../../../shared/domain/recordYear';

/**
 * Like MeetingInput with every field present; the date stays undefined while empty so zod says 「请填写日期」. The
 * 所属年度 is a year whenever the form offers the choice (mayBeForPreviousYear) — the date's own year is stored as
 * none — and undefined otherwise.
 */
export type MeetingFormValues = Required<Omit<MeetingInput, 'date' | 'plannedDate' | 'forYear'>> & {
  date?: string;
  plannedDate?: string;
  forYear?: number;
};

/**
 * The 所属年度 the form holds for a record of `kind` on `date`: `chosen` (by hand, or the stored record's) if it still
 * fits the date, else the default (defaultForYear, with whether last year already has a record of the kind).
 */
export function forYearValue(
  kind: string,
  date: string | undefined,
  chosen?: number,
  previousYearHeld?: boolean,
): number | undefined {
  if (!date || !mayBeForPreviousYear(kind, date)) return undefined;
  const own = Number(date.slice(0, 4));
  if (chosen === own || chosen === own - 1) return chosen;
  return defaultForYear(kind, date, previousYearHeld) ?? own;
}
export type MeetingFormOutput = z.output<typeof meetingInputSchema>;

/** What decides who is expected: the kind and, for a 党小组会 or 谈心谈话, the group or the two parties chosen. */
export interface ExpectedScope {
  kind: MeetingKind;
  date: string | undefined;
  partyGroupId?: string;
  talkParties?: readonly string[];
}

/**
 * The roster members a 委员 of 支部概况 stands for: the linked member, else those on the roster whose name reads the
 * same (personNameKey, as the quorum check matches them: 「张 三」 is 张三, 「阿依古丽•买买提」 is 阿依古丽·买买提).
 */
function rosterMatches(onRoster: readonly Member[], person: { memberId?: string; key: string }): Member[] {
  return person.memberId
    ? onRoster.filter((m) => m.id === person.memberId)
    : onRoster.filter((m) => personNameKey(m.name) === person.key);
}

/**
 * The roster member a 委员 stands for who had left the branch by `date` (today's while none is set), if any: only when
 * nobody the 委员 may stand for is on the roll that day (a namesake still there is taken to be the 委员).
 */
function leftBy(
  members: readonly Member[],
  person: { memberId?: string; key: string },
  date: string | undefined,
): Member | undefined {
  const day = date ?? chinaToday();
  const matches = rosterMatches(members, person);
  if (matches.some((m) => isOnRosterOn(m, day))) return undefined;
  return matches.find((m) => m.leftDate !== undefined && m.leftDate <= day);
}

/** The committee in office on the meeting's date (today's while no date is set), each person once. */
function committeeOnDay(branch: Pick<Branch, 'committee'>, date: string | undefined) {
  return committeePeopleOn(branch.committee, date ?? chinaToday());
}

/**
 * Who is expected at the meeting, all marked 出席 so the secretary only changes the exceptions: a 支委会 its
 * committee in office that day (members linked to a 委员 by id, or by name as the quorum check matches them), a
 * 党小组会 the chosen group's members, a 谈心谈话 its two parties, any other meeting everyone on the roster that day.
 * Others who attend are added by hand (添加人员); a 支委会's 列席 are guests.
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
      for (const person of committeeOnDay(branch, scope.date)) {
        // Two members of the same name: the first is listed, and committeeRosterNotes asks to check which one.
        const m = rosterMatches(onRoster, person)[0];
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

/**
 * What a 支委会 form says about 委员 of 支部概况 the roster cannot place: one the roster has nobody of that name for
 * (never listed, so the quorum counts them absent), and one whose name several members share (the first is listed).
 */
export function committeeRosterNotes(
  members: readonly Member[],
  branch: Pick<Branch, 'committee'> & { partyGroups: readonly { id: string; name: string }[] },
  date: string | undefined,
): string[] {
  const onRoster = members.filter((m) => isOnRosterOn(m, date));
  const labels = personLabels(onRoster, branch.partyGroups);
  const missing: string[] = [];
  const departed: string[] = [];
  const notes: string[] = [];
  for (const person of committeeOnDay(branch, date)) {
    const matches = rosterMatches(onRoster, person);
    // Not on the roll that day, but in the roster's 已离开: a 委员 who left without a 换届/调整 in 支部概况.
    const gone = matches.length ? undefined : leftBy(members, person, date);
    if (gone) departed.push(`“${person.name}”已于 ${gone.leftDate} 离开支部`);
    else if (matches.length === 0) missing.push(`“${person.name}”`);
    else if (matches.length > 1) {
      notes.push(
        `委员“${person.name}”在党员名册中有 ${matches.length} 位同名党员，已列入${labels.get(matches[0]!.id)}；如不是本人，请移出后在下方添加`,
      );
    }
  }
  if (departed.length > 0) {
    notes.unshift(
      `委员${departed.join('、')}，但支部概况中仍为在任，法定人数按其缺席计算。请在支部概况中为其办理「换届/调整」（填写任职止）`,
    );
  }
  if (missing.length > 0) {
    notes.unshift(
      `支部概况中的委员${missing.join('、')}在党员名册中找不到，无法列入出席名单，法定人数按缺席计算。请核对支部概况与党员名册中的姓名是否一致`,
    );
  }
  return notes;
}

/** The kinds the 书记 chairs and the 组织委员 minutes: a new one starts with them as 主持人 and 记录人. */
const CHAIRED_KINDS: readonly MeetingKind[] = ['支委会', '支部党员大会'];

/** Whether a new record of `kind` starts with 主持人, 记录人 and 地点 filled in. */
export function isChairedKind(kind: MeetingKind): boolean {
  return CHAIRED_KINDS.includes(kind);
}

/**
 * The one holder of `role` in office on `date` (today while no date is set), under the roster's name when linked to a
 * member; '' when the post is vacant. On a handover day (one holder's last day, the other's first) `side` says whose
 * meeting it is: the 支部党员大会 that elects is chaired by the outgoing committee, the 支委会 held after it is the new
 * committee's first (as its quorum counts it, shared/rules/quorum.ts).
 */
function holderOn(
  branch: Pick<Branch, 'committee'>,
  members: readonly Member[],
  role: CommitteeRole,
  date: string | undefined,
  side: 'outgoing' | 'incoming',
): string {
  const day = date ?? chinaToday();
  // A holder who has left the branch chairs nothing, though 支部概况 still has them in office (no 换届/调整 yet).
  const holders = committeeOn(branch.committee, day)
    .filter((c) => c.role === role)
    .filter(
      (c) => !leftBy(members, { ...(c.memberId ? { memberId: c.memberId } : {}), key: personNameKey(c.name) }, date),
    );
  const nameOf = (c: (typeof holders)[number]) =>
    (c.memberId ? members.find((m) => m.id === c.memberId)?.name : undefined) ?? c.name;
  const names = new Set(holders.map(nameOf));
  if (names.size === 1) return [...names][0]!;
  const handedOver = holders.filter((c) => (side === 'incoming' ? c.from === day : c.to === day)).map(nameOf);
  return new Set(handedOver).size === 1 ? handedOver[0]! : '';
}

/**
 * Who a new 支委会 or 支部党员大会 names as 主持人 (the 书记 in office on its date) and 记录人 (the 组织委员, if the
 * branch has one); '' for other kinds.
 */
export function defaultChairs(
  kind: MeetingKind,
  date: string | undefined,
  members: readonly Member[],
  branch: Pick<Branch, 'committee'>,
): { host: string; recorder: string } {
  if (!isChairedKind(kind)) return { host: '', recorder: '' };
  const side = kind === '支委会' ? 'incoming' : 'outgoing';
  return {
    host: holderOn(branch, members, '书记', date, side),
    recorder: holderOn(branch, members, '组织委员', date, side),
  };
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
    place: '',
    ...defaultChairs(kind, date, members, branch),
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
    forYear: forYearValue(kind, date),
  };
}

/** What a record passes on to the next one: who and where, the times, and (a copy) the 议程. */
export type CarriedFields = Pick<
  MeetingFormValues,
  'kind' | 'venueId' | 'host' | 'recorder' | 'lecturer' | 'startTime' | 'endTime' | 'agenda' | 'partyGroupId'
> & { place?: string };

/**
 * A new record started from `source` (复制为新记录, or 保存并新建同类记录 after a save): its kind, 党小组, 地点,
 * 主持人, 记录人, 授课人 and times, and with `agenda` its 议程. The date, 主题, 内容, 附件 and 谈话双方 start empty, and
 * the attendance list is who that kind expects (as for a blank form), not the source's statuses: it follows the date
 * once one is chosen.
 */
export function carriedValues(
  source: CarriedFields,
  members: readonly Member[],
  branch: Pick<Branch, 'committee' | 'partyGroups'>,
  options: { agenda: boolean },
): MeetingFormValues {
  const blank = emptyMeetingValues(source.kind, undefined, members, branch, { partyGroupId: source.partyGroupId });
  return {
    ...blank,
    venueId: source.venueId,
    place: source.place ?? '',
    host: source.host,
    recorder: source.recorder,
    lecturer: source.lecturer,
    startTime: source.startTime,
    endTime: source.endTime,
    agenda: options.agenda ? source.agenda : '',
  };
}

/** A person on an attendance list who was not on the roster on the meeting's date, and why (「2025-06-15 入党」). */
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
    place: m.place ?? '',
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
    forYear: forYearValue(m.kind, m.date, recordYearOf(m)),
  };
}

/** Repository issue paths that a form field shows in place; the rest go to the banner at the top. */
const FIELD_PATH =
  /^(kind|topic|agenda|date|startTime|endTime|venueId|place|host|recorder|lecturer|outline|partyGroupId|talkParties|content|speeches|resolutions|attendance\.\d+\.(status|reason)|guests\.\d+\.(name|org))$/;

export function isMeetingFieldPath(path: string): boolean {
  return FIELD_PATH.test(path);
}

// A time as typed, in the stored HH:mm where the intent is clear (9:30, 14：30, 9.30, 930, 9点30, 11点 …).
export { normalizeTime } from '../../../../shared/dates/typedTime';

/**
 * The members a picker of the record offers: those on the roster on the meeting's date (a member who left later in
 * the year can still be picked for a talk held before), plus any already chosen so a stored choice keeps its name.
 * Members of the same name are told apart by birth year and 党小组 (personLabels).
 */
export function memberChoices(
  members: readonly Member[],
  date: string | undefined,
  chosen: readonly string[] = [],
  partyGroups: readonly { id: string; name: string }[] = [],
): { value: string; label: string }[] {
  const offered = members.filter((m) => isOnRosterOn(m, date) || chosen.includes(m.id));
  const labels = personLabels(offered, partyGroups);
  return offered.map((m) => ({ value: m.id, label: labels.get(m.id)! }));
}

/**
 * The name each attendance row shows: as stored, unless another row has the same name, then the member's label
 * with what tells them apart (「李娜（1985年生，第一党小组）」).
 */
export function attendanceLabels(
  rows: readonly { memberId: string; name: string }[],
  members: readonly Member[],
  partyGroups: readonly { id: string; name: string }[] = [],
): string[] {
  const keys = rows.map((r) => personNameKey(r.name));
  const count = new Map<string, number>();
  for (const key of keys) count.set(key, (count.get(key) ?? 0) + 1);
  if (keys.every((key) => count.get(key) === 1)) return rows.map((r) => r.name);
  const listed = new Set(rows.map((r) => r.memberId));
  const labels = personLabels(
    members.filter((m) => listed.has(m.id)),
    partyGroups,
  );
  return rows.map((r, index) => (count.get(keys[index]!)! > 1 ? (labels.get(r.memberId) ?? r.name) : r.name));
}

/**
 * The repository's simple rules (checkAgainstBranch in db/repositories/meetings.ts), checked in the form too, in the
 * same words, so that one 保存 shows them together with the schema's messages instead of in a second round.
 */
export function meetingRuleIssues(
  values: Pick<MeetingFormValues, 'kind' | 'date' | 'lecturer' | 'partyGroupId' | 'talkParties'>,
  today: string,
  /** The branch's 成立日期, and the date the record already had (kept through edits, as the repository allows). */
  founding: { established?: string; keptDate?: string } = {},
): { path: 'date' | 'lecturer' | 'partyGroupId' | 'talkParties'; message: string }[] {
  const issues: ReturnType<typeof meetingRuleIssues> = [];
  if (values.date && values.date > today) issues.push({ path: 'date', message: `会议日期不能晚于今天（${today}）` });
  const beforeFounded =
    values.date && values.date !== founding.keptDate
      ? beforeEstablishedMessage('会议日期', values.date, founding.established)
      : undefined;
  if (beforeFounded) issues.push({ path: 'date', message: beforeFounded });
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
