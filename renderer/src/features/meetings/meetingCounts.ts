// How many records a list filter matches (「共 N 条」, 「共找到 N 条」), and a year's records by month and kind (the
// calendar's 年 view), read through the same index and lists as listMeetings: [branchId+date], or the search's, kind,
// venue and person lists in the branch's search postings.
import { MEETING_KINDS, type MeetingKind } from '../../../../shared/domain/vocab';
import type { Meeting } from '../../../../shared/schemas/entities';
import { db } from '../../db/db';
import {
  dateBounds,
  filterPeriod,
  filterQuery,
  filterTerms,
  isTooShortQuery,
  meetingMatcher,
  type MeetingFilter,
} from '../../db/repositories/meetings';
import { YEAR_END_WINDOW_LAST_DAY } from '../../../../shared/domain/recordYear';
import { nextDay } from '../../../../shared/rules/periods';
import { normalizeForSearch } from '../../../../shared/search/bigrams';
import { DIRECTORY_TERM, idOfEntry, intersectSlots } from '../../db/search/postings';
import { readPostings } from '../../db/search/store';

/** Rows read per bulkGet when a 状态 filter or a search must look at the records themselves. */
const STATUS_BATCH = 200;

/**
 * The number of a branch's records matching `filter`. Without a search, 类型/阵地/人员 and 状态 the [branchId+date]
 * index counts alone; 类型/阵地/人员 and a two-character search are counted from their posting lists and the
 * directory's dates, without reading a record. 状态 has no index (listMeetings tests it on the rows too), and a longer
 * search must confirm its words on each candidate (a branch's decade is some 700 records, its matches fewer), so only
 * then are the candidate rows read.
 */
export async function countMeetings(branchId: string, filter: MeetingFilter = {}): Promise<number> {
  if (filter.query !== undefined && isTooShortQuery(filter.query)) return 0;
  const { from, to, readTo, holds } = filterPeriod(filter);
  const terms = filterTerms(filter);
  const status = filter.status;
  const statusHolds = (m: Meeting) => !status || m.status === status;
  // Two characters are one bigram: its list holds exactly the records whose text has them. A longer query's lists
  // hold records with each bigram somewhere, not necessarily together.
  const query = filterQuery(filter);
  const confirmQuery = query !== undefined && Array.from(normalizeForSearch(query)).length > 2;
  const matches = meetingMatcher(branchId, filter);
  const range = (lower: string, upper: string) =>
    db.meetings.where('[branchId+date]').between([branchId, lower], [branchId, upper], true, true);
  // Records near a year's ends may count in another year than their date's (所属年度, filterPeriod): their rows are read.
  const yearEnds = readTo !== to;
  const earlyEnd = `${from.slice(0, 4)}-${YEAR_END_WINDOW_LAST_DAY}`;
  const needsRow = (date: string) => Boolean(status) || confirmQuery || (yearEnds && (date <= earlyEnd || date > to));
  if (terms.length === 0) {
    const base = status ? await range(from, to).filter(statusHolds).count() : await range(from, to).count();
    if (!yearEnds) return base;
    // Less this year's early records that are last year's, plus next year's early ones that are this year's.
    const early = await range(from, earlyEnd)
      .filter((m) => statusHolds(m) && !holds(m))
      .count();
    const late = await range(nextDay(to), readTo)
      .filter((m) => statusHolds(m) && holds(m))
      .count();
    return base - early + late;
  }
  return db.transaction('r', [db.searchBuckets, db.meetings], async () => {
    const [directory, ...lists] = await readPostings(branchId, [DIRECTORY_TERM, ...terms]);
    if (!directory || lists.some((l) => !l)) return 0;
    const entries = directory.entries ?? [];
    const candidates = intersectSlots(lists.map((l) => l!.slots ?? []))
      .map((slot) => entries[slot] ?? '')
      .filter((e) => {
        const date = e.slice(0, e.indexOf(' '));
        return e !== '' && date >= from && date <= readTo;
      });
    const direct = candidates.filter((e) => !needsRow(e.slice(0, e.indexOf(' '))));
    const toRead = candidates.filter((e) => needsRow(e.slice(0, e.indexOf(' '))));
    let n = direct.filter((e) => e.slice(0, e.indexOf(' ')) <= to).length;
    for (let i = 0; i < toRead.length; i += STATUS_BATCH) {
      const rows = await db.meetings.bulkGet(toRead.slice(i, i + STATUS_BATCH).map(idOfEntry));
      for (const m of rows) if (m && matches(m)) n++;
    }
    return n;
  });
}

/** A month of the calendar's 年 view: how many records, and how many of each kind (in the order of MEETING_KINDS). */
export interface MonthCount {
  total: number;
  byKind: Partial<Record<MeetingKind, number>>;
}

/**
 * A branch's records of `year` counted by month (1–12) and kind, from the [branchId+date] range the month view reads
 * a month of: a branch-year is tens of records.
 */
export async function countYearByMonth(branchId: string, year: number): Promise<Map<number, MonthCount>> {
  const [from, to] = dateBounds({ year });
  const months = new Map<number, MonthCount>();
  await db.meetings
    .where('[branchId+date]')
    .between([branchId, from], [branchId, to], true, true)
    .each((m: Meeting) => {
      const month = Number(m.date.slice(5, 7));
      let count = months.get(month);
      if (!count) months.set(month, (count = { total: 0, byKind: {} }));
      count.total++;
      count.byKind[m.kind] = (count.byKind[m.kind] ?? 0) + 1;
    });
  return months;
}

/** 「12 条」 and 「支委会 1、党小组会 3…」: what a month of the 年 view holds, kinds in the order of MEETING_KINDS. */
export function monthSummary(count: MonthCount | undefined): { total: string; kinds: string } | undefined {
  if (!count || count.total === 0) return undefined;
  const kinds = MEETING_KINDS.flatMap((k) => (count.byKind[k] ? [`${k} ${count.byKind[k]}`] : []));
  return { total: `${count.total} 条`, kinds: kinds.join('、') };
}
