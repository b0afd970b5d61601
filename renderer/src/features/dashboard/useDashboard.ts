// The 工作台 of a branch-year, live: the reads re-run when the data changes, the engine once per new read.
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { buildDashboard, loadDashboardSources, type DashboardView } from './dashboardData';

/** `closingYear`: the year whose loose ends 上一年度收尾 shows (January and February), if any. */
export function useDashboard(
  branchId: string,
  year: number,
  asOf: string,
  closingYear?: number,
): DashboardView | undefined {
  const sources = useLiveQuery(
    () => loadDashboardSources(branchId, year, asOf, closingYear),
    [branchId, year, asOf, closingYear],
  );
  return useMemo(() => (sources ? buildDashboard(sources, year, asOf) : undefined), [sources, year, asOf]);
}
