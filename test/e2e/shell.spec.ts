// The app shell in Chromium: Chinese page and antd locale, the nine sections and their pages, the host footer.
import { expect, test } from '@playwright/test';

const SECTIONS = [
  '工作台',
  '支部概况',
  '活动阵地',
  '工作记录',
  '领导责任',
  '评价标准',
  '学习与争创',
  '卷宗导出',
  '数据安全',
];

test('the page is Chinese and every section of the menu opens its page', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page).toHaveTitle('支部标准化台账');
  await expect(page.getByRole('heading', { level: 1, name: '支部标准化台账' })).toBeVisible();
  await expect(page.getByText('在浏览器中运行')).toBeVisible();

  const nav = page.getByRole('navigation', { name: '功能导航' });
  await expect(nav.getByRole('menuitem')).toHaveCount(SECTIONS.length);
  for (const label of SECTIONS) await expect(nav.getByRole('menuitem', { name: label })).toBeVisible();

  for (const label of SECTIONS) {
    await nav.getByRole('menuitem', { name: label }).click();
    await expect(page.getByRole('heading', { level: 2, name: label })).toBeVisible();
    await expect(page).toHaveURL(/#\/\w+$/);
  }
  await nav.getByRole('menuitem', { name: '活动阵地' }).click();

  // A hash route survives a reload (no server fallback is needed).
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: '活动阵地' })).toBeVisible();
});

test('antd speaks Chinese: date picker placeholder and calendar', async ({ page }) => {
  await page.goto('/#/branch');
  const start = page.getByLabel('本届开始日期', { exact: true });
  await expect(start).toHaveAttribute('placeholder', '请选择日期');
  await start.click();
  await expect(page.getByRole('button', { name: '今天' }).or(page.getByText('今天', { exact: true }))).toBeVisible();
});
