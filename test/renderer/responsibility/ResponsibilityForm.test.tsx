// ResponsibilityForm in a DOM: one 保存 shows every problem (task rules, a second list of the same holder and role)
// next to its field, and nothing is written.
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Branch, Member } from '../../../shared/schemas';
import { db } from '../../../renderer/src/db/db';
import { createBranch } from '../../../renderer/src/db/repositories/branches';
import { createMember } from '../../../renderer/src/db/repositories/members';
import { createResponsibility } from '../../../renderer/src/db/repositories/responsibilities';
import type { ResponsibilityFormValues } from '../../../renderer/src/features/responsibility/responsibilityFormValues';
import { renderForm } from './fixtures';

afterEach(cleanup);

async function seed(): Promise<{ branch: Branch; hu: Member }> {
  const branch = await createBranch({ name: '甲支部', termStart: '2024-01-01', termEnd: '2027-12-31' });
  const hu = await createMember(branch.id, {
    name: '胡桂兰',
    gender: '女',
    birthDate: '1980-01-01',
    joinedDate: '2005-07-01',
    status: '正式',
  });
  return { branch, hu };
}

function values(overrides: Partial<ResponsibilityFormValues> = {}): ResponsibilityFormValues {
  return {
    year: 2025,
    holderMemberId: '',
    holderName: '',
    role: '直接责任人',
    duties: ['抓好组织发展'],
    tasks: [],
    reports: [],
    ...overrides,
  };
}

// antd renders slowly in happy-dom on a busy machine: a generous wait, no behaviour depends on it.
const findText = (text: string) => screen.findByText(text, undefined, { timeout: 10_000 });
const save = () => fireEvent.click(screen.getByRole('button', { name: '保存' }));
const itemOf = (text: string) => screen.getByText(text).closest('.ant-form-item')!;

describe('ResponsibilityForm', { timeout: 30_000 }, () => {
  it('one 保存 shows the task rules together with the missing holder and 述职, each on its field', async () => {
    const { branch, hu } = await seed();
    const { onSaved } = renderForm(
      branch,
      [hu],
      values({
        tasks: [
          { id: '', title: '制定年度计划', deadline: '2024-05-01', status: '已完成', note: '', evidenceMeetingIds: [] },
        ],
        reports: [{ date: undefined, summary: '', rating: '' }],
      }),
    );
    save();

    expect(await findText('请填写责任人')).toBeTruthy();
    expect(screen.getByText('请填写日期')).toBeTruthy();
    expect(screen.getByText('请填写述职内容')).toBeTruthy();
    const task = within(screen.getByRole('group', { name: '任务 1' }));
    expect(itemOf('完成时限不能早于本年度开始（2025-01-01）').contains(task.getByLabelText('完成时限'))).toBe(true);
    expect(itemOf('任务已完成，请填写完成情况').contains(task.getByLabelText('完成情况'))).toBe(true);
    expect(onSaved).not.toHaveBeenCalled();
    expect(await db.responsibilities.count()).toBe(0);
  });

  it('refuses a 完成时限 after the end of the next year', async () => {
    const { branch, hu } = await seed();
    renderForm(
      branch,
      [hu],
      values({
        holderMemberId: hu.id,
        holderName: hu.name,
        tasks: [
          { id: '', title: '换届准备', deadline: '2031-05-01', status: '未开始', note: '', evidenceMeetingIds: [] },
        ],
      }),
    );
    save();
    const task = within(screen.getByRole('group', { name: '任务 1' }));
    expect(
      (await findText('完成时限不能晚于下一年度结束（2026-12-31）'))
        .closest('.ant-form-item')!
        .contains(task.getByLabelText('完成时限')),
    ).toBe(true);
    expect(await db.responsibilities.count()).toBe(0);
  });

  it('refuses a second list of the same holder and role in the year, under 责任人, with the other problems', async () => {
    const { branch, hu } = await seed();
    const first = await createResponsibility(branch.id, {
      year: 2025,
      holderMemberId: hu.id,
      holderName: hu.name,
      role: '直接责任人',
      duties: ['抓好组织发展'],
    });
    const { onSaved } = renderForm(
      branch,
      [hu],
      values({
        holderMemberId: hu.id,
        holderName: hu.name,
        tasks: [
          { id: '', title: '发展党员', deadline: '2025-10-01', status: '已完成', note: '', evidenceMeetingIds: [] },
        ],
      }),
      [first],
    );
    save();

    const holderError = await findText('胡桂兰在2025年度已有直接责任人的责任清单，请修改原清单');
    expect(holderError.closest('.ant-form-item')!.contains(screen.getByLabelText('责任人'))).toBe(true);
    expect(screen.getByText('任务已完成，请填写完成情况')).toBeTruthy();
    expect(onSaved).not.toHaveBeenCalled();
    expect(await db.responsibilities.count()).toBe(1);
  });
});
