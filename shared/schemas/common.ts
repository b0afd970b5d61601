// Building blocks shared by every entity schema: ids, China-local dates, timestamps, Chinese messages.
import { z } from 'zod';
import { typedDateProblem } from '../dates/parseTypedDate';

/** Today's date in China (UTC+8, no DST) as YYYY-MM-DD, whatever the machine's time zone. */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** An ISO instant as 2025-03-18 10:00 in China time, whatever the PC's time zone (unparseable text as it is). */
export function formatChinaTime(iso: string): string {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return iso;
  const local = new Date(ms + 8 * 3600_000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
}

/** Whole days from date a to date b (both YYYY-MM-DD); negative when b is earlier. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * A YYYY-MM-DD that names a day of the Gregorian calendar (no 02-30, 02-29 only in leap years). Arithmetic rather than
 * Date.parse + toISOString: a restore checks ≈ 1.5 million dates, and the Date round trip was 0.23 s of the page's
 * thread on the organ data (docs/performance.md). Same answers (test/unit/schemas/dates.test.ts).
 */
export function isRealDate(value: string): boolean {
  if (!DATE_SHAPE.test(value)) return false;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
}

export const idSchema = z.string().min(1, '缺少编号');

/**
 * A calendar date (YYYY-MM-DD), China local. Text a date box could not read is held as typed (DateInput), so the
 * message quotes it: 「无法识别的日期“明天”，请按 2025-03-05 的格式填写」, 「日期“2025-02-30”不存在：…」.
 */
export const dateSchema = z
  .string({ error: '请填写日期' })
  .regex(DATE_SHAPE, { error: (issue) => typedDateProblem(String(issue.input)) })
  // One message per date: a day that does not exist is only said of text shaped like a date (not `abort`, which turns
  // an optional date's message into zod's English 「Invalid input」).
  .refine((value) => !DATE_SHAPE.test(value) || isRealDate(value), {
    error: (issue) => typedDateProblem(String(issue.input)),
  });

export const optionalDateSchema = z.union([dateSchema, z.literal('')]).optional();

/** A time of day (HH:mm). */
export const timeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 时:分（如 09:30）');

/** An instant, stored as an ISO-8601 string (UTC). */
export const timestampSchema = z.string().datetime({ offset: true, error: '时间戳格式不正确' });

export const requiredText = (label: string, max = 200) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 个字`);

export const optionalText = (label: string, max = 2000) =>
  z.string().trim().max(max, `${label}不能超过 ${max} 个字`).default('');

/**
 * A long text as typed into a multi-line box: trailing whitespace and blank lines before the first line of text go,
 * the first line's indentation (full-width or ASCII spaces, the 首行缩进 of Chinese minutes) stays, as every later
 * line's does; nothing but whitespace is empty.
 */
export function trimLongText(value: string): string {
  // Most stored texts need nothing: checked at both ends first (a restore parses hundreds of thousands of them).
  if (!/\s$/u.test(value) && !/^[^\S\r\n]*[\r\n]/u.test(value)) return value;
  return value.replace(/\s+$/u, '').replace(/^(?:[^\S\r\n]*(?:\r\n|\r|\n))+/u, '');
}

/** A multi-line text field (会议内容, 发言摘要, 检查情况 …): like optionalText, but keeps the first line's indentation. */
export const optionalLongText = (label: string, max = 2000) =>
  z.string().overwrite(trimLongText).max(max, `${label}不能超过 ${max} 个字`).default('');

/** A multi-line text that must be filled (述职内容, 点评内容 …): like requiredText, but keeps the first line's indentation. */
export const requiredLongText = (label: string, max = 2000) =>
  z
    .string({ error: `请填写${label}` })
    .overwrite(trimLongText)
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 个字`);

/** Fields every stored row has. */
export const rowBase = {
  id: idSchema,
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
};

/** Fields every row that belongs to a branch has. */
export const branchRowBase = {
  ...rowBase,
  branchId: idSchema,
};

/** Fields a form never edits: stamped by the repository. */
export const SYSTEM_FIELDS = { id: true, createdAt: true, updatedAt: true } as const;
export const BRANCH_SYSTEM_FIELDS = { ...SYSTEM_FIELDS, branchId: true } as const;
