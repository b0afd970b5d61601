// 学习记录 and 技能比武 end to end: an entry and an event are corrected with 编辑 rather than deleted and re-entered, and
// 「重复参赛」 is reported in the same 保存 as the other mistakes.
import { expect, test } from '@playwright/test';
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

test('a 学习记录 and a 技能比武 are corrected with 编辑', async ({ page }) => {
  // Early in the year, so the entry is this year's and not after today.
  const today = chinaDate();
  const day = [today, `${today.slice(0, 4)}-01-02`].sort()[0]!;
  await page.goto('/');
  await page.getByRole('button', { name: '新建支部' }).click();
  await fillBranchBasics(page, { name: '机关第一党支部', termStart: '2024-01-15', termEnd: '2030-01-14' });
  await save(page);
  await expectSaved(page);
  await seedRoster(page, ['张三', '李四']);
  await openSection(page, '学习与争创');

  // 登记学习 with a typo in the title, then 编辑 it in the list.
  const form = page.locator('.ant-card').filter({ has: page.getByText('登记学习', { exact: true }) });
  await fillDate(form, '学习日期', day);
  await chooseOption(form, '党员', '张三');
  await chooseOption(form, '学习类型', '月写一篇');
  await form.getByLabel('标题', { exact: true }).fill('调研报吿');
  await form.getByRole('button', { name: '登记' }).click();
  await expect(page.getByText('已登记', { exact: true }).last()).toBeVisible();
  const entries = page.locator('.ant-card').filter({ has: page.getByText('本年度学习记录', { exact: true }) });
  await entries.getByRole('button', { name: '编辑「调研报吿」' }).click();
  const drawer = page.getByRole('dialog', { name: '编辑学习记录' });
  await expect(drawer.getByLabel('标题', { exact: true })).toHaveValue('调研报吿');
  await drawer.getByLabel('标题', { exact: true }).fill('调研报告');
  // Esc over an unsaved correction asks first; 继续编辑 keeps it.
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '继续编辑' }).click();
  await expect(drawer.getByLabel('标题', { exact: true })).toHaveValue('调研报告');
  await drawer.getByRole('button', { name: '保存' }).click();
  await expectSaved(page);
  await expect(drawer).toBeHidden();
  await expect(entries.getByRole('cell', { name: '调研报告', exact: true })).toBeVisible();
  await expect(entries.getByRole('cell', { name: '调研报吿', exact: true })).toHaveCount(0);

  // 技能比武: the same member twice and no name — both said at the first 保存.
  await page.getByRole('tab', { name: '技能比武' }).click();
  await page.getByRole('button', { name: '新增比武' }).click();
  await fillDate(page, '比武日期', day);
  for (const row of [1, 2]) {
    await page.getByRole('button', { name: '添加参赛人员' }).click();
    await chooseOption(page.getByRole('group', { name: `参赛人员 ${row}` }), '参赛党员', '张三');
  }
  await page.getByRole('button', { name: '保存比武' }).click();
  await expect(page.getByText('请填写比武名称')).toBeVisible();
  await expect(page.getByText('“张三”重复参赛')).toBeVisible();
  await page.getByLabel('比武名称', { exact: true }).fill('公文写作比武');
  await chooseOption(page.getByRole('group', { name: '参赛人员 2' }), '参赛党员', '李四');
  await page.getByRole('group', { name: '参赛人员 1' }).getByLabel('成绩', { exact: true }).fill('89');
  await page.getByRole('button', { name: '保存比武' }).click();
  await expectSaved(page);

  // A score entered wrong is corrected, and everyone else stays.
  const list = page.getByRole('table', { name: '技能比武' });
  await expect(list.getByText('张三 89分')).toBeVisible();
  await list.getByRole('button', { name: '编辑「公文写作比武」' }).click();
  await expect(page.getByText('编辑技能比武', { exact: true })).toBeVisible();
  await page.getByRole('group', { name: '参赛人员 1' }).getByLabel('成绩', { exact: true }).fill('98');
  await page.getByRole('button', { name: '保存比武' }).click();
  await expectSaved(page);
  await expect(list.getByText('张三 98分；李四')).toBeVisible();
});
