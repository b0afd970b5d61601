// 修改考评 and the rest of the 考评 form in a DOM: a saved 考评 opens at its saved scores, whatever was 补录 since, and
// only 「按当前记录重新计算」 changes them, showing each item 原 → 现 first; a 上级评定 says whose score it changes and
// needs a 修改理由; a manual item takes 佐证 (shown by the result page) and, below its 满分, a 扣分说明; the preview is
// what is saved, to the hundredth; the 考评日期 lies within the period and today; no 「再保存一份」 hint on 修改.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Assessment } from '../../../shared/schemas';
import { chinaToday } from '../../../shared/schemas';
import { AppProviders } from '../../../renderer/src/app/providers';
import { db } from '../../../renderer/src/db/db';
import { listAudit } from '../../../renderer/src/db/repositories/audit';
import { createAssessment, listAssessments } from '../../../renderer/src/db/repositories/assessments';
import { createBranch } from '../../../renderer/src/db/repositories/branches';
import { ensureBuiltInStandards, getStandard } from '../../../renderer/src/db/repositories/standards';
import { AssessmentForm } from '../../../renderer/src/features/standards/AssessmentForm';
import { AssessmentView } from '../../../renderer/src/features/standards/AssessmentView';
import { committee, selfAssessment, setUp, STANDARDIZATION_ID } from './assessmentFixtures';

afterEach(cleanup);
beforeEach(() => {
  vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(() => undefined);
  return () => vi.restoreAllMocks();
});

const TODAY = chinaToday();
const THIS_YEAR = Number(TODAY.slice(0, 4));

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
const valueOf = (label: string) => (screen.getByLabelText(label) as HTMLInputElement).value;
const save = () => fireEvent.click(screen.getByRole('button', { name: '保存' }));

function typeDate(label: string, text: string) {
  const input = screen.getByLabelText(label);
  fireEvent.focus(input);
  fireEvent.mouseDown(input);
  fireEvent.change(input, { target: { value: text } });
  fireEvent.blur(input);
}

/** The built-in's manual items typed at their 满分 (a new 考评; no records, so automatic items are 0). */
async function typeManualAtMax(except: string[] = []) {
  const standard = (await getStandard(STANDARDIZATION_ID))!;
  for (const item of standard.items) {
    if (item.rule.kind === 'manual' && !except.includes(item.code)) type(`${item.code} 得分`, String(item.maxScore));
  }
}

/** A 2025 自评 (A1 1 分 from 10 months of 支委会, total 76), then the two missing months 补录. */
async function savedThenBackfilled(changes: Parameters<typeof selfAssessment>[0] = {}) {
  const branch = await setUp();
  const saved = await createAssessment(branch.id, await selfAssessment(changes));
  await db.meetings.bulkAdd([committee(branch.id, 3), committee(branch.id, 10)]);
  return saved;
}

