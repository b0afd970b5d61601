// Whether this PC's clock and time zone can be trusted with the ledger's dates, and the years the ledger holds records
// of. Every read here is a handful of index keys or pages per branch, cheap on the largest ledger.
import Dexie from 'dexie';
import { chinaToday } from '../../../shared/schemas/common';
import { db } from '../db/db';

/**
 * The earliest and latest 会议日期 of every branch (or of one), from the `[branchId+date]` index keys alone. Chained
 * Dexie promises, no `await`: a live query re-run by a save runs beside other pages' read transactions, and its
 * native awaits were seen to let such a transaction (各支部概览's parallel reads) commit too early.
 */
export function meetingDateSpan(branchId?: string): Promise<{ first: string; last: string } | undefined> {
  const ids = branchId === undefined ? db.branches.toCollection().primaryKeys() : Dexie.Promise.resolve([branchId]);
  return ids.then((list) => {
    const range = (id: string) =>
      db.meetings.where('[branchId+date]').between([id, Dexie.minKey], [id, Dexie.maxKey], true, true);
    return Dexie.Promise.all(list.flatMap((id) => [range(id).firstKey(), range(id).lastKey()])).then((keys) => {
      const dates = (keys as ([string, string] | undefined)[]).flatMap((k) => (k ? [k[1]] : [])).sort();
      return dates.length > 0 ? { first: dates[0]!, last: dates[dates.length - 1]! } : undefined;
    });
  });
}

/**
 * The years a 年度 picker offers: `recent` (this year and the few before it, by the PC's clock) and every year from the
 * first to the last 会议日期 — so a ledger stays reachable when the clock is years off, or its records reach further back.
 * Newest first.
 */
export function yearsToOffer(recent: readonly number[], span: { first: string; last: string } | undefined): number[] {
  const years = new Set(recent);
  if (span) {
    for (let y = Number(span.first.slice(0, 4)); y <= Number(span.last.slice(0, 4)); y++) years.add(y);
  }
  return [...years].sort((a, b) => b - a);
}

/**
 * The latest instant the audit log of any branch (and of the shared standards, branch '') records. Only each branch's
 * last two pages are read: a page's `lastAt` covers all its entries, and the one before covers the case where a change
 * made with a clock set back began a new page. Chained Dexie promises, as meetingDateSpan.
 */
function newestAuditAt(): Promise<string | undefined> {
  return db.branches
    .toCollection()
    .primaryKeys()
    .then((ids) =>
      Dexie.Promise.all(
        [...ids, ''].map((id) =>
          db.auditPages
            .where('[branchId+page]')
            .between([id, Dexie.minKey], [id, Dexie.maxKey])
            .reverse()
            .limit(2)
            .toArray(),
        ),
      ),
    )
    .then((perBranch) =>
      perBranch.flat().reduce<string | undefined>((a, p) => (a && a > p.lastAt ? a : p.lastAt), undefined),
    );
}

/**
 * A change made less than this long ahead of the clock is no sign of a wrong clock: the PC's time is corrected by a few
 * seconds or minutes now and then.
 */
const DRIFT_MS = 10 * 60_000;

/** How far the ledger has got: its newest 会议日期 and the instant of its latest change. */
export interface LedgerReach {
  lastMeetingDate?: string;
  lastChangeAt?: string;
}

export function ledgerReach(): Promise<LedgerReach> {
  return Dexie.Promise.all([meetingDateSpan(), newestAuditAt()]).then(([span, at]) => ({
    ...(span ? { lastMeetingDate: span.last } : {}),
    ...(at ? { lastChangeAt: at } : {}),
  }));
}

/**
 * The latest day the ledger shows to have been reached — its newest 会议日期 (a record is never dated after the day it
 * is entered) or the China date of its latest change — when that is after today by this PC's clock; else undefined.
 */
export function dayAheadOfClock(reach: LedgerReach, now: Date = new Date()): string | undefined {
  const today = chinaToday(now);
  const at = reach.lastChangeAt;
  const changed = at && Date.parse(at) > now.getTime() + DRIFT_MS ? chinaToday(new Date(at)) : undefined;
  const ahead = [reach.lastMeetingDate, changed].filter((d): d is string => d !== undefined && d > today).sort();
  return ahead[ahead.length - 1];
}

/** China's offset: UTC+8 all year, no daylight saving time. */
const CHINA_OFFSET_MINUTES = 8 * 60;

/**
 * The PC's time zone when it is not UTC+8 at `now` (as `UTC−5`, with its name when the system gives one); undefined when
 * it is. The app keeps dates in Beijing time, so on such a PC the taskbar's day and the app's differ for part of each day.
 */
export function foreignTimeZone(now: Date = new Date()): { offset: string; name: string; hours: number } | undefined {
  const minutes = -now.getTimezoneOffset();
  if (minutes === CHINA_OFFSET_MINUTES) return undefined;
  const sign = minutes < 0 ? '−' : '+';
  const abs = Math.abs(minutes);
  const offset = `UTC${sign}${Math.floor(abs / 60)}${abs % 60 ? `:${String(abs % 60).padStart(2, '0')}` : ''}`;
  let name = '';
  try {
    name = Intl.DateTimeFormat().resolvedOptions().timeZone ?? '';
  } catch {
    // No name: the offset says enough.
  }
  return { offset, name, hours: (CHINA_OFFSET_MINUTES - minutes) / 60 };
}
