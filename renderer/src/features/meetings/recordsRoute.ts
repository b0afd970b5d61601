// The 工作记录 section's own place in the hash (#/records?id=… / ?new=支委会&date=… / ?status=草稿&year=…&q=宪法&pages=3):
// the list with its filter, search and pages loaded, one record, or a new form.
import { useSyncExternalStore } from 'react';
import { MEETING_KINDS, RECORD_STATUSES, type MeetingKind, type RecordStatus } from '../../../../shared/domain/vocab';
import { dateSchema } from '../../../../shared/schemas/common';
import type { MeetingFilter } from '../../db/repositories/meetings';

/** The most pages of 加载更多 an address asks for: 10,000 records, more than a branch keeps in decades. */
export const MAX_LIST_PAGES = 500;

export type RecordsView =
  /**
   * filter: what the list shows (absent: every record), its search (`query`) included, so a link or the back button
   * opens it filtered. pages: the pages loaded by 加载更多 (absent: the first). at: the record the user opened from
   * this list, whose row is brought into view and focused on the way back.
   */
  | { view: 'list'; filter?: MeetingFilter; pages?: number; at?: string }
  /**
   * group / party: the 党小组 or the member a 补录 is for (a 党小组会 of that group, a 谈心谈话 with that member).
   * list: the filter of the list 新建记录 was pressed on — a list of a past year starts the form without a date.
   * pages: that list's pages loaded, for 取消 to return to.
   */
  | {
      view: 'new';
      kind?: MeetingKind;
      date?: string;
      group?: string;
      party?: string;
      list?: MeetingFilter;
      pages?: number;
    }
  /**
   * list / pages: the filter (and search) and the pages loaded of the list it was opened from, so that 返回列表
   * reopens that list as it was, at this record (goToRecords).
   */
  | { view: 'show'; id: string; list?: MeetingFilter; pages?: number };

function isMeetingKind(value: string): value is MeetingKind {
  return (MEETING_KINDS as readonly string[]).includes(value);
}

function isRecordStatus(value: string): value is RecordStatus {
  return (RECORD_STATUSES as readonly string[]).includes(value);
}

/** The list filter's keys in the hash, in the order they are written. */
const FILTER_PARAMS = {
  kind: 'kind',
  year: 'year',
  month: 'month',
  status: 'status',
  venueId: 'venue',
  memberId: 'person',
  query: 'q',
};

function filterFromParams(params: URLSearchParams): MeetingFilter {
  const filter: MeetingFilter = {};
  const kind = params.get(FILTER_PARAMS.kind);
  if (kind && isMeetingKind(kind)) filter.kind = kind;
  const year = Number(params.get(FILTER_PARAMS.year));
  if (Number.isInteger(year) && year >= 1900 && year <= 9999) {
    filter.year = year;
    const month = Number(params.get(FILTER_PARAMS.month));
    if (Number.isInteger(month) && month >= 1 && month <= 12) filter.month = month;
  }
  const status = params.get(FILTER_PARAMS.status);
  if (status && isRecordStatus(status)) filter.status = status;
  const venue = params.get(FILTER_PARAMS.venueId);
  if (venue) filter.venueId = venue;
  const person = params.get(FILTER_PARAMS.memberId);
  if (person) filter.memberId = person;
  const query = params.get(FILTER_PARAMS.query)?.trim();
  if (query) filter.query = query;
  return filter;
}

/** The list's pages loaded: 2 … MAX_LIST_PAGES, else undefined (the first page only). */
function pagesFromParams(params: URLSearchParams): number | undefined {
  const pages = Number(params.get('pages'));
  return Number.isInteger(pages) && pages >= 2 && pages <= MAX_LIST_PAGES ? pages : undefined;
}

