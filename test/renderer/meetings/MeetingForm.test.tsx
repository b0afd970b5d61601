// MeetingForm in a DOM: after 保存 the first message is scrolled to and focused with a count; who can be picked;
// required marks and limits; an emptied date; times typed the Chinese way.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MeetingKind } from '../../../shared/domain/vocab';
import { chinaToday, type Branch, type Meeting, type Member } from '../../../shared/schemas';
import { AppProviders } from '../../../renderer/src/app/providers';
import { db } from '../../../renderer/src/db/db';
import { createBranch } from '../../../renderer/src/db/repositories/branches';
import { createMeeting, finalizeMeeting, type VenueChoice } from '../../../renderer/src/db/repositories/meetings';
import { createMember } from '../../../renderer/src/db/repositories/members';
import { MeetingForm } from '../../../renderer/src/features/meetings/MeetingForm';
import { memberInput } from './fixtures';

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

async function seed(): Promise<{ branch: Branch; members: Member[] }> {
  const branch = await createBranch({ name: '甲支部', termStart: '2023-03-01', termEnd: '2026-02-28' });
  const members = [
    await createMember(branch.id, memberInput('张三')),
    await createMember(branch.id, memberInput('李四')),
  ];
  return { branch, members };
}

function renderForm(
  branch: Branch,
  members: readonly Member[],
  props: {
    kind?: MeetingKind;
    date?: string;
    meeting?: Meeting;
    amendReason?: string;
    venues?: VenueChoice[];
  } = {},
) {
  const onSaved = vi.fn();
  render(
    <AppProviders>
      <MeetingForm
        branch={branch}
        members={members}
        venues={props.venues ?? []}
        meeting={props.meeting}
        amendReason={props.amendReason}
        initialKind={props.kind}
        initialDate={props.date ?? '2025-06-20'}
        onSaved={onSaved}
        onCancel={() => undefined}
      />
    </AppProviders>,
  );
  return { onSaved };
}

const input = (label: string) => screen.getByLabelText(label, { exact: true }) as HTMLInputElement;
const itemOf = (label: string) => input(label).closest('.ant-form-item')!;
const save = (name = '保存') => fireEvent.click(screen.getByRole('button', { name }));

