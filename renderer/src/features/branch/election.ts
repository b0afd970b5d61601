// 换届选举: the whole 支委会 elected at one 支部党员大会, entered in one step of the 支部概况 form instead of one
// 换届/调整 per post. Everyone who leaves a post keeps their row with the day of the election as 任职止, everyone
// newly in a post starts that day, and one re-elected to the same post keeps the row they have (连任), so past years'
// 卷宗 still print who held each post then. The new 本届 starts on the same day.
import { COMMITTEE_ROLES, type CommitteeRole } from '../../../../shared/domain/vocab';
import { comparePersonNames, sameName, tidyPersonName } from '../../../../shared/names';
import { isOnRosterOn, statusOn } from '../../../../shared/rules/roster';
import { isRealDate } from '../../../../shared/schemas/common';
import type { Member } from '../../../../shared/schemas';
import { typedDateProblem } from '../../../../shared/dates/parseTypedDate';
import type { CommitteeRow } from './branchFormValues';

/** A post of the committee to be elected. */
export interface Seat {
  /** Stable across edits of the list (React key, field ids). */
  key: string;
  role: CommitteeRole;
  /** Who holds the post now ('' for a post nobody holds). */
  former: string;
  /** Who is elected to it ('' = 空缺 for now). */
  name: string;
}

/** The posts a 支委会 usually has; each is offered even when nobody holds it now. */
const USUAL_POSTS: readonly CommitteeRole[] = ['书记', '组织委员', '宣传委员', '纪检委员'];

const roleOrder = (role: string) => COMMITTEE_ROLES.indexOf(role as CommitteeRole);

/** Rows in office now: a post and a name, no 任职止. */
function inOffice(committee: readonly (CommitteeRow | undefined)[]): { row: CommitteeRow; index: number }[] {
  return committee.flatMap((row, index) => (row?.role && row.name?.trim() && !row.to ? [{ row, index }] : []));
}

/**
 * The posts to fill, in the order of the posts: everyone in office now, each proposed for the post they hold (连任 is
 * what most posts see; the user changes those that change), and the usual posts nobody holds, empty.
 */
export function seatsOf(committee: readonly (CommitteeRow | undefined)[]): Seat[] {
  const held: Seat[] = inOffice(committee).map(({ row }, i) => {
    const name = tidyPersonName(row.name!);
    return { key: `held-${i}`, role: row.role as CommitteeRole, former: name, name };
  });
  const open: Seat[] = USUAL_POSTS.filter((role) => !held.some((s) => s.role === role)).map((role) => ({
    key: `open-${role}`,
    role,
    former: '',
    name: '',
  }));
  return [...held, ...open].sort((a, b) => roleOrder(a.role) - roleOrder(b.role));
}

/**
 * For each row in office now, the seat that re-elects its holder to the same post (连任), or -1 when they leave it.
 * A seat re-elects one row at most.
 */
function continuing(committee: readonly (CommitteeRow | undefined)[], seats: readonly Seat[]) {
  const taken = new Set<number>();
  return inOffice(committee).map(({ row, index }) => {
    const seat = seats.findIndex((s, k) => !taken.has(k) && s.role === row.role && sameName(s.name, row.name!));
    if (seat >= 0) taken.add(seat);
    return { row, index, seat };
  });
}

/** The committee after the election of `date`: see the top of this file. New rows come after the existing ones. */
export function applyElection(
  committee: readonly CommitteeRow[],
  date: string,
  seats: readonly Seat[],
): CommitteeRow[] {
  const rows = committee.map((c) => c);
  const kept = continuing(committee, seats);
  for (const { row, index, seat } of kept) if (seat < 0) rows[index] = { ...row, to: date };
  const reElected = new Set(kept.map((k) => k.seat).filter((k) => k >= 0));
  // One who moves to another post (the 副书记 elected 书记) keeps their link to the roster.
  const linkOf = (name: string) => committee.find((c) => c?.memberId && c.name && sameName(c.name, name))?.memberId;
  const added = seats.flatMap((s, k): CommitteeRow[] => {
    const name = tidyPersonName(s.name);
    if (reElected.has(k) || !name) return [];
    const link = linkOf(name);
    return [{ name, role: s.role, from: date, ...(link ? { memberId: link } : {}) }];
  });
  return [...rows, ...added];
}

