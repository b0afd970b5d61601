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

test('antd speaks Chinese: date box format hint and calendar', async ({ page }) => {
  await page.goto('/#/branch');
  const start = page.getByLabel('本届开始日期', { exact: true });
  await expect(start).toHaveAttribute('placeholder', '格式：2025-12-26');
  await start.click();
  await expect(page.getByRole('button', { name: '今天' }).or(page.getByText('今天', { exact: true }))).toBeVisible();
});

test('the UI has a Chinese font of its own where the system has none', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: '支部标准化台账' })).toBeVisible();
  // The bundled Noto Sans SC is in the font stack, after the usual system fonts (微软雅黑, 苹方, Noto CJK) …
  const family = await page.getByRole('heading', { level: 1 }).evaluate((el) => getComputedStyle(el).fontFamily);
  expect(family).toMatch(
    /["']Microsoft YaHei["'].*["']Branch Ledger Sans["'], ["']Branch Ledger Rare["'], sans-serif$/,
  );
  // … declared for regular and bold text, and its files are served from the app itself (font-src 'self'); after it
  // the blocks of 花園明朝 B for 生僻字 (shared/print/fallback.ts), each for its own unicode-range.
  const faces = await page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts]
      .filter((f) => f.family.replace(/["']/g, '') === 'Branch Ledger Sans')
      .map((f) => f.weight);
  });
  expect(faces.sort()).toEqual(['100 500', '600 900']);
  const rules = await page.evaluate(() =>
    [...document.styleSheets].flatMap((sheet) =>
      [...sheet.cssRules]
        .filter((r): r is CSSFontFaceRule => r instanceof CSSFontFaceRule)
        .map((r) => ({
          family: r.style.getPropertyValue('font-family').replace(/["']/g, ''),
          url: /url\("?([^")]+)"?\)/.exec(r.style.getPropertyValue('src'))?.[1] ?? '',
          range: r.style.getPropertyValue('unicode-range'),
        })),
    ),
  );
  const sans = rules.filter((r) => r.family === 'Branch Ledger Sans');
  const rare = rules.filter((r) => r.family === 'Branch Ledger Rare');
  expect(sans).toHaveLength(2);
  expect(rare.length).toBeGreaterThan(40);
  expect(rare.every((r) => r.range.length > 0)).toBe(true);
  expect(rules).toHaveLength(sans.length + rare.length);
  for (const { url } of [...sans, rare[0]!, rare[rare.length - 1]!]) {
    const response = await page.request.get(new URL(url, page.url()).href);
    expect(response.ok()).toBe(true);
    // A TrueType file: version 1.0 in its first four bytes.
    expect([...(await response.body()).subarray(0, 4)]).toEqual([0, 1, 0, 0]);
  }
});
