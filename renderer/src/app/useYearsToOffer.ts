// The years a 年度 picker offers, live: the recent ones given and every year the records span (clockCheck.ts).
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { meetingDateSpan, yearsToOffer } from './clockCheck';

/**
 * `recent` with the years from the first to the last 会议日期 of `branchId` (of every branch without it); newest first. The
 * same array while neither changes.
 */
export function useYearsToOffer(recent: readonly number[], branchId?: string): number[] {
  // Until the span is read the recent years are offered: the picker never waits.
  const span = useLiveQuery(() => meetingDateSpan(branchId), [branchId]);
  return useMemo(() => yearsToOffer(recent, span), [recent, span]);
}
