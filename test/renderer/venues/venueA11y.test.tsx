// 活动阵地 from the keyboard and a screen reader: in the 阵地 and 复查 forms Enter in a one-line box goes on to the next
// field instead of saving half-filled (and lighting up 「请填写面积」 for fields not reached yet), Ctrl+Enter saves, and
// the keys are said by 保存; the 七有 bars are named; the links to records are underlined within their line of text.
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../../renderer/src/app/providers';
import { db } from '../../../renderer/src/db/db';
import { createBranch } from '../../../renderer/src/db/repositories/branches';
import { createMeeting } from '../../../renderer/src/db/repositories/meetings';
import { createVenue, setChecklistItem } from '../../../renderer/src/db/repositories/venues';
import { VenueCheckForm } from '../../../renderer/src/features/venues/VenueCheckForm';
import { VenueForm } from '../../../renderer/src/features/venues/VenueForm';
import { VenuesPage } from '../../../renderer/src/features/venues/VenuesPage';
import { VenueView } from '../../../renderer/src/features/venues/VenueView';
import { meetingInput } from '../meetings/fixtures';

configure({ asyncUtilTimeout: 8000 });
beforeEach(() => {
  window.location.hash = '#/venues';
});
afterEach(cleanup);

const inApp = (ui: ReactNode) => render(<AppProviders>{ui}</AppProviders>);
/** fireEvent returns false when the form prevented the key's default: the browser's implicit submission. */
const enter = (element: HTMLElement, init: Record<string, unknown> = {}) => {
  element.focus();
  return fireEvent.keyDown(element, { key: 'Enter', code: 'Enter', ...init });
};
const HINT = '快捷键：Ctrl+Enter 保存；在单行输入框中按回车跳到下一项';

async function setUp() {
  const branch = await createBranch({ name: '甲支部', termStart: '2023-03-01', termEnd: '2026-02-28' });
  const venue = await createVenue(branch.id, {
    name: '机关党员活动室',
    kind: '党员活动室',
    address: '',
    areaM2: 48,
    capacity: 30,
    manager: '',
  });
  return { branchId: branch.id, venue };
}

// antd forms render slowly in happy-dom on a busy machine: generous timeouts, no behaviour depends on them.
describe('活动阵地 keys and names', { timeout: 30_000 }, () => {
  it('新增阵地: Enter goes from 阵地名称 on and from 面积 to 容纳人数, asking nothing; Ctrl+Enter saves', async () => {
    const branch = await createBranch({ name: '甲支部', termStart: '2023-03-01', termEnd: '2026-02-28' });
    const onSaved = vi.fn();
    inApp(<VenueForm branchId={branch.id} onSaved={onSaved} onCancel={() => undefined} />);
    const name = await screen.findByLabelText(/阵地名称/);
    fireEvent.change(name, { target: { value: '第二会议室' } });
    expect(enter(name)).toBe(false);
    expect(document.activeElement).toBe(screen.getByLabelText(/阵地类型/));
    const area = screen.getByLabelText(/面积/);
    fireEvent.change(area, { target: { value: '36' } });
    expect(enter(area)).toBe(false);
    expect(document.activeElement).toBe(screen.getByLabelText(/容纳人数/));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(screen.queryByText('请填写容纳人数')).toBeNull();
    expect(onSaved).not.toHaveBeenCalled();

    const save = screen.getByRole('button', { name: '保存' });
    expect(save.getAttribute('aria-keyshortcuts')).toBe('Control+Enter');
    expect(document.getElementById(save.getAttribute('aria-describedby')!)?.textContent).toBe(HINT);
    const capacity = screen.getByLabelText(/容纳人数/);
    fireEvent.change(capacity, { target: { value: '20' } });
    enter(capacity, { ctrlKey: true });
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(await db.venues.toArray()).toMatchObject([{ name: '第二会议室', areaM2: 36, capacity: 20 }]);
  });

  it('登记复查: Enter in 检查人 goes on to 下次复查日期; Enter in 检查情况 is a new line', async () => {
    const { venue } = await setUp();
    inApp(<VenueCheckForm venueId={venue.id} />);
    const inspector = await screen.findByLabelText(/检查人/);
    fireEvent.change(inspector, { target: { value: '张三' } });
    expect(enter(inspector)).toBe(false);
    expect(document.activeElement).toBe(screen.getByLabelText(/下次复查日期/));
    expect(enter(screen.getByLabelText(/检查情况/))).toBe(true);
    expect(screen.getByText('快捷键：Ctrl+Enter 登记复查；在单行输入框中按回车跳到下一项')).toBeTruthy();
    expect(await db.venueChecks.count()).toBe(0);
  });

  it('names the 七有 bar on the venue’s page and underlines its links to records', async () => {
    const { branchId, venue } = await setUp();
    await setChecklistItem(venue.id, 'signs', { ok: true });
    await createMeeting(branchId, meetingInput({ topic: '研究年度工作', date: '2025-01-10', venueId: venue.id }));
    inApp(<VenueView venueId={venue.id} />);
    expect(await screen.findByRole('progressbar', { name: '七有 已具备 1/7' })).toBeTruthy();
    const link = await screen.findByRole('link', { name: '研究年度工作' });
    // antd draws an underlined link's text in <u>.
    expect(link.querySelector('u')?.textContent).toBe('研究年度工作');
  });

  it('前往登记复查 at the top takes the keyboard past the 七有 checklist to 复查日期, and shows the form', async () => {
    const { venue } = await setUp();
    const scrolled: Element[] = [];
    const spy = vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(function (this: Element) {
      scrolled.push(this);
    });
    try {
      inApp(<VenueView venueId={venue.id} />);
      const go = await screen.findByRole('button', { name: '前往登记复查' });
      // Before the checklist in Tab order: the first of the page's actions.
      const form = screen.getByRole('form', { name: '登记复查' });
      const checklistBox = screen.getAllByRole('checkbox')[0]!;
      expect(go.compareDocumentPosition(checklistBox) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
      fireEvent.click(go);
      const date = within(form).getByLabelText(/^复查日期/);
      expect(document.activeElement).toBe(date);
      expect(scrolled.at(-1)?.contains(form)).toBe(true);
      expect(within(scrolled.at(-1) as HTMLElement).getByRole('heading', { name: '登记复查' })).toBeTruthy();
    } finally {
      spy.mockRestore();
    }
  });

  it('names each venue’s 七有 bar in the list', async () => {
    await setUp();
    inApp(<VenuesPage />);
    expect(await screen.findByRole('progressbar', { name: '机关党员活动室 七有 0/7' })).toBeTruthy();
  });
});
