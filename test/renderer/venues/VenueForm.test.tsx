// The 阵地 form in a DOM: an empty 面积 asks for it, a negative one or a fractional 容纳人数 is refused with a Chinese
// message instead of being quietly changed, and nothing is saved.
import { cleanup, configure, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { venueInputSchema, venueSchema } from '../../../shared/schemas/entities';
import { AppProviders } from '../../../renderer/src/app/providers';
import { db } from '../../../renderer/src/db/db';
import { createBranch } from '../../../renderer/src/db/repositories/branches';
import { VenueForm } from '../../../renderer/src/features/venues/VenueForm';

configure({ asyncUtilTimeout: 8000 });
afterEach(() => cleanup());

async function openForm() {
  const branch = await createBranch({ name: '甲支部', termStart: '2023-03-01', termEnd: '2026-02-28' });
  const onSaved = vi.fn();
  render(
    <AppProviders>
      <VenueForm branchId={branch.id} onSaved={onSaved} onCancel={() => undefined} />
    </AppProviders>,
  );
  fireEvent.change(await screen.findByLabelText(/阵地名称/), { target: { value: '第二会议室' } });
  return onSaved;
}

const number = (label: RegExp, value: string) => {
  const input = screen.getByLabelText(label);
  fireEvent.change(input, { target: { value } });
  fireEvent.blur(input);
};

describe('VenueForm numbers', () => {
  it('asks for an empty 面积 and 容纳人数 rather than calling them “not a number”', async () => {
    const onSaved = await openForm();
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('请填写面积')).toBeTruthy();
    expect(screen.getByText('请填写容纳人数')).toBeTruthy();
    expect(screen.queryByText('面积应为数字')).toBeNull();
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('does not ask a 党员先锋岗 for 容纳人数: only a 党员活动室 holds people', async () => {
    const onSaved = await openForm();
    fireEvent.mouseDown(screen.getByLabelText(/阵地类型/));
    await waitFor(() => expect(document.querySelector('.ant-select-dropdown')).not.toBeNull());
    fireEvent.click(document.querySelector('.ant-select-item-option[title="党员先锋岗"]')!);
    number(/面积/, '6');
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(screen.queryByText('请填写容纳人数')).toBeNull();
    const [saved] = await db.venues.toArray();
    expect(saved).toMatchObject({ kind: '党员先锋岗', areaM2: 6, capacity: 0 });
  });

  it('refuses a negative 面积 and a fractional 容纳人数 instead of saving 0 and 13', async () => {
    const onSaved = await openForm();
    number(/面积/, '-5');
    number(/容纳人数/, '12.5');
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('面积不能为负数')).toBeTruthy();
    expect(screen.getByText('容纳人数应为整数')).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('button', { name: '保存' })).toBeTruthy());
    expect(await db.venues.count()).toBe(0);
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('the shared schema gives the same messages to every reader', () => {
    const base = { name: '活动室', kind: '党员活动室', address: '', manager: '' };
    const messages = (input: object) =>
      venueInputSchema.safeParse({ ...base, ...input }).error?.issues.map((issue) => issue.message) ?? [];
    expect(messages({ capacity: 10 })).toEqual(['请填写面积']);
    expect(messages({ areaM2: 'abc', capacity: 10 })).toEqual(['面积应为数字']);
    expect(messages({ areaM2: -5, capacity: 10 })).toEqual(['面积不能为负数']);
    expect(messages({ areaM2: 20 })).toEqual(['请填写容纳人数']);
  });

  it('a 党员活动室 holding 0 people is refused (it read 「—」 afterwards, as if never filled); a 先锋岗 keeps 0', async () => {
    const onSaved = await openForm();
    number(/面积/, '40');
    number(/容纳人数/, '0');
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('党员活动室的容纳人数应大于 0')).toBeTruthy();
    expect(await db.venues.count()).toBe(0);
    expect(onSaved).not.toHaveBeenCalled();
    const base = { name: '先锋岗', address: '', manager: '', areaM2: 6, capacity: 0 };
    expect(venueInputSchema.safeParse({ ...base, kind: '党员先锋岗' }).success).toBe(true);
    // A row an older version stored so still restores: only what is typed is held to it.
    expect(venueSchema.shape.capacity.safeParse(0).success).toBe(true);
  });
});
