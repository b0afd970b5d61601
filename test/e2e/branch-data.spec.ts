// One branch among several, end to end, as a 机关党委 organiser keeps them: a branch's newer backup replaces only that
// branch (替换本机的同一支部), 覆盖全部 says how many branches it would delete, the same backup is not imported twice,
// and a branch is deleted behind a typed name, with its deletion kept in the log. The restore's progress and result
// are brought into view.
import { expect, test, type Page } from '@playwright/test';
import { chooseOption, expectSaved, fillBranchBasics, openSection, save, seedRoster } from './helpers';

const FIRST = '第一党支部';
const SECOND = '第二党支部';

async function createBranch(page: Page, name: string, parentOrg: string): Promise<void> {
  await page.getByRole('button', { name: '新建支部' }).click();
  await fillBranchBasics(page, { name, parentOrg, termStart: '2024-01-15', termEnd: '2027-01-14' });
  await save(page);
  await expectSaved(page);
  await expect(page.getByRole('main').getByRole('heading', { level: 3, name })).toBeVisible();
}

async function backUp(page: Page, path: string): Promise<void> {
  await openSection(page, '数据安全');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '立即备份' }).click();
  await (await downloading).saveAs(path);
  await expect(page.getByText(/备份已保存/)).toBeVisible();
}

test('a branch’s backup replaces only that branch; 覆盖全部 first says which branches it would delete', async ({
  page,
}, testInfo) => {
  await page.goto('/');
  await createBranch(page, FIRST, '机关党委');
  await seedRoster(page, ['张备份'], FIRST);
  const file = testInfo.outputPath('first.zip');
  await backUp(page, file);

  // After the backup: the first branch is changed here, and a second branch is added.
  await openSection(page, '支部概况');
  await page.getByRole('button', { name: '编辑' }).click();
  await page.getByLabel('上级党组织', { exact: true }).fill('备份之后改的党委');
  await save(page);
  await expectSaved(page);
  await createBranch(page, SECOND, '机关党委');
  await seedRoster(page, ['李二支'], SECOND);

  await openSection(page, '数据安全');
  await page.locator('input[type=file]').setInputFiles(file);
  const preview = page.getByText('备份内容（已通过校验）');
  await expect(preview).toBeInViewport();
  await expect(page.getByRole('row', { name: `支部 ${FIRST}（本机已有）` })).toBeVisible();
  await expect(page.getByText('本机已有备份中的支部')).toBeVisible();
  await expect(page.getByText(/本机已有，是同一支部，不能再作为新支部导入/)).toBeVisible();
  await expect(page.getByText(/本机其他 1 个支部不受影响/).first()).toBeVisible();
  // The first branch changed after the backup: replacing it loses that, and the preview says so.
  await expect(page.getByText(/本机的「第一党支部」在备份时间（.+）之后还有修改/)).toBeVisible();
  await expect(page.getByRole('button', { name: '作为新支部导入' })).toBeDisabled();

  // 覆盖全部 names what it would delete, and goes ahead only once that is ticked.
  await page.getByRole('button', { name: '覆盖全部' }).click();
  const replaceAll = page.getByRole('dialog', { name: '覆盖全部数据？' });
  await expect(replaceAll.getByText('本机 2 个支部的数据将被删除，只留下备份中的 1 个')).toBeVisible();
  await expect(replaceAll.getByText(`备份中没有、将被删除的支部（1 个）：「${SECOND}」`)).toBeVisible();
  await expect(replaceAll.getByRole('button', { name: '覆盖全部' })).toBeDisabled();
  await replaceAll.getByRole('checkbox', { name: '我已了解：本机这 1 个支部的数据将被删除' }).check();
  await expect(replaceAll.getByRole('button', { name: '覆盖全部' })).toBeEnabled();
  await replaceAll.getByRole('button', { name: '取消' }).click();
  await expect(replaceAll).toBeHidden();

  await page.getByRole('button', { name: '替换本机的同一支部' }).click();
  const confirm = page.getByRole('dialog', { name: `用备份替换本机的「${FIRST}」？` });
  await expect(confirm.getByText(/本机「第一党支部」现有的全部数据将被删除，换成备份中的数据/)).toBeVisible();
  // Here → backup per kind; the dialog opens on 取消, so Enter twice replaces nothing.
  await expect(confirm.getByText(/「第一党支部」：党员 1 → 1 名/)).toBeVisible();
  await expect(confirm.getByRole('button', { name: '取消' })).toBeFocused();
  await confirm.getByRole('button', { name: '替换本机的同一支部' }).click();
  // The result is brought into view, not left above the scrolled page.
  const done = page.getByText('恢复完成');
  await expect(done).toBeInViewport();
  await expect(
    page.getByText(
      /已替换本机的同一支部：第一党支部，共 [\d,]+ 条记录（不含操作日志）、0 个附件。本机其他支部没有改动。/,
    ),
  ).toBeVisible();

  // The second branch is untouched and still current; the first is as in the backup.
  await openSection(page, '支部概况');
  const profile = page.getByRole('main');
  await expect(profile.getByRole('heading', { level: 3, name: SECOND })).toBeVisible();
  await profile.getByRole('tab', { name: '党员名册' }).click();
  await expect(profile.getByText('李二支')).toBeVisible();
  await chooseOption(page, '当前支部', FIRST);
  await profile.getByRole('tab', { name: '支部信息' }).click();
  await expect(profile.getByRole('heading', { level: 3, name: FIRST })).toBeVisible();
  await expect(profile.getByText('机关党委')).toBeVisible();
  await expect(profile.getByText('备份之后改的党委')).toHaveCount(0);
  await profile.getByRole('tab', { name: '党员名册' }).click();
  await expect(profile.getByText('张备份')).toBeVisible();

  await openSection(page, '数据安全');
  await expect(page.getByRole('row', { name: /恢复 支部 用备份替换本支部数据（备份时间 / })).toBeVisible();
});

