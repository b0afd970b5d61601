// The 领导责任 section's year in the hash (#/responsibility?year=2025), so links from the 工作台 open the right year.
import { useSyncExternalStore } from 'react';

export function responsibilityYearFromHash(hash: string): number | undefined {
  const query = hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '';
  const year = Number(new URLSearchParams(query).get('year'));
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined;
}

export function responsibilityHref(year: number): string {
  return `#/responsibility?year=${year}`;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The year named in the hash, if any. */
export function useResponsibilityYear(): number | undefined {
  return useSyncExternalStore(subscribe, () => responsibilityYearFromHash(window.location.hash));
}