/** '#/records?new=支委会&date=2025-03-31' → a new 支委会 form on that date; unknown kinds or bad dates are dropped. */
export function recordsViewFromHash(hash: string): RecordsView {
  const query = hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '';
  const params = new URLSearchParams(query);
  const pages = pagesFromParams(params);
  const paged = pages ? { pages } : {};
  const id = params.get('id');
  if (id) {
    const list = filterFromParams(params);
    return { view: 'show', id, ...(Object.keys(list).length > 0 ? { list } : {}), ...paged };
  }
  const kind = params.get('new');
  if (kind === null) {
    const filter = filterFromParams(params);
    const at = params.get('at');
    return {
      view: 'list',
      ...(Object.keys(filter).length > 0 ? { filter } : {}),
      ...paged,
      ...(at ? { at } : {}),
    };
  }
  const date = params.get('date') ?? '';
  const group = params.get('group');
  const party = params.get('party');
  const list = filterFromParams(params);
  return {
    view: 'new',
    kind: isMeetingKind(kind) ? kind : undefined,
    date: dateSchema.safeParse(date).success ? date : undefined,
    ...(group ? { group } : {}),
    ...(party ? { party } : {}),
    ...(Object.keys(list).length > 0 ? { list } : {}),
    ...paged,
  };
}

/**
 * The filter without a 人员 or 阵地 the branch does not have: a filtered list's address outlives a switch of the
 * current branch, and another branch's member or venue would show as a raw id over an empty list. The same filter
 * (same object) when nothing is dropped.
 */
export function ownFilter(
  filter: MeetingFilter,
  memberIds: ReadonlySet<string>,
  venueIds: ReadonlySet<string>,
): MeetingFilter {
  const foreignMember = filter.memberId !== undefined && !memberIds.has(filter.memberId);
  const foreignVenue = filter.venueId !== undefined && !venueIds.has(filter.venueId);
  if (!foreignMember && !foreignVenue) return filter;
  const own = { ...filter };
  if (foreignMember) delete own.memberId;
  if (foreignVenue) delete own.venueId;
  return own;
}

/** The filter's params in FILTER_PARAMS order, then the pages loaded: none that is empty or the default. */
function listParams(
  filter: MeetingFilter | undefined,
  pages: number | undefined,
  params = new URLSearchParams(),
): URLSearchParams {
  for (const [field, name] of Object.entries(FILTER_PARAMS) as [keyof MeetingFilter, string][]) {
    const value = filter?.[field];
    const text = typeof value === 'string' ? value.trim() : value;
    if (text !== undefined && text !== '') params.set(name, String(text));
  }
  if (pages !== undefined && pages > 1) params.set('pages', String(Math.min(pages, MAX_LIST_PAGES)));
  return params;
}

export function recordsHref(target: RecordsView): string {
  if (target.view === 'show') {
    return `#/records?${listParams(target.list, target.pages, new URLSearchParams({ id: target.id }))}`;
  }
  if (target.view === 'new') {
    const params = new URLSearchParams({ new: target.kind ?? '' });
    if (target.date) params.set('date', target.date);
    if (target.group) params.set('group', target.group);
    if (target.party) params.set('party', target.party);
    return `#/records?${listParams(target.list, target.pages, params).toString()}`;
  }
  const params = listParams(target.filter, target.pages);
  if (target.at) params.set('at', target.at);
  const query = params.toString();
  return query ? `#/records?${query}` : '#/records';
}

/**
 * Opens a view of the section. The list without a filter, asked for from a record or a new form opened from a list
 * (返回列表, 取消, after 删除草稿), is that list as it was: the year and type being worked through, the search and
 * the pages loaded. `at` (返回列表 of a record) is the row to come back to.
 */
export function goToRecords(target: RecordsView): void {
  const here = window.location.hash.startsWith('#/records') ? recordsViewFromHash(window.location.hash) : undefined;
  const from =
    target.view === 'list' && !target.filter && (here?.view === 'show' || here?.view === 'new') ? here : undefined;
  window.location.hash = recordsHref(
    from && target.view === 'list' ? { view: 'list', filter: from.list, pages: from.pages, at: target.at } : target,
  );
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The raw hash, so React re-renders on every change; parse it with recordsViewFromHash. */
export function useRecordsHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}