// antd renders slowly in happy-dom on a busy machine: generous timeouts, no behaviour depends on them.
describe('修改考评', { timeout: 60_000 }, () => {
  it('opens at the saved scores after records were 补录; a 评语 edit saves the same total', async () => {
    const saved = await savedThenBackfilled();
    expect(saved.total).toBe(76);
    const { onSaved } = await renderForm({ assessment: saved });

    // Not 2 分 and 77 分: the saved score stays, and the form says what today's records would give.
    expect(valueOf('A1 得分')).toBe('1');
    expect(screen.getByLabelText('总分').textContent).toBe('76 分');
    expect(screen.getByText('按当前记录计算，有 1 项的自动得分与保存时不同（A1）。')).toBeTruthy();
    expect(within(rowOf('A1')).getByText('按当前记录为 2 分')).toBeTruthy();
    expect(screen.queryByLabelText('A1 调整理由')).toBeNull();

    type('C1 评语/扣分说明', '述职材料齐全');
    expect(within(screen.getByRole('list', { name: '本次修改' })).getByText(/C1 .*评语\/扣分说明已修改/)).toBeTruthy();
    save();
    await waitFor(() => expect(onSaved).toHaveBeenCalled(), { timeout: 10_000 });
    const stored = (await db.assessments.get(saved.id))!;
    expect(stored.total).toBe(76);
    expect(stored.scores.find((s) => s.code === 'A1')!.score).toBe(1);
    expect(stored.scores.find((s) => s.code === 'C1')!.comment).toBe('述职材料齐全');
  });

  it('按当前记录重新计算 shows each item 原 → 现 and the total before saving; the audit names the item', async () => {
    const saved = await savedThenBackfilled();
    const { onSaved } = await renderForm({ assessment: saved });

    fireEvent.click(screen.getByRole('button', { name: '按当前记录重新计算' }));
    const changes = await screen.findByRole('list', { name: '重新计算的变化' });
    expect(within(changes).getByText('A1 支委会每月召开1次：原 1 分 → 现 2 分')).toBeTruthy();
    expect(within(changes).getByText('总分：原 76 分 → 现 77 分')).toBeTruthy();
    expect(within(rowOf('A1')).getByText('原 1 分 → 现 2 分')).toBeTruthy();
    expect(valueOf('A1 得分')).toBe('2');
    expect(screen.getByLabelText('总分').textContent).toBe('77 分');

    // Undone, the saved scores are back; done again, and saved.
    fireEvent.click(screen.getByRole('button', { name: '撤销重新计算，保持保存时的得分' }));
    await waitFor(() => expect(valueOf('A1 得分')).toBe('1'), { timeout: 10_000 });
    expect(screen.getByLabelText('总分').textContent).toBe('76 分');
    fireEvent.click(screen.getByRole('button', { name: '按当前记录重新计算' }));
    await screen.findByRole('list', { name: '重新计算的变化' });
    save();
    await waitFor(() => expect(onSaved).toHaveBeenCalled(), { timeout: 10_000 });
    expect((await db.assessments.get(saved.id))!.total).toBe(77);
    const entry = (await listAudit('assessment', saved.id, saved.branchId)).at(-1)!;
    expect(entry.summary).toContain('A1 支委会每月召开1次：1 → 2 分');
    expect(entry.summary).toContain('总分 76 → 77 分');
  });

  it('a 上级评定 says it changes the higher body’s score, and is saved only with a 修改理由', async () => {
    const saved = await savedThenBackfilled({ kind: '上级评定', assessor: '机关党委', date: '2026-02-01' });
    const { onSaved } = await renderForm({ assessment: saved });
    const warning = screen.getByText('正在修改上级评定').closest('.ant-alert') as HTMLElement;
    expect(warning.textContent).toContain('这是机关党委作出的2025年度上级评定（2026-02-01，76 分');
    expect(warning.textContent).toContain('修改会改变上级党组织评定的得分和等次，须填写修改理由');
    // Records 补录 since change nothing here either.
    expect(valueOf('A1 得分')).toBe('1');

    type('D1 评语/扣分说明', '补充说明');
    save();
    const reason = screen.getByLabelText('修改理由');
    const item = reason.closest('.ant-form-item') as HTMLElement;
    await waitFor(() => expect(within(item).getByText('修改上级评定须填写修改理由')).toBeTruthy(), { timeout: 10_000 });
    expect(onSaved).not.toHaveBeenCalled();
    expect(await db.assessments.get(saved.id)).toEqual(saved);

    type('修改理由', '机关党委复核通知');
    save();
    await waitFor(() => expect(onSaved).toHaveBeenCalled(), { timeout: 10_000 });
    const entry = (await listAudit('assessment', saved.id, saved.branchId)).at(-1)!;
    expect(entry.reason).toBe('机关党委复核通知');
    expect((await db.assessments.get(saved.id))!.total).toBe(76);
  });

  it('shows no 「再保存一份」 hint for the 考评 being edited, though its year has another', async () => {
    const branch = await setUp();
    const first = await createAssessment(branch.id, await selfAssessment());
    await createAssessment(branch.id, await selfAssessment({ date: '2026-02-01' }));
    await renderForm({ assessment: first });
    expect(screen.queryByText(/再保存一份/)).toBeNull();
    expect(screen.queryByText(/本支部已有/)).toBeNull();
  });
});

