// 数据安全 end to end: back up (download), restore into a fresh profile, every record back; a text file is refused.
import { expect, test } from '@playwright/test';
import { chooseOption, expectSaved, fillBranchBasics, openSection, save } from './helpers';

test('a backup downloaded from one profile restores every record into a fresh one', async ({
  page,
  browser,
}, testInfo) => {
  await page.goto('/');
  await page.getByRole('button', { name: '新建支部' }).click();
  await fillBranchBasics(page, {
    name: '备份测试党支部',
    parentOrg: '机关党委',
    termStart: '2024-01-15',
    termEnd: '2027-01-14',
  });
  await page.getByRole('button', { name: '添加委员' }).click();
  const secretary = page.getByRole('group', { name: '委员 1' });
  await secretary.getByLabel('姓名', { exact: true }).fill('张三');
  await chooseOption(secretary, '职务', '书记');
  await page.getByRole('button', { name: '添加党小组' }).click();
  const group = page.getByRole('group', { name: '党小组 1' });
  await group.getByLabel('名称', { exact: true }).fill('第一党小组');
  await group.getByLabel('组长', { exact: true }).fill('王五');
  await save(page);
  await expectSaved(page);

  await openSection(page, '数据安全');
  await expect(page.getByText('自动备份仅在桌面版中提供')).toBeVisible();
  // The 操作日志 shows the creation of the branch.
  await expect(page.getByRole('row', { name: /新增 支部 新建支部「备份测试党支部」/ })).toBeVisible();

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '立即备份' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^支部台账备份-\d{8}-\d{4}\.zip$/);
  const file = testInfo.outputPath('backup.zip');
  await download.saveAs(file);
  await expect(page.getByText(/备份已保存/)).toBeVisible();

  // A fresh profile: its own, empty IndexedDB.
  const context = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  try {
    const fresh = await context.newPage();
    await fresh.goto('/');
    await expect(fresh.getByRole('button', { name: '新建支部' })).toBeVisible();
    await openSection(fresh, '数据安全');
    await fresh.locator('input[type=file]').setInputFiles(file);

    await expect(fresh.getByText('备份内容（已通过校验）')).toBeVisible();
    // The room a restore needs, from the file's ZIP directory, beside what the browser can still store.
    await expect(fresh.getByText(/^约 [\d.]+ (KB|MB)（本机当前可再存放约 [\d.]+ (MB|GB)）$/)).toBeVisible();
    await expect(fresh.getByRole('row', { name: '支部 备份测试党支部' })).toBeVisible();
    await expect(fresh.getByRole('row', { name: '支部 1' })).toBeVisible();

    await fresh.getByRole('button', { name: '覆盖全部' }).click();
    const confirm = fresh.getByRole('dialog');
    // A fresh profile has no data to delete: the confirmation does not pretend it has.
    await expect(confirm.getByText('将用备份中的数据建立本机数据。')).toBeVisible();
    await confirm.getByRole('button', { name: '覆盖全部' }).click();
    await expect(fresh.getByText('恢复完成')).toBeVisible();

    await openSection(fresh, '支部概况');
    const profile = fresh.getByRole('main');
    await expect(profile.getByRole('heading', { level: 3, name: '备份测试党支部' })).toBeVisible();
    await expect(profile.getByText('机关党委')).toBeVisible();
    await expect(profile.getByRole('row', { name: '书记 张三' })).toBeVisible();
    await expect(profile.getByRole('row', { name: '第一党小组 王五' })).toBeVisible();
    await expect(profile.getByText('2027-01-14')).toBeVisible();

    // The restore itself is in the 操作日志.
    await openSection(fresh, '数据安全');
    await expect(fresh.getByRole('row', { name: /恢复 支部 从备份恢复（覆盖全部/ })).toBeVisible();
  } finally {
    await context.close();
  }
});

test('a text file is refused with the reasons, and nothing changes', async ({ page }) => {
  await page.goto('/');
  await openSection(page, '数据安全');
  await page.locator('input[type=file]').setInputFiles({
    name: '说明.zip',
    mimeType: 'text/plain',
    buffer: Buffer.from('这不是备份文件，只是一段文字。\n'),
  });
  const alert = page.getByRole('alert');
  await expect(alert.getByText('「说明.zip」不能用于恢复')).toBeVisible();
  await expect(alert.getByText(/不是 ZIP 格式的文件/)).toBeVisible();
  await expect(alert.getByText('本机数据未做任何改动。')).toBeVisible();
  await expect(page.getByRole('button', { name: '覆盖全部' })).toHaveCount(0);
});
