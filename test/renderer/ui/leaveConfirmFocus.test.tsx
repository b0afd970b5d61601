// The guard's questions put the focus on the safe choice: Enter on 取消 and Enter again (or Enter on a menu item and
// Enter again) must not throw the form away. 「放弃修改？」 and 「离开此页？」 both focus 继续编辑.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../../renderer/src/app/providers';
import { LeaveConfirm, useFormLeaveGuard } from '../../../renderer/src/ui/LeaveConfirm';
import { installLeaveGuard, pendingLeave, uninstallLeaveGuard } from '../../../renderer/src/ui/leaveGuard';

/** A stand-in form with unsaved edits and a 取消 wrapped by the guard. */
function Form({ onCancel }: Readonly<{ onCancel: () => void }>) {
  const { cancel } = useFormLeaveGuard(true, '会议记录');
  return (
    <button type="button" onClick={cancel(onCancel)}>
      取消
    </button>
  );
}

beforeEach(async () => {
  window.history.replaceState(null, '', '#/records?new=支委会');
  // happy-dom reports replaceState as a (late) hashchange, which browsers never do: let it pass before guarding.
  await new Promise((resolve) => setTimeout(resolve, 20));
  installLeaveGuard();
});
afterEach(() => {
  cleanup();
  uninstallLeaveGuard();
});

describe('the leave guard focuses the safe choice', () => {
  it('「放弃修改？」 after 取消 focuses 继续编辑, which keeps the form', async () => {
    const onCancel = vi.fn();
    render(
      <AppProviders>
        <Form onCancel={onCancel} />
      </AppProviders>,
    );
    const cancelButton = screen.getByRole('button', { name: '取消' });
    cancelButton.focus();
    fireEvent.click(cancelButton);
    const dialog = await screen.findByRole('dialog', { name: '放弃修改？' });
    const keep = within(dialog).getByRole('button', { name: '继续编辑' });
    await waitFor(() => expect(document.activeElement).toBe(keep));
    fireEvent.click(keep);
    expect(onCancel).not.toHaveBeenCalled();
  });

  it('「离开此页？」 focuses 继续编辑', async () => {
    render(
      <AppProviders>
        <Form onCancel={() => undefined} />
        <LeaveConfirm />
      </AppProviders>,
    );
    await act(async () => {
      window.location.hash = '#/home';
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(pendingLeave()?.target).toBe('#/home');
    const dialog = await screen.findByRole('dialog', { name: '离开此页？' });
    const keep = within(dialog).getByRole('button', { name: '继续编辑' });
    await waitFor(() => expect(document.activeElement).toBe(keep));
  });
});
