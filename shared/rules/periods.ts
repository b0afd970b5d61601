// Calendar periods (month, quarter, half-year, year) over China-local YYYY-MM-DD dates, compared as strings.

export type PeriodUnit = 'month' | 'quarter' | 'half' | 'year';

export interface Period {
  unit: PeriodUnit;
  /** Stable key, e.g. 2025-03, 2025-Q1, 2025-H1, 2025. */
  key: string;
  /** Chinese label, e.g. 2025年3月, 2025年第一季度, 2025年上半年, 2025年. */
  label: string;
  start: string;
  end: string;
}

const QUARTER_NAMES = ['一', '二', '三', '四'];
const pad = (n: number) => String(n).padStart(2, '0');

/** Last day of a month, leap years included (month 1–12). */
export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function monthSpan(year: number, firstMonth: number, months: number): { start: string; end: string } {
  const lastMonth = firstMonth + months - 1;
  return {
    start: `${year}-${pad(firstMonth)}-01`,
    end: `${year}-${pad(lastMonth)}-${pad(lastDayOfMonth(year, lastMonth))}`,
  };
}

/** The period of `unit` that contains `date`. */
export function periodOf(unit: PeriodUnit, date: string): Period {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  switch (unit) {
    case 'month':
      return { unit, key: `${year}-${pad(month)}`, label: `${year}年${month}月`, ...monthSpan(year, month, 1) };
    case 'quarter': {
      const q = Math.floor((month - 1) / 3);
      return {
        unit,
        key: `${year}-Q${q + 1}`,
        label: `${year}年第${QUARTER_NAMES[q]}季度`,
        ...monthSpan(year, q * 3 + 1, 3),
      };
    }
    case 'half': {
      const h = month <= 6 ? 0 : 1;
      return {
        unit,
        key: `${year}-H${h + 1}`,
        label: `${year}年${h ? '下' : '上'}半年`,
        ...monthSpan(year, h * 6 + 1, 6),
      };
    }
    case 'year':
      return { unit, key: `${year}`, label: `${year}年`, ...monthSpan(year, 1, 12) };
  }
}

/** The day after `date`. */
export function nextDay(date: string): string {
  const t = Date.parse(`${date}T00:00:00Z`) + 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Every period of `unit` that overlaps [from, to] (inclusive), in order. */
export function periodsBetween(unit: PeriodUnit, from: string, to: string): Period[] {
  const out: Period[] = [];
  if (to < from) return out;
  let cursor = from;
  for (;;) {
    const p = periodOf(unit, cursor);
    out.push(p);
    if (p.end >= to) return out;
    cursor = nextDay(p.end);
  }
}

/**
 * The periods of `unit` wholly inside [from, to], in order (consecutive, so one span, or none): what a range can be
 * judged on. A period the range cuts (the year of a 1–6月 volume, the March of one from 15 March) cannot.
 */
export function wholePeriodsBetween(unit: PeriodUnit, from: string, to: string): Period[] {
  return periodsBetween(unit, from, to).filter((p) => p.start >= from && p.end <= to);
}

/** Whether a date lies in [start, end]. */
export const within = (date: string, start: string, end: string) => date >= start && date <= end;
