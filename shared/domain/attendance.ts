// The counts a record's 出席情况 is summed up by, on screen and on paper alike.
import type { Meeting } from '../schemas/entities';

/** 应到/实到/请假/缺席/列席: 应到 counts the members expected (everyone listed but those only 列席). */
export function attendanceCounts(m: Pick<Meeting, 'attendance' | 'guests'>) {
  const count = (s: string) => m.attendance.filter((a) => a.status === s).length;
  return {
    expected: m.attendance.filter((a) => a.status !== '列席').length,
    present: count('出席'),
    leave: count('请假'),
    absent: count('缺席'),
    nonVoting: count('列席') + m.guests.length,
  };
}

/** 「应到 9 人，实到 7 人，请假 1 人，缺席 1 人，列席 1 人」 */
export function attendanceLine(m: Pick<Meeting, 'attendance' | 'guests'>): string {
  const c = attendanceCounts(m);
  return `应到 ${c.expected} 人，实到 ${c.present} 人，请假 ${c.leave} 人，缺席 ${c.absent} 人，列席 ${c.nonVoting} 人`;
}
