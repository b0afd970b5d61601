// The year of the 工作台 and of 各支部概览 in the hash (#/home?year=2024, #/overview?year=2024): a branch opened from
// the overview shows the year the overview showed, and the back button returns to that year.
import { useSyncExternalStore } from 'react';

/** The sections whose year is kept in the hash. */
export type YearRoute = 'home' | 'overview';

/** '#/home?year=2024' → 2024; absent or not a plausible year → undefined (the page shows this year). */
export function yearFromHash(hash: string): number | undefined {
  const query = hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '';
  const year = Number(new URLSearchParams(query).get('year'));
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined;
}

export function yearHref(route: YearRoute, year: number): string {
  return `#/${route}?year=${year}`;
}

/**
 * Shows another year: the hash is replaced rather than pushed, as the records list's filter is, so back leaves the
 * page instead of stepping through the years looked at.
 */
export function showYear(route: YearRoute, year: number): void {
  window.location.replace(yearHref(route, year));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The year named in the hash, if any. */
export function useHashYear(): number | undefined {
  return useSyncExternalStore(subscribe, () => yearFromHash(window.location.hash));
}
