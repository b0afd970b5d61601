// Back from editing a record: after 保存 or 取消 (at the bottom of a long form) the page goes back to its top and the
// focus is on the record's title, rather than the view showing its last cards with the focus 1,600 px above.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../../renderer/src/app/providers';
import { db } from '../../../renderer/src/db/db';
import { createMeeting, listVenueChoices } from '../../../renderer/src/db/repositories/meetings';
import { MeetingView } from '../../../renderer/src/features/meetings/MeetingView';
import { meetingInput, seed, setChinaNow } from './fixtures';

// happy-dom lays nothing out and does not scroll: the call is what is checked.
let scrolledTo: unknown[] = [];
beforeEach(() => {
  setChinaNow('2030-12-31T10:00:00');
  window.history.replaceState(null, '', '#/records');
  scrolledTo = [];
  vi.spyOn(window, 'scrollTo').mockImplementation((...args: unknown[]) => {
    scrolledTo.push(args[0]);
  });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

async function editRecord() {
  const { branch } = await seed();
  const draft = await createMeeting(branch.id, meetingInput({ topic: '研究部署工作' }));
  render(
    <AppProviders>
      <MeetingView
        id={draft.id}
        branch={(await db.branches.get(branch.id))!}
        members={await db.members.where('branchId').equals(branch.id).toArray()}
        venues={await listVenueChoices(branch.id)}
      />
    </AppProviders>,
  );
  fireEvent.click(await screen.findByRole('button', { name: '编辑' }));
  await screen.findByRole('heading', { level: 3, name: '编辑：研究部署工作' });
  scrolledTo = [];
}

/** The button pressed from the keyboard: focused, then gone with the form, as in the browser. */
async function press(name: string) {
  const button = await screen.findByRole('button', { name });
  button.focus();
  fireEvent.click(button);
}

// antd renders slowly in happy-dom on a busy machine: generous timeouts, no behaviour depends on them.
describe('back from editing a record', { timeout: 40_000 }, () => {
  it('取消: the page is at its top and the title has the focus', async () => {
    await editRecord();
    await press('取消');
    const heading = await screen.findByRole('heading', { level: 3, name: '研究部署工作' }, { timeout: 10_000 });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(scrolledTo).toEqual([{ top: 0 }]);
  });

  it('保存: the page is at its top and the title has the focus', async () => {
    await editRecord();
    await press('保存');
    const heading = await screen.findByRole('heading', { level: 3, name: '研究部署工作' }, { timeout: 10_000 });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(scrolledTo).toEqual([{ top: 0 }]);
  });
});
