// 工作记录 end to end: a 支委会 with leave and a photo, 定稿, refused editing, 更正 with a reason, 补录, 状态 filter,
// search; entering records one after another (Enter, a second entry of a meeting, 保存并新建同类记录, 复制为新记录).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { chinaDate, chooseOption, expectSaved, fillBranchBasics, hasPoppler, save, seedRoster } from './helpers';

const PHOTO = fileURLToPath(new URL('../fixtures/meetings/sign-in.png', import.meta.url));

/** A record form's 保存: exactly, beside 「保存并新建同类记录」. */
const saveRecord = (page: Page) => page.getByRole('button', { name: '保存', exact: true }).click();

test('a 支委会 is recorded, finalised, corrected with a reason; a late record is 补录; search finds minutes', async ({
  page,
}) => {
  const main = page.getByRole('main');
  await page.goto('/');
  await page.getByRole('button', { name: '新建支部' }).click();
  await fillBranchBasics(page, { name: '第一党支部', termStart: '2024-01-15', termEnd: '2027-01-14' });
  for (const [index, [name, role]] of [
    ['张三', '书记'],
    ['李四', '组织委员'],
  ].entries()) {
    await page.getByRole('button', { name: '添加委员' }).click();
    const row = page.getByRole('group', { name: `委员 ${index + 1}` });
    await row.getByLabel('姓名', { exact: true }).fill(name!);
    await chooseOption(row, '职务', role!);
  }
  await save(page);
  await expectSaved(page);
  await seedRoster(page, ['张三', '李四', '王五']);

  // The dashboard's 补录 link form: kind and date come from the address.
  const today = chinaDate();
  await page.goto(`/#/records?new=${encodeURIComponent('支委会')}&date=${today}`);
  await expect(page.getByRole('heading', { level: 3, name: '新建工作记录' })).toBeVisible();
  await expect(page.getByLabel('会议日期', { exact: true })).toHaveValue(today);
  await expect(page.getByLabel('本年度序号')).toHaveText('第1次支委会');
  // Attendance is prefilled with who is expected, everyone 出席: for a 支委会 the committee, not the whole roster …
  for (const name of ['张三', '李四']) {
    await expect(page.getByRole('group', { name }).getByText('出席', { exact: true })).toBeVisible();
  }
  await expect(page.getByRole('group', { name: '王五' })).toHaveCount(0);
  // … and the list follows the kind until it is edited by hand: a 支部党员大会 expects every member.
  await chooseOption(page, '会议类型', '支部党员大会');
  await expect(page.getByRole('group', { name: '王五' }).getByText('出席', { exact: true })).toBeVisible();
  await chooseOption(page, '会议类型', '支委会');
  await expect(page.getByRole('group', { name: '王五' })).toHaveCount(0);
  await expect(page.getByLabel('本年度序号')).toHaveText('第1次支委会');
  await page.getByLabel('主题', { exact: true }).fill('研究部署第一季度工作');
  await page
    .getByLabel('会议内容', { exact: true })
    .fill('会议传达学习了上级文件精神，大家👍，讨论了乡村振兴调研安排，由𠮷野花同志牵头。');
  // 𠮷 (Extension B) prints from the fallback font; 👍 is in no print font: said while typing, and again when the
  // 记录单 is made.
  await expect(
    page.getByText('“👍”在打印字体中没有，打印的记录单和卷宗里会显示为方框', { exact: false }),
  ).toBeVisible();
  await expect(page.getByText('“𠮷”在打印字体中没有', { exact: false })).toHaveCount(0);
  // On screen too, where the system has no Extension B font: the block holding 𠮷 is a face of the app's own stack.
  const faces = await page.evaluate(async () =>
    (await document.fonts.load('16px "Branch Ledger Rare"', '𠮷')).map((f) => `${f.family} ${f.status}`),
  );
  expect(faces).toEqual(['Branch Ledger Rare loaded']);
  const li = page.getByRole('group', { name: '李四' });
  await chooseOption(li, '出席情况', '请假');
  // 2 committee members, 1 present: the quorum warning shows while editing.
  await expect(page.getByRole('alert').filter({ hasText: '未超过半数' })).toBeVisible();
  await page.getByLabel('附件（通知、签到表、现场照片、讲稿）').setInputFiles(PHOTO);
  await expect(page.getByRole('img', { name: 'sign-in.png（缩略图）' })).toBeVisible();

  await saveRecord(page);
  await expect(page.getByText('请填写“李四”请假的原因')).toBeVisible();
  await li.getByLabel('原因', { exact: true }).fill('出差');
  await saveRecord(page);

  const title = page.getByRole('heading', { level: 3, name: '研究部署第一季度工作' });
  await expect(title).toBeVisible();
  await expect(main.getByText('草稿', { exact: true })).toBeVisible();
  await expect(page.getByRole('row', { name: '李四 请假 出差' })).toBeVisible();
  await expect(page.getByText('sign-in.png')).toBeVisible();

  await page.getByRole('button', { name: '定稿' }).click();
  await page.getByRole('button', { name: '确定定稿' }).click();
  await expect(main.getByText('已定稿', { exact: true })).toBeVisible();
  // Finalised: no 编辑 and no 删除, the notice says how to correct.
  await expect(page.getByRole('button', { name: '编辑' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '删除草稿' })).toHaveCount(0);
  await expect(page.getByText('不能直接修改；如需更正请使用“更正”并填写理由')).toBeVisible();
  // Times read as everywhere else in the app: China time, to the minute.
  await expect(page.getByText(/^本记录已于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 定稿，/)).toBeVisible();

  await page.getByRole('button', { name: '更正' }).click();
  const dialog = page.getByRole('dialog', { name: '更正已定稿的记录' });
  await dialog.getByLabel('更正理由').fill('笔误');
  await dialog.getByRole('button', { name: '继续更正' }).click();
  await expect(dialog.getByText('请填写更正理由（至少 4 个字）')).toBeVisible();
  await dialog.getByLabel('更正理由').fill('主题漏写“党建”二字');
  await dialog.getByRole('button', { name: '继续更正' }).click();
  await expect(page.getByText('正在更正已定稿的记录，更正理由：主题漏写“党建”二字')).toBeVisible();
  await page.getByLabel('主题', { exact: true }).fill('研究部署第一季度党建工作');
  await page.getByRole('button', { name: '保存更正' }).click();

  await expect(page.getByRole('heading', { level: 3, name: '研究部署第一季度党建工作' })).toBeVisible();
  await expect(main.getByText('已定稿', { exact: true })).toBeVisible();
  await expect(page.getByText('理由：主题漏写“党建”二字')).toBeVisible();
  await expect(page.getByText(/修改了主题/)).toBeVisible();
  await page.reload();
  await expect(page.getByText('理由：主题漏写“党建”二字')).toBeVisible();

  // 会议记录单: the record prints as a real PDF (rendered in the worker) with its topic, leave reason and correction.
  const download = page.waitForEvent('download', { timeout: 90_000 });
  await page.getByRole('button', { name: '打印记录单' }).click();
  const pdfPath = test.info().outputPath('record.pdf');
  await (await download).saveAs(pdfPath);
  const unprintable = page.getByRole('alert').filter({ hasText: '有字符无法打印' });
  await expect(unprintable).toContainText('“👍”在打印字体中没有，PDF 中显示为方框');
  await expect(unprintable).not.toContainText('𠮷');
  if (hasPoppler()) {
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    // 𠮷 drawn by the fallback block the worker loaded for it, and in the text layer.
    for (const expected of ['研究部署第一季度党建工作', '第1次', '李四', '出差', '主题漏写', '由𠮷野花同志牵头'])
      expect(text).toContain(expected);
  } else {
    expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
  }

  // A meeting entered 10 days late is 补录, on the record and in the list.
  const late = chinaDate(-10);
  await page.goto(`/#/records?new=${encodeURIComponent('主题党日')}&date=${late}`);
  await page.getByLabel('主题', { exact: true }).fill('参观红色教育基地');
  await saveRecord(page);
  await expect(page.getByRole('heading', { level: 3, name: '参观红色教育基地' })).toBeVisible();
  await expect(main.getByText('补录', { exact: true })).toBeVisible();
  await expect(page.getByText(/^补录：本记录于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 录入/)).toBeVisible();

  await page.getByRole('button', { name: '返回列表' }).click();
  const lateRow = page.getByRole('row').filter({ hasText: '参观红色教育基地' });
  const firstRow = page.getByRole('row').filter({ hasText: '研究部署第一季度党建工作' });
  // The list opens at the record come back from: its link has the focus, for the keyboard to go on from.
  await expect(lateRow.getByRole('link', { name: '参观红色教育基地' })).toBeFocused();
  await expect(lateRow.getByText('补录', { exact: true })).toBeVisible();
  await expect(firstRow.getByText('补录', { exact: true })).toHaveCount(0);
  await expect(firstRow.getByText('第1次')).toBeVisible();

  // 状态 草稿 leaves the unfinished record only; the filter is in the address, so back from a record keeps it.
  await chooseOption(main, '状态', '草稿');
  await expect(firstRow).toHaveCount(0);
  await expect(lateRow).toBeVisible();
  await lateRow.getByRole('link', { name: '参观红色教育基地' }).click();
  await expect(page.getByRole('heading', { level: 3, name: '参观红色教育基地' })).toBeVisible();
  await page.goBack();
  await expect(lateRow).toBeVisible();
  await expect(firstRow).toHaveCount(0);
  await expect(lateRow.getByRole('link', { name: '参观红色教育基地' })).toBeFocused();
  await chooseOption(main, '状态', '已定稿');
  await expect(firstRow).toBeVisible();
  await expect(lateRow).toHaveCount(0);
  // One character cannot be searched: the filtered list stays, with its filters.
  const search = page.getByRole('searchbox', { name: '搜索主题、内容、纪要' });
  await search.fill('党');
  await search.press('Enter');
  await expect(page.getByText(/请至少输入 2 个字/)).toBeVisible();
  await expect(firstRow).toBeVisible();
  await expect(lateRow).toHaveCount(0);
  await search.fill('');
  await search.press('Enter');
  await page.getByRole('menuitem', { name: '工作记录' }).click();
  await expect(lateRow).toBeVisible();
  await expect(firstRow).toBeVisible();

  // The calendar shows this month's records on their days.
  await page.getByText('日历', { exact: true }).click();
  await expect(main.getByRole('link', { name: '支委会：研究部署第一季度党建工作' })).toBeVisible();
  await page.getByText('列表', { exact: true }).click();

  // Search by a word of the minutes: found, and counted; a word that is nowhere: nothing.
  await search.fill('乡村振兴');
  await search.press('Enter');
  await expect(firstRow).toBeVisible();
  await expect(lateRow).toHaveCount(0);
  await expect(main.getByText('共找到 1 条', { exact: true })).toBeVisible();
  // A record opened from the search, then 返回列表 or back: the same search, at that record.
  await firstRow.getByRole('link', { name: '研究部署第一季度党建工作' }).click();
  await page.getByRole('button', { name: '返回列表' }).click();
  await expect(search).toHaveValue('乡村振兴');
  await expect(firstRow.getByRole('link', { name: '研究部署第一季度党建工作' })).toBeFocused();
  await expect(lateRow).toHaveCount(0);
  await firstRow.getByRole('link', { name: '研究部署第一季度党建工作' }).click();
  await expect(page.getByRole('heading', { level: 3, name: '研究部署第一季度党建工作' })).toBeVisible();
  await page.goBack();
  await expect(search).toHaveValue('乡村振兴');
  await expect(firstRow.getByRole('link', { name: '研究部署第一季度党建工作' })).toBeFocused();
  // The search is narrowed by the filters: no 主题党日 has the words.
  await chooseOption(main, '类型', '主题党日');
  await expect(page.getByText('没有找到包含该内容的记录')).toBeVisible();
  await expect(search).toHaveValue('乡村振兴');
  await chooseOption(main, '类型', '全部');
  await search.fill('防汛抗旱');
  await search.press('Enter');
  await expect(page.getByText('没有找到包含该内容的记录')).toBeVisible();
  await expect(firstRow).toHaveCount(0);
});

