// Who held which post when: 任职起止 of 支委会 members (and of 领导责任 holders) read against a period, for the 卷宗's
// cover and 支委会名单, the forms' one-书记-at-a-time rule and 复制上一年度.
import type { CommitteeMember } from '../schemas/entities';

/**
 * A tenure: `from` the first day in office, `to` the last; either may be missing ('' as stored by the forms, or
 * absent): no `from` means since before anyone recorded it, no `to` still in office.
 */
export interface Tenure {
  from?: string;
  to?: string;
}

/** Whether a tenure overlaps the days `from`…`to` (both included). A tenure without dates always does. */
export function servesDuring(tenure: Tenure, from: string, to: string): boolean {
  return (!tenure.from || tenure.from <= to) && (!tenure.to || tenure.to >= from);
}

/**
 * Whether two tenures overlap by more than a handover day: 「罗雪 至2025-07-15」 and 「胡桂兰 2025-07-15起」 do not
 * clash (one hands over to the other that day); two tenures without dates do.
 */
export function tenuresClash(a: Tenure, b: Tenure): boolean {
  const startsBeforeEnd = (start?: string, end?: string) => !start || !end || start < end;
  return startsBeforeEnd(a.from, b.to) && startsBeforeEnd(b.from, a.to);
}

const ROLE_RANK: Readonly<Record<string, number>> = { 书记: 0, 副书记: 1 };

/**
 * The members of `committee` in office at some time during `from`…`to` (both included; a member without dates
 * always), each as stored, with its 任职起止. Ordered 书记, 副书记, then the other posts in the order the 支部概况 form
 * first names them (the order 支部概况 and the 卷宗 print); the holders of one post one after the other, earlier
 * tenure first — a 组织委员 elected at a 换届 (a row added at the end of the form) is printed under the one before.
 */
export function committeeDuring<M extends Pick<CommitteeMember, 'role'> & Tenure>(
  committee: readonly M[],
  from: string,
  to: string,
): M[] {
  const rank = (m: M) => ROLE_RANK[m.role] ?? 2;
  const serving = committee
    .map((member, index) => ({ member, index }))
    .filter(({ member }) => servesDuring(member, from, to));
  const firstOfPost = new Map<string, number>();
  for (const { member, index } of serving) if (!firstOfPost.has(member.role)) firstOfPost.set(member.role, index);
  const post = (m: M) => firstOfPost.get(m.role)!;
  return serving
    .sort(
      (a, b) =>
        rank(a.member) - rank(b.member) ||
        post(a.member) - post(b.member) ||
        compareStart(a.member, b.member) ||
        a.index - b.index,
    )
    .map(({ member }) => member);
}

/** The 书记 of `committee` during `from`…`to`, earlier tenure first: two when the post changed hands in the period. */
export function secretariesDuring<M extends Pick<CommitteeMember, 'role'> & Tenure>(
  committee: readonly M[],
  from: string,
  to: string,
): M[] {
  return committeeDuring(committee, from, to).filter((m) => m.role === '书记');
}

/** The members in office on `date` (a handover day has both). */
export function committeeOn<M extends Pick<CommitteeMember, 'role'> & Tenure>(
  committee: readonly M[],
  date: string,
): M[] {
  return committeeDuring(committee, date, date);
}

// A missing start sorts first: that holder was there before anyone wrote a date down.
function compareStart(a: Tenure, b: Tenure): number {
  if ((a.from || '') === (b.from || '')) return 0;
  return (a.from || '') < (b.from || '') ? -1 : 1;
}

/**
 * 2025-07-15 → 「7月15日」 in a period within one year (the year is the volume's), else 「2025年7月15日」.
 */
function cnDayIn(date: string, from: string, to: string): string {
  const day = `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
  const year = date.slice(0, 4);
  return year === from.slice(0, 4) && year === to.slice(0, 4) ? day : `${Number(year)}年${day}`;
}

/**
 * How a tenure sits in the period `from`…`to`, to the day (who held a 7月 meeting depends on it), for a line that
 * names the holder: 「至7月15日」 when it ends inside the period, 「7月15日起」 when it starts inside, 「3月10日至7月15日」
 * both (with the year when the period spans more than one); '' when it covers the whole period (or has no dates).
 */
export function tenureNote(tenure: Tenure, from: string, to: string): string {
  const starts = Boolean(tenure.from && tenure.from > from);
  const ends = Boolean(tenure.to && tenure.to < to);
  const day = (d: string) => cnDayIn(d, from, to);
  if (starts && ends) return `${day(tenure.from!)}至${day(tenure.to!)}`;
  if (starts) return `${day(tenure.from!)}起`;
  if (ends) return `至${day(tenure.to!)}`;
  return '';
}

/**
 * The 书记 of the period as the 卷宗's cover prints them: 「罗雪」, or after a change 「罗雪（至7月15日）、胡桂兰
 * （7月15日起）」; '' when the committee has no 书记 in the period.
 */
export function secretariesLine(committee: readonly CommitteeMember[], from: string, to: string): string {
  return secretariesDuring(committee, from, to)
    .map((m) => {
      const note = tenureNote(m, from, to);
      return note ? `${m.name}（${note}）` : m.name;
    })
    .join('、');
}

/**
 * A tenure in full, as 支部概况 and a 卷宗 table column print it: 「2022-03-01 至 2025-07-15」, 「2025-07-15 起」,
 * 「至 2025-07-15」; '' without dates.
 */
export function tenureText(tenure: Tenure): string {
  if (tenure.from && tenure.to) return `${tenure.from} 至 ${tenure.to}`;
  if (tenure.from) return `${tenure.from} 起`;
  if (tenure.to) return `至 ${tenure.to}`;
  return '';
}