/** Names on the roll on `date` (everyone still on it when the day is not known), each once, in name order. */
export function rosterNamesOn(roster: readonly Member[], date: string | undefined): string[] {
  return roster
    .filter((m) => isOnRosterOn(m, date))
    .map((m) => m.name)
    .filter((name, i, all) => all.findIndex((n) => sameName(n, name)) === i)
    .sort(comparePersonNames);
}

/**
 * The roster names of `date` as a name picker offers them: the value is the name, the label marks a 预备党员, who
 * cannot be elected (candidateProblem), so the list does not invite the mistake.
 */
export function rosterOptions(roster: readonly Member[], date: string | undefined): { value: string; label: string }[] {
  return rosterNamesOn(roster, date).map((name) => {
    const member = roster.find((m) => sameName(m.name, name) && isOnRosterOn(m, date));
    const probationary = member && statusOn(member, date ?? '9999-12-31') === '预备';
    return { value: name, label: probationary ? `${name}（预备党员）` : name };
  });
}

/** What an election changes, for the dialog to say before it is applied: 「胡桂兰（副书记→书记）」. */
export interface ElectionSummary {
  /** Re-elected to the post they hold. */
  staying: string[];
  /** Leaving one post for another. */
  moving: string[];
  /** Leaving the committee. */
  leaving: string[];
  /** New to the committee. */
  joining: string[];
  /** Posts left empty. */
  vacant: string[];
}

export function electionSummary(
  committee: readonly (CommitteeRow | undefined)[],
  seats: readonly Seat[],
): ElectionSummary {
  const kept = continuing(committee, seats);
  const reElected = new Set(kept.map((k) => k.seat));
  const ended = kept.filter((k) => k.seat < 0).map((k) => k.row);
  const elected = seats.filter((s, k) => !reElected.has(k) && tidyPersonName(s.name));
  const moving: string[] = [];
  const leaving: string[] = [];
  for (const row of ended) {
    const to = elected.findIndex((s) => sameName(s.name, row.name!));
    const name = tidyPersonName(row.name!);
    if (to < 0) leaving.push(`${name}（${row.role}）`);
    else moving.push(`${name}（${row.role}→${elected.splice(to, 1)[0]!.role}）`);
  }
  return {
    staying: kept.filter((k) => k.seat >= 0).map((k) => `${tidyPersonName(k.row.name!)}（${k.row.role}）`),
    moving,
    leaving,
    joining: elected.map((s) => `${tidyPersonName(s.name)}（${s.role}）`),
    vacant: seats.filter((s) => !tidyPersonName(s.name)).map((s) => s.role),
  };
}

/** The same day `years` later, less one day: a 3-year term from 2025-07-15 ends on 2028-07-14. */
export function termEndFor(start: string, years: number): string {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y + years, m - 1, d) - 86_400_000).toISOString().slice(0, 10);
}

/** The length of the term now (3 or 5 years, as 《中国共产党支部工作条例（试行）》 allows), 3 when it is not known. */
export function termYearsOf(start: string | undefined, end: string | undefined): 3 | 5 {
  if (!start || !end || !isRealDate(start) || !isRealDate(end)) return 3;
  const years = (Date.parse(end) - Date.parse(start)) / (365.25 * 86_400_000);
  return Math.abs(years - 5) < Math.abs(years - 3) ? 5 : 3;
}

