// The 领导责任 form's value shape: a new list (the 书记 as 第一责任人 by default) or a stored list's editable fields.
import { sameName } from '../../../../shared/names';
import type { z } from 'zod';
import { secretariesDuring } from '../../../../shared/branch/committee';
import type { ResponsibilityRole } from '../../../../shared/domain/vocab';
import type {
  Branch,
  Member,
  Responsibility,
  ResponsibilityInput,
  responsibilityInputSchema,
} from '../../../../shared/schemas';

type TaskValues = Required<Omit<NonNullable<ResponsibilityInput['tasks']>[number], 'deadline' | 'carriedFrom'>> & {
  deadline?: string;
  /** Not edited in the form: passed back as stored (复制上一年度 sets it). */
  carriedFrom?: number;
};
type ReportValues = { date?: string; summary: string; rating: string };

/**
 * Like ResponsibilityInput with every field present; dates stay undefined while empty so zod names them, but for the
 * optional 任职起止 ('' once cleared).
 */
export type ResponsibilityFormValues = Required<Omit<ResponsibilityInput, 'tasks' | 'reports' | 'from' | 'to'>> & {
  tasks: TaskValues[];
  reports: ReportValues[];
  from?: string;
  to?: string;
};
export type ResponsibilityFormOutput = z.output<typeof responsibilityInputSchema>;

/**
 * The day whose 书记 a year's lists default to: today within the current year, else the last day of a past year or
 * the first of a coming one.
 */
export function referenceDay(year: number, today: string): string {
  const y = String(year).padStart(4, '0');
  if (today.startsWith(`${y}-`)) return today;
  return today < `${y}-01-01` ? `${y}-01-01` : `${y}-12-31`;
}

/**
 * The branch secretary on `day` as a roster member: by the committee's member link, else by name. A former 书记
 * (任职止 before the day) is not; on a handover day the successor is.
 */
export function secretaryOf(
  branch: Pick<Branch, 'committee'>,
  members: readonly Member[],
  day: string,
): Member | undefined {
  const secretary = secretariesDuring(branch.committee, day, day).at(-1);
  if (!secretary) return undefined;
  return (
    members.find((m) => m.id === secretary.memberId) ??
    members.find((m) => sameName(m.name, secretary.name) && !m.leftDate)
  );
}

/**
 * The 书记 of `year` in 支部概况 whom no 第一责任人 list of the year names: after a 年内换届 the committee has the new
 * 书记 while the lists still have only the former one, and the 卷宗's cover and its 领导有责任 then disagree.
 */
export function secretariesWithoutList(
  branch: Pick<Branch, 'committee'>,
  lists: readonly Pick<Responsibility, 'role' | 'holderMemberId' | 'holderName'>[],
  year: number,
): Branch['committee'] {
  const y = String(year).padStart(4, '0');
  const firsts = lists.filter((r) => r.role === '第一责任人');
  return secretariesDuring(branch.committee, `${y}-01-01`, `${y}-12-31`).filter(
    (s) =>
      !firsts.some((r) =>
        s.memberId && r.holderMemberId ? s.memberId === r.holderMemberId : sameName(s.name, r.holderName),
      ),
  );
}

export function emptyTask(): TaskValues {
  return { id: '', title: '', deadline: undefined, status: '未开始', note: '', evidenceMeetingIds: [] };
}

export function emptyReport(): ReportValues {
  return { date: undefined, summary: '', rating: '' };
}

/**
 * A new list: the 书记 is the 第一责任人 unless the year already has that list; anyone else starts as 直接责任人.
 */
export function emptyResponsibilityValues(
  year: number,
  secretary: Member | undefined,
  existing: readonly Responsibility[],
): ResponsibilityFormValues {
  const secretaryListed = existing.some((r) => r.role === '第一责任人');
  const holder = secretary && !secretaryListed ? secretary : undefined;
  const role: ResponsibilityRole = holder ? '第一责任人' : '直接责任人';
  return {
    year,
    holderMemberId: holder?.id ?? '',
    holderName: holder?.name ?? '',
    role,
    duties: [],
    tasks: [],
    reports: [],
    from: '',
    to: '',
  };
}

export function responsibilityToValues(r: Responsibility): ResponsibilityFormValues {
  return {
    year: r.year,
    holderMemberId: r.holderMemberId,
    holderName: r.holderName,
    role: r.role,
    duties: [...r.duties],
    from: r.from ?? '',
    to: r.to ?? '',
    tasks: r.tasks.map((t) => ({
      ...t,
      deadline: t.deadline || undefined,
      evidenceMeetingIds: [...t.evidenceMeetingIds],
    })),
    reports: r.reports.map((p) => ({ ...p })),
  };
}

/** Paths a repository issue may name that the form shows next to a field. */
export function isResponsibilityFieldPath(path: string): boolean {
  return /^(holderName|holderMemberId|role|from|to|duties\.\d+|tasks\.\d+\.(title|deadline|status|note|evidenceMeetingIds)|reports\.\d+\.(date|summary|rating))$/.test(
    path,
  );
}
