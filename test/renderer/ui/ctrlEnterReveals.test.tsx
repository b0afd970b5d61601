// Ctrl+Enter on a half-filled 阵地, 复查 or 责任清单 form shows where it is wrong, as 保存 does on the record form and on
// 支部概况: the first problem in page order is scrolled to and focused and a message says how many there are — not
// only the red under fields that may be off screen (react-hook-form's own focus follows registration order, and cannot
// reach a select given no ref: 责任人).
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../../renderer/src/app/providers';
import { db } from '../../../renderer/src/db/db';
import { createBranch } from '../../../renderer/src/db/repositories/branches';
import { createMember } from '../../../renderer/src/db/repositories/members';
import { createVenue } from '../../../renderer/src/db/repositories/venues';
import { emptyTask } from '../../../renderer/src/features/responsibility/responsibilityFormValues';
import { VenueCheckForm } from '../../../renderer/src/features/venues/VenueCheckForm';
import { VenueForm } from '../../../renderer/src/features/venues/VenueForm';
import { renderForm } from '../responsibility/fixtures';

// Elements scrolled into view, in order (happy-dom does not scroll, so the call itself is what is checked).
let scrolled: Element[] = [];
beforeEach(() => {
  scrolled = [];
  vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(function (this: Element) {
    scrolled.push(this);
  });
  return () => vi.restoreAllMocks();
});
afterEach(cleanup);

const inApp = (ui: ReactNode) => render(<AppProviders>{ui}</AppProviders>);
const ctrlEnter = (element: HTMLElement) => {
  element.focus();
  return fireEvent.keyDown(element, { key: 'Enter', code: 'Enter', ctrlKey: true });
};
const itemOf = (element: Element) => element.closest('.ant-form-item');

// antd forms render slowly in happy-dom on a busy machine: generous timeouts, no behaviour depends on them.
describe('Ctrl+Enter on a half-filled form', { timeout: 30_000 }, () => {
  it('新增阵地: goes to 阵地名称, the first of the missing fields, and says how many', async () => {
    const branch = await createBranch({ name: '甲支部', termStart: '2023-03-01', termEnd: '2026-02-28' });
    const onSaved = vi.fn();
    inApp(<VenueForm branchId={branch.id} onSaved={onSaved} onCancel={() => undefined} />);
    const manager = await screen.findByLabelText(/管理人/);
    fireEvent.change(manager, { target: { value: '王芳' } });
    ctrlEnter(manager);

    expect(await screen.findByText(/^有 \d+ 处需要修改，请查看标红的项目$/)).toBeTruthy();
    const name = screen.getByLabelText(/阵地名称/);
    await waitFor(() => expect(document.activeElement).toBe(name));
    expect(scrolled[0]).toBe(itemOf(name));
    expect(onSaved).not.toHaveBeenCalled();
    expect(await db.venues.count()).toBe(0);
  });

  it('登记复查: goes back up to 复查日期 from 检查情况, and says how many', async () => {
    const branch = await createBranch({ name: '甲支部', termStart: '2023-03-01', termEnd: '2026-02-28' });
    const venue = await createVenue(branch.id, {
      name: '机关党员活动室',
      kind: '党员活动室',
      address: '',
      areaM2: 48,
      capacity: 30,
      manager: '',
    });
    inApp(<VenueCheckForm venueId={venue.id} />);
    const findings = await screen.findByLabelText(/检查情况/);
    fireEvent.change(findings, { target: { value: '七有齐全' } });
    ctrlEnter(findings);

    expect(await screen.findByText('有 2 处需要修改，请查看标红的项目')).toBeTruthy();
    const date = screen.getByLabelText(/^复查日期/);
    await waitFor(() => expect(document.activeElement).toBe(date));
    expect(scrolled[0]).toBe(itemOf(date));
    expect(await db.venueChecks.count()).toBe(0);
  });

  it('责任清单: goes to 责任人 at the top, above the 任务 also missing, and says how many', async () => {
    const branch = await createBranch({ name: '甲支部', termStart: '2024-01-01', termEnd: '2027-12-31' });
    const hu = await createMember(branch.id, {
      name: '胡桂兰',
      gender: '女',
      birthDate: '1980-01-01',
      joinedDate: '2005-07-01',
      status: '正式',
    });
    const { onSaved } = renderForm(branch, [hu], {
      year: 2025,
      holderMemberId: '',
      holderName: '',
      role: '直接责任人',
      duties: ['抓好组织发展'],
      tasks: [emptyTask()],
      reports: [],
    });
    ctrlEnter(await screen.findByLabelText('职责 1'));

    expect(await screen.findByText('有 2 处需要修改，请查看标红的项目')).toBeTruthy();
    const holder = screen.getByRole('combobox', { name: '责任人' });
    await waitFor(() => expect(document.activeElement).toBe(holder));
    expect(scrolled[0]).toBe(itemOf(holder));
    expect(onSaved).not.toHaveBeenCalled();
    expect(await db.responsibilities.count()).toBe(0);
  });
});