export interface ElectionProblems {
  /** Refusals (the election is not applied while there is one). */
  date?: string;
  seats: Record<string, string>;
  /** Advice that does not stop it, by seat key. */
  notes: Record<string, string>;
  /** Advice about the whole committee. */
  general: string[];
}

/**
 * Whether the roster lets `name` take a post on `date`: refused for a 预备党员 (党章: no 被选举权) and for one not on
 * this branch's roll that day (left, or not yet come); a note for a name the roster does not have at all (a typo, or
 * a roster not entered in full). `roster` is the branch's whole roster; an empty one gives nothing to say.
 */
export function candidateProblem(
  name: string,
  date: string | undefined,
  roster: readonly Member[],
): { error?: string; note?: string } {
  const namesakes = roster.filter((m) => sameName(m.name, name));
  if (roster.length === 0) return {};
  if (namesakes.length === 0) return { note: '党员名册中没有此人，请核对姓名' };
  if (!date) return {};
  const onRoll = namesakes.filter((m) => isOnRosterOn(m, date));
  if (onRoll.length === 0) {
    const left = namesakes.find((m) => m.leftDate && m.leftDate <= date);
    return { error: left ? `已于${left.leftDate}离开本支部，不能任职` : `${date}尚未在本支部党员名册中，不能任职` };
  }
  if (onRoll.every((m) => statusOn(m, date) === '预备')) return { error: `${date}为预备党员，没有被选举权` };
  return {};
}

/**
 * What is wrong with an election before it is applied. `roster` is the branch's whole roster (those who left
 * included); an empty roster (a branch that has not entered one) gives no roster advice. `termStart` is the 本届 now:
 * an election before it is a typo of the year (2018 for 2025), which would make an old term the current one.
 */
export function electionProblems(
  committee: readonly (CommitteeRow | undefined)[],
  date: string | undefined,
  seats: readonly Seat[],
  roster: readonly Member[],
  termStart?: string,
): ElectionProblems {
  const out: ElectionProblems = { seats: {}, notes: {}, general: [] };
  if (!date) out.date = '请填写换届日期';
  else if (!isRealDate(date)) out.date = typedDateProblem(date);
  else if (termStart && isRealDate(termStart) && date <= termStart) {
    out.date = `换届日期须晚于本届开始日期（${termStart}），请核对年份`;
  } else {
    const early = continuing(committee, seats).find(({ row, seat }) => seat < 0 && row.from && row.from > date);
    if (early) out.date = `换届日期不能早于${tidyPersonName(early.row.name!)}的任职起（${early.row.from}）`;
  }
  const day = out.date ? undefined : date;
  seats.forEach((seat, k) => {
    const name = tidyPersonName(seat.name);
    if (!name) return;
    if (name.length > 20) {
      out.seats[seat.key] = '姓名不能超过 20 个字';
      return;
    }
    const earlier = seats.slice(0, k).find((s) => sameName(s.name, name));
    const leaders = new Set([seat.role, earlier?.role]);
    if (earlier && leaders.has('书记') && leaders.has('副书记')) {
      out.seats[seat.key] = `已当选${earlier.role}，书记和副书记不能由一人兼任`;
      return;
    }
    const { error, note } = candidateProblem(name, day, roster);
    if (error) {
      out.seats[seat.key] = error;
      return;
    }
    const notes = [...(earlier ? [`同时当选${earlier.role}，将记为兼任`] : []), ...(note ? [note] : [])];
    if (notes.length) out.notes[seat.key] = notes.join('；');
  });
  if (!seats.some((s) => s.role === '书记' && tidyPersonName(s.name))) {
    out.general.push('未填写书记：书记暂缺的，选出后请在支委会成员中添加，任职起填选出的日期。');
  }
  return out;
}

/** Posts a seat can be added for: any post, 委员 as often as wanted, another post once. */
export function addableRoles(seats: readonly Seat[]): CommitteeRole[] {
  return COMMITTEE_ROLES.filter((role) => role === '委员' || !seats.some((s) => s.role === role));
}
