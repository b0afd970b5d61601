// 党员类别 in the member form: a new member who joined less than a year ago is a 预备党员 unless the user says
// otherwise (the default was 正式, and such a member counted as a voter of the 支部党员大会); a 类别 the dates
// contradict is said, with the change one click away.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../../renderer/src/app/providers';
import { db } from '../../../renderer/src/db/db';
import { createBranch } from '../../../renderer/src/db/repositories/branches';
import { MemberForm } from '../../../renderer/src/features/members/MemberForm';
import { chinaToday } from '../../../shared/schemas/common';

afterEach(cleanup);

function typeDate(label: string, value: string) {
  const input = screen.getByLabelText(label);
  fireEvent.mouseDown(input);
  fireEvent.change(input, { target: { value } });
  fireEvent.keyDown(input, { key: 'Enter' });
}

/** The day `days` before today (China time), as the form's dates are typed. */
function daysAgo(days: number): string {
  const d = new Date(`${chinaToday()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

async function renderForm() {
  const branch = await createBranch({ name: '甲支部', termStart: '2023-03-01', termEnd: '2026-02-28' });
  const onSaved = vi.fn();
  render(
    <AppProviders>
      <MemberForm branch={branch} onSaved={onSaved} onCancel={() => undefined} />
    </AppProviders>,
  );
  fireEvent.change(await screen.findByLabelText('姓名'), { target: { value: '吴磊' } });
  fireEvent.mouseDown(screen.getByLabelText('性别'));
  fireEvent.click(await screen.findByTitle('男'));
  typeDate('出生日期', '1998-05-01');
  return { branch, onSaved };
}

/** The 党员类别 the select shows. */
const shownStatus = () => screen.getByLabelText('党员类别').closest('.ant-select')!.textContent;

async function save(onSaved: ReturnType<typeof vi.fn>) {
  fireEvent.click(screen.getByRole('button', { name: '保存' }));
  await waitFor(() => expect(onSaved).toHaveBeenCalled(), { timeout: 5000 });
  return (await db.members.toArray())[0]!;
}

describe('党员类别 and the 入党 and 转正 dates', { timeout: 20_000 }, () => {
  it('makes a new member who joined five months ago a 预备党员 without being asked', async () => {
    const { onSaved } = await renderForm();
    expect(shownStatus()).toContain('正式党员');
    typeDate('入党日期', daysAgo(150));
    await waitFor(() => expect(shownStatus()).toContain('预备党员'));
    expect(screen.queryByRole('status')).toBeNull();
    expect((await save(onSaved)).status).toBe('预备');
  });

  it('keeps a 类别 the user picked, says the dates contradict it, and changes it in one click', async () => {
    const { onSaved } = await renderForm();
    typeDate('入党日期', daysAgo(150));
    await waitFor(() => expect(shownStatus()).toContain('预备党员'));
    fireEvent.mouseDown(screen.getByLabelText('党员类别'));
    fireEvent.click(await screen.findByTitle('正式党员'));
    const warning = await screen.findByRole('status');
    expect(warning.textContent).toMatch(/入党不满一年（预备期到 \d{4}-\d{2}-\d{2} 才满），应为预备党员/);
    // A later date typed does not undo the user's choice.
    typeDate('入党日期', daysAgo(100));
    expect(shownStatus()).toContain('正式党员');
    fireEvent.click(within(warning).getByRole('button', { name: '改为预备党员' }));
    await waitFor(() => expect(shownStatus()).toContain('预备党员'));
    await waitFor(() => expect(screen.queryByRole('status')).toBeNull());
    expect((await save(onSaved)).status).toBe('预备');
  });

  it('leaves a member of long standing 正式 and says nothing', async () => {
    const { onSaved } = await renderForm();
    typeDate('入党日期', '2020-07-01');
    await waitFor(() => expect(screen.getByLabelText('入党日期')).toHaveProperty('value', '2020-07-01'));
    expect(shownStatus()).toContain('正式党员');
    expect(screen.queryByRole('status')).toBeNull();
    expect((await save(onSaved)).status).toBe('正式');
  });
});
