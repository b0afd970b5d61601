// The 工作记录 hash: the dashboard's 补记 link opens a new form of the given kind and date; bad values are dropped.
import { describe, expect, it } from 'vitest';
import { recordsHref, recordsViewFromHash } from '../../../renderer/src/features/meetings/recordsRoute';

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
});
