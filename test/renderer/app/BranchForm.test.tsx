// BranchForm in a DOM: empty, inconsistent or repeated input (two 书记, two 党小组 of one name) shows Chinese messages on
// the fields and writes nothing to the db; after 保存 the first of them in page order is scrolled to and focused.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../../renderer/src/app/providers';
import { db } from '../../../renderer/src/db/db';
import { createBranch } from '../../../renderer/src/db/repositories/branches';
import { createMember } from '../../../renderer/src/db/repositories/members';
import { memberInput } from '../meetings/fixtures';
import { BranchForm } from '../../../renderer/src/features/branch/BranchForm';

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

/** A branch as restored from a backup made before the rules: two 书记, and two 党小组 of one name if asked. */
async function storedWithTwoSecretaries(repeatedGroup: boolean) {
  const at = new Date().toISOString();
  await db.branches.add({
    id: 'b-old',
    name: '第一党支部',
    parentOrg: '',
    termStart: '2024-01-01',
    termEnd: '2027-01-01',
    committee: [
      { name: '张三', role: '书记' },
      { name: '李四', role: '书记' },
    ],
    partyGroups: [
      { id: 'g1', name: '第一党小组', leaderName: '' },
      { id: 'g2', name: repeatedGroup ? '第一党小组' : '第二党小组', leaderName: '' },
    ],
    unitSpirit: '',
    deptPhilosophy: '',
    createdAt: at,
    updatedAt: at,
  });
  return (await db.branches.get('b-old'))!;
}

function renderForm(props: Partial<Parameters<typeof BranchForm>[0]> = {}) {
  const onSaved = vi.fn();
  render(
    <AppProviders>
      <BranchForm onSaved={onSaved} {...props} />
    </AppProviders>,
  );
  return { onSaved };
}