test('leaving a record with unsaved edits asks first; 继续编辑 keeps them, 放弃修改并离开 leaves', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: '新建支部' }).click();
  await fillBranchBasics(page, { name: '第二党支部', termStart: '2024-01-15', termEnd: '2027-01-14' });
  await save(page);
  await expectSaved(page);

  await page.goto(`/#/records?new=${encodeURIComponent('主题党日')}&date=${chinaDate()}`);
  const topic = page.getByLabel('主题', { exact: true });
  await topic.fill('参观廉政教育基地');
  const nav = page.getByRole('navigation', { name: '功能导航' });

  // 取消 asks too before dropping edits.
  await page.getByRole('button', { name: '取消', exact: true }).click();
  const discard = page.getByRole('dialog', { name: '放弃修改？' });
  await expect(discard.getByText('「工作记录」有尚未保存的修改，放弃后这些修改将丢失。')).toBeVisible();
  await discard.getByRole('button', { name: '继续编辑' }).click();
  await expect(discard).toBeHidden();
  await expect(topic).toHaveValue('参观廉政教育基地');

  await nav.getByRole('menuitem', { name: '工作台' }).click();
  const ask = page.getByRole('dialog', { name: '离开此页？' });
  await expect(ask.getByText('「工作记录」有尚未保存的修改，离开后这些修改将丢失。')).toBeVisible();
  // The dialog has opened once 继续编辑 holds the focus (LeaveConfirm gives it a tick after mounting). One CI run
  // clicked while the dialog was still zooming in and it stayed open (not reproduced in 20 runs under CPU load nor
  // throttled 4–20×); the click now waits for the opened dialog, as a user's would.
  const keep = ask.getByRole('button', { name: '继续编辑' });
  await expect(keep).toBeFocused();
  await keep.click();
  await expect(ask).toBeHidden();
  await expect(topic).toHaveValue('参观廉政教育基地');
  await expect(page).toHaveURL(/#\/records\?new=/);

  await nav.getByRole('menuitem', { name: '活动阵地' }).click();
  await page.getByRole('dialog', { name: '离开此页？' }).getByRole('button', { name: '放弃修改并离开' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '活动阵地' })).toBeVisible();

  // Nothing was saved, and a saved record never asks: save one, then leave freely.
  await page.goto(`/#/records?new=${encodeURIComponent('主题党日')}&date=${chinaDate()}`);
  await page.getByLabel('主题', { exact: true }).fill('重温入党誓词');
  await saveRecord(page);
  await expect(page.getByRole('heading', { level: 3, name: '重温入党誓词' })).toBeVisible();
  await nav.getByRole('menuitem', { name: '工作记录' }).click();
  await expect(page.getByRole('dialog', { name: '离开此页？' })).toHaveCount(0);
  await expect(page.getByRole('row').filter({ hasText: '重温入党誓词' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: '参观廉政教育基地' })).toHaveCount(0);
});

