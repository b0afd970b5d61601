// 所属年度: the year whose work a record is. A branch's 年度组织生活会 and 民主评议党员 are very often held in January–March
// of the next year (after the 上级 has issued its notice, before the 考评); the 2025 one held on 2026-01-20 is 2025's
// meeting, and must count, number and print there. Every other record belongs to the year of its date.
import type { MeetingKind } from './vocab';

/** The kinds of record that may be held after their year has ended, for it. */
export const YEAR_END_KINDS: readonly MeetingKind[] = ['组织生活会', '民主评议党员'];

/** The last day (MM-DD) of the next year on which a record of YEAR_END_KINDS may still be for the year before. */
export const YEAR_END_WINDOW_LAST_DAY = '03-31';

type Dated = { date: string; forYear?: number | undefined };

const yearOfDate = (date: string) => Number(date.slice(0, 4));

/** Whether a record of `kind` on `date` may be for the previous year (the form offers the choice only then). */
export function mayBeForPreviousYear(kind: string, date: string | undefined): boolean {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  return (YEAR_END_KINDS as readonly string[]).includes(kind) && date.slice(5) <= YEAR_END_WINDOW_LAST_DAY;
}

/**
 * The 所属年度 a new record of `kind` on `date` starts with: in January and February the year just ended (that is when
 * last year's 组织生活会 and 民主评议 are held); in March too while that year has no record of the kind yet
 * (`previousYearHeld` false: upper notices often give until the end of March), else its own. The form shows the
 * choice whenever there is one. Undefined: the date's own year.
 */
export function defaultForYear(kind: string, date: string | undefined, previousYearHeld = true): number | undefined {
  if (!date || !mayBeForPreviousYear(kind, date)) return undefined;
  return date.slice(5, 7) <= '02' || !previousYearHeld ? yearOfDate(date) - 1 : undefined;
}

/** The year whose work the record is: its `forYear` when it has one, else the year of its date. */
export function recordYearOf(record: Dated): number {
  return record.forYear ?? yearOfDate(record.date);
}

/**
 * The day a record counts on for periods and ranges: the last day of its 所属年度 when that is an earlier year (so a
 * 2025 组织生活会 held on 2026-01-20 falls in 2025, its fourth quarter and December, and in no period of 2026), else its
 * date. Compliance, numbering and the 卷宗 all place records by this one day.
 */
export function countingDate(record: Dated): string {
  const own = yearOfDate(record.date);
  return record.forYear !== undefined && record.forYear < own ? `${record.forYear}-12-31` : record.date;
}

/**
 * How far past `to` the records that may count on or before it can be dated: to 31 March after the year of `to`. A
 * loader reads the kinds of YEAR_END_KINDS dated in (to, lateEnd] and keeps those whose countingDate is in range.
 */
export function lateRecordsEnd(to: string): string {
  return `${yearOfDate(to) + 1}-${YEAR_END_WINDOW_LAST_DAY}`;
}

/** Whether a record counts in [from, to] by its countingDate. */
export function countsWithin(record: Dated, from: string, to: string): boolean {
  const day = countingDate(record);
  return day >= from && day <= to;
}

/** 「（2025年度）」 after the date of a record that is for an earlier year than its date's; '' for any other. */
export function forYearNote(record: Dated): string {
  return countingDate(record) !== record.date ? `（${record.forYear}年度）` : '';
}
