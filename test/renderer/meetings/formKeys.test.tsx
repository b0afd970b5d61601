// The forms' key rule on its own: Enter in a one-line box (text or number) goes on to the next field and never submits;
// Enter in a multi-line box, on a button, or ending an IME composition keeps its own meaning; Ctrl+Enter saves; keys
// pressed in a dialog the form opened (a React child drawn outside the form) are left alone.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createPortal } from 'react-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formKeysHint, onFormKeyDown } from '../../../renderer/src/features/meetings/formKeys';

afterEach(cleanup);

function renderForm() {
  const save = vi.fn();
  const button = vi.fn();
  render(
    <form aria-label="表单" onKeyDown={(event) => onFormKeyDown(event, save)}>
      <input aria-label="名称" type="text" />
      <input aria-label="面积" role="spinbutton" />
      <textarea aria-label="说明" />
      <div className="ant-select">
        <input aria-label="类型" role="combobox" />
      </div>
      <input aria-label="管理人" type="text" />
      <button type="button" onClick={button}>
        添加
      </button>
      {createPortal(<input aria-label="对话框里的输入框" type="text" />, document.body)}
    </form>,
  );
  return { save, button };
}

const box = (label: string) => screen.getByLabelText(label);
/** fireEvent returns false when the handler prevented the key's default (the browser's implicit submission). */
const enter = (label: string, init: Record<string, unknown> = {}) => {
  box(label).focus();
  return fireEvent.keyDown(box(label), { key: 'Enter', code: 'Enter', ...init });
};

describe('onFormKeyDown', () => {
  it('Enter in a one-line text or number box goes on to the next field and does not submit', () => {
    const { save } = renderForm();
    expect(enter('名称')).toBe(false);
    expect(document.activeElement).toBe(box('面积'));
    // A number box (antd's InputNumber is a spinbutton) goes on too, rather than stopping dead.
    expect(enter('面积')).toBe(false);
    expect(document.activeElement).toBe(box('说明'));
    expect(save).not.toHaveBeenCalled();
  });

  it('Enter in a multi-line box is a new line; in a select it is the select’s own, and never submits', () => {
    renderForm();
    expect(enter('说明')).toBe(true);
    expect(document.activeElement).toBe(box('说明'));
    expect(enter('类型')).toBe(false);
    expect(document.activeElement).toBe(box('类型'));
  });

  it('Enter on a button is left to the button', () => {
    renderForm();
    const add = screen.getByRole('button', { name: '添加' });
    add.focus();
    expect(fireEvent.keyDown(add, { key: 'Enter' })).toBe(true);
  });

  it('an Enter that ends an IME composition is the IME’s', () => {
    const { save } = renderForm();
    expect(enter('名称', { keyCode: 229 })).toBe(true);
    expect(document.activeElement).toBe(box('名称'));
    expect(enter('名称', { isComposing: true })).toBe(true);
    expect(save).not.toHaveBeenCalled();
  });

  it('Ctrl+Enter (⌘+Enter) saves from any field, a multi-line box too', () => {
    const { save } = renderForm();
    expect(enter('说明', { ctrlKey: true })).toBe(false);
    expect(enter('名称', { metaKey: true })).toBe(false);
    expect(save).toHaveBeenCalledTimes(2);
  });

  it('leaves alone the keys of a dialog the form opened', () => {
    const { save } = renderForm();
    expect(enter('对话框里的输入框')).toBe(true);
    expect(enter('对话框里的输入框', { ctrlKey: true })).toBe(true);
    expect(save).not.toHaveBeenCalled();
  });

  it('says the keys with the form’s own save word', () => {
    expect(formKeysHint()).toBe('快捷键：Ctrl+Enter 保存；在单行输入框中按回车跳到下一项');
    expect(formKeysHint('登记')).toBe('快捷键：Ctrl+Enter 登记；在单行输入框中按回车跳到下一项');
  });
});
