// Who is on a branch's roll on a day, and the attendance rows that name someone who is not: the record form shows and
// refuses them, and the meetings repository refuses them too (a record saved other than through the form, a 定稿 of a
// draft whose member's 入党, 转入 or 离开 date was corrected since).
import type { Member } from '../schemas/entities';

/** What decides when a member's time on this branch's roll starts. */
type RollStartDates = { joinedDate?: string; joinedBranchDate?: string };
type RollDates = Pick<Member, 'joinedDate' | 'joinedBranchDate' | 'leftDate'>;

/**
 * Whether the member came from another 党组织 (组织关系转入): a 转入本支部日期 after the 入党日期. One who joined the
 * Party here has none, or the same day.
 */
export function transferredIn(member: RollStartDates): boolean {
  return !!member.joinedBranchDate && member.joinedBranchDate > (member.joinedDate ?? '');
}

/**
 * The first day on this branch's roll: the 入党日期, or the 转入本支部日期 of one who transferred in — 王芳, who joined
 * the Party in 2010 and came here on 2025-06-01, is not this branch's member in 2024. '' when neither is known.
 * Every "who is on the roll" of the app goes through this; 党龄, 预备期 and 新入党 still read the 入党日期.
 */
export function rollStartOf(member: RollStartDates): string {
  return transferredIn(member) ? member.joinedBranchDate! : (member.joinedDate ?? '');
}

/** Why a member is not yet on the roll before rollStartOf: 「2025-06-01 转入本支部」 or 「2025-06-15 入党」. */
export function rollStartNote(member: RollStartDates): string {
  return transferredIn(member) ? `${member.joinedBranchDate} 转入本支部` : `${member.joinedDate} 入党`;
}

/**
 * The day a 预备党员 who joined on `joined` has served the 预备期 of one year (党章第七条): the earliest 转正 (a 预备期
 * may be extended, never shortened). 29 February goes to 1 March.
 */
export function probationEnds(joined: string): string {
  const monthDay = joined.slice(5);
  return `${Number(joined.slice(0, 4)) + 1}-${monthDay === '02-29' ? '03-01' : monthDay}`;
}

/** The 类别 the dates say on `today`: 正式 from the 转正日期, or, when none is known, a year after 入党; else 预备. */
export function statusByDates(joined: string, fullMemberDate: string | undefined, today: string): Member['status'] {
  if (fullMemberDate) return fullMemberDate <= today ? '正式' : '预备';
  return probationEnds(joined) <= today ? '正式' : '预备';
}

/**
 * Why the 党员类别 entered cannot be right on `today`, '' when it can: a 正式党员 who joined less than a year ago
 * (the form's default was 正式, and such a member then counted as a voter of the 支部党员大会), a 转正 before the
 * 预备期 ends, a 预备党员 whose 转正日期 has passed or who joined more than two years ago (a 预备期 extended by the
 * most it may be).
 */
export function memberStatusWarning(
  v: { status?: Member['status']; joinedDate?: string; fullMemberDate?: string },
  today: string,
): string {
  if (!v.joinedDate || !v.status) return '';
  const ends = probationEnds(v.joinedDate);
  if (v.fullMemberDate && v.fullMemberDate < ends)
    return `转正日期早于预备期满：入党满一年是 ${ends}，预备期只能延长，不能缩短。`;
  if (v.status === '正式') {
    if (!v.fullMemberDate)
      return ends > today ? `入党不满一年（预备期到 ${ends} 才满），应为预备党员；已转正的，请填写转正日期。` : '';
    return v.fullMemberDate > today ? `转正日期（${v.fullMemberDate}）还没到，现在应为预备党员。` : '';
  }
  if (v.fullMemberDate) return v.fullMemberDate <= today ? `已于 ${v.fullMemberDate} 转正，党员类别应为正式党员。` : '';
  return probationEnds(ends) <= today
    ? `入党已满两年（${probationEnds(ends)}），预备期最长两年：已转正的，请改为正式党员并填写转正日期。`
    : '';
}

/** 正式 or 预备 on a day: by the 转正 date when there is one (the stored 类别 is today's). */
export function statusOn(member: Pick<Member, 'fullMemberDate' | 'status'>, date: string): Member['status'] {
  if (member.fullMemberDate) return member.fullMemberDate <= date ? '正式' : '预备';
  return member.status;
}

/** On the roster on `date`: on this branch's roll by then (rollStartOf) and not yet left. */
export function isOnRosterOn(member: RollDates, date: string | undefined): boolean {
  if (!date) return !member.leftDate;
  return rollStartOf(member) <= date && !(member.leftDate && member.leftDate <= date);
}

/** On the roster at some point from `from` to `to` (inclusive): on the roll by the end, not gone before the start. */
export function onRosterDuring(member: RollDates, from: string, to: string): boolean {
  return rollStartOf(member) <= to && !(member.leftDate && member.leftDate < from);
}

export interface OffRollRow {
  index: number;
  memberId: string;
  name: string;
  note: string;
}

/**
 * The attendance rows of members not on the roster on `date` by the rule the list is filled with (isOnRosterOn): joined
 * or transferred in after it, or left by then. A row whose member is not on this roster at all is refused on its own
 * (checkAgainstBranch).
 */
export function offRollRows(
  attendance: readonly { memberId: string; name: string }[],
  members: readonly (RollDates & Pick<Member, 'id'>)[],
  date: string | undefined,
): OffRollRow[] {
  if (!date) return [];
  const byId = new Map(members.map((m) => [m.id, m]));
  return attendance.flatMap((row, index) => {
    const member = byId.get(row.memberId);
    if (!member || isOnRosterOn(member, date)) return [];
    const note = rollStartOf(member) > date ? rollStartNote(member) : `${member.leftDate} 离开支部`;
    return [{ index, memberId: row.memberId, name: row.name, note }];
  });
}

/** 「许晨（2025-06-15 入党）、王芳（2025-06-01 转入本支部）、王五（2025-03-01 离开支部）」 */
export function offRollText(rows: readonly OffRollRow[]): string {
  return rows.map((r) => `${r.name}（${r.note}）`).join('、');
}

/**
 * What 保存 says on each such row. Refused rather than asked: the list is of the branch's 党员 on that day (出席,
 * 请假 and 缺席 count towards 应到/实到 and the 党员大会's quorum), so there is no case where keeping the row makes a
 * correct record — one who took part without being a member yet is a 列席人员（非本支部党员）, and a wrong 入党, 转入
 * or 离开 date is corrected in the 党员名册.
 */
export function offRollIssues(
  attendance: readonly { memberId: string; name: string }[],
  members: readonly (RollDates & Pick<Member, 'id'>)[],
  date: string | undefined,
): { path: `attendance.${number}.status`; message: string }[] {
  return offRollRows(attendance, members, date).map((r) => ({
    path: `attendance.${r.index}.status`,
    message: `${r.name}在会议当天不在册（${r.note}），请移出名单`,
  }));
}
