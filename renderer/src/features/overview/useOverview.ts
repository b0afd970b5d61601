// 各支部概览, live: the reads re-run when any branch's data changes, the engine once per new read.
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { buildOverview, loadOverviewSources, type OverviewView } from './overviewData';

/**
 * The view of the year last read: after a change of year it stays the previous year's (its `year` says so) until the
 * new one is read, so the page can keep it on screen, marked as loading, without labelling it the new year.
 */
export function useOverview(year: number, asOf: string): OverviewView | undefined {
  const read = useLiveQuery(async () => ({ year, asOf, sources: await loadOverviewSources(year, asOf) }), [year, asOf]);
  return useMemo(() => (read ? buildOverview(read.sources, read.year, read.asOf) : undefined), [read]);
}