describe('manual items: 佐证 and 扣分说明', { timeout: 60_000 }, () => {
  it('picks 佐证 for a manual item from the period’s records; the result page drills down to them', async () => {
    const saved = await savedThenBackfilled();
    const { onSaved } = await renderForm({ assessment: saved });

    // Found by typing part of the name, as a long year of records is searched.
    const pick = async (search: string, title: string) => {
      const picker = screen.getByLabelText('C1 佐证');
      fireEvent.mouseDown(picker);
      fireEvent.change(picker, { target: { value: search } });
      fireEvent.click(await screen.findByTitle(title));
    };
    await pick('12月支委会', '2025-12-10 支委会 12月支委会');
    await pick('罗雪', '责任清单：罗雪（第一责任人，2025年度）');
    save();
    await waitFor(() => expect(onSaved).toHaveBeenCalled(), { timeout: 10_000 });
    const stored = (await db.assessments.get(saved.id))!;
    expect(stored.scores.find((s) => s.code === 'C1')!.evidenceIds).toEqual(['zwh-2025-12', 'resp-2025']);
    cleanup();

    render(
      <AppProviders>
        <AssessmentView assessment={stored} />
      </AppProviders>,
    );
    fireEvent.click(await screen.findByRole('button', { name: '查看佐证 C1（2 条）' }));
    const list = await screen.findByRole('list', { name: '本项的佐证' });
    const links = within(list).getAllByRole('link');
    expect(links.map((a) => a.textContent)).toEqual([
      '2025-12-10 第12次支委会：12月支委会',
      '责任清单：罗雪（第一责任人，2025年度）',
    ]);
    // The change is in the page's 修改记录, item by item.
    const history = await screen.findByRole('list', { name: '修改记录' });
    expect(history.textContent).toContain('C1 书记履行第一责任人职责：佐证 0 → 2 条');
  });

  it('a manual score below its 满分 needs a 扣分说明, said under the box; nothing is saved without it', async () => {
    const { onSaved } = await renderForm();
    await typeManualAtMax(['C1']);
    type('C1 得分', '9');
    type('考评人', '张三');
    // Not while typing: only once 保存 is tried.
    expect(within(rowOf('C1')).queryByText('得分低于满分，须填写扣分说明')).toBeNull();
    expect(screen.getByLabelText('C1 评语/扣分说明').getAttribute('placeholder')).toBe('扣分说明（必填）：扣分的原因');
    save();
    await waitFor(() => expect(within(rowOf('C1')).getByText('得分低于满分，须填写扣分说明')).toBeTruthy(), {
      timeout: 10_000,
    });
    expect(screen.getByLabelText('C1 评语/扣分说明').getAttribute('aria-invalid')).toBe('true');
    expect(onSaved).not.toHaveBeenCalled();
    expect(await db.assessments.count()).toBe(0);

    type('C1 评语/扣分说明', '述职材料缺书面报告，扣1分');
    save();
    await waitFor(() => expect(onSaved).toHaveBeenCalled(), { timeout: 10_000 });
  });
});

describe('the preview is what is saved', { timeout: 60_000 }, () => {
  it('1.025 + 4.975: the total and grade shown equal those saved; the box rounds to two decimals', async () => {
    const { onSaved } = await renderForm();
    await typeManualAtMax(['A8', 'B2']);
    type('A8 得分', '1.025');
    type('B2 得分', '4.975');
    type('A8 评语/扣分说明', '要素不全');
    type('B2 评语/扣分说明', '复查不及时');
    type('考评人', '张三');
    const shownTotal = screen.getByLabelText('总分').textContent;
    const shownGrade = screen.getByLabelText('等次').textContent;
    save();
    await waitFor(() => expect(onSaved).toHaveBeenCalled(), { timeout: 10_000 });
    const [stored] = await db.assessments.toArray();
    expect(shownTotal).toBe(`${stored!.total} 分`);
    expect(shownGrade).toBe(stored!.grade || '—');
    expect(stored!.scores.find((s) => s.code === 'A8')!.score).toBe(1.03);
    expect(stored!.scores.find((s) => s.code === 'B2')!.score).toBe(4.98);
  });

  it('leaving a score box rounds what it holds to two decimals and shows no trailing zeros', async () => {
    await renderForm();
    const a8 = screen.getByLabelText('A8 得分');
    fireEvent.focus(a8);
    type('A8 得分', '1.025');
    fireEvent.blur(a8);
    await waitFor(() => expect(valueOf('A8 得分')).toBe('1.03'), { timeout: 10_000 });
    type('A8 得分', '5');
    fireEvent.blur(a8);
    await waitFor(() => expect(valueOf('A8 得分')).toBe('5'), { timeout: 10_000 });
    // The built-in uses half points: the arrows step by 0.5.
    expect(a8.getAttribute('step')).toBe('0.5');
  });
});

describe('考评日期', { timeout: 60_000 }, () => {
  it('is refused before the period starts and after today, under the field; nothing is saved', async () => {
    const { onSaved } = await renderForm();
    await typeManualAtMax();
    type('考评人', '张三');
    const dateItem = () => screen.getByLabelText('考评日期').closest('.ant-form-item') as HTMLElement;

    typeDate('考评日期', `${THIS_YEAR - 1}-06-01`);
    await waitFor(
      () => expect(within(dateItem()).getByText(`考评日期不能早于考评期间开始（${THIS_YEAR}-01-01）`)).toBeTruthy(),
      { timeout: 10_000 },
    );
    save();
    const tomorrow = new Date(Date.parse(`${TODAY}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    typeDate('考评日期', tomorrow);
    await waitFor(() => expect(within(dateItem()).getByText(`考评日期不能晚于今天（${TODAY}）`)).toBeTruthy(), {
      timeout: 10_000,
    });
    save();
    await new Promise((r) => setTimeout(r, 200));
    expect(onSaved).not.toHaveBeenCalled();
    expect(await db.assessments.count()).toBe(0);

    typeDate('考评日期', TODAY);
    await waitFor(() => expect(within(dateItem()).queryByText(/考评日期不能/)).toBeNull(), { timeout: 10_000 });
  });
});
