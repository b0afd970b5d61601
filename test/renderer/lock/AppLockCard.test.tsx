// The 应用锁 card: honest wording, absurd idle times refused in Chinese, and change/remove need the current password.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AppProviders } from '../../../renderer/src/app/providers';
import { AppLockCard } from '../../../renderer/src/features/app-lock/AppLockCard';
import { enableAppLock, readAppLockStatus } from '../../../renderer/src/features/app-lock/appLockStore';

afterEach(cleanup);

function renderCard() {
  render(
    <AppProviders>
      <AppLockCard />
    </AppProviders>,
  );
}

function type(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('AppLockCard', () => {
  it('says plainly that the lock does not encrypt the data', async () => {
    renderCard();
    expect(await screen.findByText('应用锁只是访问门槛，不会加密数据。')).toBeTruthy();
  });

  it.each(['0', '241', '1.5', '十分钟'])(
    'refuses %s idle minutes with a Chinese message and stores nothing',
    async (minutes) => {
      renderCard();
      await screen.findByText('状态：未启用。');
      type('新密码', 'abcd1234');
      type('确认新密码', 'abcd1234');
      type('空闲多久后自动锁定（分钟，1–240）', minutes);
      fireEvent.click(screen.getByRole('button', { name: '设置应用锁' }));
      expect(await screen.findByText('自动锁定时间须为 1 至 240 分钟之间的整数')).toBeTruthy();
      expect(await readAppLockStatus()).toEqual({ kind: 'none' });
    },
  );

  it('refuses to remove the lock without the right current password', async () => {
    await enableAppLock({ password: 'zhibu2026', confirmation: 'zhibu2026', idleMinutes: 30 });
    renderCard();
    expect(await screen.findByText('状态：已启用，空闲 30 分钟后自动锁定。')).toBeTruthy();
    type('当前密码', 'not-it');
    fireEvent.click(screen.getByRole('button', { name: '移除应用锁' }));
    expect(await screen.findByText('当前密码不正确', {}, { timeout: 10_000 })).toBeTruthy();
    expect((await readAppLockStatus()).kind).toBe('set');

    type('当前密码', 'zhibu2026');
    fireEvent.click(screen.getByRole('button', { name: '移除应用锁' }));
    expect(await screen.findByText('状态：未启用。', {}, { timeout: 10_000 })).toBeTruthy();
    expect(await readAppLockStatus()).toEqual({ kind: 'none' });
  });
});