test('after 保存 the first problem is brought into view and focused; an emptied date is asked for; 9:30 is 09:30', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  await page.getByRole('button', { name: '新建支部' }).click();
  await fillBranchBasics(page, { name: '第三党支部', termStart: '2024-01-15', termEnd: '2027-01-14' });
  await save(page);
  await expectSaved(page);

  await page.goto(`/#/records?new=${encodeURIComponent('主题党日')}&date=${chinaDate(-3)}`);
  // Emptying the date box empties the date: what is shown is what is saved.
  const date = page.getByLabel('会议日期', { exact: true });
  await date.click();
  await date.press('ControlOrMeta+a');
  await date.press('Backspace');
  await date.press('Tab');
  await expect(date).toHaveValue('');
  await page.getByLabel('开始时间', { exact: true }).fill('9:30');
  await page.getByLabel('结束时间', { exact: true }).fill('11：00');
  await page.getByLabel('会议内容', { exact: true }).fill('重温入党誓词，交流学习体会。');
  // 保存 is at the bottom of the page, far below the first problem.
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('有 2 处需要修改，请查看标红的项目')).toBeVisible();
  await expect(date).toBeFocused();
  await expect(page.getByText('请填写日期', { exact: true })).toBeInViewport();
  await expect(page.getByText('请填写主题', { exact: true })).toBeVisible();
  await expect(page.getByLabel('开始时间', { exact: true })).toHaveValue('09:30');
  await expect(page.getByLabel('结束时间', { exact: true })).toHaveValue('11:00');

  // A future day is refused at once, beside the date, with the schema's messages.
  await date.fill(chinaDate(3));
  await date.press('Enter');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText(/^会议日期不能晚于今天/)).toBeInViewport();
  await expect(date).toBeFocused();
});

