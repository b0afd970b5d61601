// The app-lock gate in a DOM: a corrupted setting never locks anyone out, a valid one locks at start, the reset works.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { APP_LOCK_SETTING_KEY } from '../../../shared/lock/record';
import { AppProviders } from '../../../renderer/src/app/providers';
import { db } from '../../../renderer/src/db/db';
import { AppLockGate } from '../../../renderer/src/features/app-lock/AppLockGate';
import { enableAppLock, readAppLockStatus } from '../../../renderer/src/features/app-lock/appLockStore';

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '/');
});

function renderGate() {
  render(
    <AppProviders>
      <AppLockGate>
        <p>台账内容</p>
      </AppLockGate>
    </AppProviders>,
  );
}

describe('AppLockGate', () => {
  it('shows the app without any lock when none is set', async () => {
    renderGate();
    expect(await screen.findByText('台账内容')).toBeTruthy();
    expect(screen.queryByText('应用已锁定')).toBeNull();
  });

  it('treats a corrupted lock setting as no lock and warns', async () => {
    await db.settings.put({ key: APP_LOCK_SETTING_KEY, value: { version: 1, hash: 'half a record' } });
    renderGate();
    expect(await screen.findByText('台账内容')).toBeTruthy();
    expect(screen.getByText('应用锁设置已损坏，已暂时停用，请重新设置')).toBeTruthy();
    expect(screen.queryByText('应用已锁定')).toBeNull();
  });

  it('locks at start when a lock is set, refuses a wrong password and opens with the right one', async () => {
    await enableAppLock({ password: 'zhibu2026', confirmation: 'zhibu2026', idleMinutes: 5 });
    renderGate();
    expect(await screen.findByRole('heading', { name: '应用已锁定' })).toBeTruthy();
    expect(screen.queryByText('台账内容')).toBeNull();

    const field = screen.getByLabelText('密码');
    fireEvent.change(field, { target: { value: 'wrong' } });
    fireEvent.click(screen.getByRole('button', { name: '解锁' }));
    expect(await screen.findByText('密码错误，还可再试 4 次')).toBeTruthy();
    expect(screen.queryByText('台账内容')).toBeNull();

    fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'zhibu2026' } });
    // antd leaves its spinner icon (named "loading") in the button under happy-dom, which runs no CSS transitions.
    fireEvent.click(screen.getByRole('button', { name: /解锁$/ }));
    expect(await screen.findByText('台账内容', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.queryByText('应用已锁定')).toBeNull();
  });

  it('removes the lock after the administrator confirms the --reset-app-lock request', async () => {
    await enableAppLock({ password: 'zhibu2026', confirmation: 'zhibu2026', idleMinutes: 5 });
    window.history.replaceState(null, '', '/?reset-app-lock=1');
    renderGate();
    fireEvent.click(await screen.findByRole('button', { name: '移除应用锁' }));
    expect(await screen.findByText('台账内容')).toBeTruthy();
    expect(await readAppLockStatus()).toEqual({ kind: 'none' });
    expect(window.location.search).toBe('');
  });

  it('keeps the lock when the administrator cancels the reset', async () => {
    await enableAppLock({ password: 'zhibu2026', confirmation: 'zhibu2026', idleMinutes: 5 });
    window.history.replaceState(null, '', '/?reset-app-lock=1');
    renderGate();
    fireEvent.click(await screen.findByRole('button', { name: '取消' }));
    expect(await screen.findByText('应用已锁定')).toBeTruthy();
    await waitFor(async () => expect((await readAppLockStatus()).kind).toBe('set'));
  });
});
