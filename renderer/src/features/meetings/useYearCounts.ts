// A year's records counted by month and kind for the calendar's 年 view, live: undefined while loading.
import { useLiveQuery } from 'dexie-react-hooks';
import { countYearByMonth, type MonthCount } from './meetingCounts';

export function useYearCounts(branchId: string, year: number, enabled: boolean): Map<number, MonthCount> | undefined {
  // The month view does not need it: no read until the 年 view is shown.
  return useLiveQuery(() => (enabled ? countYearByMonth(branchId, year) : undefined), [branchId, year, enabled]);
}
