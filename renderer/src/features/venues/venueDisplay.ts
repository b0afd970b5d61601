// Small display helpers shared by the venue list and a venue's page.
import { daysBetween } from '../../../../shared/schemas';

export interface DueState {
  text: string;
  overdue: boolean;
}

/** The next re-check as shown: its date, and how late it is when the date has passed. */
export function dueState(nextDueDate: string | undefined, today: string): DueState | null {
  if (!nextDueDate) return null;
  const late = daysBetween(nextDueDate, today);
  return { text: nextDueDate, overdue: late > 0 };
}

export function overdueLabel(nextDueDate: string, today: string): string {
  return `已逾期 ${daysBetween(nextDueDate, today)} 天`;
}