// antd forms render slowly in happy-dom on a busy machine: generous timeouts, no behaviour depends on them.
describe('MeetingForm', { timeout: 30_000 }, () => {
  it('after 保存 with errors, scrolls to and focuses the first one and says how many there are', async () => {
    const { branch, members } = await seed();
    const { onSaved } = renderForm(branch, members);
    fireEvent.change(input('开始时间'), { target: { value: '10:00' } });
    fireEvent.change(input('结束时间'), { target: { value: '09:00' } });
    save();
    expect(await screen.findByText('有 2 处需要修改，请查看标红的项目', undefined, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByText('请填写主题')).toBeTruthy();
    expect(screen.getByText('结束时间必须晚于开始时间')).toBeTruthy();
    // The first in page order: 主题, above 结束时间.
    expect(document.activeElement).toBe(input('主题'));
    expect(scrolled[0]).toBe(itemOf('主题'));
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('shows the repository’s simple rules with the schema’s in one round (党课 without 主题 or 授课人)', async () => {
    const { branch, members } = await seed();
    const { onSaved } = renderForm(branch, members, { kind: '党课' });
    save();
    expect(await screen.findByText('有 2 处需要修改，请查看标红的项目', undefined, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByText('请填写主题')).toBeTruthy();
    expect(screen.getByText('党课请填写授课人')).toBeTruthy();
    expect(document.activeElement).toBe(input('主题'));
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('a refusal of the repository itself (a venue no longer there) is scrolled to and focused too', async () => {
    const { branch, members } = await seed();
    // Listed when the form opened, removed from the database since.
    const { onSaved } = renderForm(branch, members, { venues: [{ id: 'gone', name: '旧活动室' }] });
    fireEvent.change(input('主题'), { target: { value: '研究工作' } });
    fireEvent.mouseDown(input('地点（阵地）'));
    fireEvent.click(await screen.findByTitle('旧活动室'));
    save();
    expect(await screen.findByText('所选阵地不存在，请重新选择', undefined, { timeout: 5000 })).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(input('地点（阵地）')));
    expect(scrolled[0]).toBe(itemOf('地点（阵地）'));
    expect(await screen.findByText('有 1 处需要修改，请查看标红的项目')).toBeTruthy();
    expect(onSaved).not.toHaveBeenCalled();
    expect(await db.meetings.count()).toBe(0);
  });

  it('the banner at the top (更正 without a change) is scrolled to, focused and repeated as a message', async () => {
    const { branch, members } = await seed();
    const stored = await createMeeting(branch.id, { kind: '支委会', topic: '研究工作', date: '2025-06-20' });
    const finalized = await finalizeMeeting(stored.id);
    renderForm(branch, members, { meeting: finalized, amendReason: '核对后更正' });
    save('保存更正');
    await waitFor(() => expect(screen.getAllByText('没有修改任何内容，无需更正')).toHaveLength(2), { timeout: 5000 });
    const banner = document.activeElement as HTMLElement;
    expect(banner.hasAttribute('data-error-banner')).toBe(true);
    expect(within(banner).getByText('没有修改任何内容，无需更正')).toBeTruthy();
    expect(scrolled[0]).toBe(banner);
  });

  it('谈话双方 and 添加人员 offer whoever was on the roster on the meeting’s date', async () => {
    const { branch, members } = await seed();
    const leftLater = { ...(await createMember(branch.id, memberInput('于勇'))), leftDate: '2025-07-15' };
    const leftBefore = { ...(await createMember(branch.id, memberInput('赵六'))), leftDate: '2025-03-01' };
    renderForm(branch, [...members, leftLater, leftBefore], { kind: '谈心谈话', date: '2025-06-20' });
    const offered = (name: string) => document.querySelectorAll(`.ant-select-item-option[title="${name}"]`).length;
    fireEvent.mouseDown(input('谈话双方'));
    await waitFor(() => expect(offered('于勇')).toBe(1));
    fireEvent.mouseDown(input('添加人员'));
    await waitFor(() => expect(offered('于勇')).toBe(2));
    expect(offered('张三')).toBe(2);
    expect(offered('赵六')).toBe(0);
  });

  it('a 支委会 counts 委员 typed with another dot or a space, and says which 委员 the roster has nobody for', async () => {
    const branch = await createBranch({
      name: '甲支部',
      termStart: '2023-03-01',
      termEnd: '2026-02-28',
      committee: [
        { name: '阿依古丽•买买提', role: '书记' },
        { name: '张 三', role: '组织委员' },
        { name: '李四', role: '宣传委员' },
        { name: '外单位', role: '纪检委员' },
      ],
    });
    const members = [
      await createMember(branch.id, memberInput('阿依古丽·买买提')),
      await createMember(branch.id, memberInput('张三')),
      await createMember(branch.id, memberInput('李四')),
    ];
    renderForm(branch, members, { kind: '支委会', date: '2025-03-10' });
    expect(await screen.findByText('支委会应到 4 人，实到 3 人，符合半数以上要求')).toBeTruthy();
    for (const name of ['阿依古丽·买买提', '张三', '李四']) expect(screen.getByRole('group', { name })).toBeTruthy();
    expect(
      screen.getByText(
        '支部概况中的委员“外单位”在党员名册中找不到，无法列入出席名单，法定人数按缺席计算。请核对支部概况与党员名册中的姓名是否一致',
      ),
    ).toBeTruthy();
  });

  it('tells two 李娜 apart in 谈话双方 and 添加人员, and finds 「王  芳」 when 王芳 is typed', async () => {
    const branch = await createBranch({
      name: '甲支部',
      termStart: '2023-03-01',
      termEnd: '2026-02-28',
      partyGroups: [{ id: 'g1', name: '第一党小组' }],
    });
    const members = [
      await createMember(branch.id, { ...memberInput('李娜'), birthDate: '1985-05-01', partyGroupId: 'g1' }),
      await createMember(branch.id, { ...memberInput('李娜'), birthDate: '1990-03-02', joinedDate: '2015-07-01' }),
      // Stored padded before names were tidied on saving.
      { ...(await createMember(branch.id, memberInput('王芳'))), name: '王  芳' },
      await createMember(branch.id, memberInput('阿依古丽·买买提')),
    ];
    renderForm(branch, members, { kind: '谈心谈话', date: '2025-06-20' });
    const offered = (name: string) => document.querySelectorAll(`.ant-select-item-option[title="${name}"]`).length;
    fireEvent.mouseDown(input('谈话双方'));
    await waitFor(() => expect(offered('李娜（1985年生，第一党小组）')).toBe(1));
    expect(offered('李娜（1990年生）')).toBe(1);
    expect(offered('李娜')).toBe(0);
    fireEvent.mouseDown(input('添加人员'));
    fireEvent.change(input('添加人员'), { target: { value: '王芳' } });
    // The options of 添加人员's own dropdown, after the search.
    const addable = () => {
      const list = document.getElementById(input('添加人员').getAttribute('aria-controls') ?? '');
      const dropdown = list?.closest('.ant-select-dropdown');
      return [...(dropdown?.querySelectorAll('.ant-select-item-option') ?? [])].map((o) => o.getAttribute('title'));
    };
    await waitFor(() => expect(addable()).toEqual(['王芳']));
    // The search reads what is typed as a name too: a full stop for the 间隔号.
    fireEvent.change(input('添加人员'), { target: { value: '阿依古丽.买' } });
    await waitFor(() => expect(addable()).toEqual(['阿依古丽·买买提']));
  });

  it('marks 主题 (and 授课人 for a 党课) required, counts to the schema’s limits, and says Word must become PDF', async () => {
    const { branch, members } = await seed();
    renderForm(branch, members, { kind: '党课' });
    const requiredLabel = (label: string) =>
      itemOf(label).querySelector('label')?.classList.contains('ant-form-item-required');
    expect(requiredLabel('主题')).toBe(true);
    expect(requiredLabel('授课人')).toBe(true);
    expect(requiredLabel('主持人')).toBe(false);
    expect(input('主题').maxLength).toBe(100);
    for (const label of ['主持人', '记录人', '授课人']) expect(input(label).maxLength).toBe(20);
    // A name typed with another dot or a space is tidied on leaving the box, as the roster stores names.
    fireEvent.change(input('授课人'), { target: { value: ' 阿卜杜•热合曼 ' } });
    fireEvent.blur(input('授课人'));
    await waitFor(() => expect(input('授课人').value).toBe('阿卜杜·热合曼'));
    expect(itemOf('主题').textContent).toContain('0 / 100');
    expect(screen.getByText(/Word 格式的通知、讲稿请先另存为 PDF/)).toBeTruthy();
    // The 附件 field still takes the same files.
    expect(screen.getByLabelText('附件（通知、签到表、现场照片、讲稿）').getAttribute('accept')).toContain('pdf');
  });

  it('greys out days after today in the 会议日期 calendar', async () => {
    const { branch, members } = await seed();
    const today = chinaToday();
    renderForm(branch, members, { date: today });
    fireEvent.mouseDown(input('会议日期'));
    fireEvent.click(input('会议日期'));
    const cell = (day: string) => document.querySelector(`td[title="${day}"]`);
    await waitFor(() => expect(cell(today)).toBeTruthy());
    expect(cell(today)!.className).not.toContain('ant-picker-cell-disabled');
    const next = new Date(`${today}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    // The grid of today's month always shows the next day (the first days of the next month follow the last row).
    expect(cell(next.toISOString().slice(0, 10))!.className).toContain('ant-picker-cell-disabled');
  });

  it('an emptied 会议日期 is not saved with the old date: it asks for the date', async () => {
    const { branch, members } = await seed();
    const { onSaved } = renderForm(branch, members);
    fireEvent.change(input('主题'), { target: { value: '研究工作' } });
    const date = input('会议日期');
    fireEvent.focus(date);
    fireEvent.mouseDown(date);
    fireEvent.change(date, { target: { value: '' } });
    fireEvent.blur(date);
    save();
    expect(await screen.findByText('请填写日期', undefined, { timeout: 5000 })).toBeTruthy();
    expect(onSaved).not.toHaveBeenCalled();
    expect(await db.meetings.count()).toBe(0);
  });

  it('numbers a 党小组会 within its group, and says so', async () => {
    const branch = await createBranch({
      name: '甲支部',
      termStart: '2023-03-01',
      termEnd: '2026-02-28',
      partyGroups: [{ id: 'g1', name: '第一党小组' }],
    });
    const member = await createMember(branch.id, { ...memberInput('张三'), partyGroupId: 'g1' });
    const draft = await createMeeting(branch.id, {
      kind: '党小组会',
      topic: '学习讨论',
      date: '2025-06-10',
      partyGroupId: 'g1',
      attendance: [{ memberId: member.id, name: member.name, status: '出席' }],
    });
    renderForm(branch, [member], { meeting: draft });
    await waitFor(() => expect(screen.getByLabelText('本年度序号').textContent).toBe('第一党小组第1次党小组会'));
  });

  it('the 会议日期 clear button (⊗) empties the box as well as the form', async () => {
    const { branch, members } = await seed();
    const { onSaved } = renderForm(branch, members);
    fireEvent.change(input('主题'), { target: { value: '研究工作' } });
    expect(input('会议日期').value).toBe('2025-06-20');
    const clear = within(itemOf('会议日期') as HTMLElement).getByRole('button', { name: '清除' });
    fireEvent.mouseDown(clear);
    fireEvent.click(clear);
    await waitFor(() => expect(screen.getByLabelText('本年度序号').textContent).toBe('—'));
    // What the box shows is what the form holds: no old date left in sight.
    expect(input('会议日期').value).toBe('');
    save();
    expect(await screen.findByText('请填写日期', undefined, { timeout: 5000 })).toBeTruthy();
    expect(input('会议日期').value).toBe('');
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('reads 9:30 as 09:30 on leaving the box and 14：30 as 14:30 on 保存', async () => {
    const { branch, members } = await seed();
    const { onSaved } = renderForm(branch, members);
    fireEvent.change(input('主题'), { target: { value: '研究工作' } });
    fireEvent.change(input('开始时间'), { target: { value: '9:30' } });
    fireEvent.blur(input('开始时间'));
    expect(input('开始时间').value).toBe('09:30');
    // Not left: 保存 (or Enter) tidies it all the same.
    fireEvent.change(input('结束时间'), { target: { value: '14：30' } });
    save();
    await waitFor(() => expect(onSaved).toHaveBeenCalled(), { timeout: 5000 });
    const saved = onSaved.mock.calls[0]![0] as Meeting;
    expect([saved.startTime, saved.endTime]).toEqual(['09:30', '14:30']);
  });
});
