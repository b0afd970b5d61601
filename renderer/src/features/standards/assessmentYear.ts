// The year a new 考评 scores by default, and the notice when its 考评日期 comes before the end of that year.
import { closingYear } from '../../../../shared/dates/closingYear';
import type { AssessmentKind } from '../../../../shared/domain/vocab';
import type { Assessment } from '../../../../shared/schemas';

/** How many years back the 考评年度 list goes. */
export const YEARS_BACK = 7;

export const assessmentYearOf = (a: Pick<Assessment, 'periodStart'>) => Number(a.periodStart.slice(0, 4));

/**
 * The year a new 考评 of `kind` most likely scores: the first year without one of that kind, counting from the latest
 * 考评's year (of any kind) up to the year being closed — last year in January and February (`closingYear`, as 卷宗导出),
 * else this year; when each of those years has one, this year. So in January 2026, after a 2025 自评, a 上级评定 or 群众评议
 * goes to 2025 while a second 自评 goes to 2026; and a branch that skipped a year's 自评 is offered that year first.
 * Never before the list's first year.
 */
export function defaultAssessmentYear(others: readonly Assessment[], kind: AssessmentKind, today: string): number {
  const thisYear = Number(today.slice(0, 4));
  const due = closingYear(today);
  const latest = others[0];
  const from = Math.max(thisYear - YEARS_BACK, Math.min(latest ? assessmentYearOf(latest) : due, due));
  for (let y = from; y <= due; y++) {
    if (!others.some((a) => assessmentYearOf(a) === y && a.kind === kind)) return y;
  }
  return thisYear;
}

const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * What to say when the 考评日期 comes before the end of the 考评期间 (a calendar year): the automatic items are scored
 * against the whole year's requirement, so the months still to come count as months without records. Undefined when
 * the year had ended by that date (or there is no date to judge by).
 */
export function openPeriodNotice(
  date: string | undefined,
  year: number,
): { title: string; description: string } | undefined {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date) || date >= `${year}-12-31`) return undefined;
  if (date < `${year}-01-01`) {
    return {
      title: `考评日期早于考评期间：${date} 时${year}年度还没有开始`,
      description: `自动得分不能反映${year}年度的工作。请核对考评年度和考评日期。`,
    };
  }
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  // Whole months over by the end of that day.
  const passed = month - 1 + (day === lastDayOfMonth(year, month) ? 1 : 0);
  return {
    title:
      passed === 0
        ? `考评期间尚未结束：截至考评日期（${date}），${year}年还不满一个月`
        : `考评期间尚未结束：截至考评日期（${date}），${year}年只过了 ${passed} 个月`,
    description:
      `自动得分按全年的要求计算，只反映已有的记录：还没过完的 ${12 - passed} 个月里尚未开展的工作都按缺少记录计分，` +
      `得分和等次会偏低。年度考评一般在年度结束后进行；如果考评的是上一年度，请把考评年度改为${year - 1}年。`,
  };
}
