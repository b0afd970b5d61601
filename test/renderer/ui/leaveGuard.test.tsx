// The leave guard: a form with unsaved edits keeps the user on it until they choose to discard the edits.
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  cancelLeave,
  confirmLeave,
  hasUnsavedChanges,
  installLeaveGuard,
  pendingLeave,
  uninstallLeaveGuard,
  useUnsavedChanges,
} from '../../../renderer/src/ui/leaveGuard';

/** A stand-in form: dirty or not, and a 保存 button that releases the guard as the real forms do after a save. */
function Form({ dirty, label = '会议记录' }: Readonly<{ dirty: boolean; label?: string }>) {
  const release = useUnsavedChanges(dirty, label);
  return (
    <button type="button" onClick={release}>
      保存{label}
    </button>
  );
}

/** Moves to a hash the way a link does and lets the hashchange event run. */
async function go(hash: string) {
  await act(async () => {
    window.location.hash = hash;
    await new Promise((resolve) => setTimeout(resolve, 20));
  });
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

describe('leave guard', () => {
  it('lets every move through while nothing is edited', async () => {
    render(<Form dirty={false} />);
    await go('#/home');
    expect(window.location.hash).toBe('#/home');
    expect(pendingLeave()).toBeUndefined();
  });

  it('keeps the address on the form while edits are unsaved, and asks', async () => {
    render(<Form dirty />);
    expect(hasUnsavedChanges()).toBe(true);
    await go('#/home');
    expect(decodeURIComponent(window.location.hash)).toBe('#/records?new=支委会');
    expect(pendingLeave()).toEqual({ target: '#/home', forms: ['会议记录'] });

    // 继续编辑: nothing moves, the edits stay guarded.
    act(() => cancelLeave());
    expect(pendingLeave()).toBeUndefined();
    expect(hasUnsavedChanges()).toBe(true);

    // 放弃修改并离开: the move the user asked for happens.
    await go('#/venues');
    expect(pendingLeave()?.target).toBe('#/venues');
    await act(async () => {
      confirmLeave();
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(window.location.hash).toBe('#/venues');
    expect(hasUnsavedChanges()).toBe(false);
  });

  it('never asks after a save: the form releases itself before it navigates', async () => {
    render(<Form dirty />);
    act(() => screen.getByRole('button', { name: '保存会议记录' }).click());
    await go('#/records?id=r1');
    expect(window.location.hash).toBe('#/records?id=r1');
    expect(pendingLeave()).toBeUndefined();
  });

  it('refuses to unload the page while edits are unsaved, and only then', () => {
    const { rerender } = render(<Form dirty />);
    const refused = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(refused);
    expect(refused.defaultPrevented).toBe(true);
    rerender(<Form dirty={false} />);
    const allowed = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(allowed);
    expect(allowed.defaultPrevented).toBe(false);
  });

  it('names every form with edits, once', async () => {
    render(
      <>
        <Form dirty label="会议记录" />
        <Form dirty label="活动阵地" />
      </>,
    );
    await go('#/home');
    expect(pendingLeave()?.forms).toEqual(['会议记录', '活动阵地']);
    // The snapshot is stable between reads (useSyncExternalStore needs that).
    expect(pendingLeave()).toBe(pendingLeave());
  });
});
