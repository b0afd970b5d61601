// 支部概况 end to end: create, reload, edit, reload, second branch and the header switcher.
import { expect, test } from '@playwright/test';
import { chooseOption, expectSaved, fillBranchBasics, fillDate, openSection, save, seedRoster } from './helpers';

test('a branch is created, survives reload, is edited, and can be switched with a second one', async ({ page }) => {
  await page.goto('/');
  // An empty database starts on the 工作台 with the first step offered.
  await page.getByRole('button', { name: '新建支部' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '支部概况' })).toBeVisible();

  await fillBranchBasics(page, {
    name: '第一党支部',
    parentOrg: '机关党委',
    termStart: '2024-01-15',
    termEnd: '2027-01-14',
  });
  await fillDate(page, '成立日期', '2010-07-01');

  await page.getByRole('button', { name: '添加委员' }).click();
  const secretary = page.getByRole('group', { name: '委员 1' });
  await secretary.getByLabel('姓名', { exact: true }).fill('张三');
  await chooseOption(secretary, '职务', '书记');
  await page.getByRole('button', { name: '添加委员' }).click();
  const organiser = page.getByRole('group', { name: '委员 2' });
  await organiser.getByLabel('姓名', { exact: true }).fill('李四');
  await chooseOption(organiser, '职务', '组织委员');

  await page.getByRole('button', { name: '添加党小组' }).click();
  const group = page.getByRole('group', { name: '党小组 1' });
  await group.getByLabel('名称', { exact: true }).fill('第一党小组');
  await group.getByLabel('组长', { exact: true }).fill('王五');
  await save(page);

  await expectSaved(page);
  const profile = page.getByRole('main');
  await expect(profile.getByRole('heading', { level: 3, name: '第一党支部' })).toBeVisible();
  await expect(profile.getByText('机关党委')).toBeVisible();
  await expect(profile.getByRole('row', { name: '书记 张三' })).toBeVisible();
  await expect(profile.getByRole('row', { name: '组织委员 李四' })).toBeVisible();
  await expect(profile.getByRole('row', { name: '第一党小组 王五' })).toBeVisible();

  await page.reload();
  await expect(profile.getByRole('heading', { level: 3, name: '第一党支部' })).toBeVisible();
  await expect(profile.getByRole('row', { name: '书记 张三' })).toBeVisible();
  await expect(profile.getByText('2027-01-14')).toBeVisible();

  // Edit: the form opens filled with the stored record.
  await page.getByRole('button', { name: '编辑' }).click();
  await expect(page.getByLabel('支部名称', { exact: true })).toHaveValue('第一党支部');
  await page.getByLabel('支部名称', { exact: true }).fill('第一党支部（机关）');
  await page.getByLabel('单位精神', { exact: true }).fill('忠诚 担当 务实 清廉');
  await save(page);
  await expect(profile.getByRole('heading', { level: 3, name: '第一党支部（机关）' })).toBeVisible();

  await page.reload();
  await expect(profile.getByRole('heading', { level: 3, name: '第一党支部（机关）' })).toBeVisible();
  await expect(profile.getByText('忠诚 担当 务实 清廉')).toBeVisible();
  await expect(profile.getByRole('row', { name: '第一党小组 王五' })).toBeVisible();

  // A second branch becomes current; the switcher lists both and brings back the first.
  await page.getByRole('button', { name: '新建支部' }).click();
  await fillBranchBasics(page, { name: '第二党支部', termStart: '2023-03-01', termEnd: '2026-02-28' });
  await save(page);
  await expect(profile.getByRole('heading', { level: 3, name: '第二党支部' })).toBeVisible();

  await page.getByLabel('当前支部', { exact: true }).click();
  const choices = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  await expect(choices).toHaveCount(2);
  await expect(choices.filter({ hasText: '第一党支部（机关）' })).toHaveCount(1);
  await expect(choices.filter({ hasText: '第二党支部' })).toHaveCount(1);
  await page.keyboard.press('Escape');
  await chooseOption(page, '当前支部', '第一党支部（机关）');
  await expect(profile.getByRole('heading', { level: 3, name: '第一党支部（机关）' })).toBeVisible();
  await expect(profile.getByRole('heading', { level: 3, name: '第二党支部' })).toHaveCount(0);

  // The choice is a stored setting, not page state.
  await page.reload();
  await expect(profile.getByRole('heading', { level: 3, name: '第一党支部（机关）' })).toBeVisible();
  await openSection(page, '工作台');
  await expect(page.getByText('当前支部：第一党支部（机关）')).toBeVisible();
});

test('换届选举 fills the whole new committee and 本届 in one dialog, picking names from the roster by pinyin', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: '新建支部' }).click();
  await fillBranchBasics(page, { name: '换届支部', parentOrg: '', termStart: '2022-07-15', termEnd: '2025-07-14' });
  await page.getByRole('button', { name: '添加委员' }).click();
  await page.getByRole('group', { name: '委员 1' }).getByLabel('姓名', { exact: true }).fill('张三');
  await page.getByRole('button', { name: '添加委员' }).click();
  await page.getByRole('group', { name: '委员 2' }).getByLabel('姓名', { exact: true }).fill('李四');
  await chooseOption(page.getByRole('group', { name: '委员 2' }), '职务', '组织委员');
  await save(page);
  await expectSaved(page);
  await seedRoster(page, ['张三', '李四', '王芳', '赵敏']);

  await openSection(page, '支部概况');
  await page.getByRole('button', { name: '编辑' }).click();
  await page.getByRole('button', { name: '换届选举（整届）' }).click();
  const dialog = page.getByRole('dialog', { name: '换届选举' });
  await expect(dialog.getByLabel('当选书记')).toHaveValue('张三');
  await fillDate(dialog, '换届日期（选举大会召开日）', '2025-07-15');
  await expect(dialog.getByText('新一届：2025-07-15 至 2028-07-14')).toBeVisible();
  // 「wf」 finds 王芳 in the roster; Enter takes her.
  const secretary = dialog.getByLabel('当选书记');
  await secretary.fill('wf');
  await expect(page.getByTitle('王芳', { exact: true })).toBeVisible();
  await secretary.press('Enter');
  await expect(secretary).toHaveValue('王芳');
  const publicity = dialog.getByLabel('当选宣传委员');
  await publicity.fill('赵敏');
  await publicity.press('Escape');
  await expect(dialog.getByText('离任 1 人：张三（书记）')).toBeVisible();
  await expect(dialog.getByText('新任 2 人：王芳（书记）、赵敏（宣传委员）')).toBeVisible();
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel('本届结束日期', { exact: true })).toHaveValue('2028-07-14');
  await save(page);

  const profile = page.getByRole('main');
  await expect(profile.getByRole('row', { name: /^书记 王芳/ })).toBeVisible();
  await expect(profile.getByRole('row', { name: /^宣传委员 赵敏/ })).toBeVisible();
  await expect(profile.getByRole('row', { name: /^组织委员 李四/ })).toBeVisible();
  await expect(profile.getByRole('row', { name: /书记 张三.*2025-07-15/ })).toBeVisible();
  await expect(profile.getByText('2028-07-14')).toBeVisible();
});
