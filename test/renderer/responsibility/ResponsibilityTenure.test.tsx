// 领导责任 form and card after a 年内换届: a second 第一责任人 of the year is not saved silently — without dates it is
// refused under 任职起, with a 任职起 the 换届 is asked about and then ends the first one's list that day; the card says
// who answered for which part of the year.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Branch, Member, Responsibility } from '../../../shared/schemas';
import { AppProviders } from '../../../renderer/src/app/providers';
import { db } from '../../../renderer/src/db/db';
import { createBranch } from '../../../renderer/src/db/repositories/branches';
import { createMember } from '../../../renderer/src/db/repositories/members';
import { createResponsibility } from '../../../renderer/src/db/repositories/responsibilities';
import { ResponsibilityCard } from '../../../renderer/src/features/responsibility/ResponsibilityCard';
import type { ResponsibilityFormValues } from '../../../renderer/src/features/responsibility/responsibilityFormValues';
import { renderForm } from './fixtures';
import { memberInput } from '../meetings/fixtures';

afterEach(cleanup);

async function seed(): Promise<{ branch: Branch; luo: Member; hu: Member; first: Responsibility }> {
  const branch = await createBranch({ name: '甲支部', termStart: '2024-01-01', termEnd: '2027-12-31' });
  const luo = await createMember(branch.id, memberInput('罗雪', '女'));
  const hu = await createMember(branch.id, memberInput('胡桂兰', '女'));
  const first = await createResponsibility(branch.id, {
    year: 2025,
    holderMemberId: luo.id,
    holderName: luo.name,
    role: '第一责任人',
    duties: ['全面负责支部党建工作'],
  });
  return { branch, luo, hu, first };
}

const huFirst = (hu: Member): ResponsibilityFormValues => ({
  year: 2025,
  holderMemberId: hu.id,
  holderName: hu.name,
  role: '第一责任人',
  duties: ['全面负责支部党建工作'],
  tasks: [],
  reports: [],
  from: '',
  to: '',
});

function typeDate(label: string, value: string): void {
  const input = screen.getByLabelText(label);
  fireEvent.mouseDown(input);
  fireEvent.change(input, { target: { value } });
  fireEvent.keyDown(input, { key: 'Enter' });
}

const findText = (text: string) => screen.findByText(text, undefined, { timeout: 10_000 });
const save = () => fireEvent.click(screen.getByRole('button', { name: '保存' }));

describe('a second 第一责任人 in the form', { timeout: 30_000 }, () => {
  it('without dates, is refused under 任职起 with what to do, and nothing is written', async () => {
    const { branch, luo, hu, first } = await seed();
    const { onSaved } = renderForm(branch, [luo, hu], huFirst(hu), [first]);
    expect(screen.getByLabelText('任职起')).toBeTruthy();
    expect(screen.getByLabelText('任职止')).toBeTruthy();
    save();

    const error = await findText(
      '2025年度已有第一责任人罗雪（全年）。如果是年内换届，请填写两人的起止日期，任职时间不能重叠',
    );
    expect(error.closest('.ant-form-item')!.contains(screen.getByLabelText('任职起'))).toBe(true);
    expect(onSaved).not.toHaveBeenCalled();
    expect(await db.responsibilities.count()).toBe(1);
  });

  it('with a 任职起, asks about the 换届; 返回修改 writes nothing, 换届并保存 ends 罗雪’s list that day', async () => {
    const { branch, luo, hu, first } = await seed();
    const { onSaved } = renderForm(branch, [luo, hu], huFirst(hu), [first]);
    typeDate('任职起', '2025-07-15');
    save();

    const dialog = await screen.findByRole('dialog', {}, { timeout: 10_000 });
    expect(within(dialog).getAllByText('2025年度已有第一责任人罗雪').length).toBeGreaterThan(0);
    expect(
      within(dialog).getByText(
        '2025年度已有第一责任人罗雪（全年）。如果是年内换届，保存时把罗雪的任职止填为 2025-07-15，胡桂兰自 2025-07-15 起任第一责任人。',
      ),
    ).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: '返回修改' }));
    // The 保存 is over (its button no longer loading), and nothing was written.
    await waitFor(
      () => expect(screen.getByRole('button', { name: '保存' }).classList.contains('ant-btn-loading')).toBe(false),
      { timeout: 10_000 },
    );
    expect(onSaved).not.toHaveBeenCalled();
    expect(await db.responsibilities.count()).toBe(1);

    // The first dialog may linger, closed, while antd animates it away: the new one is the last.
    const okButtons = () => screen.queryAllByRole('button', { name: '换届并保存' });
    const lingering = okButtons().length;
    save();
    await waitFor(() => expect(okButtons().length).toBeGreaterThan(lingering), { timeout: 10_000 });
    fireEvent.click(screen.getAllByRole('button', { name: '换届并保存' }).at(-1)!);
    await waitFor(() => expect(onSaved).toHaveBeenCalled(), { timeout: 10_000 });
    const stored = await db.responsibilities.toArray();
    expect(stored.map((r) => [r.holderName, r.from, r.to]).sort()).toEqual([
      ['罗雪', undefined, '2025-07-15'],
      ['胡桂兰', '2025-07-15', undefined],
    ]);
  });
});

describe('ResponsibilityCard', () => {
  it('names the part of the year a holder answered for in the title, and nothing for the whole year', async () => {
    const { first } = await seed();
    const card = (r: Responsibility) =>
      render(
        <AppProviders>
          <ResponsibilityCard
            responsibility={r}
            evidence={new Map()}
            today="2025-11-28"
            onEdit={() => undefined}
            onDelete={() => undefined}
          />
        </AppProviders>,
      );
    card({ ...first, to: '2025-07-15' });
    expect(screen.getByRole('region', { name: '罗雪（第一责任人，至 2025-07-15）' })).toBeTruthy();
    cleanup();
    card(first);
    expect(screen.getByRole('region', { name: '罗雪（第一责任人）' })).toBeTruthy();
  });
});
