// App lock end to end: set a password in 数据安全, reload → 应用已锁定, a wrong password is refused, the right one opens.
import { expect, test } from '@playwright/test';
import { openSection } from './helpers';

test('a password set in 数据安全 locks the app at the next start until it is typed', async ({ page }) => {
  await page.goto('/');
  await openSection(page, '数据安全');
  const card = page.locator('#app-lock');
  await expect(card.getByText('应用锁只是访问门槛，不会加密数据。')).toBeVisible();

  // An absurd idle time is refused in Chinese before anything is stored.
  await card.getByLabel('新密码', { exact: true }).fill('zhibu2026');
  await card.getByLabel('确认新密码', { exact: true }).fill('zhibu2026');
  await card.getByLabel('空闲多久后自动锁定（分钟，1–240）').fill('9999');
  await card.getByRole('button', { name: '设置应用锁' }).click();
  await expect(card.getByText('自动锁定时间须为 1 至 240 分钟之间的整数')).toBeVisible();

  await card.getByLabel('空闲多久后自动锁定（分钟，1–240）').fill('15');
  await card.getByRole('button', { name: '设置应用锁' }).click();
  await expect(card.getByText('状态：已启用，空闲 15 分钟后自动锁定。')).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { name: '应用已锁定' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: '数据安全' })).toBeHidden();

  await page.getByLabel('密码', { exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: '解锁' }).click();
  await expect(page.getByText('密码错误，还可再试 4 次')).toBeVisible();
  await expect(page.getByRole('heading', { name: '应用已锁定' })).toBeVisible();

  await page.getByLabel('密码', { exact: true }).fill('zhibu2026');
  await page.getByRole('button', { name: '解锁' }).click();
  await expect(page.getByRole('heading', { name: '应用已锁定' })).toBeHidden();
  await openSection(page, '数据安全');
  await expect(page.getByText('状态：已启用，空闲 15 分钟后自动锁定。')).toBeVisible();

  // 立即锁定 locks at once; the page underneath is kept, so unlocking returns to it.
  await page.getByRole('button', { name: '立即锁定' }).click();
  await expect(page.getByRole('heading', { name: '应用已锁定' })).toBeVisible();
  await page.getByLabel('密码', { exact: true }).fill('zhibu2026');
  await page.getByRole('button', { name: '解锁' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '数据安全' })).toBeVisible();
});

test('five wrong passwords start a countdown', async ({ page }) => {
  await page.goto('/');
  await openSection(page, '数据安全');
  const card = page.locator('#app-lock');
  await card.getByLabel('新密码', { exact: true }).fill('zhibu2026');
  await card.getByLabel('确认新密码', { exact: true }).fill('zhibu2026');
  await card.getByRole('button', { name: '设置应用锁' }).click();
  await expect(card.getByText(/状态：已启用/)).toBeVisible();
  await page.reload();

  const unlock = page.getByRole('button', { name: '解锁' });
  for (let i = 0; i < 5; i += 1) {
    await page.getByLabel('密码', { exact: true }).fill(`wrong-${i}`);
    await unlock.click();
    await expect(page.getByLabel('密码', { exact: true })).toHaveValue('');
  }
  await expect(page.getByText(/^密码错误次数过多，请 (30|29|28) 秒后再试$/)).toBeVisible();
  await expect(unlock).toBeDisabled();
});
