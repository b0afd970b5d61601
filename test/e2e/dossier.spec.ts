// 卷宗导出 end to end: a year's volume is rendered in the worker and downloaded as a real PDF, then 校验卷宗 reads
// it back — matching at first, and naming the change after the branch is edited; then a volume of one month.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { chooseOption, expectSaved, fillBranchBasics, fillDate, hasPoppler, openSection, save } from './helpers';

const poppler = hasPoppler();

test('a volume is exported from the UI, read back, and verified against the ledger', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await page.getByRole('button', { name: '新建支部' }).click();
  await fillBranchBasics(page, {
    name: '卷宗测试党支部',
    parentOrg: '机关党委',
    termStart: '2024-01-15',
    termEnd: '2027-01-14',
  });
  await page.getByRole('button', { name: '添加委员' }).click();
  const secretary = page.getByRole('group', { name: '委员 1' });
  await secretary.getByLabel('姓名', { exact: true }).fill('赵书记');
  await chooseOption(secretary, '职务', '书记');
  await save(page);
  await expectSaved(page);

  await openSection(page, '卷宗导出');
  await chooseOption(page, '年度', '2025年');
  // A year without a single record gives no volume (as the CLI), and the page says why.
  await page.getByRole('button', { name: '生成卷宗' }).click();
  await expect(
    page.getByText('2025 年度没有任何记录（会议、阵地复查、学习、比武、责任、评议、自评），不生成卷宗'),
  ).toBeVisible();

  // One 支委会 of 2025, entered through the 补录 form the 工作台 links to.
  await page.goto(`/#/records?new=${encodeURIComponent('支委会')}&date=2025-03-10`);
  await page.getByLabel('主题', { exact: true }).fill('研究部署第一季度工作');
  await page.getByLabel('会议内容', { exact: true }).fill('会议研究了第一季度党建工作安排。');
  await save(page);
  await expect(page.getByRole('heading', { level: 3, name: '研究部署第一季度工作' })).toBeVisible();
  await openSection(page, '卷宗导出');
  await chooseOption(page, '年度', '2025年');
  // The new record is a 草稿: named before the volume is made, with a link to open it and 定稿 first.
  await expect(page.getByText('本卷有 1 条记录尚未定稿')).toBeVisible();
  await expect(page.getByRole('link', { name: /2025年3月10日 支委会第1次「研究部署第一季度工作」/ })).toBeVisible();

  // Cancel: hold the font download so the job is certainly still running, cancel, and nothing is saved.
  let downloads = 0;
  page.on('download', () => downloads++);
  await page.route('**/assets/NotoSerifSC-Regular*.ttf', () => {
    /* held: never answered while the job is cancelled */
  });
  await page.getByRole('button', { name: '生成卷宗' }).click();
  await expect(page.getByText('正在加载字体')).toBeVisible();
  await page.getByRole('button', { name: '取消生成' }).click();
  await expect(page.getByText('已取消，没有生成文件')).toBeVisible();
  await page.unroute('**/assets/NotoSerifSC-Regular*.ttf');
  expect(downloads).toBe(0);

  const downloadPromise = page.waitForEvent('download', { timeout: 90_000 });
  await page.getByRole('button', { name: '生成卷宗' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('卷宗测试党支部-2025年度迎检卷宗.pdf');
  const file = test.info().outputPath('volume.pdf');
  await download.saveAs(file);
  await expect(page.getByText('已保存：卷宗测试党支部-2025年度迎检卷宗.pdf')).toBeVisible();
  const fingerprint = (await page.getByText(/数据指纹（SHA-256）：/).textContent())!.split('：')[1]!.trim();
  expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);

  if (poppler) {
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const expected of [
      '卷宗测试党支部',
      '2025年度',
      '赵书记',
      '研究部署第一季度工作',
      '二、活动有阵地',
      '三、工作有记录',
      '本年度无记录',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text.replace(/\s+/g, '')).toContain(fingerprint.slice(0, 8));
  }

  const verifyWith = async () => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '选择卷宗 PDF 并校验' }).click();
    await (await chooser).setFiles(file);
  };
  await verifyWith();
  await expect(
    page.getByText('卷宗内嵌的数据清单与本机台账一致（本校验只核对数据，不核对页面上印出的内容）'),
  ).toBeVisible();
  await expect(page.getByText('卷宗：卷宗测试党支部，2025年度，第 1 卷', { exact: false })).toBeVisible();

  // An edit after the export is named by 校验卷宗.
  await openSection(page, '支部概况');
  await page.getByRole('button', { name: '编辑' }).click();
  await page.getByLabel('上级党组织', { exact: true }).fill('市直机关工委');
  await save(page);
  await expectSaved(page);
  await openSection(page, '卷宗导出');
  await verifyWith();
  await expect(page.getByText(/卷宗内嵌的数据清单与本机台账有 1 处差异/)).toBeVisible();
  await expect(page.getByRole('cell', { name: '导出后被修改' })).toBeVisible();
  // Counted per category, and the record named by what it is rather than by its id.
  await expect(page.getByText('支部：已修改 1')).toBeVisible();
  await expect(page.getByRole('cell', { name: '卷宗测试党支部', exact: true })).toBeVisible();
  expect(existsSync(file)).toBe(true);

  // 按起止日期: a month without records is refused like an empty year; March alone is a volume of its own, 第2卷.
  await page.getByText('按起止日期', { exact: true }).click();
  const setRange = async (from: string, to: string) => {
    await fillDate(page, '开始日期', from);
    await fillDate(page, '结束日期', to);
  };
  await setRange('2025-04-01', '2025-04-30');
  await page.getByRole('button', { name: '生成卷宗' }).click();
  await expect(
    page.getByText('2025年4月1日至4月30日没有任何记录（会议、阵地复查、学习、比武、责任、评议、自评），不生成卷宗'),
  ).toBeVisible();
  await setRange('2025-03-01', '2025-03-31');
  await page.getByLabel('卷号').fill('2');
  const rangeDownload = page.waitForEvent('download', { timeout: 90_000 });
  await page.getByRole('button', { name: '生成卷宗' }).click();
  const march = await rangeDownload;
  expect(march.suggestedFilename()).toBe('卷宗测试党支部-2025年3月1日至3月31日迎检卷宗-第2卷.pdf');
  if (poppler) {
    const marchFile = test.info().outputPath('march.pdf');
    await march.saveAs(marchFile);
    const text = execFileSync('pdftotext', ['-layout', marchFile, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('卷宗测试党支部·2025年3月1日至2025年3月31日迎检卷宗');
    expect(text).toContain('第2卷');
    expect(text).toContain('研究部署第一季度工作');
  }
});
