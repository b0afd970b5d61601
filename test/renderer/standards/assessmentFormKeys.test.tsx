// The 考评 form takes the forms' keys (formKeys.ts): Enter in 考评人 or in a score box goes on to the next field and saves
// nothing; Enter in a 评语 is a new line; Ctrl+Enter saves from anywhere — or, on a half-filled 考评, shows the first
// problem and how many there are, as 保存 does; 保存 names its shortcut.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BUILT_IN_STANDARDS } from '../../../shared/standards';
import { AppProviders } from '../../../renderer/src/app/providers';
import { db } from '../../../renderer/src/db/db';
import { createBranch } from '../../../renderer/src/db/repositories/branches';
import { ensureBuiltInStandards, getStandard } from '../../../renderer/src/db/repositories/standards';
import { AssessmentForm } from '../../../renderer/src/features/standards/AssessmentForm';

afterEach(cleanup);
beforeEach(() => {
  vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(() => undefined);
  return () => vi.restoreAllMocks();
});

const STANDARDIZATION_ID = BUILT_IN_STANDARDS.find((s) => s.fields.builtInKey === 'standardization')!.id;

async function renderForm() {
  await ensureBuiltInStandards();
  const branch = await createBranch({ name: '甲支部', termStart: '2020-01-01', termEnd: '2027-12-31' });
  const onSaved = vi.fn();
  render(
    <AppProviders>
      <AssessmentForm branch={branch} others={[]} onSaved={onSaved} onCancel={() => undefined} />
    </AppProviders>,
  );
  await screen.findByLabelText('A8 得分', undefined, { timeout: 10_000 });
  return { onSaved };
}

const box = (label: string) => screen.getByLabelText(label);
const type = (label: string, value: string) => fireEvent.change(box(label), { target: { value } });
/** fireEvent returns false when the form prevented the key's default. */
const enter = (element: HTMLElement, init: Record<string, unknown> = {}) => {
  element.focus();
  return fireEvent.keyDown(element, { key: 'Enter', code: 'Enter', ...init });
};

// antd renders slowly in happy-dom on a busy machine: generous timeouts, no behaviour depends on them.
describe('考评 form keys', { timeout: 40_000 }, () => {
  it('Enter goes on from 考评人 and from a score, a 评语 takes a new line; Ctrl+Enter saves', async () => {
    const { onSaved } = await renderForm();
    const manual = (await getStandard(STANDARDIZATION_ID))!.items.filter((i) => i.rule.kind === 'manual');
    for (const item of manual) type(`${item.code} 得分`, String(item.maxScore));

    type('考评人', '张三');
    expect(enter(box('考评人'))).toBe(false);
    expect(document.activeElement).toBe(box('考评日期'));
    const first = manual[0]!.code;
    expect(enter(box(`${first} 得分`))).toBe(false);
    expect(document.activeElement).toBe(box(`${first} 评语/扣分说明`));
    expect(enter(box(`${first} 评语/扣分说明`))).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(onSaved).not.toHaveBeenCalled();
    expect(screen.queryByText('未能保存，请修改以下内容')).toBeNull();

    const save = screen.getByRole('button', { name: '保存' });
    expect(save.getAttribute('aria-keyshortcuts')).toBe('Control+Enter');
    expect(document.getElementById(save.getAttribute('aria-describedby')!)?.textContent).toBe(
      '快捷键：Ctrl+Enter 保存；在单行输入框中按回车跳到下一项',
    );
    enter(box(`${first} 评语/扣分说明`), { ctrlKey: true });
    await waitFor(() => expect(onSaved).toHaveBeenCalled(), { timeout: 10_000 });
    expect(await db.assessments.toArray()).toMatchObject([{ assessor: '张三', kind: '自评' }]);
  });

  it('Ctrl+Enter on a half-filled 考评 saves nothing: it shows 考评人 first and says how many', async () => {
    const { onSaved } = await renderForm();
    type('A8 得分', '5');
    enter(box('A8 得分'), { ctrlKey: true });

    expect(await screen.findByText(/^有 \d+ 处需要修改，请查看标红的项目$/)).toBeTruthy();
    expect(screen.getByText('未能保存，请修改以下内容')).toBeTruthy();
    expect(document.activeElement).toBe(box('考评人'));
    expect(onSaved).not.toHaveBeenCalled();
    expect(await db.assessments.count()).toBe(0);
  });
});