describe('BranchForm', () => {
  it('submitted empty, shows 请填写支部名称 under the name field and stores nothing', async () => {
    const { onSaved } = renderForm();
    fireEvent.click(screen.getByRole('button', { name: '保存' }));

    const nameInput = await screen.findByLabelText('支部名称');
    await waitFor(() => expect(nameInput.getAttribute('aria-invalid')).toBe('true'));
    // antd's Form.Item shows its message a moment after the field is marked (its error list is debounced).
    const error = await screen.findByText('请填写支部名称', {}, { timeout: 5000 });
    // The message belongs to the name field: it sits inside the same form item.
    expect(error.closest('.ant-form-item')?.contains(nameInput)).toBe(true);
    expect(screen.getAllByText('请填写日期')).toHaveLength(2);
    expect(onSaved).not.toHaveBeenCalled();
    expect(await db.branches.count()).toBe(0);
  });

  it('every field has a visible label bound to its input', async () => {
    renderForm();
    for (const label of [
      '支部名称',
      '上级党组织',
      '成立日期',
      '本届开始日期',
      '本届结束日期',
      '单位精神',
      '科室理念',
    ]) {
      expect(screen.getByLabelText(label).tagName).toMatch(/INPUT|TEXTAREA/);
    }
    fireEvent.click(screen.getByRole('button', { name: /添加委员/ }));
    fireEvent.click(screen.getByRole('button', { name: /添加党小组/ }));
    expect(screen.getByRole('group', { name: '委员 1' })).toBeTruthy();
    for (const label of ['姓名', '职务', '任职起', '任职止', '名称', '组长']) {
      expect(screen.getByLabelText(label)).toBeTruthy();
    }
  });

  it('editing shows the stored record, and a bad change is refused without touching it', async () => {
    const stored = await createBranch({
      name: '第一党支部',
      parentOrg: '机关党委',
      termStart: '2024-01-01',
      termEnd: '2027-01-01',
      committee: [{ name: '张三', role: '书记' }],
    });
    const { onSaved } = renderForm({ branch: stored });
    const name = (await screen.findByLabelText('支部名称')) as HTMLInputElement;
    expect(name.value).toBe('第一党支部');
    expect((screen.getByLabelText('姓名') as HTMLInputElement).value).toBe('张三');

    fireEvent.change(name, { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('请填写支部名称')).toBeTruthy();
    expect(onSaved).not.toHaveBeenCalled();
    expect((await db.branches.get(stored.id))?.name).toBe('第一党支部');
  });

  it("refuses a 党小组 named like another one, on the new group's name field", async () => {
    const stored = await createBranch({
      name: '第一党支部',
      termStart: '2024-01-01',
      termEnd: '2027-01-01',
      partyGroups: [{ id: 'g1', name: '第一党小组' }],
    });
    const { onSaved } = renderForm({ branch: stored });
    await screen.findByDisplayValue('第一党小组');
    fireEvent.click(screen.getByRole('button', { name: /添加党小组/ }));
    const second = within(screen.getByRole('group', { name: '党小组 2' })).getByLabelText('名称');
    fireEvent.change(second, { target: { value: '第一党小组' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));

    const error = await screen.findByText('党小组名称「第一党小组」重复');
    expect(error.closest('.ant-form-item')?.contains(second)).toBe(true);
    expect(second.getAttribute('aria-invalid')).toBe('true');
    expect(onSaved).not.toHaveBeenCalled();
    expect((await db.branches.get(stored.id))?.partyGroups).toHaveLength(1);
  });

  it('one 保存 shows a second 书记 and a repeated 党小组 together with the other errors', async () => {
    const stored = await storedWithTwoSecretaries(true);
    const { onSaved } = renderForm({ branch: stored });
    const name = (await screen.findByLabelText('支部名称')) as HTMLInputElement;
    fireEvent.change(name, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));

    expect(await screen.findByText('请填写支部名称')).toBeTruthy();
    const secondRole = within(screen.getByRole('group', { name: '委员 2' })).getByLabelText('职务');
    const secretaryError = screen.getByText(
      '支委会同一时间只能有一名书记。如是换届，请保留原书记并填写任职止，新书记填写任职起',
    );
    expect(secretaryError.closest('.ant-form-item')?.contains(secondRole)).toBe(true);
    const secondGroup = within(screen.getByRole('group', { name: '党小组 2' })).getByLabelText('名称');
    expect(screen.getByText('党小组名称「第一党小组」重复').closest('.ant-form-item')?.contains(secondGroup)).toBe(
      true,
    );
    // The first of each is not the one blamed.
    const firstGroup = within(screen.getByRole('group', { name: '党小组 1' })).getByLabelText('名称');
    expect(firstGroup.getAttribute('aria-invalid')).not.toBe('true');
    expect(onSaved).not.toHaveBeenCalled();
    expect(await db.branches.get('b-old')).toEqual(stored);
  });

  it('after 保存, scrolls to and focuses the second 书记 (a Select) and says how many problems there are', async () => {
    const stored = await storedWithTwoSecretaries(false);
    const { onSaved } = renderForm({ branch: stored });
    await screen.findByDisplayValue('李四');
    fireEvent.click(screen.getByRole('button', { name: '保存' }));

    expect(await screen.findByText('有 1 处需要修改，请查看标红的项目')).toBeTruthy();
    const secondRole = within(screen.getByRole('group', { name: '委员 2' })).getByLabelText('职务');
    expect(document.activeElement).toBe(secondRole);
    expect(scrolled[0]).toBe(secondRole.closest('.ant-form-item'));
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('with a repeated 党小组 below it too, the 书记 above is still the one focused', async () => {
    const stored = await storedWithTwoSecretaries(true);
    renderForm({ branch: stored });
    await screen.findByDisplayValue('李四');
    fireEvent.click(screen.getByRole('button', { name: '保存' }));

    expect(await screen.findByText('有 2 处需要修改，请查看标红的项目')).toBeTruthy();
    const secondRole = within(screen.getByRole('group', { name: '委员 2' })).getByLabelText('职务');
    expect(document.activeElement).toBe(secondRole);
    expect(scrolled).toHaveLength(1);
  });
});

// ── 换届/调整: a change of 书记 keeps the former one with 任职止 ─────────────────────────────────────

// antd renders slowly in happy-dom on a busy machine: a generous wait, no behaviour depends on it.
const SLOW = { timeout: 10_000 };

/** Types a date into the DateInput labelled `label` inside `scope` and confirms it with Enter. */
function typeDate(scope: HTMLElement, label: string, value: string): void {
  const input = within(scope).getByLabelText(label);
  fireEvent.mouseDown(input);
  fireEvent.change(input, { target: { value } });
  fireEvent.keyDown(input, { key: 'Enter' });
}

async function storedWithSecretary() {
  return createBranch({
    name: '第一党支部',
    termStart: '2024-01-01',
    termEnd: '2027-01-01',
    committee: [
      { name: '罗雪', role: '书记', from: '2022-03-01' },
      { name: '袁明哲', role: '组织委员' },
    ],
  });
}

const rowValues = () =>
  [1, 2, 3, 4].flatMap((n) => {
    const group = screen.queryByRole('group', { name: `委员 ${n}` });
    if (!group) return [];
    const value = (label: string) => (within(group).getByLabelText(label) as HTMLInputElement).value;
    const role = within(group).getByLabelText('职务').closest('.ant-select-content')?.getAttribute('title') ?? '';
    return [[value('姓名'), role, value('任职起'), value('任职止')].join(' ')];
  });

describe('BranchForm 换届/调整', { timeout: 30_000 }, () => {
  it('keeps the former 书记 with the day they left and adds the successor from that day; both are stored', async () => {
    const stored = await storedWithSecretary();
    const { onSaved } = renderForm({ branch: stored });
    await screen.findByDisplayValue('罗雪');
    // Every post still in office can be handed over, a 组织委员's as well as the 书记's.
    expect(
      within(screen.getByRole('group', { name: '委员 2' })).getByRole('button', { name: '换届/调整' }),
    ).toBeTruthy();
    fireEvent.click(within(screen.getByRole('group', { name: '委员 1' })).getByRole('button', { name: '换届/调整' }));

    const dialog = await screen.findByRole('dialog', { name: '换届/调整：罗雪（书记）' }, SLOW);
    // Nothing typed: the date is asked for, nothing changes.
    fireEvent.click(within(dialog).getByRole('button', { name: '确定' }));
    expect(await within(dialog).findByText('请填写换届日期', undefined, SLOW)).toBeTruthy();
    typeDate(dialog, '换届日期（罗雪任职止、接任者任职起）', '2021-12-31');
    fireEvent.click(within(dialog).getByRole('button', { name: '确定' }));
    expect(await within(dialog).findByText('换届日期不能早于罗雪的任职起（2022-03-01）', undefined, SLOW)).toBeTruthy();
    typeDate(dialog, '换届日期（罗雪任职止、接任者任职起）', '2025-07-15');
    fireEvent.change(within(dialog).getByLabelText('接任书记（姓名，暂未确定可不填）'), {
      target: { value: '胡桂兰' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: '确定' }));

    await waitFor(
      () =>
        expect(rowValues()).toEqual([
          '罗雪 书记 2022-03-01 2025-07-15',
          '胡桂兰 书记 2025-07-15 ',
          '袁明哲 组织委员  ',
        ]),
      SLOW,
    );
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled(), SLOW);
    expect((await db.branches.get(stored.id))?.committee).toEqual([
      { name: '罗雪', role: '书记', from: '2022-03-01', to: '2025-07-15' },
      { name: '胡桂兰', role: '书记', from: '2025-07-15' },
      { name: '袁明哲', role: '组织委员' },
    ]);
  });

  it('a 书记 renamed in place is caught: 「改为换届」 puts the former one back and hands over to the typed name', async () => {
    const stored = await storedWithSecretary();
    renderForm({ branch: stored });
    const name = (await screen.findByDisplayValue('罗雪')) as HTMLInputElement;
    expect(screen.queryByText('原书记罗雪已不在名单中')).toBeNull();
    fireEvent.change(name, { target: { value: '胡桂兰' } });

    expect(await screen.findByText('原书记罗雪已不在名单中', undefined, SLOW)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '改为换届：保留罗雪' }));
    const dialog = await screen.findByRole('dialog', { name: '换届/调整：罗雪（书记）' }, SLOW);
    expect((within(dialog).getByLabelText('接任书记（姓名，暂未确定可不填）') as HTMLInputElement).value).toBe(
      '胡桂兰',
    );
    typeDate(dialog, '换届日期（罗雪任职止、接任者任职起）', '2025-07-15');
    fireEvent.click(within(dialog).getByRole('button', { name: '确定' }));

    await waitFor(
      () =>
        expect(rowValues()).toEqual([
          '罗雪 书记 2022-03-01 2025-07-15',
          '胡桂兰 书记 2025-07-15 ',
          '袁明哲 组织委员  ',
        ]),
      SLOW,
    );
    expect(screen.queryByText('原书记罗雪已不在名单中')).toBeNull();
  });

  it('starts the next 换届/调整 from the date of the last one: a 换届 changes several posts on one day', async () => {
    const stored = await storedWithSecretary();
    renderForm({ branch: stored });
    await screen.findByDisplayValue('罗雪');
    fireEvent.click(within(screen.getByRole('group', { name: '委员 1' })).getByRole('button', { name: '换届/调整' }));
    const first = await screen.findByRole('dialog', { name: '换届/调整：罗雪（书记）' }, SLOW);
    expect((within(first).getByLabelText('换届日期（罗雪任职止、接任者任职起）') as HTMLInputElement).value).toBe('');
    typeDate(first, '换届日期（罗雪任职止、接任者任职起）', '2025-07-15');
    fireEvent.change(within(first).getByLabelText('接任书记（姓名，暂未确定可不填）'), { target: { value: '胡桂兰' } });
    fireEvent.click(within(first).getByRole('button', { name: '确定' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: '换届/调整：罗雪（书记）' })).toBeNull(), SLOW);

    // 袁明哲 is now row 3 (罗雪 kept, 胡桂兰 added below her).
    fireEvent.click(within(screen.getByRole('group', { name: '委员 3' })).getByRole('button', { name: '换届/调整' }));
    const second = await screen.findByRole('dialog', { name: '换届/调整：袁明哲（组织委员）' }, SLOW);
    expect((within(second).getByLabelText('换届日期（袁明哲任职止、接任者任职起）') as HTMLInputElement).value).toBe(
      '2025-07-15',
    );
  });

  it('a 组织委员 renamed in place is caught as a 书记 is, and 「改为换届」 picks the renamed row', async () => {
    const stored = await storedWithSecretary();
    renderForm({ branch: stored });
    const name = (await screen.findByDisplayValue('袁明哲')) as HTMLInputElement;
    fireEvent.change(name, { target: { value: '苏明' } });
    expect(await screen.findByText('原组织委员袁明哲已不在名单中', undefined, SLOW)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '改为换届：保留袁明哲' }));
    const dialog = await screen.findByRole('dialog', { name: '换届/调整：袁明哲（组织委员）' }, SLOW);
    expect((within(dialog).getByLabelText('接任组织委员（姓名，暂未确定可不填）') as HTMLInputElement).value).toBe(
      '苏明',
    );
    typeDate(dialog, '换届日期（袁明哲任职止、接任者任职起）', '2025-07-15');
    fireEvent.click(within(dialog).getByRole('button', { name: '确定' }));
    await waitFor(
      () =>
        expect(rowValues()).toEqual([
          '罗雪 书记 2022-03-01 ',
          '袁明哲 组织委员  2025-07-15',
          '苏明 组织委员 2025-07-15 ',
        ]),
      SLOW,
    );
  });

  it('a 换届 taken back (successor deleted, 任职止 cleared) is said to be undone, not pushed to another 换届', async () => {
    const stored = await createBranch({
      name: '第一党支部',
      termStart: '2025-07-15',
      termEnd: '2028-07-14',
      committee: [
        { name: '罗雪', role: '书记', from: '2022-03-01', to: '2025-07-15' },
        { name: '胡桂兰', role: '书记', from: '2025-07-15' },
        { name: '袁明哲', role: '组织委员' },
      ],
    });
    const { onSaved } = renderForm({ branch: stored });
    await screen.findByDisplayValue('胡桂兰');
    fireEvent.click(within(screen.getByRole('group', { name: '委员 2' })).getByRole('button', { name: '删除委员' }));
    // Deleted alone, it is a replacement without a 换届: the warning stands.
    expect(await screen.findByText('原书记胡桂兰已不在名单中', undefined, SLOW)).toBeTruthy();
    typeDate(screen.getByRole('group', { name: '委员 1' }), '任职止', '');

    expect(await screen.findByText('撤销胡桂兰的书记任职', undefined, SLOW)).toBeTruthy();
    // The 本届 the 换届 began is still there: said, for the user to take back too.
    expect(screen.getByText(/本届开始日期仍为换届那天（2025-07-15）/)).toBeTruthy();
    expect(screen.queryByText('原书记胡桂兰已不在名单中')).toBeNull();
    expect(screen.queryByRole('button', { name: '改为换届：保留胡桂兰' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled(), SLOW);
    expect((await db.branches.get(stored.id))?.committee).toEqual([
      { name: '罗雪', role: '书记', from: '2022-03-01' },
      { name: '袁明哲', role: '组织委员' },
    ]);
  });

  it('refuses a 预备党员 as successor, as 换届选举 does', async () => {
    const stored = await storedWithSecretary();
    await createMember(stored.id, { ...memberInput('梁飞'), joinedDate: '2025-01-10', status: '预备' });
    await createMember(stored.id, memberInput('胡桂兰', '女'));
    const { onSaved } = renderForm({ branch: stored });
    await screen.findByDisplayValue('罗雪');
    fireEvent.click(within(screen.getByRole('group', { name: '委员 1' })).getByRole('button', { name: '换届/调整' }));
    const dialog = await screen.findByRole('dialog', { name: '换届/调整：罗雪（书记）' }, SLOW);
    typeDate(dialog, '换届日期（罗雪任职止、接任者任职起）', '2025-07-15');
    const successor = within(dialog).getByLabelText('接任书记（姓名，暂未确定可不填）');
    fireEvent.change(successor, { target: { value: '梁飞' } });
    expect(await within(dialog).findByText('2025-07-15为预备党员，没有被选举权', undefined, SLOW)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: '确定' }));
    expect(screen.getByRole('dialog', { name: '换届/调整：罗雪（书记）' })).toBeTruthy();
    fireEvent.change(successor, { target: { value: '胡桂兰' } });
    await waitFor(() => expect(within(dialog).queryByText(/预备党员/)).toBeNull(), SLOW);
    fireEvent.click(within(dialog).getByRole('button', { name: '确定' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: '换届/调整：罗雪（书记）' })).toBeNull(), SLOW);
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('refuses a 任职止 before the 任职起, and a successor whose tenure overlaps the former 书记, on the fields', async () => {
    const stored = await storedWithSecretary();
    const { onSaved } = renderForm({ branch: stored });
    await screen.findByDisplayValue('罗雪');
    const second = screen.getByRole('group', { name: '委员 2' });
    typeDate(second, '任职起', '2025-03-01');
    typeDate(second, '任职止', '2025-02-01');
    // A hand-over whose dates were then edited so that the two 书记 overlap by two weeks.
    fireEvent.click(within(screen.getByRole('group', { name: '委员 1' })).getByRole('button', { name: '换届/调整' }));
    const dialog = await screen.findByRole('dialog', { name: '换届/调整：罗雪（书记）' }, SLOW);
    typeDate(dialog, '换届日期（罗雪任职止、接任者任职起）', '2025-07-15');
    fireEvent.change(within(dialog).getByLabelText('接任书记（姓名，暂未确定可不填）'), {
      target: { value: '胡桂兰' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: '确定' }));
    await screen.findByDisplayValue('胡桂兰');
    const successor = screen.getByRole('group', { name: '委员 2' });
    typeDate(successor, '任职起', '2025-07-01');
    fireEvent.click(screen.getByRole('button', { name: '保存' }));

    const endError = await screen.findByText('任职止不能早于任职起', undefined, SLOW);
    const organiser = screen.getByRole('group', { name: '委员 3' });
    expect(endError.closest('.ant-form-item')?.contains(within(organiser).getByLabelText('任职止'))).toBe(true);
    const overlap = screen.getByText('与书记罗雪（2022-03-01 至 2025-07-15）的任职时间重叠，同一时间只能有一名书记');
    expect(overlap.closest('.ant-form-item')?.contains(within(successor).getByLabelText('任职起'))).toBe(true);
    expect(onSaved).not.toHaveBeenCalled();
    expect(await db.branches.get(stored.id)).toEqual(stored);
  });
});

