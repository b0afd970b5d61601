// Repairs the ways people write dates in spreadsheets (2020.7.1, 2020/07/01, 2020年7月1日, Excel serials) to YYYY-MM-DD.

function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

const pad = (n: number) => String(n).padStart(2, '0');

// Excel counts days from 1899-12-30 (its fictitious 1900-02-29 is absorbed by starting a day early).
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
// Serials of 1900-01-01 … 2100-12-31; anything else that is a bare number is not a date we trust.
const MIN_SERIAL = 2;
const MAX_SERIAL = 73415;

/**
 * The date a cell's text denotes, as YYYY-MM-DD, or null when it cannot be read as a real calendar date.
 * Accepted: year-month-day with '-', '.', '/' or 年月日 (one- or two-digit month and day), 8 digits (20200701),
 * and a whole Excel serial number (a date cell whose format was lost).
 */
export function repairDate(text: string): string | null {
  const s = text.trim().replace(/\s+/g, '');
  if (s === '') return null;
  let m = /^(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return isRealDate(year, month, day) ? `${year}-${pad(month)}-${pad(day)}` : null;
  }
  m = /^(\d{1,5})(?:\.0+)?$/.exec(s);
  if (m) {
    const serial = Number(m[1]);
    if (serial < MIN_SERIAL || serial > MAX_SERIAL) return null;
    return new Date(EXCEL_EPOCH_MS + serial * 86_400_000).toISOString().slice(0, 10);
  }
  return null;
}
