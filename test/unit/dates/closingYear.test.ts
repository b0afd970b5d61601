// closingYear: last year in January and February (its 卷宗 and 考评 are due then), this year from March.
import { describe, expect, it } from 'vitest';
import { closingYear } from '../../../shared/dates/closingYear';

describe('closingYear', () => {
  it.each([
    ['2026-01-01', 2025],
    ['2026-02-28', 2025],
    ['2024-02-29', 2023],
    ['2026-03-01', 2026],
    ['2025-12-31', 2025],
  ])('%s → %i', (today, year) => {
    expect(closingYear(today)).toBe(year);
  });
});
