// 民主评议党员 in a DOM: unsaved edits are never dropped without 「放弃修改？」 (switching 评议年度, leaving the page), the
// texts are whole in multi-line inputs, and a refused save names the member and the field and marks that input.
import { standardsHref, standardsRouteFromHash } from '../../../renderer/src/features/standards/standardsRoute';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Profiler } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { chinaToday, type Member } from '../../../shared/schemas';
import { AppProviders } from '../../../renderer/src/app/providers';
import { createBranch } from '../../../renderer/src/db/repositories/branches';
import { ValidationError } from '../../../renderer/src/db/repositories/errors';
import { listMemberEvaluations, saveMemberEvaluations } from '../../../renderer/src/db/repositories/memberEvaluations';
import { createMember, markMemberLeft } from '../../../renderer/src/db/repositories/members';
import { MemberEvaluationsPanel } from '../../../renderer/src/features/standards/MemberEvaluationsPanel';
import { namedIssue, showEvaluationsError } from '../../../renderer/src/features/standards/memberEvaluationFormValues';
import {
  confirmLeave,
  hasUnsavedChanges,
  installLeaveGuard,
  pendingLeave,
  uninstallLeaveGuard,
} from '../../../renderer/src/ui/leaveGuard';

const YEAR = Number(chinaToday().slice(0, 4));
const STORED_SELF = '对照“五带头、五标兵”标准进行自评，自评等次：合格。学习的系统性有待加强，深入基层调研不够。';

beforeEach(async () => {
  window.history.replaceState(null, '', '#/standards?tab=evaluations');
  // happy-dom reports replaceState as a (late) hashchange: let it pass before guarding (as leaveGuard.test does).
  await new Promise((resolve) => setTimeout(resolve, 20));
  installLeaveGuard();
});
afterEach(() => {
  cleanup();
  uninstallLeaveGuard();
});

async function renderPanel({ profiled = false } = {}) {
  const branch = await createBranch({ name: '甲支部', termStart: '2024-01-01', termEnd: '2027-12-31' });
  const member = (name: string) =>
    createMember(branch.id, { name, gender: '男', birthDate: '1980-01-01', joinedDate: '2005-07-01', status: '正式' });
  const zeng = await member('曾子豪');
  const dai = await member('戴雅琴');
  await saveMemberEvaluations(branch.id, YEAR, [
    { memberId: zeng.id, selfResult: STORED_SELF, peerResult: '党员互评：优秀3票，合格20票。', grade: '合格' },
  ]);
  const panel = (
    <AppProviders>
      <MemberEvaluationsPanel branch={branch} />
    </AppProviders>
  );
  render(profiled ? <Profiler id="panel" onRender={recordDrawn} children={panel} /> : panel);
  const self = await screen.findByLabelText('曾子豪 自评', undefined, { timeout: 5000 });
  return { branch, zeng, dai, self };
}

/** Picks a year in 评议年度, as a user does (antd's Select opens on mousedown). */
async function pickYear(year: number) {
  fireEvent.mouseDown(screen.getByLabelText('评议年度'));
  fireEvent.click(await screen.findByTitle(`${year}年`));
}

/** Moves to a hash the way a link or a tab does and lets the hashchange event run. */
async function go(hash: string) {
  await act(async () => {
    window.location.hash = hash;
    await new Promise((resolve) => setTimeout(resolve, 20));
  });
}

/**
 * What React draws inside some elements from now on, by component name: read at each commit of the <Profiler> the
 * panel is rendered in (renderPanel({ profiled: true })). The development build stamps each component it goes through
 * with the time (actualStartTime) and marks one whose render it ran (PerformedWork), not one it skipped or passed
 * through to reach another.
 */
interface Fiber {
  child: Fiber | null;
  sibling: Fiber | null;
  alternate: Fiber | null;
  flags: number;
  actualStartTime?: number;
  type: unknown;
}
const PERFORMED_WORK = 1;
const watched = new Map<Element, Set<string>>();
let watchedSince = Infinity;

