// What a select shows as chosen, for a screen reader. antd's combobox is an <input> that holds only the search text
// (empty): the chosen label beside it was referred to by nothing, so NVDA read 「会议类型 组合框」 and never 支委会, and
// checking who is marked 请假 meant opening every 出席情况. The label the select draws gets an id, and the combobox is
// described by it (read after its name). The drawn label itself, so that no second copy of the text sits in the page.
import type { ReactNode } from 'react';

/** The id of the drawn label of the `index`-th chosen value of `selectId`. */
const chosenValueId = (selectId: string, index: number) => `${selectId}-chosen-${index}`;

/**
 * How many values are chosen in a select's `value` (one, none, or a multiple select's array): as antd counts them, so
 * each one it draws a label for is named. '' is one — an option of its own where a select offers it (「未评」,
 * 「（支部或集体）」); a field that stores '' for nothing passes undefined instead (SelectField's `emptyAs`).
 */
export function chosenCount(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  return value === undefined || value === null ? 0 : 1;
}

/**
 * `labelRender` of the select: each chosen label as antd would draw it (or `fallback` for a value none of the options
 * has), in an element with the id `describedByChosen` refers to.
 */
export function chosenLabelRender(selectId: string, value: unknown, fallback?: ReactNode) {
  const values: unknown[] = Array.isArray(value) ? value : [value];
  return (shown: { label?: ReactNode; value?: unknown }) => (
    <span id={chosenValueId(selectId, Math.max(0, values.indexOf(shown.value)))}>
      {shown.label ?? fallback ?? String(shown.value)}
    </span>
  );
}

/** The select's aria-describedby: what it has chosen first, then its own descriptions (an error message). */
export function describedByChosen(selectId: string, value: unknown, own?: string): string | undefined {
  const chosen = Array.from({ length: chosenCount(value) }, (_, index) => chosenValueId(selectId, index));
  return [...chosen, own ?? ''].filter(Boolean).join(' ') || undefined;
}
