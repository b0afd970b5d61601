// Dates as people type them, on a 1366×768 screen at 125 % (a 1093×614 page): 2010.7.1, 2024/1/15 and 2027年1月14日
// are taken, one Tab goes from a date to the next field (the date's 清除 is no Tab stop), a 补录 form saves the day
// typed over its prefilled one, text that is not a date stays in the box and 保存 says why, and the calendar opens
// with its month and year on the screen.
import { expect, test } from '@playwright/test';
import { expectSaved, save } from './helpers';

test.use({ viewport: { width: 1093, height: 614 }, deviceScaleFactor: 1.25 });

test('dates typed as people write them are saved as typed; what is not a date is refused, never replaced', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: '新建支部' }).click();
  await page.getByLabel('支部名称', { exact: true }).fill('第一党支部');
  // Three dates typed one after another, Tab between them: each lands in its own box.
  await page.getByLabel('成立日期', { exact: true }).click();
  await page.keyboard.type('2010.7.1');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('本届开始日期', { exact: true })).toBeFocused();
  await page.keyboard.type('2024/1/15');
  await page.keyboard.press('Tab');
  await page.keyboard.type('2027年1月14日');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('成立日期', { exact: true })).toHaveValue('2010-07-01');
  await expect(page.getByLabel('本届开始日期', { exact: true })).toHaveValue('2024-01-15');
  await expect(page.getByLabel('本届结束日期', { exact: true })).toHaveValue('2027-01-14');
  // The ⊗ is still there for the mouse, named 清除.
  await expect(
    page
      .locator('.ant-picker', { has: page.getByLabel('成立日期', { exact: true }) })
      .getByRole('button', { name: '清除' }),
  ).toHaveAttribute('tabindex', '-1');
  await save(page);
  await expectSaved(page);

  // The dashboard's 补录 link opens the form on the month's last day; the day typed over it is the one saved.
  await page.goto(`/#/records?new=${encodeURIComponent('支委会')}&date=2025-01-31`);
  const date = page.getByLabel('会议日期', { exact: true });
  await expect(date).toHaveValue('2025-01-31');

  // The calendar opens below the box, its month and year on the screen (it opened 47 px above the page).
  await date.click();
  const header = page.locator('.ant-picker-dropdown:visible .ant-picker-header-view');
  await expect(header).toBeInViewport({ ratio: 1 });
  expect((await header.boundingBox())!.y).toBeGreaterThan((await date.boundingBox())!.y);
  await page.keyboard.press('Escape');

  // Text that is not a date stays in the box when the mouse leaves it, and 保存 says why.
  await date.click();
  await date.press('ControlOrMeta+a');
  await page.keyboard.type('2025.1.32');
  await page.getByRole('heading', { level: 3, name: '新建工作记录' }).click();
  await expect(date).toHaveValue('2025.1.32');
  await page.getByLabel('主题', { exact: true }).fill('研究部署一月工作');
  await save(page);
  await expect(page.getByText('日期“2025.1.32”不存在：2025年1月只有 31 天')).toBeVisible();
  await expect(date).toHaveValue('2025.1.32');

  // Corrected by keyboard, then Tab to the next field, times typed the Chinese way.
  await date.click();
  await date.press('ControlOrMeta+a');
  await page.keyboard.type('2025.1.15');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('主题', { exact: true })).toBeFocused();
  await expect(date).toHaveValue('2025-01-15');
  await page.getByLabel('开始时间', { exact: true }).fill('9.30');
  await page.getByLabel('结束时间', { exact: true }).fill('11点');
  await save(page);
  await expect(page).toHaveURL(/#\/records\?id=/);
  await expect(page.getByRole('main')).toContainText('2025-01-15');
  await expect(page.getByRole('main')).toContainText('09:30');
  await expect(page.getByRole('main')).toContainText('11:00');
});
