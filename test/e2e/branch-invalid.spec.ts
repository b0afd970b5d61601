// 支部概况 refuses invalid input with Chinese messages under the fields, and stores nothing.
import { expect, test } from '@playwright/test';
import { fillBranchBasics, save } from './helpers';

test('invalid branch input shows field errors and nothing is stored', async ({ page }) => {
  await page.goto('/#/branch');
  await expect(page.getByText('还没有支部')).toBeVisible();

  await save(page);
  await expect(page.getByText('请填写支部名称')).toBeVisible();
  await expect(page.getByText('请填写日期')).toHaveCount(2);
  await expect(page.getByLabel('支部名称', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  // The first problem in page order is focused, and a message says how many there are.
  await expect(page.getByLabel('支部名称', { exact: true })).toBeFocused();
  await expect(page.getByText('有 3 处需要修改，请查看标红的项目')).toBeVisible();

  await fillBranchBasics(page, { name: '第三党支部', termStart: '2025-06-01', termEnd: '2024-06-01' });
  await save(page);
  await expect(page.getByText('本届结束日期必须晚于开始日期')).toBeVisible();
  await expect(page.getByText('请填写支部名称')).toHaveCount(0);
  await expect(page.getByText('已保存')).toHaveCount(0);

  await page.reload();
  await expect(page.getByText('还没有支部')).toBeVisible();
  await expect(page.getByLabel('支部名称', { exact: true })).toHaveValue('');
  await page.goto('/#/home');
  await expect(page.getByRole('button', { name: '新建支部' })).toBeVisible();
  await expect(page.getByLabel('当前支部')).toHaveCount(0);
});
