// Entering many records in one sitting: the same meeting entered twice is asked about before it is saved; members not
// on the roster on the date are said and refused; Enter in a one-line box does not save a half-filled record
// (Ctrl+Enter does); 主持人/记录人/地点 start filled in, 保存并新建同类记录 keeps them for the next record, and a record
// can be copied as a new one.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MeetingKind } from '../../../shared/domain/vocab';
import type { Branch, Meeting, Member } from '../../../shared/schemas';
import { AppProviders } from '../../../renderer/src/app/providers';
import { db } from '../../../renderer/src/db/db';
import { createBranch } from '../../../renderer/src/db/repositories/branches';
import { createMeeting, listVenueChoices, type VenueChoice } from '../../../renderer/src/db/repositories/meetings';
import { createMember } from '../../../renderer/src/db/repositories/members';
import { MeetingForm } from '../../../renderer/src/features/meetings/MeetingForm';
import { MeetingView } from '../../../renderer/src/features/meetings/MeetingView';

beforeEach(() => window.history.replaceState(null, '', '#/records'));
afterEach(cleanup);

const person = (name: string, joinedDate = '2005-07-01') => ({
  name,
  gender: '男' as const,
  birthDate: '1980-01-01',
  joinedDate,
  status: '正式' as const,
});

async function seed(): Promise<{ branch: Branch; members: Member[]; venues: VenueChoice[] }> {
  const branch = await createBranch({
    name: '机关第三党支部',
    termStart: '2023-03-01',
    termEnd: '2026-02-28',
    committee: [
      { name: '张建国', role: '书记', to: '2025-07-15' },
      { name: '罗雪', role: '书记', from: '2025-07-15' },
      { name: '王静', role: '组织委员' },
    ],
  });
  const members = [
    await createMember(branch.id, person('张建国')),
    await createMember(branch.id, person('罗雪')),
    await createMember(branch.id, person('王静')),
    await createMember(branch.id, person('何东')),
    // A 预备党员 who joined mid-year.
    await createMember(branch.id, { ...person('许晨', '2025-06-15'), status: '预备' }),
  ];
  const at = new Date().toISOString();
  for (const [id, name] of [
    ['v1', '三楼党员活动室'],
    ['v2', '红色教育基地'],
  ]) {
    await db.venues.add({
      id: id!,
      branchId: branch.id,
      name: name!,
      kind: '党员活动室',
      address: '',
      areaM2: 40,
      capacity: 30,
      manager: '',
      checklist: [],
      createdAt: at,
      updatedAt: at,
    });
  }
  return { branch, members, venues: await listVenueChoices(branch.id) };
}

function renderForm(
  data: { branch: Branch; members: readonly Member[]; venues: readonly VenueChoice[] },
  props: { kind?: MeetingKind; date?: string; meeting?: Meeting } = {},
) {
  const onSaved = vi.fn();
  render(
    <AppProviders>
      <MeetingForm
        branch={data.branch}
        members={data.members}
        venues={data.venues}
        meeting={props.meeting}
        initialKind={props.kind}
        initialDate={props.date}
        onSaved={onSaved}
        onCancel={() => undefined}
      />
    </AppProviders>,
  );
  return { onSaved };
}

const input = (label: string) => screen.getByLabelText(label, { exact: true }) as HTMLInputElement;
const save = () => fireEvent.click(screen.getByRole('button', { name: '保存' }));
const fill = (label: string, value: string) => fireEvent.change(input(label), { target: { value } });
const venueShown = () => input('地点（阵地）').closest('.ant-select')!.textContent;

function typeDate(text: string) {
  const date = input('会议日期');
  fireEvent.focus(date);
  fireEvent.mouseDown(date);
  fireEvent.change(date, { target: { value: text } });
  fireEvent.blur(date);
}

