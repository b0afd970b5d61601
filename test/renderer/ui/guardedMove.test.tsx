// A move that is not a navigation (switching the current branch) through the leave guard: at once when nothing is
// edited; else the same question, 继续编辑 runs nothing, 「放弃修改并离开」 runs it, and a form the move leaves in place
// stays guarded.
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  cancelLeave,
  confirmLeave,
  guardedMove,
  hasUnsavedChanges,
  installLeaveGuard,
  pendingLeave,
  uninstallLeaveGuard,
  useUnsavedChanges,
} from '../../../renderer/src/ui/leaveGuard';

function Form({ dirty }: Readonly<{ dirty: boolean }>) {
  useUnsavedChanges(dirty, '会议记录');
  return null;
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

describe('guardedMove', () => {
  it('runs at once while nothing is edited', () => {
    render(<Form dirty={false} />);
    const run = vi.fn();
    guardedMove(run, '切换到「乙支部」');
    expect(run).toHaveBeenCalledTimes(1);
    expect(pendingLeave()).toBeUndefined();
  });

  it('asks while edits are unsaved; 继续编辑 runs nothing, 放弃修改并离开 runs the move and stays on the address', () => {
    const { unmount } = render(<Form dirty />);
    const run = vi.fn();
    act(() => guardedMove(run, '切换到「乙支部」'));
    expect(run).not.toHaveBeenCalled();
    expect(pendingLeave()).toEqual({ target: '', forms: ['会议记录'], action: '切换到「乙支部」' });

    act(() => cancelLeave());
    expect(pendingLeave()).toBeUndefined();
    expect(run).not.toHaveBeenCalled();
    expect(hasUnsavedChanges()).toBe(true);

    act(() => guardedMove(run, '切换到「乙支部」'));
    act(() => confirmLeave());
    expect(run).toHaveBeenCalledTimes(1);
    expect(pendingLeave()).toBeUndefined();
    expect(decodeURIComponent(window.location.hash)).toBe('#/records?new=支委会');
    // The form is still there until the move unmounts it: still guarded, then free.
    expect(hasUnsavedChanges()).toBe(true);
    unmount();
    expect(hasUnsavedChanges()).toBe(false);
  });
});