test('the same backup is not imported twice as a new branch, and a branch is deleted only by its typed name', async ({
  page,
}, testInfo) => {
  await page.goto('/');
  await createBranch(page, FIRST, '机关党委');
  const file = testInfo.outputPath('first.zip');
  await backUp(page, file);

  // Into another profile: imported as a new branch beside the one there, with its ids kept.
  const context = await page.context().browser()!.newContext({
    baseURL: testInfo.project.use.baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  try {
    const organ = await context.newPage();
    await organ.goto('/');
    await createBranch(organ, SECOND, '机关党委');
    await seedRoster(organ, ['李二支'], SECOND);
    await openSection(organ, '数据安全');
    await organ.locator('input[type=file]').setInputFiles(file);
    await organ.getByRole('button', { name: '作为新支部导入' }).click();
    await expect(organ.getByText('恢复完成')).toBeInViewport();
    await expect(organ.getByText(`已作为新支部导入：${FIRST}`, { exact: false })).toBeVisible();
    await organ.getByRole('button', { name: '完成' }).click();

    // The same file again: known from the preview, before anything is read; only replacing is offered.
    await organ.locator('input[type=file]').setInputFiles(file);
    await expect(organ.getByRole('row', { name: `支部 ${FIRST}（本机已有）` })).toBeVisible();
    await expect(organ.getByRole('button', { name: '作为新支部导入' })).toBeDisabled();
    await expect(organ.getByRole('button', { name: '替换本机的同一支部' })).toBeEnabled();
    await organ.getByRole('button', { name: '取消' }).click();

    // 删除支部: counts, a backup offered, the name typed.
    await openSection(organ, '支部概况');
    await chooseOption(organ, '当前支部', SECOND);
    await expect(organ.getByRole('main').getByRole('heading', { level: 3, name: SECOND })).toBeVisible();
    // Esc closes it and puts focus back on the button that opened it (the dialog is unmounted at once).
    const deleteButton = organ.getByRole('button', { name: '删除支部' });
    await deleteButton.click();
    const dialog = organ.getByRole('dialog', { name: `删除支部「${SECOND}」` });
    await expect(dialog).toBeVisible();
    await organ.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(deleteButton).toBeFocused();
    await deleteButton.click();
    await expect(
      dialog.getByText(`将删除支部「${SECOND}」及其全部数据：党员 1 名。本机其他 1 个支部不受影响。`),
    ).toBeVisible();
    await expect(dialog.getByRole('button', { name: '立即备份' })).toBeVisible();
    const ok = dialog.getByRole('button', { name: '删除支部' });
    await expect(ok).toBeDisabled();
    await dialog.getByLabel(`请输入支部名称「${SECOND}」以确认删除`).fill('第二支部');
    await expect(ok).toBeDisabled();
    await dialog.getByLabel(`请输入支部名称「${SECOND}」以确认删除`).fill(SECOND);
    await ok.click();
    await expect(organ.getByText(`已删除支部「${SECOND}」，当前支部已切换为「${FIRST}」`)).toBeVisible();
    await expect(organ.getByRole('main').getByRole('heading', { level: 3, name: FIRST })).toBeVisible();
    await expect(organ.getByRole('heading', { level: 2, name: '支部概况' })).toBeFocused();

    // The switcher has one branch left; the deletion is in the log that outlives the branch.
    await organ.getByLabel('当前支部').click();
    await expect(organ.getByRole('option', { name: SECOND })).toHaveCount(0);
    await organ.keyboard.press('Escape');
    await openSection(organ, '数据安全');
    await expect(
      organ.getByRole('row', { name: new RegExp(`删除 支部 删除支部「${SECOND}」及其全部数据（党员 1 名）`) }),
    ).toBeVisible();
  } finally {
    await context.close();
  }
});
