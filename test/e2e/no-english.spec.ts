// No English from antd reaches a screen reader: on the key screens — 支部概况 with a tab in keyboard focus, a venue form
// with its number boxes, a record form with its date and venue picked, the records list with filters chosen, 数据安全 —
// every name and text in the accessibility tree, and every aria-label, title and alt, is Chinese; not antd's 「Clear」
// 「Increase Value」, its tabs' 「Tab 1 of 2」 or its icons' 「down」「close-circle」「eye-invisible」.
import { expect, test, type Page } from '@playwright/test';
import { chinaDate, chooseOption, expectSaved, fillBranchBasics, fillDate, openSection, save } from './helpers';

/**
 * Latin that is not English: what the app writes on purpose (file kinds and sizes in its own sentences, a start-up
 * switch), and record ids — a select's hidden option list holds each value as text, read out by its label instead.
 */
const NOT_ENGLISH =
  /\b(PDF|ZIP|JPG|PNG|WebP|Word|Excel|[KMG]B)\b|\bCtrl\+Enter\b|\.zip\b|--reset-app-lock|\b[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}\b/g;

/** What a screen reader can read on the page now that has English words in it. */
async function englishOnScreen(page: Page): Promise<string[]> {
  // The aria snapshot: each line a role (English, left out), its name and its text; links' addresses are left out.
  const snapshot = await page.locator('body').ariaSnapshot();
  const read = snapshot
    .split('\n')
    .filter((line) => !/^\s*- \/url:/.test(line))
    .map((line) =>
      line
        .replace(/^\s*- '?\/?[a-z]+/, '')
        .replace(/ \[[a-z]+(=[^\]]*)?\]/g, '')
        .trim(),
    );
  // Labels and tooltips of whatever is not hidden from assistive technology, the snapshot's names aside.
  const labels = await page.evaluate(() =>
    [...document.body.querySelectorAll('[aria-label], [title], [alt]')]
      .filter((el) => !el.closest('[aria-hidden="true"]') && el.checkVisibility({ visibilityProperty: true }))
      .flatMap((el) => ['aria-label', 'title', 'alt'].map((name) => el.getAttribute(name) ?? '')),
  );
  return [...new Set([...read, ...labels])].filter((text) => /[A-Za-z]{3,}/.test(text.replace(NOT_ENGLISH, ' ')));
}

/** Soft: one run lists the English of every screen, not only of the first. */
async function expectAllChinese(page: Page, where: string): Promise<void> {
  expect.soft(await englishOnScreen(page), `English read out on ${where}`).toEqual([]);
}

test('the venue form, a record form with its pickers filled, the filtered records list and 数据安全 read in Chinese', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: '新建支部' }).click();
  await fillBranchBasics(page, { name: '第一党支部', termStart: '2024-01-15', termEnd: '2027-01-14' });
  await save(page);
  await expectSaved(page);
  await expectAllChinese(page, '支部概况 after 保存 (the 已保存 toast shown)');

  // A tab with keyboard focus: rc-tabs writes 「Tab 1 of 2」 into the focused tab (and so into its panel's name), only
  // while it has the focus.
  const infoTab = page.getByRole('tab', { name: '支部信息' });
  await infoTab.focus();
  await expect(infoTab).toHaveAccessibleName('支部信息');
  await expectAllChinese(page, '支部概况 with its 支部信息 tab in keyboard focus');
  await page.keyboard.press('ArrowRight');
  const rosterTab = page.getByRole('tab', { name: '党员名册' });
  await expect(rosterTab).toBeFocused();
  await expect(rosterTab).toHaveAccessibleName('党员名册');
  await expectAllChinese(page, '支部概况 after → to the 党员名册 tab');
  await page.keyboard.press('ArrowLeft');

  // 活动阵地: a form of number boxes (面积, 容纳人数), then the venue's page with its 七有 progress.
  await openSection(page, '活动阵地');
  await page.getByRole('button', { name: '新增阵地' }).click();
  await page.getByLabel('阵地名称', { exact: true }).fill('机关党员活动室');
  await chooseOption(page, '阵地类型', '党员活动室');
  await page.getByLabel('面积（㎡）', { exact: true }).fill('36');
  await page.getByLabel('容纳人数', { exact: true }).fill('30');
  await expectAllChinese(page, 'the 新增阵地 form');
  await save(page);
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 3, name: '机关党员活动室' })).toBeVisible();
  await expectAllChinese(page, 'the venue’s page');

  // A record form with its date typed and its venue (a clearable select) chosen.
  const today = chinaDate();
  await openSection(page, '工作记录');
  await page.getByRole('link', { name: '新建记录' }).click();
  await expect(page.getByRole('heading', { level: 3, name: '新建工作记录' })).toBeVisible();
  await page.getByLabel('主题', { exact: true }).fill('研究部署第一季度工作');
  await fillDate(page, '会议日期', today);
  await chooseOption(page, '地点（阵地）', '机关党员活动室');
  await expect(page.getByRole('button', { name: '清除' })).not.toHaveCount(0);
  await expectAllChinese(page, 'the 新建工作记录 form');
  await save(page);
  await expect(page.getByRole('heading', { level: 3, name: '研究部署第一季度工作' })).toBeVisible();
  await expectAllChinese(page, 'the record’s page');

  // The records list with two filters chosen (each with its clear button) and words in the search box.
  await openSection(page, '工作记录');
  await chooseOption(main, '类型', '支委会');
  await chooseOption(main, '阵地', '机关党员活动室');
  await main.getByLabel('搜索主题、内容、纪要').fill('第一季度');
  await expect(main.getByRole('link', { name: '研究部署第一季度工作' })).toBeVisible();
  await expectAllChinese(page, 'the filtered records list');

  // 数据安全: backup and restore cards, the app lock's password boxes, the 操作日志.
  await openSection(page, '数据安全');
  await expect(page.getByRole('button', { name: '立即备份' })).toBeVisible();
  await expectAllChinese(page, '数据安全');
});
