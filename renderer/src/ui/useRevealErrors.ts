// After a 保存 that did not save: the first problem in page order is scrolled to and focused, and a message says how many.
import { App } from 'antd';
import { useEffect, useRef, type RefObject } from 'react';
import type { FieldErrors, FieldValues } from 'react-hook-form';

/**
 * What a form marks as wrong, in page order: its banner of the repository's refusal (focusable, `tabIndex={-1}`), a
 * form item showing an error, or an input marked invalid outside a form item (a table cell).
 */
const PROBLEM = '[data-error-banner], .ant-form-item-has-error, [aria-invalid="true"]';
/** When no field is marked (a refusal about the record as a whole): the list of every problem, if the form has one. */
const SUMMARY = '[data-error-summary]';
const FOCUSABLE = 'input:not([type="file"]), textarea';

/** How many messages a react-hook-form error tree holds (a field array's rows and `root` included). */
export function countErrors(errors: unknown): number {
  if (typeof errors !== 'object' || errors === null) return 0;
  // A leaf: { type, message, ref }. Its ref is a DOM node or input handle, never walked.
  if ('type' in errors && typeof errors.type === 'string') return 'message' in errors && errors.message ? 1 : 0;
  return Object.values(errors).reduce<number>((sum, child) => sum + countErrors(child), 0);
}

function revealFirstProblem(container: HTMLElement): void {
  const first = container.querySelector<HTMLElement>(PROBLEM) ?? container.querySelector<HTMLElement>(SUMMARY);
  if (!first) return;
  first.scrollIntoView({ block: 'center' });
  // A Select's search box and a DatePicker's text box are inputs too, so every kind of field can take the focus.
  const target =
    first.matches('[data-error-banner], [data-error-summary]') || first.matches(FOCUSABLE)
      ? first
      : first.querySelector<HTMLElement>(FOCUSABLE);
  target?.focus({ preventScroll: true });
}

export interface RevealState {
  /** Counts the 保存 presses that ended; a new value, once nothing is pending, is what reveals. */
  attempt: number;
  /** A 保存 still running (the repository has not answered yet). */
  pending?: boolean;
  /** How many problems that 保存 left; 0 reveals nothing. */
  count: number;
  /** The repository's refusal of the record as a whole: said as it is when it is the only problem. */
  banner?: string;
}

/**
 * Reveals the problems after each 保存 that did not save. A long form's messages are mostly off screen, and
 * react-hook-form's own focus follows registration order (skipping fields without a focusable ref), not the page: a
 * form using this passes `shouldFocusError: false`.
 */
export function useRevealErrors(container: RefObject<HTMLElement | null>, state: RevealState): void {
  const { message } = App.useApp();
  const { attempt, pending = false, count, banner } = state;
  const revealed = useRef(attempt);
  useEffect(() => {
    if (pending || attempt === revealed.current) return;
    revealed.current = attempt;
    if (count === 0) return;
    if (container.current) revealFirstProblem(container.current);
    message.error(count === 1 && banner ? banner : `有 ${count} 处需要修改，请查看标红的项目`);
  }, [container, attempt, pending, count, banner, message]);
}

/** useRevealErrors for a react-hook-form form: its submit count, its errors, and `errors.root.repository` as banner. */
export function useRevealFormErrors<T extends FieldValues>(
  container: RefObject<HTMLElement | null>,
  formState: { errors: FieldErrors<T>; submitCount: number; isSubmitting: boolean },
): void {
  const { errors, submitCount, isSubmitting } = formState;
  useRevealErrors(container, {
    attempt: submitCount,
    pending: isSubmitting,
    count: countErrors(errors),
    banner: errors.root?.repository?.message,
  });
}
