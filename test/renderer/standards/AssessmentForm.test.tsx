// 考评 in a DOM: a score over the item's 满分 is flagged in its row as typed (「超过满分 6 分」) and never counted in the
// total; 保存 shows every problem in one pass and focuses the first; each item takes a 评语/扣分说明; a new 考评 follows
// the latest one and warns of a second one of the same year and kind.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Assessment } from '../../../shared/schemas';
import { chinaToday } from '../../../shared/schemas';
import { BUILT_IN_STANDARDS } from '../../../shared/standards';
import { AppProviders } from '../../../renderer/src/app/providers';
import { db } from '../../../renderer/src/db/db';
import { createAssessment, listAssessments } from '../../../renderer/src/db/repositories/assessments';
import { createBranch } from '../../../renderer/src/db/repositories/branches';
import { copyStandard, ensureBuiltInStandards, getStandard } from '../../../renderer/src/db/repositories/standards';
import { AssessmentForm } from '../../../renderer/src/features/standards/AssessmentForm';

afterEach(cleanup);

// Elements scrolled into view, in order (happy-dom does not scroll, so the call itself is what is checked).
let scrolled: Element[] = [];
beforeEach(() => {
  scrolled = [];
  vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(function (this: Element) {
    scrolled.push(this);
  });
  return () => vi.restoreAllMocks();
});

const STANDARDIZATION_ID = BUILT_IN_STANDARDS.find((s) => s.fields.builtInKey === 'standardization')!.id;
const THIS_YEAR = Number(chinaToday().slice(0, 4));

async function renderForm(options: { assessment?: Assessment } = {}) {
  await ensureBuiltInStandards();
  const branch =
    (await db.branches.toCollection().first()) ??
    (await createBranch({ name: '甲支部', termStart: '2020-01-01', termEnd: '2027-12-31' }));
  const others = await listAssessments(branch.id);
  const onSaved = vi.fn();
  render(
    <AppProviders>
      <AssessmentForm
        branch={branch}
        assessment={options.assessment}
        others={others}
        onSaved={onSaved}
        onCancel={() => undefined}
      />
    </AppProviders>,
  );
  await screen.findByLabelText('A8 得分', undefined, { timeout: 10_000 });
  return { branch, onSaved };
}

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const rowOf = (code: string) => screen.getByLabelText(`${code} 得分`).closest('tr') as HTMLElement;

/** The built-in's manual items, each at its 满分. */
async function manualItems() {
  const standard = (await getStandard(STANDARDIZATION_ID))!;
  return standard.items.filter((i) => i.rule.kind === 'manual');
}

