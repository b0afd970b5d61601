// Reads a date as people type it (2025.3.5, 2025/3/5, 20250305, 2025年3月5日, full-width digits) into YYYY-MM-DD.

export interface TypedDateOptions {
  /** The year a year-less 3月5日 or 3.5 means, when one is obvious (e.g. the year of the date the field held). */
  year?: number;
}

interface Reading {
  year: number | undefined;
  month: number;
  day: number;
}

/** Full-width digits and separators, and the other dashes and dots an IME gives, as their ASCII forms. */
function asciiDigitsAndSeparators(text: string): string {
  return text
    .replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/[．。｡]/g, '.')
    .replace(/[／]/g, '/')
    .replace(/[－‐‑‒–—―−﹣]/g, '-')
    .trim();
}

// A separator between year, month and day: '-', '.' or '/' (spaces around allowed), 年 / 月, or spaces alone.
const YEAR_SEP = String.raw`(?:\s*[-./]\s*|\s*年\s*|\s+)`;
const MONTH_SEP = String.raw`(?:\s*[-./]\s*|\s*月\s*|\s+)`;
const DAY_END = String.raw`\s*[日号]?`;
const WITH_YEAR = new RegExp(String.raw`^(\d{4})${YEAR_SEP}(\d{1,2})${MONTH_SEP}(\d{1,2})${DAY_END}$`);
const EIGHT_DIGITS = /^(\d{4})(\d{2})(\d{2})$/;
// Year-less: 3月5日, 3.5, 3/5, 3-5 (not bare digits or spaces: 0305 or 3 5 are too easily something else).
const WITHOUT_YEAR = new RegExp(String.raw`^(\d{1,2})(?:\s*[-./]\s*|\s*月\s*)(\d{1,2})${DAY_END}$`);

/** What the text says the year, month and day are, before asking whether that day exists. */
function read(text: string): Reading | undefined {
  const ascii = asciiDigitsAndSeparators(text);
  const full = WITH_YEAR.exec(ascii) ?? EIGHT_DIGITS.exec(ascii);
  if (full) return { year: Number(full[1]), month: Number(full[2]), day: Number(full[3]) };
  const partial = WITHOUT_YEAR.exec(ascii);
  if (partial) return { year: undefined, month: Number(partial[1]), day: Number(partial[2]) };
  return undefined;
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * The day a typed date names, as YYYY-MM-DD, or undefined when the text is not understood or names no real day
 * (2025-02-30, 2025.13.1). Accepted: year, month and day separated by '-', '.', '/', 年月(日) or spaces, with one- or
 * two-digit month and day (日 or 号 at the end optional); 8 digits (20250305); full-width digits and separators;
 * spaces around. A year-less 3月5日 / 3.5 / 3/5 / 3-5 only when `year` says which year is meant.
 */
export function parseTypedDate(text: string, options: TypedDateOptions = {}): string | undefined {
  const reading = read(text);
  const year = reading?.year ?? options.year;
  if (!reading || year === undefined) return undefined;
  const { month, day } = reading;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** The text as a message quotes it: long text (a pasted paragraph) cut short. */
function quoted(text: string): string {
  const trimmed = text.trim();
  return `“${trimmed.length > 20 ? `${trimmed.slice(0, 20)}…` : trimmed}”`;
}

/**
 * Why a typed text is not a date, for the message under the field: a day that does not exist (2025年2月只有 28 天),
 * a date without its year, text that is not read as a date at all, or no text (请填写日期).
 */
export function typedDateProblem(text: string, options: TypedDateOptions = {}): string {
  if (text.trim() === '') return '请填写日期';
  const reading = read(text);
  const year = reading?.year ?? options.year;
  if (reading && year === undefined) return `日期${quoted(text)}没有写年份，请按 2025-03-05 的格式填写`;
  if (reading && year !== undefined) {
    if (reading.month < 1 || reading.month > 12) return `日期${quoted(text)}不存在：月份应为 1 至 12`;
    const days = daysInMonth(year, reading.month);
    if (reading.day > days) return `日期${quoted(text)}不存在：${year}年${reading.month}月只有 ${days} 天`;
    if (reading.day < 1) return `日期${quoted(text)}不存在，请核对日`;
  }
  return `无法识别的日期${quoted(text)}，请按 2025-03-05 的格式填写`;
}
