// 各支部概览 end to end, as a 机关党委 organiser: offered in the menu once a second branch exists, one row per branch
// in Chinese name order, and a branch's name makes it current and opens its 工作台 at the year shown; back returns to
// the overview at that year; a red cell tells its missed months to the keyboard and opens that 工作台 too.
import { expect, test } from '@playwright/test';
import { expectSaved, fillBranchBasics, save } from './helpers';

const RESEARCH = '研究室党支部';
const PETITIONS = '信访局党支部';

test('the overview lists every branch and opens the one clicked as the current branch', async ({ page }) => {
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: '功能导航' });
  await page.getByRole('button', { name: '新建支部' }).click();
  await fillBranchBasics(page, { name: RESEARCH, termStart: '2024-01-15', termEnd: '2027-01-14' });
  await save(page);
  await expectSaved(page);
  // One branch: nothing to compare.
  await expect(nav.getByRole('menuitem', { name: '支部概况' })).toBeVisible();
  await expect(nav.getByRole('menuitem', { name: '各支部概览' })).toHaveCount(0);

  await page.getByRole('button', { name: '新建支部' }).click();
  await fillBranchBasics(page, { name: PETITIONS, termStart: '2024-01-15', termEnd: '2027-01-14' });
  await save(page);
  await expect(page.getByRole('main').getByRole('heading', { level: 3, name: PETITIONS })).toBeVisible();
  await expect(page.locator('header')).toContainText(PETITIONS);

  await nav.getByRole('menuitem', { name: '各支部概览' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '各支部概览' })).toBeVisible();
  await expect(page.getByText(/^共 2 个支部；/)).toBeVisible();
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows).toHaveCount(2);
  // By Chinese name (信 xìn before 研 yán), the current branch marked.
  await expect(rows.nth(0)).toContainText(PETITIONS);
  await expect(rows.nth(0)).toContainText('当前支部');
  await expect(rows.nth(1)).toContainText(RESEARCH);
  await expect(rows.nth(1)).not.toContainText('当前支部');
  await expect(page.getByRole('columnheader', { name: '支委会' }).first()).toBeVisible();

  // A past year: every month of 支委会 is due, and neither new branch holds any.
  await page.getByLabel('年度', { exact: true }).click();
  await page.getByTitle('2025年').click();
  await expect(page.getByText(/^共 2 个支部；2 个支部有未达标项/)).toBeVisible();
  await expect(page.getByText(/；2025年草稿 0 份；阵地复查逾期（截至今天）0 处。$/)).toBeVisible();
  await expect(rows.nth(1)).toContainText('0/12 缺12');
  await expect(page).toHaveURL(/#\/overview\?year=2025$/);
  // The months missed are shown to the keyboard too, not only in a title on hover.
  const committee = page.getByRole('button', { name: new RegExp(`^${RESEARCH}支委会 0/12 缺12，`) });
  await committee.focus();
  await expect(page.getByRole('tooltip')).toHaveText(
    '支委会未开展：1月、2月、3月、4月、5月、6月、7月、8月、9月、10月、11月、12月',
  );

  // The branch opens at 2025, the year the overview showed, not at this year.
  await page.getByRole('button', { name: RESEARCH, exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: '工作台' })).toBeVisible();
  await expect(page.getByText(`当前支部：${RESEARCH}`)).toBeVisible();
  await expect(page.locator('header')).toContainText(RESEARCH);
  await expect(page).toHaveURL(/#\/home\?year=2025$/);
  const main = page.getByRole('main');
  await expect(main.locator('.ant-select').filter({ hasText: /^\d{4}年$/ })).toHaveText('2025年');
  await expect(main.getByText(/未开展：1月、2月、.*、12月/).first()).toBeVisible();

  // Back: the overview at 2025 again.
  await page.goBack();
  await expect(page.getByRole('heading', { level: 2, name: '各支部概览' })).toBeVisible();
  await expect(page).toHaveURL(/#\/overview\?year=2025$/);
  await expect(page.getByText(/；2025年草稿 0 份；/)).toBeVisible();
  await expect(rows.nth(1)).toContainText('0/12');
  await expect(rows.nth(1)).toContainText('当前支部');

  // A red cell opens its branch's 工作台 as the name does.
  await page.getByRole('button', { name: new RegExp(`^${PETITIONS}支委会 0/12 缺12，`) }).click();
  await expect(page).toHaveURL(/#\/home\?year=2025$/);
  await expect(page.getByText(`当前支部：${PETITIONS}`)).toBeVisible();
});
