// 学习记录 and 技能比武 in a DOM: an entry is corrected with 编辑 (attachments and participants kept, audited), closing over
// unsaved edits asks first, 删除 asks first, and 「重复参赛」 comes in the same 保存 as the other errors.
import { Blob as NodeBlob } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { chinaToday } from '../../../shared/schemas';
import { AppProviders } from '../../../renderer/src/app/providers';
import { db } from '../../../renderer/src/db/db';
import { addAttachment } from '../../../renderer/src/db/repositories/attachments';
import { listAudit } from '../../../renderer/src/db/repositories/audit';
import { createCompetition } from '../../../renderer/src/db/repositories/competitions';
import { createLearning, getLearning } from '../../../renderer/src/db/repositories/learning';
import { CompetitionForm } from '../../../renderer/src/features/learning/CompetitionForm';
import { CompetitionTab } from '../../../renderer/src/features/learning/CompetitionTab';
import { LearningTab } from '../../../renderer/src/features/learning/LearningTab';
import { listMembers } from '../../../renderer/src/db/repositories/members';
import { branchWithMembers } from './fixtures';

// Inside the current year and not after today, so the entry is listed under 本年度学习记录.
const DAY = `${chinaToday().slice(0, 4)}-01-02`;

beforeEach(() => {
  // happy-dom's Blob does not survive fake-indexeddb's structured clone; Node's does (as attachments.test does).
  vi.stubGlobal('Blob', NodeBlob);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

async function learningWithPhoto() {
  const ctx = await branchWithMembers();
  const bytes = new Uint8Array(readFileSync('test/fixtures/images/venue-room.png'));
  const photo = await addAttachment(ctx.branch.id, new File([bytes], '学习照片.png', { type: 'image/png' }));
  const entry = await createLearning(ctx.branch.id, {
    memberId: ctx.zhang.id,
    kind: '月写一篇',
    title: '调研报吿',
    date: DAY,
    notes: '关于基层党建的调研',
    attachmentIds: [photo.id],
  });
  render(
    <AppProviders>
      <LearningTab branchId={ctx.branch.id} />
    </AppProviders>,
  );
  const list = within(
    (await screen.findByText('本年度学习记录', undefined, { timeout: 10_000 })).closest('.ant-card')!,
  );
  await list.findByText('调研报吿');
  return { ...ctx, entry, photo, list };
}

/** The 编辑学习记录 drawer, when open (see discardQuestions for why not by its accessible name alone). */
const openDrawer = () =>
  screen
    .queryAllByRole('dialog')
    .find((d) => d.closest('.ant-drawer-open') && d.textContent?.startsWith('编辑学习记录'));
const drawer = () => openDrawer()!;

/**
 * The 「放弃修改？」 questions asked so far, newest last, found by their text: antd gives every dialog the same
 * aria-labelledby id under test ("test-id"), so with the drawer open a question's accessible name is the drawer's title;
 * and an answered question stays in happy-dom's DOM (its closing motion never ends).
 */
const discardQuestions = () =>
  screen
    .queryAllByRole('dialog')
    .filter((d) => d.closest('.ant-modal-wrap') && d.textContent?.startsWith('放弃修改？'));
/** Waits for a question newer than the `seen` ones and returns it. */
const askedToDiscard = (seen = 0) =>
  waitFor(() => {
    const asked = discardQuestions();
    expect(asked.length).toBeGreaterThan(seen);
    return asked.at(-1)!;
  });

// antd renders slowly in happy-dom on a busy machine: generous timeouts, no behaviour depends on them.
describe('correcting a 学习记录', { timeout: 40_000 }, () => {
  it('编辑 opens the entry; 保存 corrects the title, keeps the photo and writes an update to the log', async () => {
    const { entry, photo, list, branch } = await learningWithPhoto();
    fireEvent.click(list.getByRole('button', { name: '编辑「调研报吿」' }));
    const form = within(await screen.findByRole('dialog', { name: '编辑学习记录' }));
    const title = form.getByLabelText('标题') as HTMLInputElement;
    expect(title.value).toBe('调研报吿');
    expect((form.getByLabelText('心得') as HTMLTextAreaElement).value).toBe('关于基层党建的调研');
    expect(await form.findByText('学习照片.png')).toBeTruthy();
    fireEvent.change(title, { target: { value: '调研报告' } });
    fireEvent.click(form.getByRole('button', { name: '保存' }));
    await list.findByText('调研报告', undefined, { timeout: 10_000 });
    await waitFor(() => expect(openDrawer()).toBeUndefined());
    const saved = (await getLearning(entry))!;
    expect(saved).toMatchObject({ title: '调研报告', notes: '关于基层党建的调研', attachmentIds: [photo.id] });
    expect((await listAudit('learning', entry.id, branch.id)).map((a) => a.summary)).toContain(
      '修改了学习记录「调研报告」的标题',
    );
  });

  it('closing the drawer over unsaved edits asks 放弃修改？; 继续编辑 keeps them, 放弃修改 saves nothing', async () => {
    const { entry, list } = await learningWithPhoto();
    fireEvent.click(list.getByRole('button', { name: '编辑「调研报吿」' }));
    const form = within(await screen.findByRole('dialog', { name: '编辑学习记录' }));
    fireEvent.change(form.getByLabelText('标题'), { target: { value: '调研报告（修改中）' } });
    fireEvent.click(form.getByRole('button', { name: '取消' }));
    fireEvent.click(within(await askedToDiscard()).getByRole('button', { name: '继续编辑' }));
    expect((within(drawer()).getByLabelText('标题') as HTMLInputElement).value).toBe('调研报告（修改中）');
    // The drawer's × asks too.
    fireEvent.click(within(drawer()).getByRole('button', { name: /^(关闭|Close)$/ }));
    fireEvent.click(within(await askedToDiscard(1)).getByRole('button', { name: '放弃修改' }));
    await waitFor(() => expect(openDrawer()).toBeUndefined());
    expect((await getLearning(entry))!.title).toBe('调研报吿');
  });

  it('删除 asks first and removes the entry only when confirmed', async () => {
    const { entry, list } = await learningWithPhoto();
    fireEvent.click(list.getByRole('button', { name: '删除「调研报吿」' }));
    const ask = await screen.findByRole('dialog', { name: '删除学习记录「调研报吿」？' });
    expect(await getLearning(entry)).toBeDefined();
    fireEvent.click(within(ask).getByRole('button', { name: '删除' }));
    await waitFor(async () => expect(await getLearning(entry)).toBeUndefined());
  });
});

async function competitionListed() {
  const ctx = await branchWithMembers();
  const event = await createCompetition(ctx.branch.id, {
    name: '公文写作比武',
    date: '2024-05-20',
    kind: '技能比武',
    participants: [
      { memberId: ctx.zhang.id, name: '张三', score: 89, rank: 2, award: '二等奖' },
      { memberId: ctx.li.id, name: '李四', score: 95, rank: 1, award: '一等奖' },
    ],
  });
  render(
    <AppProviders>
      <CompetitionTab branchId={ctx.branch.id} />
    </AppProviders>,
  );
  const table = within(await screen.findByRole('table', undefined, { timeout: 10_000 }));
  await table.findByText('公文写作比武');
  return { ...ctx, event, table };
}

describe('correcting a 技能比武', { timeout: 40_000 }, () => {
  it('编辑 opens the event with its participants; 保存 corrects a score and keeps everyone', async () => {
    const { event, table, branch } = await competitionListed();
    fireEvent.click(table.getByRole('button', { name: '编辑「公文写作比武」' }));
    const form = within((await screen.findByText('编辑技能比武')).closest('.ant-card') as HTMLElement);
    expect((form.getByLabelText('比武名称') as HTMLInputElement).value).toBe('公文写作比武');
    // 李四 left on 2024-06-30, after the event: still named in it.
    const second = within(form.getByRole('group', { name: '参赛人员 2' }));
    expect(second.getByText('李四（已离开支部）')).toBeTruthy();
    const score = within(form.getByRole('group', { name: '参赛人员 1' })).getByLabelText('成绩');
    fireEvent.change(score, { target: { value: '91' } });
    fireEvent.blur(score);
    fireEvent.click(form.getByRole('button', { name: '保存比武' }));
    const list = within(await screen.findByRole('table', undefined, { timeout: 10_000 }));
    await list.findByText(/张三 91分 第2名 二等奖/);
    const saved = (await db.competitions.get(event.id))!;
    expect(saved.participants.map((p) => [p.name, p.score, p.award])).toEqual([
      ['张三', 91, '二等奖'],
      ['李四', 95, '一等奖'],
    ]);
    expect((await listAudit('competition', event.id, branch.id)).map((a) => a.action)).toEqual(['create', 'update']);
  });

  it('取消 over unsaved edits asks 放弃修改？ and keeps the event as it was', async () => {
    const { event, table } = await competitionListed();
    fireEvent.click(table.getByRole('button', { name: '编辑「公文写作比武」' }));
    const name = await screen.findByLabelText('比武名称');
    fireEvent.change(name, { target: { value: '公文写作大赛' } });
    fireEvent.click(screen.getByRole('button', { name: '取消' }));
    fireEvent.click(
      within(await screen.findByRole('dialog', { name: '放弃修改？' })).getByRole('button', { name: '放弃修改' }),
    );
    await screen.findByRole('table', undefined, { timeout: 10_000 });
    expect((await db.competitions.get(event.id))!.name).toBe('公文写作比武');
  });

  it('删除 asks first', async () => {
    const { event, table } = await competitionListed();
    fireEvent.click(table.getByRole('button', { name: '删除「公文写作比武」' }));
    const ask = (await screen.findByText('删除「公文写作比武」？')).closest('.ant-popover') as HTMLElement;
    expect(await db.competitions.get(event.id)).toBeDefined();
    fireEvent.click(within(ask).getByRole('button', { name: '删除' }));
    await waitFor(async () => expect(await db.competitions.get(event.id)).toBeUndefined());
  });

  it('shows 重复参赛 in the same 保存 as a missing 比武名称 and a 名次 that is not whole', async () => {
    const { branch } = await branchWithMembers();
    const members = await listMembers(branch.id);
    render(
      <AppProviders>
        <CompetitionForm branchId={branch.id} members={members} onDone={() => {}} />
      </AppProviders>,
    );
    const pick = async (row: number) => {
      const group = within(screen.getByRole('group', { name: `参赛人员 ${row}` }));
      fireEvent.mouseDown(group.getByLabelText('参赛党员'));
      const options = await waitFor(() => {
        const open = [...document.querySelectorAll('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')];
        const option = open.at(-1)?.querySelector('.ant-select-item-option[title="张三"]');
        expect(option).toBeTruthy();
        return option as HTMLElement;
      });
      fireEvent.click(options);
    };
    fireEvent.click(screen.getByRole('button', { name: /添加参赛人员/ }));
    await pick(1);
    fireEvent.click(screen.getByRole('button', { name: /添加参赛人员/ }));
    await pick(2);
    const rank = within(screen.getByRole('group', { name: '参赛人员 2' })).getByLabelText('名次');
    fireEvent.change(rank, { target: { value: '1.5' } });
    fireEvent.blur(rank);
    fireEvent.click(screen.getByRole('button', { name: '保存比武' }));
    await screen.findByText('请填写比武名称', undefined, { timeout: 10_000 });
    expect(screen.getByText('名次应为整数')).toBeTruthy();
    expect(screen.getByText('“张三”重复参赛')).toBeTruthy();
    expect(await db.competitions.count()).toBe(0);
  });
});