describe('新建支部 under a name the computer already has', () => {
  /** A new branch's form filled with `name` and a term; 保存 pressed. */
  async function createNamed(name: string) {
    const { onSaved } = renderForm();
    fireEvent.change(await screen.findByLabelText('支部名称'), { target: { value: name } });
    typeDate(document.body, '本届开始日期', '2024-01-15');
    typeDate(document.body, '本届结束日期', '2027-01-14');
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    return onSaved;
  }

  it('asks first, with 返回修改 focused; 返回修改 creates nothing', async () => {
    await createBranch({ name: '第一党支部', termStart: '2024-01-15', termEnd: '2027-01-14' });
    const onSaved = await createNamed(' 第一党支部 ');
    const dialog = await screen.findByRole('dialog', { name: '本机已有同名支部' }, SLOW);
    const back = within(dialog).getByRole('button', { name: '返回修改' });
    await waitFor(() => expect(document.activeElement).toBe(back));
    fireEvent.click(back);
    // The save waited for the answer: it has one now, and nothing follows from it.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(onSaved).not.toHaveBeenCalled();
    expect(await db.branches.count()).toBe(1);
  });

  it('仍然新建 creates the second one; another name is not asked about', async () => {
    await createBranch({ name: '第一党支部', termStart: '2024-01-15', termEnd: '2027-01-14' });
    const onSaved = await createNamed('第一党支部');
    fireEvent.click(await screen.findByRole('button', { name: '仍然新建' }, SLOW));
    await waitFor(() => expect(onSaved).toHaveBeenCalled(), SLOW);
    expect((await db.branches.toArray()).map((b) => b.name)).toEqual(['第一党支部', '第一党支部']);
    cleanup();
    const other = await createNamed('第二党支部');
    await waitFor(() => expect(other).toHaveBeenCalled(), SLOW);
    expect(screen.queryByRole('dialog', { name: '本机已有同名支部' })).toBeNull();
    expect(await db.branches.count()).toBe(3);
  });
});

