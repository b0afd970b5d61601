// The record form's keys: Enter in a one-line box goes on to the next field instead of saving a half-filled record
// (it is what people press after the IME has committed a 主题); Ctrl+Enter saves from anywhere in the form.
import type { KeyboardEvent } from 'react';

/** What Enter moves between: the form's text boxes, date boxes and selects, in page order. */
const FIELD =
  'input:not([type="hidden"]):not([type="file"]):not([type="checkbox"]):not([type="radio"]):not([disabled]), textarea:not([disabled])';

/** A plain one-line text box: not a select's search box (role="combobox") nor a date box, which have their own Enter. */
function isOneLineText(element: HTMLInputElement): boolean {
  return (
    (element.type === 'text' || element.type === 'search') &&
    !element.hasAttribute('role') &&
    !element.closest('.ant-picker, .ant-select')
  );
}

function focusNextField(form: HTMLElement, from: HTMLElement): void {
  const fields = [...form.querySelectorAll<HTMLElement>(FIELD)].filter((el) => el.tabIndex >= 0);
  fields[fields.indexOf(from) + 1]?.focus();
}

/**
 * The form's onKeyDown. Enter in a one-line box moves to the next field; in a date box or a select it does only what
 * that control does (confirm the date, pick the option) and never submits; in a multi-line box it starts a new line.
 * Ctrl+Enter (⌘+Enter) calls `save`. Enter that ends an IME composition is the IME's.
 */
export function onRecordFormKeyDown(event: KeyboardEvent<HTMLFormElement>, save: () => void): void {
  if (event.key !== 'Enter' || event.nativeEvent.isComposing || event.keyCode === 229) return;
  if (event.ctrlKey || event.metaKey) {
    event.preventDefault();
    save();
    return;
  }
  const target = event.target;
  if (!(target instanceof HTMLInputElement)) return;
  // Implicit submission is the keydown's default action: prevented, a half-filled record is not saved.
  event.preventDefault();
  if (isOneLineText(target)) focusNextField(event.currentTarget, target);
}

/** Said beside 保存, so the keys are found without a manual. */
export const FORM_KEYS_HINT = '快捷键：Ctrl+Enter 保存；在单行输入框中按回车跳到下一项';