// antd renders slowly in happy-dom on a busy machine: generous timeouts, no behaviour depends on them.
describe('考评 form', { timeout: 40_000 }, () => {
  it('flags a score over 满分 in its row as it is typed, and the total never counts it', async () => {
    await renderForm();
    const a8 = screen.getByLabelText('A8 得分');
    expect(a8.getAttribute('aria-valuemax')).toBe('6');
    type('A8 得分', '99');

    // The row names the item already: the message under the box is short.
    const message = '超过满分 6 分';
    await waitFor(() => expect(within(rowOf('A8')).getByText(message)).toBeTruthy());
    expect(a8.getAttribute('aria-invalid')).toBe('true');
    // Kept as typed, not silently changed to 6.
    expect((a8 as HTMLInputElement).value).toBe('99');
    // No records: automatic items 0 but A3 (no 党小组: 不适用, 3 in full); A8 is not counted, no 等次 is claimed.
    await waitFor(() => expect(screen.getByLabelText('总分').textContent).toBe('3 分'));
    expect(screen.getByText('（A8 的得分超出范围，未计入）')).toBeTruthy();
    expect(screen.getByLabelText('等次').textContent).toBe('—');

    type('A8 得分', '5.5');
    await waitFor(() => expect(screen.getByLabelText('总分').textContent).toBe('8.5 分'));
    expect(screen.queryByText(message)).toBeNull();
  });

  it('保存 shows every problem at once: missing scores, 考评人, over 满分, an adjustment without a reason', async () => {
    const { onSaved } = await renderForm();
    const manual = await manualItems();
    for (const item of manual) if (!['A8', 'B2'].includes(item.code)) type(`${item.code} 得分`, String(item.maxScore));
    type('A8 得分', '99');
    type('A1 得分', '2');
    await screen.findByLabelText('A1 调整理由');

    fireEvent.click(screen.getByRole('button', { name: '保存' }));

    const alert = await screen.findByText('未能保存，请修改以下内容');
    const list = alert.closest('.ant-alert') as HTMLElement;
    await waitFor(() => {
      expect(within(list).getByText('请填写考评人')).toBeTruthy();
      expect(within(list).getByText('请填写“B2 阵地定期复查，发现问题及时整改；宣传栏按时更新”的得分')).toBeTruthy();
      expect(within(list).getByText(/A8 .*得分 99 分超过该项满分 6 分/)).toBeTruthy();
      expect(within(list).getByText('调整自动得分须填写理由：“A1 支委会每月召开1次”')).toBeTruthy();
    });
    // Each also shows where it is: under 考评人 (marked required) and in the rows.
    const assessor = screen.getByLabelText('考评人');
    const assessorItem = assessor.closest('.ant-form-item') as HTMLElement;
    expect(within(assessorItem).getAllByText('请填写考评人').length).toBeGreaterThan(0);
    expect(assessorItem.querySelector('.ant-form-item-required')).not.toBeNull();
    expect(within(rowOf('B2')).getByText('请填写得分')).toBeTruthy();
    expect(within(rowOf('A8')).getByText('超过满分 6 分')).toBeTruthy();
    expect(within(rowOf('A1')).getByText('调整自动得分须填写理由')).toBeTruthy();
    // The first in page order, 考评人 above the table, is scrolled to and focused; a message says how many.
    expect(await screen.findByText(/^有 \d+ 处需要修改，请查看标红的项目$/)).toBeTruthy();
    expect(document.activeElement).toBe(assessor);
    expect(scrolled[0]).toBe(assessorItem);
    expect(onSaved).not.toHaveBeenCalled();
    expect(await db.assessments.count()).toBe(0);

    // Fixing one clears it at once; the others stay.
    type('考评人', '张三');
    await waitFor(() => expect(within(list).queryByText('请填写考评人')).toBeNull());
    expect(within(list).getByText('调整自动得分须填写理由：“A1 支委会每月召开1次”')).toBeTruthy();
  });

  it('修改评分: after 保存, the first wrong score in page order is focused; the banner keeps the long message', async () => {
    const { onSaved } = await renderForm();
    const manual = await manualItems();
    for (const item of manual) type(`${item.code} 得分`, String(item.maxScore));
    type('考评人', '市人大机关第一党支部支部委员会');
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled(), { timeout: 10_000 });
    const [saved] = await db.assessments.toArray();
    cleanup();

    await renderForm({ assessment: saved });
    const [first, later] = [manual[0]!, manual.at(-1)!];
    type(`${later.code} 得分`, String(later.maxScore + 0.5));
    type(`${first.code} 得分`, String(first.maxScore + 1));
    fireEvent.click(screen.getByRole('button', { name: '保存' }));

    expect(await screen.findByText('有 2 处需要修改，请查看标红的项目')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText(`${first.code} 得分`));
    expect(within(rowOf(later.code)).getByText(`超过满分 ${later.maxScore} 分`)).toBeTruthy();
    const list = screen.getByText('未能保存，请修改以下内容').closest('.ant-alert') as HTMLElement;
    expect(
      within(list).getByText(
        `“${later.code} ${later.content}”得分 ${later.maxScore + 0.5} 分超过该项满分 ${later.maxScore} 分`,
      ),
    ).toBeTruthy();
    expect((await db.assessments.get(saved!.id))?.total).toBe(saved!.total);
  });

  it('saves each item’s 评语/扣分说明, and shows it again when the 考评 is edited', async () => {
    const { onSaved } = await renderForm();
    for (const item of await manualItems()) type(`${item.code} 得分`, String(item.maxScore));
    type('C1 得分', '9');
    type('C1 评语/扣分说明', '述职材料缺少书面报告，扣1分');
    type('考评人', '张三');
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled(), { timeout: 10_000 });

    const [saved] = await db.assessments.toArray();
    expect(saved!.scores.find((s) => s.code === 'C1')).toMatchObject({
      score: 9,
      comment: '述职材料缺少书面报告，扣1分',
    });
    cleanup();
    await renderForm({ assessment: saved });
    expect((screen.getByLabelText('C1 评语/扣分说明') as HTMLTextAreaElement).value).toBe(
      '述职材料缺少书面报告，扣1分',
    );
  });

  it('a new 考评 takes the latest one’s standard and year, and warns of a second 自评 of that year', async () => {
    await ensureBuiltInStandards();
    const branch = await createBranch({ name: '甲支部', termStart: '2020-01-01', termEnd: '2027-12-31' });
    const copy = await copyStandard(STANDARDIZATION_ID, '机关党支部考评标准');
    const year = THIS_YEAR - 2;
    await createAssessment(branch.id, {
      standardId: copy.id,
      periodStart: `${year}-01-01`,
      periodEnd: `${year}-12-31`,
      kind: '自评',
      assessor: '张三',
      date: `${year + 1}-01-10`,
      scores: copy.items.filter((i) => i.rule.kind === 'manual').map((i) => ({ code: i.code, score: i.maxScore })),
    });
    await renderForm();

    const standardShown = () => screen.getByLabelText('采用的评价标准').closest('.ant-select')?.textContent;
    const yearShown = () => screen.getByLabelText('考评年度').closest('.ant-select')?.textContent;
    expect(standardShown()).toBe('机关党支部考评标准');
    // That year already has its 自评: the next one.
    expect(yearShown()).toBe(`${year + 1}年`);
    expect(screen.queryByText(/本支部已有/)).toBeNull();

    fireEvent.mouseDown(screen.getByLabelText('考评年度'));
    fireEvent.click(await screen.findByTitle(`${year}年`));
    const warning = await screen.findByText(`本支部已有${year}年度自评`);
    expect(warning.closest('.ant-alert')?.textContent).toContain(`${year + 1}-01-10，考评人张三`);
    // A warning, not a refusal: the button is there to save it anyway.
    expect(screen.getByRole('button', { name: '保存' })).toBeTruthy();
  });
});
