// Which 考评 counts when a year has several of one kind: the rule of the 历年考评得分 chart and the 迎检卷宗's note.
import type { Assessment } from '../schemas/entities';

type Counted = Pick<Assessment, 'periodStart' | 'kind' | 'date' | 'createdAt'>;

/** The year an assessment is counted in: the year its period starts. */
export const countedYearOf = (a: Pick<Assessment, 'periodStart'>): string => a.periodStart.slice(0, 4);

/** The group an assessment competes in for its year's score (the key of countedAssessments): one year, one kind. */
export const countedGroupOf = (a: Pick<Assessment, 'periodStart' | 'kind'>): string => `${countedYearOf(a)}|${a.kind}`;

/** Whether `a` counts instead of `b` (same year and kind): the later 考评日期; on one day, the one saved later. */
export function countsOver(a: Counted, b: Counted): boolean {
  return a.date > b.date || (a.date === b.date && a.createdAt > b.createdAt);
}

/**
 * Each year's and kind's assessment that counts — the one 历年考评得分 shows — with how many of that year and kind
 * there are, keyed by countedGroupOf.
 */
export function countedAssessments<A extends Counted>(
  assessments: readonly A[],
): Map<string, { counted: A; of: number }> {
  const out = new Map<string, { counted: A; of: number }>();
  for (const a of assessments) {
    const key = countedGroupOf(a);
    const seen = out.get(key);
    if (!seen) out.set(key, { counted: a, of: 1 });
    else out.set(key, { counted: countsOver(a, seen.counted) ? a : seen.counted, of: seen.of + 1 });
  }
  return out;
}
