// 党员名册 end to end: Excel import with a preview of the bad rows, confirm, reload, 转出, and export read back with exceljs.
import { writeFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { expectSaved, fillBranchBasics, fillDate, save } from './helpers';

const HEADER = ['姓名', '性别', '出生日期', '入党日期', '转正日期', '类别', '党小组', '职务', '电话', '格言'];

async function rosterFile(path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('党员名册');
  sheet.addRow(HEADER);
  sheet.addRow([
    '王芳',
    '女',
    '1985-05-01',
    '2008-07-01',
    '2009-07-01',
    '正式',
    '第一党小组',
    '科长',
    '010-12345678',
    '为人民服务',
  ]);
  sheet.addRow(['李明', '男', new Date(Date.UTC(1990, 0, 2)), '2015.7.1', '2016年7月1日', '正式', '第二党小组']);
  sheet.addRow(['张伟', '男', '1988-03-03', '', '', '正式', '第一党小组']); // row 4: no 入党日期
  // An emoji pasted into a 格言, which the 卷宗 prints too.
  sheet.addRow(['赵丽', '女', '1995/4/4', '2024-06-30', '', '预备', '第一党小组', '', '', '不忘初心🚩']);
  sheet.addRow(['孙强', '男', '1979-09-09', '2000-07-01', '2001-07-01', '正式', '第三党小组']); // row 6: unknown group
  // 𰻞 (CJK Extension G) is in no print font, not even the fallback for Extension B–F: the preview says so before
  // anything is written.
  sheet.addRow(['𰻞静', '女', '1982-12-12', '2005-07-01', '2006-07-01', '正式', '']);
  await writeFile(path, new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
}

test('a roster is imported from Excel after a preview, survives reload, and is exported', async ({
  page,
}, testInfo) => {
  const importPath = testInfo.outputPath('roster.xlsx');
  await rosterFile(importPath);

  await page.goto('/');
  await page.getByRole('button', { name: '新建支部' }).click();
  await fillBranchBasics(page, { name: '第一党支部', termStart: '2024-01-15', termEnd: '2027-01-14' });
  for (const [index, name] of ['第一党小组', '第二党小组'].entries()) {
    await page.getByRole('button', { name: '添加党小组' }).click();
    await page
      .getByRole('group', { name: `党小组 ${index + 1}` })
      .getByLabel('名称', { exact: true })
      .fill(name);
  }
  await save(page);
  await expectSaved(page);

  await page.getByRole('tab', { name: '党员名册' }).click();
  const counts = page.getByRole('status', { name: '名册统计' });
  await expect(counts).toHaveText(/在册党员 0 人/);

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '从 Excel 导入' }).click();
  await (await chooser).setFiles(importPath);

  const preview = page.getByRole('dialog', { name: '导入预览：roster.xlsx' });
  await expect(preview).toBeVisible();
  await expect(preview.getByText('4 行有效，可以导入')).toBeVisible();
  await expect(preview.getByText('1 个姓名含打印字体中没有的字')).toBeVisible();
  await expect(preview.getByText(/^𰻞静：打印的记录单和卷宗里这些字会显示为方框/)).toBeVisible();
  await expect(preview.getByText('1 处职务或格言含打印字体中没有的字')).toBeVisible();
  await expect(preview.getByText(/^赵丽的格言：打印的卷宗里这些字/)).toBeVisible();
  const badRows = preview.locator('.ant-table-tbody tr.ant-table-row');
  await expect(badRows).toHaveCount(2);
  await expect(badRows.nth(0)).toContainText('第4行');
  await expect(badRows.nth(0)).toContainText('张伟');
  await expect(badRows.nth(0)).toContainText('入党日期：请填写日期');
  await expect(badRows.nth(1)).toContainText('第6行');
  await expect(badRows.nth(1)).toContainText('孙强');
  await expect(badRows.nth(1)).toContainText('党小组“第三党小组”不存在');
  // Nothing is written before the user confirms.
  await expect(counts).toHaveText(/在册党员 0 人/);

  await preview.getByRole('button', { name: '导入 4 名有效党员' }).click();
  await expect(page.getByText('已导入 4 名党员')).toBeVisible();
  await expect(preview).toBeHidden();
  const roster = page.getByRole('region', { name: '党员名册' });
  const memberRows = roster.locator('.ant-table-tbody tr.ant-table-row');
  await expect(memberRows).toHaveCount(4);
  await expect(counts).toHaveText(
    '在册党员 4 人：正式党员 3 人，预备党员 1 人；第一党小组 2 人，第二党小组 1 人，未分组 1 人',
  );
  await expect(roster.getByRole('row', { name: /李明.*1990-01-02.*2015-07-01.*2016-07-01/ })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('tab', { name: '党员名册', selected: true })).toBeVisible();
  await expect(memberRows).toHaveCount(4);
  await expect(roster.getByText('孙强')).toHaveCount(0);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出名册' }).click();
  const file = await (await download).path();
  const exported = new ExcelJS.Workbook();
  await exported.xlsx.readFile(file);
  const sheet = exported.worksheets[0]!;
  // The sheet imported above has an older template's columns; the export adds 转入本支部日期 at the end.
  expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...HEADER, '转入本支部日期']);
  const names: string[] = [];
  sheet.eachRow((row, n) => {
    if (n > 1) names.push(String(row.getCell(1).value));
  });
  expect(names.sort()).toEqual(['李明', '王芳', '𰻞静', '赵丽'].sort());
});

