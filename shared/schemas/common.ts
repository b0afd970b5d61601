// Building blocks shared by every entity schema: ids, China-local dates, timestamps, Chinese messages.
import { z } from 'zod';

/** Today's date in China (UTC+8, no DST) as YYYY-MM-DD, whatever the machine's time zone. */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Whole days from date a to date b (both YYYY-MM-DD); negative when b is earlier. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

function isRealDate(value: string): boolean {
  const t = Date.parse(`${value}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === value;
}

export const idSchema = z.string().min(1, '缺少编号');

/** A calendar date (YYYY-MM-DD), China local. */
export const dateSchema = z
  .string({ error: '请填写日期' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 年-月-日（如 2025-03-18）')
  .refine(isRealDate, '不是有效的日期');

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