describe('成立日期', () => {
  it('refuses a 成立日期 after today, and a 本届 starting before the branch was founded, on their fields', async () => {
    const { onSaved } = renderForm();
    fireEvent.change(await screen.findByLabelText('支部名称'), { target: { value: '第三党支部' } });
    typeDate(document.body, '成立日期', '2999-07-01');
    typeDate(document.body, '本届开始日期', '2024-01-15');
    typeDate(document.body, '本届结束日期', '2027-01-14');
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    const future = await screen.findByText(/^成立日期不能晚于今天（\d{4}-\d{2}-\d{2}）$/, {}, SLOW);
    expect(future.closest('.ant-form-item')?.contains(screen.getByLabelText('成立日期'))).toBe(true);

    typeDate(document.body, '成立日期', '2024-03-01');
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    const early = await screen.findByText('本届开始日期不能早于成立日期（2024-03-01）', {}, SLOW);
    expect(early.closest('.ant-form-item')?.contains(screen.getByLabelText('本届开始日期'))).toBe(true);
    expect(onSaved).not.toHaveBeenCalled();
    expect(await db.branches.count()).toBe(0);
  });
});

// ── 换届选举: the whole committee and the new 本届 in one dialog ─────────────────────────────────────

describe('BranchForm 换届选举', { timeout: 30_000 }, () => {
  it('fills the new committee and 本届 from one dialog, keeps who leaves with 任职止, and stores it on 保存', async () => {
    const stored = await createBranch({
      name: '第一党支部',
      termStart: '2022-07-15',
      termEnd: '2025-07-14',
      committee: [
        { name: '罗雪', role: '书记', from: '2022-07-15' },
        { name: '胡桂兰', role: '副书记', from: '2022-07-15' },
        { name: '袁明哲', role: '组织委员' },
      ],
    });
    const { onSaved } = renderForm({ branch: stored });
    await screen.findByDisplayValue('罗雪');
    fireEvent.click(screen.getByRole('button', { name: '换届选举（整届）' }));
    const dialog = await screen.findByRole('dialog', { name: '换届选举' }, SLOW);
    // Everyone is proposed for the post they hold; the usual posts nobody holds are there, empty.
    expect((within(dialog).getByLabelText('当选书记') as HTMLInputElement).value).toBe('罗雪');
    expect((within(dialog).getByLabelText('当选宣传委员') as HTMLInputElement).value).toBe('');

    fireEvent.click(within(dialog).getByRole('button', { name: '确定' }));
    expect(await within(dialog).findByText('请填写换届日期', undefined, SLOW)).toBeTruthy();
    typeDate(dialog, '换届日期（选举大会召开日）', '2025-07-15');
    expect(await within(dialog).findByText('新一届：2025-07-15 至 2028-07-14', undefined, SLOW)).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('当选书记'), { target: { value: '胡桂兰' } });
    fireEvent.change(within(dialog).getByLabelText('当选副书记'), { target: { value: '' } });
    fireEvent.change(within(dialog).getByLabelText('当选宣传委员'), { target: { value: '王玲' } });
    expect(await within(dialog).findByText('改任 1 人：胡桂兰（副书记→书记）', undefined, SLOW)).toBeTruthy();
    expect(within(dialog).getByText('离任 1 人：罗雪（书记）')).toBeTruthy();
    expect(within(dialog).getByText('新任 1 人：王玲（宣传委员）')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: '确定' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: '换届选举' })).toBeNull(), SLOW);

    expect(rowValues()).toEqual([
      '罗雪 书记 2022-07-15 2025-07-15',
      '胡桂兰 副书记 2022-07-15 2025-07-15',
      '袁明哲 组织委员  ',
      '胡桂兰 书记 2025-07-15 ',
    ]);
    expect((screen.getByLabelText('本届开始日期') as HTMLInputElement).value).toBe('2025-07-15');
    expect((screen.getByLabelText('本届结束日期') as HTMLInputElement).value).toBe('2028-07-14');
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled(), SLOW);
    const saved = await db.branches.get(stored.id);
    expect(saved?.committee).toEqual([
      { name: '罗雪', role: '书记', from: '2022-07-15', to: '2025-07-15' },
      { name: '胡桂兰', role: '副书记', from: '2022-07-15', to: '2025-07-15' },
      { name: '袁明哲', role: '组织委员' },
      { name: '胡桂兰', role: '书记', from: '2025-07-15' },
      { name: '王玲', role: '宣传委员', from: '2025-07-15' },
    ]);
    expect([saved?.termStart, saved?.termEnd]).toEqual(['2025-07-15', '2028-07-14']);
  });

  it('opened again before 保存, corrects the election entered (a pick, the date) instead of adding to it', async () => {
    const stored = await createBranch({
      name: '第一党支部',
      termStart: '2022-07-15',
      termEnd: '2025-07-14',
      committee: [
        { name: '罗雪', role: '书记', from: '2022-07-15' },
        { name: '蒋国栋', role: '宣传委员' },
      ],
    });
    const { onSaved } = renderForm({ branch: stored });
    await screen.findByDisplayValue('罗雪');
    const open = async () => {
      fireEvent.click(screen.getByRole('button', { name: '换届选举（整届）' }));
      return screen.findByRole('dialog', { name: '换届选举' }, SLOW);
    };
    const confirm = async (dialog: HTMLElement) => {
      fireEvent.click(within(dialog).getByRole('button', { name: '确定' }));
      await waitFor(() => expect(screen.queryByRole('dialog', { name: '换届选举' })).toBeNull(), SLOW);
    };
    let dialog = await open();
    typeDate(dialog, '换届日期（选举大会召开日）', '2025-07-16');
    fireEvent.change(within(dialog).getByLabelText('当选宣传委员'), { target: { value: '王文静' } });
    await confirm(dialog);

    dialog = await open();
    expect(within(dialog).getByText('修改本次已填写、尚未保存的换届选举')).toBeTruthy();
    // What was entered, on the committee from before it: 蒋国栋 is still the 原任.
    expect((within(dialog).getByLabelText('当选宣传委员') as HTMLInputElement).value).toBe('王文静');
    expect(within(dialog).getByText('原任：蒋国栋')).toBeTruthy();
    typeDate(dialog, '换届日期（选举大会召开日）', '2025-07-15');
    fireEvent.change(within(dialog).getByLabelText('当选宣传委员'), { target: { value: '孙伟' } });
    await confirm(dialog);

    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled(), SLOW);
    const saved = await db.branches.get(stored.id);
    expect(saved?.committee).toEqual([
      { name: '罗雪', role: '书记', from: '2022-07-15' },
      { name: '蒋国栋', role: '宣传委员', to: '2025-07-15' },
      { name: '孙伟', role: '宣传委员', from: '2025-07-15' },
    ]);
    expect([saved?.termStart, saved?.termEnd]).toEqual(['2025-07-15', '2028-07-14']);
  });

  it('gives the focus back to 换届选举（整届） when the dialog closes', async () => {
    const stored = await storedWithSecretary();
    renderForm({ branch: stored });
    await screen.findByDisplayValue('罗雪');
    const button = screen.getByRole('button', { name: '换届选举（整届）' });
    button.focus();
    fireEvent.click(button);
    const dialog = await screen.findByRole('dialog', { name: '换届选举' }, SLOW);
    fireEvent.click(within(dialog).getByRole('button', { name: /^取\s?消$/ }));
    await waitFor(() => expect(document.activeElement).toBe(button), SLOW);
  });

  it('取消 asks before throwing away what was filled in, and changes nothing', async () => {
    const stored = await storedWithSecretary();
    renderForm({ branch: stored });
    await screen.findByDisplayValue('罗雪');
    fireEvent.click(screen.getByRole('button', { name: '换届选举（整届）' }));
    const dialog = await screen.findByRole('dialog', { name: '换届选举' }, SLOW);
    typeDate(dialog, '换届日期（选举大会召开日）', '2025-07-15');
    fireEvent.change(within(dialog).getByLabelText('当选书记'), { target: { value: '胡桂兰' } });
    // Something was filled in: 取消 asks first; 继续填写 keeps it.
    fireEvent.click(within(dialog).getByRole('button', { name: /^取\s?消$/ }));
    // (Found by its text: under test antd gives every dialog the same aria-labelledby id.)
    const asked = async () =>
      (await screen.findAllByText('已填写的换届日期和当选人将不保留。', undefined, SLOW))
        .at(-1)!
        .closest('[role="dialog"]') as HTMLElement;
    fireEvent.click(within(await asked()).getByRole('button', { name: '继续填写' }));
    expect((within(dialog).getByLabelText('当选书记') as HTMLInputElement).value).toBe('胡桂兰');
    fireEvent.click(within(dialog).getByRole('button', { name: /^取\s?消$/ }));
    fireEvent.click(within(await asked()).getByRole('button', { name: /^放\s?弃$/ }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: '换届选举' })).toBeNull(), SLOW);
    expect(rowValues()).toEqual(['罗雪 书记 2022-03-01 ', '袁明哲 组织委员  ']);
    expect((screen.getByLabelText('本届开始日期') as HTMLInputElement).value).toBe('2024-01-01');
  });
});
