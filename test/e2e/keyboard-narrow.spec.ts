// From the keyboard in a 1024-px window at 150 % (683×768 CSS px): Esc in a date box keeps the date typed; the leave
// guard's question focuses 继续编辑; Tab in a dialog never stops on the page behind it (nor scrolls it); the calendar's
// header has the app's fonts; 阵地复查 and a record's details keep their text readable; 前往登记复查 reaches the form.
import { expect, test, type Page } from '@playwright/test';
import {
  chinaDate,
  chooseOption,
  expectSaved,
  fillBranchBasics,
  fillDate,
  openSection,
  save,
  seedRoster,
} from './helpers';

test.use({ viewport: { width: 683, height: 768 } });

async function newBranch(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: '新建支部' }).click();
  await fillBranchBasics(page, { name: '第一党支部', termStart: '2024-01-15', termEnd: '2027-01-14' });
  await page.getByRole('button', { name: '添加委员' }).click();
  const row = page.getByRole('group', { name: '委员 1' });
  await row.getByLabel('姓名', { exact: true }).fill('罗雪');
  await chooseOption(row, '职务', '书记');
  await save(page);
  await expectSaved(page);
  await seedRoster(page, ['罗雪', '袁明哲']);
}

async function openNewRecord(page: Page): Promise<void> {
  await openSection(page, '工作记录');
  await page.getByRole('link', { name: '新建记录' }).click();
  await expect(page.getByRole('heading', { level: 3, name: '新建工作记录' })).toBeVisible();
}

const openCalendar = (page: Page) => page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)');
const focusedText = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return !el || el === document.body ? '<body>' : `${el.tagName} ${el.textContent?.trim() ?? ''}`;
  });

test('Esc in a date box closes the calendar and keeps the date just typed', async ({ page }) => {
  await newBranch(page);
  await openNewRecord(page);
  const date = page.getByLabel('会议日期', { exact: true });
  await expect(date).toHaveValue(chinaDate());
  await date.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2025-11-20');
  await expect(openCalendar(page)).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(openCalendar(page)).toHaveCount(0);
  await expect(date).toHaveValue('2025-11-20');
  await page.keyboard.press('Tab');
  await expect(date).toHaveValue('2025-11-20');
  await expect(page.getByLabel('本年度序号')).toHaveText('第1次支委会');
  // Esc left the form where it was: the record is not saved with today's date.
  await expect(page.getByRole('heading', { level: 3, name: '新建工作记录' })).toBeVisible();
});

test('the calendar header’s 年 and 月 are drawn in the app’s fonts, its own Chinese one included', async ({ page }) => {
  await newBranch(page);
  await openNewRecord(page);
  await page.getByLabel('会议日期', { exact: true }).click();
  const year = openCalendar(page).locator('.ant-picker-year-btn');
  await expect(year).toBeVisible();
  for (const button of [year, openCalendar(page).locator('.ant-picker-month-btn')]) {
    const family = await button.evaluate((el) => getComputedStyle(el).fontFamily);
    expect(family).toMatch(/["']Branch Ledger Sans["'], ["']Branch Ledger Rare["'], sans-serif$/);
  }
});

test('「放弃修改？」 focuses 继续编辑; Tab cycles in the dialog without stopping on the page or scrolling it', async ({
  page,
}) => {
  await newBranch(page);
  await openNewRecord(page);
  await page.getByLabel('主题', { exact: true }).fill('研究部署第一季度工作');
  const cancel = page.getByRole('button', { name: '取消', exact: true });
  await cancel.focus();
  const scrolled = await page.evaluate(() => window.scrollY);
  expect(scrolled).toBeGreaterThan(200);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: '放弃修改？' });
  await expect(dialog.getByRole('button', { name: '继续编辑' })).toBeFocused();

  // Round the dialog twice: every stop is in it, and the page behind stays where it was.
  const stops: string[] = [];
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    stops.push(await focusedText(page));
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('[role="dialog"]')))).toBe(true);
  }
  expect(stops).not.toContain('<body>');
  expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);

  // Enter twice throws nothing away: the second Enter is 继续编辑's.
  await dialog.getByRole('button', { name: '继续编辑' }).focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel('主题', { exact: true })).toHaveValue('研究部署第一季度工作');
  await expect(cancel).toBeFocused();
  await expect(cancel).toBeInViewport();
});

test('683 px: a record’s labels stay on one line', async ({ page }) => {
  await newBranch(page);
  await openNewRecord(page);
  await page.getByLabel('主题', { exact: true }).fill('研究部署第一季度工作');
  await page.getByLabel('会议内容', { exact: true }).fill('会议传达学习了上级文件精神。');
  await page.getByLabel('主持人', { exact: true }).fill('罗雪');
  await page.getByLabel('记录人', { exact: true }).fill('袁明哲');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByRole('heading', { level: 3, name: '研究部署第一季度工作' })).toBeVisible();
  const labels = page.locator('.ant-descriptions-item-label');
  await expect(labels.filter({ hasText: '主持人' })).toBeVisible();
  const lines = await labels.evaluateAll((els) =>
    els.map((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      // One box per line of text.
      const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
      return `${el.textContent}:${tops.size}`;
    }),
  );
  expect(lines.length).toBeGreaterThan(3);
  for (const line of lines) expect(line).toMatch(/:1$/);
});

test('683 px: 阵地复查 gives 检查情况 the room; 前往登记复查 takes the keyboard to the form', async ({ page }) => {
  await newBranch(page);
  await openSection(page, '活动阵地');
  await page.getByRole('button', { name: '新增阵地' }).click();
  await page.getByLabel('阵地名称', { exact: true }).fill('机关党员活动室');
  await chooseOption(page, '阵地类型', '党员活动室');
  await page.getByLabel('面积（㎡）', { exact: true }).fill('36');
  await page.getByLabel('容纳人数', { exact: true }).fill('30');
  await save(page);
  const title = page.getByRole('main').getByRole('heading', { level: 3, name: '机关党员活动室' });
  await expect(title).toBeVisible();

  // From the top of the page, one button away: 复查日期, on screen.
  await page.getByRole('button', { name: '前往登记复查' }).click();
  const form = page.getByRole('form', { name: '登记复查' });
  const date = form.getByLabel('复查日期', { exact: true });
  await expect(date).toBeFocused();
  await expect(date).toBeInViewport();

  const findings = '七有各项齐全。荣誉栏需补充本年度表彰内容，已责成宣传委员一周内完成。';
  await page.keyboard.type(chinaDate(-30));
  await page.keyboard.press('Enter');
  await form.getByLabel('检查人', { exact: true }).fill('袁明哲');
  await fillDate(form, '下次复查日期', chinaDate(150));
  await form.getByLabel('检查情况', { exact: true }).fill(findings);
  await form.getByRole('button', { name: '登记复查' }).click();
  const cell = page.getByRole('cell', { name: findings });
  await expect(cell).toBeVisible();
  const width = await cell.evaluate((el) => el.getBoundingClientRect().width);
  expect(width).toBeGreaterThanOrEqual(160);
});