test('one record after another: Enter does not save, a second entry is asked about, the next record keeps place and people', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: '新建支部' }).click();
  await fillBranchBasics(page, { name: '第四党支部', termStart: '2024-01-15', termEnd: '2027-01-14' });
  for (const [index, [name, role]] of [
    ['张三', '书记'],
    ['李四', '组织委员'],
  ].entries()) {
    await page.getByRole('button', { name: '添加委员' }).click();
    const row = page.getByRole('group', { name: `委员 ${index + 1}` });
    await row.getByLabel('姓名', { exact: true }).fill(name!);
    await chooseOption(row, '职务', role!);
  }
  await save(page);
  await expectSaved(page);
  await seedRoster(page, ['张三', '李四', '王五']);

  const day = chinaDate(-40);
  await page.goto(`/#/records?new=${encodeURIComponent('支委会')}&date=${day}`);
  // The 书记 chairs, the 组织委员 keeps the minutes.
  await expect(page.getByLabel('主持人', { exact: true })).toHaveValue('张三');
  await expect(page.getByLabel('记录人', { exact: true })).toHaveValue('李四');

  // Enter after the 主题 goes on to 开始时间; nothing is saved.
  const topic = page.getByLabel('主题', { exact: true });
  await topic.fill('研究部署季度党建工作');
  await topic.press('Enter');
  await expect(page.getByLabel('开始时间', { exact: true })).toBeFocused();
  await page.keyboard.type('9:00');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('结束时间', { exact: true })).toBeFocused();
  await expect(page.getByLabel('开始时间', { exact: true })).toHaveValue('09:00');
  await page.keyboard.type('10:30');
  await expect(page).toHaveURL(/#\/records\?new=/);
  await expect(page.getByText(/Ctrl\+Enter 保存/)).toBeVisible();

  // 保存并新建同类记录: saved, and a new 支委会 with the same times and people, its date to be chosen.
  await page.getByRole('button', { name: '保存并新建同类记录' }).click();
  await expect(page.getByText(`已保存：${day} 支委会「研究部署季度党建工作」。`, { exact: false })).toBeVisible();
  const date = page.getByLabel('会议日期', { exact: true });
  await expect(date).toHaveValue('');
  await expect(date).toBeFocused();
  await expect(topic).toHaveValue('');
  await expect(page.getByLabel('开始时间', { exact: true })).toHaveValue('09:00');
  await expect(page.getByLabel('结束时间', { exact: true })).toHaveValue('10:30');
  await expect(page.getByLabel('主持人', { exact: true })).toHaveValue('张三');

  // The same meeting again: Ctrl+Enter asks first, on 返回修改, and Enter there saves nothing.
  await date.fill(day);
  await date.press('Enter');
  await topic.fill('研究部署季度党建工作');
  await topic.press('Control+Enter');
  const ask = page.getByRole('dialog', { name: '可能重复录入' });
  await expect(
    ask.getByText(`${day} 已有一条支委会记录「研究部署季度党建工作」（草稿，第1次），仍要保存吗？`),
  ).toBeVisible();
  await expect(ask.getByRole('button', { name: '返回修改' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(ask).toBeHidden();
  await expect(date).toBeFocused();
  await expect(topic).toHaveValue('研究部署季度党建工作');
  // 仍然保存 keeps it (another meeting the same day, say).
  await saveRecord(page);
  await ask.getByRole('button', { name: '仍然保存' }).click();
  await expect(page.getByRole('heading', { level: 3, name: '研究部署季度党建工作' })).toBeVisible();
  await expect(page.getByText('支委会（本年度第2次，暂定：定稿时按日期排定）')).toBeVisible();

  // 复制为新记录: the same kind, times and people; a new date and 主题 to fill.
  await page.getByRole('button', { name: '复制为新记录' }).click();
  await expect(page.getByRole('heading', { level: 3, name: '复制为新记录' })).toBeVisible();
  await expect(date).toHaveValue('');
  await expect(topic).toHaveValue('');
  await expect(page.getByLabel('开始时间', { exact: true })).toHaveValue('09:00');
  await expect(page.getByLabel('记录人', { exact: true })).toHaveValue('李四');
  await date.fill(chinaDate(-10));
  await date.press('Enter');
  await topic.fill('研究发展党员工作');
  await saveRecord(page);
  await expect(page.getByRole('heading', { level: 3, name: '研究发展党员工作' })).toBeVisible();
});
