// 各支部概览 end to end, as a 机关党委 organiser: offered in the menu once a second branch exists, one row per branch
// in Chinese name order, and a branch's name makes it current and opens its 工作台 at the year shown; back returns to
// the overview at that year; a red cell tells its missed months to the keyboard and opens that 工作台 too. The table
// fits a 1366-px screen, and scrolls under the branches' names in a narrower window.
import { expect, test, type Page } from '@playwright/test';
import { expectSaved, fillBranchBasics, save, seedRoster } from './helpers';

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

/**
 * Test-only: a 考评 of `year` for the branch named `branchName`, straight into the app's IndexedDB with the fields the
 * overview reads (as test/renderer/overview does); reloads so the live queries see it.
 */
async function seedAssessment(
  page: Page,
  branchName: string,
  year: number,
  score: { kind: string; total: number; totalScore: number; grade: string },
): Promise<void> {
  await page.evaluate(
    async ({ branchName, year, score }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('branch-ledger');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const branches = await new Promise<{ id: string; name: string }[]>((resolve, reject) => {
        const request = db.transaction('branches').objectStore('branches').getAll();
        request.onsuccess = () => resolve(request.result as { id: string; name: string }[]);
        request.onerror = () => reject(request.error);
      });
      const branch = branches.find((b) => b.name === branchName);
      if (!branch) throw new Error(`no branch ${branchName} to seed`);
      const at = new Date().toISOString();
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('assessments', 'readwrite');
        tx.objectStore('assessments').put({
          id: crypto.randomUUID(),
          branchId: branch.id,
          standardId: 'seeded',
          standardSnapshot: { totalScore: score.totalScore },
          periodStart: `${year}-01-01`,
          periodEnd: `${year}-12-31`,
          kind: score.kind,
          scores: [],
          total: score.total,
          grade: score.grade,
          assessor: '',
          date: `${year}-12-20`,
          createdAt: at,
          updatedAt: at,
        });
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { branchName, year, score },
  );
  await page.reload();
}

/** The table's scrolling part (antd's sticky table: the rows; the titles above follow it). */
const tableBody = (page: Page) => page.locator('.ant-table-body');

async function overflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number }> {
  return tableBody(page).evaluate((e) => ({ scrollWidth: e.scrollWidth, clientWidth: e.clientWidth }));
}

test('the overview fits a 1366-px screen, and scrolls beside the names in a narrower window', async ({ page }) => {
  // A 1366 × 768 laptop less Windows' 17-px scrollbar, which headless Chromium does not draw.
  await page.setViewportSize({ width: 1366 - 17, height: 768 });
  await page.goto('/');
  // The widest a 机关党委's row gets: a long name, three 党小组, 49 members to talk with, 上级评定 with a grade.
  const wide = '城乡建设环境保护工作委员会党支部';
  const common = '法制工作委员会第一党支部';
  await page.getByRole('button', { name: '新建支部' }).click();
  await fillBranchBasics(page, { name: wide, termStart: '2024-01-15', termEnd: '2027-01-14' });
  for (const [index, name] of ['第一党小组', '第二党小组', '第三党小组'].entries()) {
    await page.getByRole('button', { name: '添加党小组' }).click();
    await page
      .getByRole('group', { name: `党小组 ${index + 1}` })
      .getByLabel('名称', { exact: true })
      .fill(name);
  }
  await save(page);
  await expectSaved(page);
  await page.getByRole('button', { name: '新建支部' }).click();
  await fillBranchBasics(page, { name: common, termStart: '2024-01-15', termEnd: '2027-01-14' });
  await save(page);
  await expectSaved(page);
  const surnames = '王李张刘陈杨赵黄周吴徐';
  const given = '伟芳娜敏静丽强磊军';
  const names = [...surnames].flatMap((s) => [...given].map((g) => `${s}${g}`)).slice(0, 49);
  await seedRoster(page, names, wide);
  await seedAssessment(page, wide, 2025, { kind: '上级评定', total: 95.5, totalScore: 100, grade: '优秀' });

  await page.goto('/#/overview?year=2025');
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows).toHaveCount(2);
  const wideRow = rows.filter({ hasText: wide });
  for (const cell of ['0/12 缺12', '0/36 缺36', '0/49 缺49', '95.5/100', '上级评定 优秀']) {
    await expect(wideRow).toContainText(cell);
  }
  // Every column in view: no sideways scrolling, the 考评 at the right edge whole.
  const fits = await overflow(page);
  expect(fits.scrollWidth).toBeLessThanOrEqual(fits.clientWidth);
  await expect(wideRow.getByText('上级评定 优秀')).toBeInViewport({ ratio: 1 });
  // A 12-character name on one line (the 支委会 count's line height), the short titles read out in full.
  const nameHeight = await rows
    .filter({ hasText: common })
    .getByRole('button', { name: common, exact: true })
    .boundingBox();
  const countHeight = await rows
    .filter({ hasText: common })
    .getByRole('button', { name: /支委会 0\/12 缺12/ })
    .boundingBox();
  expect(nameHeight!.height).toBeLessThan(countHeight!.height * 1.5);
  for (const title of ['支部党员大会', '党课（书记讲）', '民主评议党员', '谈心谈话', '2025年考评']) {
    await expect(page.getByRole('columnheader', { name: title }).first()).toBeVisible();
  }

  // In a 1024-px window, and at 150 % zoom (683 px), the table scrolls sideways, 未达标 and 缺项合计 first in view
  // beside the names; scrolled to its end, the names stay.
  for (const width of [1024, 683]) {
    await page.setViewportSize({ width, height: 768 });
    await tableBody(page).evaluate((e) => e.scrollTo({ left: 0 }));
    await expect.poll(async () => (await overflow(page)).scrollWidth > (await overflow(page)).clientWidth).toBe(true);
    await expect(wideRow.locator('td').nth(1)).toHaveText('8 项');
    await expect(wideRow.locator('td').nth(1)).toBeInViewport({ ratio: 1 });
    await expect(wideRow.locator('td').nth(2)).toHaveText('缺116');
    await expect(wideRow.locator('td').nth(2)).toBeInViewport({ ratio: 1 });
    await tableBody(page).evaluate((e) => e.scrollTo({ left: e.scrollWidth }));
    await expect(wideRow.getByText('上级评定 优秀')).toBeInViewport({ ratio: 1 });
    await expect(wideRow.getByRole('button', { name: wide, exact: true })).toBeInViewport({ ratio: 1 });
  }
});
