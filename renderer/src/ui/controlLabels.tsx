// Chinese names for the antd controls that name themselves in English or not at all: a select's and an input's clear
// button, and a table's 上一页/下一页 buttons. The zh_CN locale does not reach these; pass them where the control is made.
import type { PaginationProps } from 'antd';
import { cloneElement, isValidElement, type ReactElement } from 'react';
import { CloseCircleFilled } from './icons';
// Shows a select's 清除 button while it has keyboard focus (it is otherwise drawn only under the mouse).
import './controlLabels.css';

/**
 * `allowClear` of an antd Select. With a bare `allowClear` rc-select labels its button with a built-in English
 * 「Clear」 (a screen reader read 「Clear 按钮」); the icon is antd's usual one. The button is a Tab stop after the
 * select; controlLabels.css draws it while it has keyboard focus.
 */
export const SELECT_CLEAR = { clearIcon: <CloseCircleFilled />, label: '清除' };

/** `allowClear` of an antd Input: its clear button has no label of its own, so the icon names it. */
export const INPUT_CLEAR = { clearIcon: <CloseCircleFilled aria-label="清除" /> };

/** Takes the button an icon is drawn in out of the Tab order; it stays clickable and keeps its name. */
function buttonOutOfTabOrder(icon: HTMLSpanElement | null) {
  const button = icon?.closest('button');
  if (button) button.tabIndex = -1;
}

/**
 * `allowClear` of an antd DatePicker (DateInput). rc-picker names its button 清除 from the zh_CN locale, but makes it a
 * Tab stop after every filled date, where the keys of the next field were lost (a date typed after one Tab went
 * nowhere). Emptying the text clears a date just as well, so the button is for the mouse only. rc-picker takes no
 * props for the button: the icon's ref reaches it. (A select's 清除 stays a Tab stop: SELECT_CLEAR.)
 */
export const DATE_CLEAR = { clearIcon: <CloseCircleFilled ref={buttonOutOfTabOrder} /> };

/**
 * `itemRender` of a table's pagination: antd draws 上一页/下一页 as buttons holding only an arrow icon, named by it in
 * English (「left」「right」) — the page list's own 上一页 title is on the list item around the button.
 */
export const namedPageButtons: NonNullable<PaginationProps['itemRender']> = (_page, type, original) =>
  (type === 'prev' || type === 'next') && isValidElement(original)
    ? cloneElement(original as ReactElement<{ 'aria-label'?: string }>, {
        'aria-label': type === 'prev' ? '上一页' : '下一页',
      })
    : original;