// antd forms render slowly in happy-dom on a busy machine: generous timeouts, no behaviour depends on them.
describe('the same meeting entered twice', { timeout: 40_000 }, () => {
  it('asks before saving a second 支委会 on the day, opened on 返回修改; 仍然保存 saves it', async () => {
    const data = await seed();
    await createMeeting(data.branch.id, { kind: '支委会', topic: '研究部署2025年度党建工作要点', date: '2025-01-14' });
    const { onSaved } = renderForm(data, { kind: '支委会', date: '2025-01-14' });
    fill('主题', '研究部署2025年度党建工作要点');
    save();
    const dialog = await screen.findByRole('dialog', {}, { timeout: 5000 });
    expect(dialog.textContent).toContain(
      '2025-01-14 已有一条支委会记录「研究部署2025年度党建工作要点」（草稿，第1次），仍要保存吗？',
    );
    await waitFor(() => expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: '返回修改' })));
    // In an async act: the form carries on from the answer (an awaited promise) after the click.
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: '返回修改' })));
    expect(screen.queryByText(/仍要保存吗/)).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(input('会议日期')));
    expect(onSaved).not.toHaveBeenCalled();
    expect(await db.meetings.count()).toBe(1);
    // Nothing typed was lost; asked again, 仍然保存 saves.
    expect(input('主题').value).toBe('研究部署2025年度党建工作要点');
    await waitFor(() => expect(screen.getByRole('button', { name: '保存' }).className).not.toContain('loading'));
    save();
    expect(await screen.findByText(/仍要保存吗/, undefined, { timeout: 10_000 })).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '仍然保存' })));
    await waitFor(() => expect(onSaved).toHaveBeenCalled(), { timeout: 10_000 });
    expect(await db.meetings.count()).toBe(2);
  });

  it('asks about the same 主题 in the month; 查看该记录 opens it', async () => {
    const data = await seed();
    const first = await createMeeting(data.branch.id, {
      kind: '支委会',
      topic: '研究发展党员工作',
      date: '2025-03-05',
    });
    renderForm(data, { kind: '支委会', date: '2025-03-20' });
    fill('主题', '研究发展党员工作');
    save();
    const dialog = await screen.findByRole('dialog', {}, { timeout: 5000 });
    expect(dialog.textContent).toContain('2025-03-05 已有一条支委会记录「研究发展党员工作」');
    fireEvent.click(within(dialog).getByRole('button', { name: '查看该记录' }));
    await waitFor(() => expect(window.location.hash).toBe(`#/records?id=${first.id}`));
    expect(await db.meetings.count()).toBe(1);
  });

  it('does not ask for another kind that day, nor for an edit that keeps the kind and date', async () => {
    const data = await seed();
    await createMeeting(data.branch.id, { kind: '支委会', topic: '研究发展党员工作', date: '2025-03-05' });
    const { onSaved } = renderForm(data, { kind: '支部党员大会', date: '2025-03-05' });
    fill('主题', '研究发展党员工作');
    save();
    await waitFor(() => expect(onSaved).toHaveBeenCalled(), { timeout: 5000 });
    expect(screen.queryByRole('dialog')).toBeNull();
    cleanup();

    const twin = await createMeeting(data.branch.id, { kind: '支委会', topic: '另一条', date: '2025-03-05' });
    const edit = renderForm(data, { meeting: twin });
    fill('主题', '另一条（补充）');
    save();
    await waitFor(() => expect(edit.onSaved).toHaveBeenCalled(), { timeout: 5000 });
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('the attendance list', { timeout: 40_000 }, () => {
  it('is one line a person: the reason box only for 请假/缺席, each field named for a screen reader', async () => {
    const data = await seed();
    renderForm(data, { kind: '支部党员大会', date: '2025-07-10' });
    const row = screen.getByRole('group', { name: '何东' });
    const status = within(row).getByLabelText('出席情况', { exact: true });
    expect(status.getAttribute('aria-label')).toBe('出席情况');
    // 出席: nothing to give a reason for, so no box (and no Tab stop).
    expect(within(row).queryByLabelText('原因', { exact: true })).toBeNull();
    // The columns are named once above the rows, not by a label on every row.
    expect([...document.querySelectorAll('label')].filter((l) => l.textContent === '出席情况')).toHaveLength(0);

    fireEvent.mouseDown(status);
    await waitFor(() => expect(document.querySelector('.ant-select-item-option[title="请假"]')).not.toBeNull());
    fireEvent.click(document.querySelector('.ant-select-item-option[title="请假"]')!);
    const reason = await within(row).findByLabelText('原因', { exact: true });
    fireEvent.change(reason, { target: { value: '出差' } });
    expect((within(row).getByLabelText('原因', { exact: true }) as HTMLInputElement).value).toBe('出差');

    // 移出名单 gives the keyboard to the row that moved up, not to the page.
    const next = screen.getAllByRole('group')[screen.getAllByRole('group').indexOf(row) + 1]!;
    const nextName = within(next).getByText(/\S/, { selector: 'strong, span.ant-typography' }).textContent;
    fireEvent.click(within(row).getByRole('button', { name: '移出名单' }));
    await waitFor(() => expect(screen.queryByRole('group', { name: '何东' })).toBeNull());
    await waitFor(() =>
      expect(document.activeElement).toBe(
        within(screen.getByRole('group', { name: nextName! })).getByLabelText('出席情况', { exact: true }),
      ),
    );
  });
});

describe('members not on the roster on the date', { timeout: 40_000 }, () => {
  it('a list edited by hand and then moved to an earlier date says who was not yet in, and 保存 refuses them', async () => {
    const data = await seed();
    const { onSaved } = renderForm(data, { kind: '支部党员大会', date: '2025-07-10' });
    expect(screen.getByRole('group', { name: '许晨' })).toBeTruthy();
    // Edited by hand: the list no longer follows the date.
    fireEvent.click(within(screen.getByRole('group', { name: '何东' })).getByRole('button', { name: '移出名单' }));
    typeDate('2025-03-06');
    const alert = await screen.findByText('以下人员在该日期不在册：许晨（2025-06-15 入党）');
    expect(screen.getByRole('group', { name: '许晨' })).toBeTruthy();
    fill('主题', '学习党的二十届三中全会精神');
    save();
    expect(
      await screen.findByText('许晨在会议当天不在册（2025-06-15 入党），请移出名单', undefined, { timeout: 5000 }),
    ).toBeTruthy();
    expect(onSaved).not.toHaveBeenCalled();
    expect(await db.meetings.count()).toBe(0);
    // One click takes them off; then it saves.
    const box = alert.closest('[role="alert"]') as HTMLElement;
    fireEvent.click(within(box).getByRole('button', { name: '移出名单' }));
    expect(screen.queryByRole('group', { name: '许晨' })).toBeNull();
    expect(screen.queryByText(/以下人员在该日期不在册/)).toBeNull();
    save();
    await waitFor(() => expect(onSaved).toHaveBeenCalled(), { timeout: 5000 });
    const saved = onSaved.mock.calls[0]![0] as Meeting;
    expect(saved.attendance.map((a) => a.name)).not.toContain('许晨');
  });
});

describe('keys', { timeout: 40_000 }, () => {
  it('Enter in 主题 goes on to the next field and saves nothing; Ctrl+Enter saves', async () => {
    const data = await seed();
    const { onSaved } = renderForm(data, { kind: '主题党日', date: '2025-05-20' });
    fill('主题', '参观红色教育基地');
    input('主题').focus();
    // Not prevented, the browser submits the form (implicit submission).
    expect(fireEvent.keyDown(input('主题'), { key: 'Enter', code: 'Enter' })).toBe(false);
    expect(document.activeElement).toBe(input('开始时间'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(onSaved).not.toHaveBeenCalled();
    expect(await db.meetings.count()).toBe(0);
    // An Enter that ends an IME composition is the IME's.
    expect(fireEvent.keyDown(input('开始时间'), { key: 'Enter', keyCode: 229 })).toBe(true);
    fireEvent.keyDown(input('开始时间'), { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(onSaved).toHaveBeenCalled(), { timeout: 5000 });
    expect(screen.getByText(/Ctrl\+Enter 保存/)).toBeTruthy();
  });
});

describe('what a new record starts with', { timeout: 40_000 }, () => {
  it('a 支委会: the 书记 in office on its date hosts, the 组织委员 records, in the last record’s 阵地', async () => {
    const data = await seed();
    await createMeeting(data.branch.id, { kind: '主题党日', topic: '参观', date: '2025-04-01', venueId: 'v2' });
    await createMeeting(data.branch.id, { kind: '支委会', topic: '研究', date: '2025-02-11', venueId: 'v1' });
    renderForm(data, { kind: '支委会' });
    expect(input('主持人').value).toBe('罗雪');
    expect(input('记录人').value).toBe('王静');
    await waitFor(() => expect(venueShown()).toContain('三楼党员活动室'));
    // The host follows the date while it is the form's own; a name typed by hand stays.
    typeDate('2025-03-10');
    await waitFor(() => expect(input('主持人').value).toBe('张建国'));
    fill('记录人', '何东');
    typeDate('2025-09-10');
    await waitFor(() => expect(input('主持人').value).toBe('罗雪'));
    expect(input('记录人').value).toBe('何东');
  });

  it('保存并新建同类记录 saves and opens the next record with the same place, people and times, no date', async () => {
    const data = await seed();
    const { onSaved } = renderForm(data, { kind: '支委会', date: '2025-01-14' });
    fill('主题', '研究部署2025年度党建工作要点');
    fill('开始时间', '09:00');
    fill('结束时间', '10:30');
    fill('主持人', '张建国同志');
    fireEvent.mouseDown(input('地点（阵地）'));
    fireEvent.click(await screen.findByTitle('红色教育基地'));
    fireEvent.click(screen.getByRole('button', { name: '保存并新建同类记录' }));
    expect(
      await screen.findByText(/^已保存：2025-01-14 支委会「研究部署2025年度党建工作要点」/, undefined, {
        timeout: 5000,
      }),
    ).toBeTruthy();
    expect(onSaved).not.toHaveBeenCalled();
    const saved = await db.meetings.toArray();
    expect(saved.map((m) => [m.date, m.topic, m.host])).toEqual([
      ['2025-01-14', '研究部署2025年度党建工作要点', '张建国同志'],
    ]);
    expect(input('会议日期').value).toBe('');
    expect(input('主题').value).toBe('');
    expect([input('开始时间').value, input('结束时间').value]).toEqual(['09:00', '10:30']);
    expect([input('主持人').value, input('记录人').value]).toEqual(['张建国同志', '王静']);
    expect(venueShown()).toContain('红色教育基地');
    await waitFor(() => expect(document.activeElement).toBe(input('会议日期')));
    // The next one is saved as a record of its own.
    typeDate('2025-02-11');
    fill('主题', '研究春节前走访慰问工作');
    save();
    await waitFor(() => expect(onSaved).toHaveBeenCalled(), { timeout: 5000 });
    const second = onSaved.mock.calls[0]![0] as Meeting;
    expect([second.date, second.venueId, second.startTime]).toEqual(['2025-02-11', 'v2', '09:00']);
  });

  it('复制为新记录 on a record opens a new form with its kind, place, people, times and 议程, and no date', async () => {
    const data = await seed();
    const source = await createMeeting(data.branch.id, {
      kind: '支委会',
      topic: '研究部署2025年度党建工作要点',
      date: '2025-01-14',
      startTime: '09:00',
      endTime: '10:30',
      venueId: 'v1',
      host: '张建国',
      recorder: '王静',
      agenda: '一、传达上级精神；二、研究部署',
      content: '会议内容',
      attendance: [{ memberId: data.members[0]!.id, name: '张建国', status: '请假', reason: '出差' }],
    });
    render(
      <AppProviders>
        <MeetingView id={source.id} branch={data.branch} members={data.members} venues={data.venues} />
      </AppProviders>,
    );
    fireEvent.click(await screen.findByRole('button', { name: '复制为新记录' }, { timeout: 5000 }));
    expect(await screen.findByRole('heading', { level: 3, name: '复制为新记录' })).toBeTruthy();
    expect(input('会议日期').value).toBe('');
    expect(input('主题').value).toBe('');
    expect(input('会议内容').value).toBe('');
    expect(input('议程').value).toBe('一、传达上级精神；二、研究部署');
    expect([input('开始时间').value, input('结束时间').value]).toEqual(['09:00', '10:30']);
    expect([input('主持人').value, input('记录人').value]).toEqual(['张建国', '王静']);
    expect(venueShown()).toContain('三楼党员活动室');
    // The committee in office on the new date, all 出席: the source's 请假 is not carried.
    typeDate('2025-02-11');
    await waitFor(() => expect(screen.getByRole('group', { name: '张建国' })).toBeTruthy());
    expect(within(screen.getByRole('group', { name: '张建国' })).getByText('出席')).toBeTruthy();
    fill('主题', '研究春节前走访慰问工作');
    save();
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/records\?id=/), { timeout: 5000 });
    expect(window.location.hash).not.toBe(`#/records?id=${source.id}`);
    expect(await db.meetings.count()).toBe(2);
  });
});
