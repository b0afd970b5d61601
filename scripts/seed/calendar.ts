// Date arithmetic for the generator on China-local YYYY-MM-DD strings, and China-time instants as ISO UTC strings.

const pad = (n: number) => String(n).padStart(2, '0');

export const ymd = (year: number, month: number, day: number): string => `${year}-${pad(month)}-${pad(day)}`;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** The first working day (Mon–Fri) on or after `day` of the month; backwards if the month runs out. */
export function workday(year: number, month: number, day: number): string {
  const last = daysInMonth(year, month);
  let d = Math.min(Math.max(day, 1), last);
  let date = ymd(year, month, d);
  while (weekday(date) === 0 || weekday(date) === 6) {
    d = d + 1 <= last ? d + 1 : d - 3;
    date = ymd(year, month, d);
  }
  return date;
}

/** `HH:mm` on a China-local date, as an ISO UTC instant. */
export function chinaInstant(date: string, time: string): string {
  return new Date(Date.parse(`${date}T${time}:00+08:00`)).toISOString();
}

export function addMinutes(iso: string, minutes: number): string {
  return new Date(Date.parse(iso) + minutes * 60_000).toISOString();
}

/** The China-local date of an instant. */
export function chinaDate(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** 2025-03-18 → 2025年3月18日 */
export function zhDate(date: string): string {
  return `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

export const monthOf = (date: string): number => Number(date.slice(5, 7));

/** HH:mm plus minutes (same day). */
export function addTime(time: string, minutes: number): string {
  const total = Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5)) + minutes;
  return `${pad(Math.floor(total / 60))}:${pad(total % 60)}`;
}
