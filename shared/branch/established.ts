// 成立日期: the frequency rules ask nothing of a branch before the period it was founded in, and no record is newly
// dated before it (docs/data-model.md).
import type { Branch } from '../schemas/entities';

/** The branch's 成立日期, or undefined when none is recorded (the form stores an empty one as ''). */
export function establishedOf(branch: Partial<Pick<Branch, 'establishedDate'>>): string | undefined {
  return branch.establishedDate || undefined;
}

/**
 * Why a record cannot be dated `date`: the branch did not exist yet. `label` names the date as the form does
 * (「会议日期」). Undefined when the date is on or after the 成立日期, or the branch has none.
 */
export function beforeEstablishedMessage(
  label: string,
  date: string,
  establishedDate: string | undefined,
): string | undefined {
  if (!establishedDate || !date || date >= establishedDate) return undefined;
  return `${label}不能早于本支部成立日期（${establishedDate}）；如成立日期有误，请先在“支部概况”中修改`;
}
