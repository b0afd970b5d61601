// The forms' keys, the same in every form that takes them: Enter in a one-line box goes on to the next field instead
// of saving a half-filled form (it is what people press after the IME has committed a 主题); Ctrl+Enter saves from
// anywhere in the form.
import type { KeyboardEvent } from 'react';

/** What Enter moves between: the form's text boxes, number boxes, date boxes and selects, in page order. */
const FIELD =
  'input:not([type="hidden"]):not([type="file"]):not([type="checkbox"]):not([type="radio"]):not([disabled]), textarea:not([disabled])';

/**
 * A plain one-line box: a text box or a number box (its Enter only commits the number), not a select's search box
 * (role="combobox") nor a date box, which have their own Enter.
 */
function isOneLineBox(element: HTMLInputElement): boolean {
  if (element.closest('.ant-picker, .ant-select')) return false;
  const role = element.getAttribute('role');
  if (role === 'spinbutton' || element.type === 'number') return true;
  return (element.type === 'text' || element.type === 'search') && role === null;
}

function focusNextField(form: HTMLElement, from: HTMLElement): void {
  const fields = [...form.querySelectorAll<HTMLElement>(FIELD)].filter((el) => el.tabIndex >= 0);
  fields[fields.indexOf(from) + 1]?.focus();
}

/**
 * A form's onKeyDown (on the <form>, or on the element that holds a form drawn without one). Enter in a one-line box
 * moves to the next field; in a date box or a select it does only what that control does (confirm the date, pick the
 * option) and never submits; in a multi-line box it starts a new line; on a button it presses the button. Ctrl+Enter
 * (⌘+Enter) calls `save`. Enter that ends an IME composition is the IME's. Keys pressed in a dialog the form opened
 * (a React child drawn outside the form, whose events still bubble here) are that dialog's own.
 */
export function onFormKeyDown(event: KeyboardEvent<HTMLElement>, save: () => void): void {
  if (event.key !== 'Enter' || event.nativeEvent.isComposing || event.keyCode === 229) return;
  const target = event.target;
  if (!(target instanceof Node) || !event.currentTarget.contains(target)) return;
  if (event.ctrlKey || event.metaKey) {
    event.preventDefault();
    save();
    return;
  }
  if (!(target instanceof HTMLInputElement)) return;
  // Implicit submission is the keydown's default action: prevented, a half-filled form is not saved.
  event.preventDefault();
  if (isOneLineBox(target)) focusNextField(event.currentTarget, target);
}

/**
 * A form's onKeyDown: onFormKeyDown whose Ctrl+Enter calls `save` unless the form is `busy` saving already, e.g.
 * `onKeyDown={formKeyDown(() => void onSubmit(), formState.isSubmitting)}`.
 */
export function formKeyDown(save: () => void, busy: boolean): (event: KeyboardEvent<HTMLElement>) => void {
  return (event) =>
    onFormKeyDown(event, () => {
      if (!busy) save();
    });
}

/** Said beside the form's save button (「保存」, 「登记」…), so the keys are found without a manual. */
export const formKeysHint = (save = '保存') => `快捷键：Ctrl+Enter ${save}；在单行输入框中按回车跳到下一项`;

export const FORM_KEYS_HINT = formKeysHint();

/** The save button's props: it names its shortcut, and is described by the hint (shown with the id `hintId`). */
export const saveKeysProps = (hintId: string) => ({
  'aria-keyshortcuts': 'Control+Enter',
  'aria-describedby': hintId,
});

/** formKeyDown for a <form>'s own onKeyDown: Ctrl+Enter submits that form (its onSubmit validates and saves). */
export function submitKeyDown(busy: boolean): (event: KeyboardEvent<HTMLElement>) => void {
  return (event) => {
    const form = event.currentTarget;
    onFormKeyDown(event, () => {
      if (!busy && form instanceof HTMLFormElement) form.requestSubmit();
    });
  };
}