test('转出 keeps the member under 已离开, and a duplicate is refused', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: '新建支部' }).click();
  await fillBranchBasics(page, { name: '第二党支部', termStart: '2024-01-15', termEnd: '2027-01-14' });
  await save(page);
  await expectSaved(page);
  await page.getByRole('tab', { name: '党员名册' }).click();

  const addMember = async () => {
    await page.getByRole('button', { name: '新增党员' }).click();
    const form = page.getByRole('form', { name: '新增党员' });
    await form.getByLabel('姓名', { exact: true }).fill('王芳');
    const gender = form.getByLabel('性别', { exact: true });
    await gender.click();
    await gender.fill('女');
    await gender.press('Enter');
    await fillDate(form, '出生日期', '1985-05-01');
    await fillDate(form, '入党日期', '2008-07-01');
    await form.getByRole('button', { name: '保存' }).click();
    return form;
  };
  await addMember();
  const roster = page.getByRole('region', { name: '党员名册' });
  await expect(roster.getByRole('row', { name: /王芳/ })).toBeVisible();

  const again = await addMember();
  await expect(again.getByText('已有同名且出生日期相同的党员“王芳”')).toBeVisible();
  // The refused form still holds what was typed: closing the drawer (its ×) or 取消 asks before dropping it. The 保存
  // notice over the top of the page goes first (under a pointer it would stay, covering the ×).
  await expect(page.getByText('有 1 处需要修改，请查看标红的项目')).toBeHidden({ timeout: 10_000 });
  await page
    .getByRole('dialog', { name: '新增党员' })
    .getByRole('button', { name: /^(Close|关闭)$/ })
    .click();
  const discard = page.getByRole('dialog', { name: '放弃修改？' });
  await discard.getByRole('button', { name: '继续编辑' }).click();
  await expect(again.getByLabel('姓名', { exact: true })).toHaveValue('王芳');
  await again.getByRole('button', { name: '取消' }).click();
  await discard.getByRole('button', { name: '放弃修改' }).click();
  await expect(again).toBeHidden();

  await roster.getByRole('button', { name: '转出/离开支部：王芳' }).click();
  const leave = page.getByRole('form', { name: '转出：王芳' });
  await fillDate(leave, '离开日期', '2024-06-30');
  await leave.getByLabel('离开原因', { exact: true }).fill('组织关系转出');
  await leave.getByRole('button', { name: '确认转出' }).click();
  await expect(page.getByRole('status', { name: '名册统计' })).toHaveText(/在册党员 0 人/);
  await expect(roster.getByRole('row', { name: /王芳/ })).toHaveCount(0);

  await page.getByText('已离开', { exact: true }).click();
  await expect(roster.getByRole('row', { name: /王芳.*2024-06-30.*组织关系转出/ })).toBeVisible();
});
