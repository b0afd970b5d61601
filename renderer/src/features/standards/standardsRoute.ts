// Where inside 评价标准 the user is, from the hash (#/standards?tab=library, ?assessment=<id>, ?new=1): the back
// button returns from a drill-down record to the assessment it came from.
import { useSyncExternalStore } from 'react';

export type StandardsTab = 'assessments' | 'library' | 'evaluations';
export type StandardsRoute =
  | { tab: 'assessments'; view: 'list' }
  | { tab: 'assessments'; view: 'new' }
  | { tab: 'assessments'; view: 'show' | 'edit'; id: string }
  | { tab: 'library'; standardId?: string; editing?: boolean }
  /** 民主评议 of `year` (the 工作台 of a year links to its own); without it the panel's default year. */
  | { tab: 'evaluations'; year?: number };

export function standardsRouteFromHash(hash: string): StandardsRoute {
  const query = hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '';
  const params = new URLSearchParams(query);
  const tab = params.get('tab');
  if (tab === 'library') {
    const standardId = params.get('standard') ?? undefined;
    return { tab, standardId, editing: standardId !== undefined && params.get('edit') === '1' };
  }
  if (tab === 'evaluations') {
    const year = Number(params.get('year'));
    return Number.isInteger(year) && year >= 1900 && year <= 2100 ? { tab, year } : { tab };
  }
  const id = params.get('assessment');
  if (id) return { tab: 'assessments', view: params.get('edit') === '1' ? 'edit' : 'show', id };
  if (params.get('new') === '1') return { tab: 'assessments', view: 'new' };
  return { tab: 'assessments', view: 'list' };
}

export function standardsHref(route: StandardsRoute): string {
  const params = new URLSearchParams();
  if (route.tab === 'library') {
    params.set('tab', 'library');
    if (route.standardId) params.set('standard', route.standardId);
    if (route.standardId && route.editing) params.set('edit', '1');
  } else if (route.tab === 'evaluations') {
    params.set('tab', 'evaluations');
    if (route.year !== undefined) params.set('year', String(route.year));
  } else if (route.view === 'new') params.set('new', '1');
  else if (route.view !== 'list') {
    params.set('assessment', route.id);
    if (route.view === 'edit') params.set('edit', '1');
  }
  const query = params.toString();
  return query ? `#/standards?${query}` : '#/standards';
}

export function goToStandards(route: StandardsRoute): void {
  window.location.hash = standardsHref(route);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useStandardsRoute(): StandardsRoute {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return standardsRouteFromHash(hash);
}
