// The 工作记录 hash: the dashboard's 补录 link opens a new form of the given kind and date, its 草稿 link the filtered
// list; bad values are dropped.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newRecordDate } from '../../../renderer/src/features/meetings/MeetingsPage';
import { goToRecords, recordsHref, recordsViewFromHash } from '../../../renderer/src/features/meetings/recordsRoute';

afterEach(() => window.history.replaceState(null, '', '#/records'));

describe('records route', () => {
  it('reads the prefill link, encoded or not', () => {
    expect(recordsViewFromHash('#/records?new=支委会&date=2025-03-31')).toEqual({
      view: 'new',
      kind: '支委会',
      date: '2025-03-31',
    });
    expect(recordsViewFromHash(recordsHref({ view: 'new', kind: '党课', date: '2025-01-02' }))).toEqual({
      view: 'new',
      kind: '党课',
      date: '2025-01-02',
    });
  });

  it('drops an unknown kind or an impossible date, and reads records and the list', () => {
    expect(recordsViewFromHash('#/records?new=茶话会&date=2025-02-30')).toEqual({
      view: 'new',
      kind: undefined,
      date: undefined,
    });
    expect(recordsViewFromHash('#/records?id=abc')).toEqual({ view: 'show', id: 'abc' });
    expect(recordsViewFromHash('#/records')).toEqual({ view: 'list' });
  });

  it('carries the list filter, so a link opens the list filtered and the back button returns to it', () => {
    const filter = {
      kind: '主题党日',
      year: 2025,
      month: 12,
      status: '草稿',
      venueId: 'v 1',
      memberId: 'm&2',
    } as const;
    const href = recordsHref({ view: 'list', filter });
    expect(href.startsWith('#/records?')).toBe(true);
    expect(recordsViewFromHash(href)).toEqual({ view: 'list', filter });
    expect(recordsHref({ view: 'list', filter: {} })).toBe('#/records');
    expect(recordsHref({ view: 'list' })).toBe('#/records');
  });

  it('a record opened from a filtered list carries the filter, and 返回列表 reopens that list', () => {
    const filter = { kind: '支委会', year: 2025, venueId: 'v 1' } as const;
    const href = recordsHref({ view: 'show', id: 'a&b', list: filter });
    expect(recordsViewFromHash(href)).toEqual({ view: 'show', id: 'a&b', list: filter });
    expect(recordsHref({ view: 'show', id: 'abc', list: {} })).toBe('#/records?id=abc');

    window.history.replaceState(null, '', href);
    goToRecords({ view: 'list' });
    expect(recordsViewFromHash(window.location.hash)).toEqual({ view: 'list', filter });
    // An explicit filter, or a list asked for from anywhere but a record, is taken as asked.
    window.history.replaceState(null, '', href);
    goToRecords({ view: 'list', filter: { year: 2024 } });
    expect(recordsViewFromHash(window.location.hash)).toEqual({ view: 'list', filter: { year: 2024 } });
    window.history.replaceState(null, '', recordsHref({ view: 'new', kind: '党课' }));
    goToRecords({ view: 'list' });
    expect(window.location.hash).toBe('#/records');
  });

  it('新建记录 on a filtered list carries the filter: a past year starts the form without a date, 取消 returns there', () => {
    const list = { kind: '支委会', year: 2025 } as const;
    const href = recordsHref({ view: 'new', list });
    expect(recordsViewFromHash(href)).toEqual({ view: 'new', kind: undefined, date: undefined, list });
    window.history.replaceState(null, '', href);
    goToRecords({ view: 'list' });
    expect(recordsViewFromHash(window.location.hash)).toEqual({ view: 'list', filter: list });

    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-28T02:00:00.000Z'));
    try {
      expect(newRecordDate(list)).toBeUndefined();
      expect(newRecordDate({ year: 2026 })).toBe('2026-11-28');
      expect(newRecordDate(undefined)).toBe('2026-11-28');
      expect(newRecordDate({ kind: '党课' })).toBe('2026-11-28');
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps the search and the pages loaded in the list, the record opened from it, and back on 返回列表', () => {
    const filter = { year: 2019, kind: '支委会', query: '宪法' } as const;
    const list = recordsHref({ view: 'list', filter, pages: 4 });
    expect(recordsViewFromHash(list)).toEqual({ view: 'list', filter, pages: 4 });
    expect(new URLSearchParams(list.slice(list.indexOf('?') + 1)).get('q')).toBe('宪法');

    // The record carries the list as it is; 返回列表 reopens it at that record.
    const record = recordsHref({ view: 'show', id: 'r 66', list: filter, pages: 4 });
    expect(recordsViewFromHash(record)).toEqual({ view: 'show', id: 'r 66', list: filter, pages: 4 });
    window.history.replaceState(null, '', record);
    goToRecords({ view: 'list', at: 'r 66' });
    expect(recordsViewFromHash(window.location.hash)).toEqual({ view: 'list', filter, pages: 4, at: 'r 66' });
    // After 删除草稿 (no row to come back to): the same list.
    window.history.replaceState(null, '', record);
    goToRecords({ view: 'list' });
    expect(recordsViewFromHash(window.location.hash)).toEqual({ view: 'list', filter, pages: 4 });

    // A search only, from the list of every record: the same.
    window.history.replaceState(null, '', recordsHref({ view: 'show', id: 'x', list: { query: '宪法' }, pages: 3 }));
    goToRecords({ view: 'list', at: 'x' });
    expect(recordsViewFromHash(window.location.hash)).toEqual({
      view: 'list',
      filter: { query: '宪法' },
      pages: 3,
      at: 'x',
    });

    // 新建记录 from a searched, paged list: 取消 goes back to it.
    window.history.replaceState(null, '', recordsHref({ view: 'new', kind: '党课', list: filter, pages: 2 }));
    goToRecords({ view: 'list' });
    expect(recordsViewFromHash(window.location.hash)).toEqual({ view: 'list', filter, pages: 2 });
  });

  it('writes no empty search, no first page and no bad page count', () => {
    expect(recordsHref({ view: 'list', filter: { query: '' }, pages: 1 })).toBe('#/records');
    expect(recordsHref({ view: 'list', filter: { query: '   ' } })).toBe('#/records');
    expect(recordsHref({ view: 'show', id: 'abc', list: { query: '' }, pages: 1 })).toBe('#/records?id=abc');
    expect(recordsViewFromHash('#/records?q=&pages=1')).toEqual({ view: 'list' });
    expect(recordsViewFromHash('#/records?q=%20%20&pages=x')).toEqual({ view: 'list' });
    expect(recordsViewFromHash('#/records?pages=-3')).toEqual({ view: 'list' });
    expect(recordsViewFromHash('#/records?pages=2.5')).toEqual({ view: 'list' });
    expect(recordsViewFromHash('#/records?pages=100000')).toEqual({ view: 'list' });
    expect(recordsViewFromHash('#/records?q=%20宪法%20&pages=7')).toEqual({
      view: 'list',
      filter: { query: '宪法' },
      pages: 7,
    });
  });

  it('drops filter values the list cannot show: unknown kind or status, a bad year, a month without a year', () => {
    expect(recordsViewFromHash('#/records?kind=茶话会&status=作废&year=20x5&month=3')).toEqual({ view: 'list' });
    expect(recordsViewFromHash('#/records?year=2025&month=13&status=已定稿')).toEqual({
      view: 'list',
      filter: { year: 2025, status: '已定稿' },
    });
  });
});