function watchDrawing(...elements: Element[]): (element: Element) => string[] {
  watched.clear();
  for (const element of elements) watched.set(element, new Set());
  watchedSince = performance.now();
  return (element) => [...(watched.get(element) ?? [])];
}

function recordDrawn() {
  const drawn = (f: Fiber | null) =>
    f !== null && (f.actualStartTime ?? -1) >= watchedSince && (f.flags & PERFORMED_WORK) !== 0;
  const name = ({ type }: Fiber) => {
    const t = type as { displayName?: string; name?: string; render?: { name?: string } } | string | null;
    return typeof t === 'string' ? t : (t?.displayName ?? t?.name ?? t?.render?.name ?? '?');
  };
  for (const [element, names] of watched) {
    const key = Object.keys(element).find((k) => k.startsWith('__reactFiber$'));
    if (!key) throw new Error('no React fiber on the element');
    const walk = (first: Fiber | null) => {
      for (let at = first; at; at = at.sibling) {
        if (drawn(at) || drawn(at.alternate)) names.add(name(at));
        walk(at.child);
      }
    };
    walk((element as unknown as Record<string, Fiber>)[key]!.child);
  }
}

const yearShown = () => screen.getByLabelText('评议年度').closest('.ant-select')?.textContent;

// antd renders slowly in happy-dom on a busy machine: generous timeouts, no behaviour depends on them.
describe('民主评议党员 panel', { timeout: 30_000 }, () => {
  it('opens the year a link names (the 工作台 of last year), and the 工作台 names its own year', async () => {
    window.history.replaceState(null, '', `#/standards?tab=evaluations&year=${YEAR - 1}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await renderPanel();
    await waitFor(() => expect(yearShown()).toBe(`${YEAR - 1}年`));
    expect(standardsHref({ tab: 'evaluations', year: 2025 })).toBe('#/standards?tab=evaluations&year=2025');
    expect(standardsRouteFromHash('#/standards?tab=evaluations&year=2025')).toEqual({ tab: 'evaluations', year: 2025 });
    expect(standardsRouteFromHash('#/standards?tab=evaluations&year=abc')).toEqual({ tab: 'evaluations' });
  });

  it('says beside a member on the roll for part of the year why: joined this year, or left and need not be graded', async () => {
    const branch = await createBranch({ name: '乙支部', termStart: '2024-01-01', termEnd: '2027-12-31' });
    const member = (name: string, joinedDate: string) =>
      createMember(branch.id, { name, gender: '男', birthDate: '1980-01-01', joinedDate, status: '正式' });
    await member('老党员', '2005-07-01');
    await member('新党员', `${YEAR}-01-01`);
    const leaver = await member('调走的', '2005-07-01');
    await markMemberLeft(leaver.id, { leftDate: chinaToday(), leftReason: '组织关系转出' });
    render(
      <AppProviders>
        <MemberEvaluationsPanel branch={branch} />
      </AppProviders>,
    );
    const group = (name: string) => screen.findByRole('group', { name: new RegExp(`^${name}`) });
    expect((await group('老党员')).getAttribute('aria-labelledby')).toBeTruthy();
    expect(screen.getByRole('heading', { name: '老党员' })).toBeTruthy();
    const heading = (text: string) => screen.getByRole('heading', { name: (n) => n.replace(/\s/g, '') === text });
    expect(heading(`新党员（${YEAR}-01-01入党）`)).toBeTruthy();
    expect(heading(`调走的（${chinaToday()}离开支部，可不参评）`)).toBeTruthy();
  });

  it('shows each text whole in a multi-line input', async () => {
    const { self } = await renderPanel();
    expect(self.tagName).toBe('TEXTAREA');
    expect((self as HTMLTextAreaElement).value).toBe(STORED_SELF);
    expect(screen.getByLabelText('曾子豪 互评').tagName).toBe('TEXTAREA');
    expect(screen.getByLabelText('戴雅琴 组织评定').tagName).toBe('TEXTAREA');
  });

  it('asks 放弃修改？ before switching 评议年度 over unsaved edits; 继续编辑 keeps them', async () => {
    const { self } = await renderPanel();
    fireEvent.change(self, { target: { value: '未保存的自评' } });
    await waitFor(() => expect(hasUnsavedChanges()).toBe(true));

    await pickYear(YEAR - 1);
    const ask = await screen.findByRole('dialog', { name: '放弃修改？' });
    fireEvent.click(within(ask).getByRole('button', { name: '继续编辑' }));
    expect(yearShown()).toBe(`${YEAR}年`);
    expect((screen.getByLabelText('曾子豪 自评') as HTMLTextAreaElement).value).toBe('未保存的自评');
    expect(hasUnsavedChanges()).toBe(true);

    await pickYear(YEAR - 1);
    // The first question may still be in the page, hidden; this is the new one.
    const again = (await screen.findAllByRole('dialog', { name: '放弃修改？' })).at(-1)!;
    fireEvent.click(within(again).getByRole('button', { name: '放弃修改' }));
    await waitFor(() => expect(yearShown()).toBe(`${YEAR - 1}年`));
    await waitFor(() => expect(hasUnsavedChanges()).toBe(false));
    // The other year's rows load after the switch: wait for them rather than read the first render.
    await waitFor(async () =>
      expect(((await screen.findByLabelText('曾子豪 自评')) as HTMLTextAreaElement).value).toBe(''),
    );
  });

  it('says it is reading while the chosen year loads, and never shows the year before’s texts under it', async () => {
    const { self } = await renderPanel();
    expect((self as HTMLTextAreaElement).value).toBe(STORED_SELF);
    await pickYear(YEAR - 1);
    // The click has been drawn; the other year's rows are still being read from the database.
    expect(screen.getByRole('status').textContent).toContain('正在读取');
    expect(screen.queryByRole('form', { name: `${YEAR - 1}年度民主评议党员` })).toBeNull();
    expect(screen.queryByDisplayValue(STORED_SELF)).toBeNull();
    const form = await screen.findByRole('form', { name: `${YEAR - 1}年度民主评议党员` }, { timeout: 5000 });
    expect((within(form).getByLabelText('曾子豪 自评') as HTMLTextAreaElement).value).toBe('');
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('an edit redraws that member only, and 保存 no member’s inputs (a branch of 55 froze at its first keystroke)', async () => {
    const { self } = await renderPanel({ profiled: true });
    const zeng = screen.getByRole('group', { name: '曾子豪' });
    const dai = screen.getByRole('group', { name: '戴雅琴' });
    // What is still settling after the first drawing (antd measures some fields a frame later) is not the edit's.
    await act(() => new Promise((resolve) => setTimeout(resolve, 100)));
    // The first edit makes the form dirty: the 保存 bar says so, and the other member's fields stay as they were.
    let drawn = watchDrawing(zeng, dai);
    fireEvent.change(self, { target: { value: '修改后的自评' } });
    await screen.findByText('有尚未保存的修改');
    expect(drawn(zeng)).toContain('FormField');
    expect(drawn(dai)).toEqual([]);
    // A 等次 changes the count in the bar.
    drawn = watchDrawing(zeng, dai);
    fireEvent.mouseDown(within(zeng).getByLabelText('曾子豪 等次'));
    fireEvent.click(await screen.findByTitle('基本合格'));
    await screen.findByText(/本年度参评 1 人/);
    expect(drawn(zeng)).toContain('FormField');
    expect(drawn(dai)).toEqual([]);
    // 保存 tells every field its errors (none): each checks them, and its input is not drawn again.
    drawn = watchDrawing(dai);
    fireEvent.click(screen.getByRole('button', { name: '保存本年度评议结果' }));
    await screen.findByText(`${YEAR}年度民主评议结果已保存`, undefined, { timeout: 5000 });
    await act(() => new Promise((resolve) => setTimeout(resolve, 100)));
    expect(drawn(dai)).toContain('FormField');
    expect(drawn(dai)).not.toContain('Select');
  });

  it('keeps the page while edits are unsaved; after 保存 nothing asks', async () => {
    const { self, zeng } = await renderPanel();
    fireEvent.change(self, { target: { value: '修改后的自评' } });
    await go('#/home');
    expect(pendingLeave()).toEqual({ target: '#/home', forms: [`${YEAR}年度民主评议`] });
    expect(decodeURIComponent(window.location.hash)).toBe('#/standards?tab=evaluations');

    fireEvent.click(screen.getByRole('button', { name: '保存本年度评议结果' }));
    await screen.findByText(`${YEAR}年度民主评议结果已保存`, undefined, { timeout: 5000 });
    await waitFor(() => expect(hasUnsavedChanges()).toBe(false));
    const stored = await listMemberEvaluations(zeng.branchId, YEAR);
    expect(stored.find((r) => r.memberId === zeng.id)?.selfResult).toBe('修改后的自评');

    // Switching the year now asks nothing.
    await pickYear(YEAR - 1);
    await waitFor(() => expect(yearShown()).toBe(`${YEAR - 1}年`));
    expect(screen.queryByRole('dialog', { name: '放弃修改？' })).toBeNull();
  });

  it('保存 keeps the fields where they are: the list is not drawn again from the top', async () => {
    const { self, zeng } = await renderPanel();
    const dai = screen.getByRole('group', { name: '戴雅琴' });
    fireEvent.change(self, { target: { value: '修改后的自评' } });
    fireEvent.click(screen.getByRole('button', { name: '保存本年度评议结果' }));
    await screen.findByText(`${YEAR}年度民主评议结果已保存`, undefined, { timeout: 5000 });
    const stored = await listMemberEvaluations(zeng.branchId, YEAR);
    expect(stored.find((r) => r.memberId === zeng.id)?.selfResult).toBe('修改后的自评');
    // The saved rows are read again (live): they are what the form shows, so nothing is replaced.
    await act(() => new Promise((resolve) => setTimeout(resolve, 100)));
    expect(screen.getByRole('group', { name: '戴雅琴' })).toBe(dai);
    expect(screen.getByLabelText('曾子豪 自评')).toBe(self);
    expect((self as HTMLTextAreaElement).value).toBe('修改后的自评');
    expect(hasUnsavedChanges()).toBe(false);
  });

  it('shows what is stored when it changes elsewhere (a restore), in the fields already there', async () => {
    const { dai, branch } = await renderPanel();
    const peer = screen.getByLabelText('戴雅琴 互评') as HTMLTextAreaElement;
    await act(() => saveMemberEvaluations(branch.id, YEAR, [{ memberId: dai.id, peerResult: '恢复后的互评' }]));
    await waitFor(() => expect(peer.value).toBe('恢复后的互评'));
    expect(screen.getByLabelText('戴雅琴 互评')).toBe(peer);
    expect(hasUnsavedChanges()).toBe(false);
  });

  it('a large branch shows its first members at once and the rest soon after; 保存 meanwhile saves every member', async () => {
    const branch = await createBranch({ name: '大支部', termStart: '2024-01-01', termEnd: '2027-12-31' });
    const members: Member[] = [];
    for (let i = 1; i <= 12; i++) {
      members.push(
        await createMember(branch.id, {
          name: `党员${String(i).padStart(2, '0')}`,
          gender: '男',
          birthDate: '1980-01-01',
          joinedDate: '2005-07-01',
          status: '正式',
        }),
      );
    }
    const last = members.at(-1)!;
    await saveMemberEvaluations(branch.id, YEAR, [{ memberId: last.id, selfResult: '最后一位的自评', grade: '合格' }]);
    render(
      <AppProviders>
        <MemberEvaluationsPanel branch={branch} />
      </AppProviders>,
    );
    const first = await screen.findByLabelText('党员01 自评', undefined, { timeout: 5000 });
    expect(screen.getAllByRole('group').length).toBeLessThan(12);
    expect(screen.getByRole('status').textContent).toBe('正在列出其余党员…');
    // The count covers every member, drawn or not.
    expect(screen.getByText(/本年度参评 1 人/)).toBeTruthy();
    fireEvent.change(first, { target: { value: '第一位的自评' } });
    fireEvent.click(screen.getByRole('button', { name: '保存本年度评议结果' }));
    await screen.findByText(`${YEAR}年度民主评议结果已保存`, undefined, { timeout: 10_000 });
    const stored = await listMemberEvaluations(branch.id, YEAR);
    expect(stored.find((r) => r.memberId === members[0]!.id)?.selfResult).toBe('第一位的自评');
    expect(stored.find((r) => r.memberId === last.id)).toMatchObject({ selfResult: '最后一位的自评', grade: '合格' });

    await waitFor(() => expect(screen.getAllByRole('group')).toHaveLength(12), { timeout: 10_000 });
    expect(screen.queryByRole('status')).toBeNull();
    expect((screen.getByLabelText('党员12 自评') as HTMLTextAreaElement).value).toBe('最后一位的自评');
  });

  it('on a narrow window the 快捷键 line is above the list, not in the bar that stays at the bottom', async () => {
    const setWidth = (width: number) =>
      (
        window as unknown as { happyDOM: { setViewport(v: { width: number; height: number }): void } }
      ).happyDOM.setViewport({ width, height: 768 });
    const keys = '快捷键：Ctrl+Enter 保存本年度评议结果；在单行输入框中按回车跳到下一项';
    const save = () => screen.getByRole('button', { name: '保存本年度评议结果' });
    try {
      setWidth(683);
      const { self } = await renderPanel();
      const hint = screen.getByText(keys);
      expect(save().parentElement?.contains(hint)).toBe(false);
      // Before the first member's fields, and still what the button is described by.
      expect(hint.compareDocumentPosition(self) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
      expect(save().getAttribute('aria-describedby')).toBe(hint.id);
      cleanup();
      setWidth(1366);
      await renderPanel();
      expect(save().parentElement?.contains(screen.getByText(keys))).toBe(true);
    } finally {
      setWidth(1024);
    }
  });

  it('Ctrl+Enter saves the year’s results; the button says so; Enter in a text box is a new line', async () => {
    const { self, zeng } = await renderPanel();
    fireEvent.change(self, { target: { value: '用快捷键保存的自评' } });
    self.focus();
    // A multi-line box keeps Enter for its new line (not prevented).
    expect(fireEvent.keyDown(self, { key: 'Enter', code: 'Enter' })).toBe(true);
    expect(screen.getByText('快捷键：Ctrl+Enter 保存本年度评议结果；在单行输入框中按回车跳到下一项')).toBeTruthy();
    expect(screen.getByRole('button', { name: '保存本年度评议结果' }).getAttribute('aria-keyshortcuts')).toBe(
      'Control+Enter',
    );
    fireEvent.keyDown(self, { key: 'Enter', code: 'Enter', ctrlKey: true });
    await screen.findByText(`${YEAR}年度民主评议结果已保存`, undefined, { timeout: 5000 });
    const stored = await listMemberEvaluations(zeng.branchId, YEAR);
    expect(stored.find((r) => r.memberId === zeng.id)?.selfResult).toBe('用快捷键保存的自评');
  });

  it('放弃修改并离开 to another tab of 评价标准 drops the edits: back on the tab, what is stored shows', async () => {
    const { self } = await renderPanel();
    fireEvent.change(self, { target: { value: '未保存的自评' } });
    await go('#/standards?tab=library');
    expect(pendingLeave()?.target).toBe('#/standards?tab=library');
    await act(async () => {
      confirmLeave();
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(hasUnsavedChanges()).toBe(false);
    await go('#/standards?tab=evaluations');
    expect(((await screen.findByLabelText('曾子豪 自评')) as HTMLTextAreaElement).value).toBe(STORED_SELF);
    expect(hasUnsavedChanges()).toBe(false);
  });

  it('a refused save names the member and the field, marks that input and stores nothing', async () => {
    const { zeng, dai } = await renderPanel();
    fireEvent.change(screen.getByLabelText('戴雅琴 互评'), { target: { value: '长'.repeat(2100) } });
    fireEvent.click(screen.getByRole('button', { name: '保存本年度评议结果' }));

    await screen.findByText('戴雅琴的互评不能超过 2000 个字', undefined, { timeout: 5000 });
    const peer = screen.getByLabelText('戴雅琴 互评');
    await waitFor(() => expect(peer.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByLabelText('曾子豪 互评').getAttribute('aria-invalid')).toBeNull();
    // What was typed stays, for the user to shorten.
    expect((peer as HTMLTextAreaElement).value).toHaveLength(2100);
    const stored = await listMemberEvaluations(zeng.branchId, YEAR);
    expect(stored.map((r) => r.memberId)).toEqual([zeng.id]);
    expect(stored.some((r) => r.memberId === dai.id)).toBe(false);
  });

  it('a refusal about the whole year (优秀 over one third) is shown and nothing is stored', async () => {
    const { zeng } = await renderPanel();
    const group = screen.getByRole('group', { name: '曾子豪' });
    fireEvent.mouseDown(within(group).getByLabelText('曾子豪 等次'));
    fireEvent.click(await screen.findByTitle('优秀'));
    fireEvent.click(screen.getByRole('button', { name: '保存本年度评议结果' }));
    await screen.findByText('优秀比例不能超过三分之一：本年度参评 1 人，优秀最多 0 人', undefined, { timeout: 5000 });
    expect((await listMemberEvaluations(zeng.branchId, YEAR))[0]?.grade).toBe('合格');
    expect(hasUnsavedChanges()).toBe(true);
  });
});

describe('民主评议 refusals from the repository', () => {
  it('go under the member’s field; the rest to the banner with the member’s name', () => {
    const setError = vi.fn();
    const error = new ValidationError([
      { path: '1.collectiveResult', message: '组织评定不能超过 2000 个字' },
      { path: '0.exemplars.0', message: '“带头喝茶”不是“五带头、五标兵”之一' },
      { path: '1.memberId', message: '所选党员不是本支部党员' },
      { path: 'grade', message: '优秀比例不能超过三分之一：本年度参评 2 人，优秀最多 0 人' },
    ]);
    showEvaluationsError(error, setError, ['曾子豪', '戴雅琴']);
    expect(setError.mock.calls).toEqual([
      ['rows.1.collectiveResult', { type: 'repository', message: '组织评定不能超过 2000 个字' }, { shouldFocus: true }],
      [
        'rows.0.exemplars',
        { type: 'repository', message: '“带头喝茶”不是“五带头、五标兵”之一' },
        { shouldFocus: false },
      ],
      [
        'root.repository',
        {
          type: 'repository',
          message: '戴雅琴：所选党员不是本支部党员；优秀比例不能超过三分之一：本年度参评 2 人，优秀最多 0 人',
        },
      ],
    ]);
    expect(namedIssue('戴雅琴', 'collectiveResult', '组织评定不能超过 2000 个字')).toBe(
      '戴雅琴的组织评定不能超过 2000 个字',
    );
    expect(namedIssue('曾子豪', 'exemplars', '“带头喝茶”不是“五带头、五标兵”之一')).toBe(
      '曾子豪的五带头五标兵：“带头喝茶”不是“五带头、五标兵”之一',
    );
  });

  it('a failure that is not a refusal is shown as 保存失败', () => {
    const setError = vi.fn();
    showEvaluationsError(new Error('数据库已关闭'), setError, ['曾子豪']);
    expect(setError).toHaveBeenCalledWith('root.repository', { type: 'repository', message: '保存失败：数据库已关闭' });
  });
});
