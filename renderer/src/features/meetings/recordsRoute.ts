// The 工作记录 section's own place in the hash (#/records?id=… / ?new=支委会&date=…): list, one record, or a new form.
import { useSyncExternalStore } from 'react';
import { MEETING_KINDS, type MeetingKind } from '../../../../shared/domain/vocab';
import { dateSchema } from '../../../../shared/schemas/common';

export type RecordsView =
  | { view: 'list' }
  /** group / party: the 党小组 or the member a 补记 is for (a 党小组会 of that group, a 谈心谈话 with that member). */
  | { view: 'new'; kind?: MeetingKind; date?: string; group?: string; party?: string }
  | { view: 'show'; id: string };

function isMeetingKind(value: string): value is MeetingKind {
  return (MEETING_KINDS as readonly string[]).includes(value);
}

/** '#/records?new=支委会&date=2025-03-31' → a new 支委会 form on that date; unknown kinds or bad dates are dropped. */
export function recordsViewFromHash(hash: string): RecordsView {
  const query = hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '';
  const params = new URLSearchParams(query);
  const id = params.get('id');
  if (id) return { view: 'show', id };
  const kind = params.get('new');
  if (kind === null) return { view: 'list' };
  const date = params.get('date') ?? '';
  const group = params.get('group');
  const party = params.get('party');
  return {
    view: 'new',
    kind: isMeetingKind(kind) ? kind : undefined,
    date: dateSchema.safeParse(date).success ? date : undefined,
    ...(group ? { group } : {}),
    ...(party ? { party } : {}),
  };
}

export function recordsHref(target: RecordsView): string {
  if (target.view === 'show') return `#/records?id=${encodeURIComponent(target.id)}`;
  if (target.view === 'new') {
    const params = new URLSearchParams({ new: target.kind ?? '' });
    if (target.date) params.set('date', target.date);
    if (target.group) params.set('group', target.group);
    if (target.party) params.set('party', target.party);
    return `#/records?${params.toString()}`;
  }
  return '#/records';
}

export function goToRecords(target: RecordsView): void {
  window.location.hash = recordsHref(target);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The raw hash, so React re-renders on every change; parse it with recordsViewFromHash. */
export function useRecordsHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}
