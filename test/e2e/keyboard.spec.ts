// From the keyboard: after choosing a 阵地 in a clearable select, the next Tab stop (its 清除 button) is visible and
// the one after is 主持人, so typing a name does not go into the select; a cleared 会议日期 leaves an empty box.
import { expect, test } from '@playwright/test';
import { expectSaved, fillBranchBasics, fillDate, openSection, save, chooseOption } from './helpers';

test('a clearable select’s 清除 stop is visible, and Tab goes on to the next field', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: '新建支部' }).click();
  await fillBranchBasics(page, { name: '第一党支部', termStart: '2024-01-15', termEnd: '2027-01-14' });
  await save(page);
  await expectSaved(page);
  await openSection(page, '活动阵地');
  await page.getByRole('button', { name: '新增阵地' }).click();
  await page.getByLabel('阵地名称', { exact: true }).fill('机关党员活动室');
  await chooseOption(page, '阵地类型', '党员活动室');
  await page.getByLabel('面积（㎡）', { exact: true }).fill('36');
  await page.getByLabel('容纳人数', { exact: true }).fill('30');
  await save(page);
  await expect(page.getByRole('main').getByRole('heading', { level: 3, name: '机关党员活动室' })).toBeVisible();

  await openSection(page, '工作记录');
  await page.getByRole('link', { name: '新建记录' }).click();
  await expect(page.getByRole('heading', { level: 3, name: '新建工作记录' })).toBeVisible();
  await page.getByLabel('主题', { exact: true }).fill('研究部署工作');

  // 地点（阵地）: reached with Tab, chosen with ↓ Enter.
  await page.getByLabel('结束时间', { exact: true }).focus();
  await page.keyboard.press('Tab');
  const venue = page.getByLabel('地点（阵地）', { exact: true });
  await expect(venue).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const venueBox = page.locator('.ant-select', { has: venue });
  await expect(venueBox).toContainText('机关党员活动室');

  // The next stop is the select's 清除 button, drawn while it has the focus (it was there, but invisible).
  await page.keyboard.press('Tab');
  const clear = venueBox.getByRole('button', { name: '清除' });
  await expect(clear).toBeFocused();
  await expect(clear).toHaveCSS('opacity', '1');
  // The one after is 主持人: a name typed there lands there, and the 阵地 stays chosen.
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('主持人', { exact: true })).toBeFocused();
  await page.keyboard.type('罗雪');
  await expect(page.getByLabel('主持人', { exact: true })).toHaveValue('罗雪');
  await expect(venueBox).toContainText('机关党员活动室');

  // Enter on the focused 清除 clears the choice on purpose and leaves the focus in the select.
  await page.getByLabel('主持人', { exact: true }).press('Shift+Tab');
  await expect(clear).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(venueBox).toContainText('选择阵地');
  await expect(venue).toBeFocused();

  // 会议日期's ⊗ empties the box as well as the form: 保存 asks for a date that the box indeed lacks.
  await fillDate(page, '会议日期', '2025-12-26');
  const date = page.getByLabel('会议日期', { exact: true });
  await date.hover();
  await page.locator('.ant-picker', { has: date }).getByRole('button', { name: '清除' }).click();
  await expect(date).toHaveValue('');
  await expect(page.getByLabel('本年度序号')).toHaveText('—');
  await save(page);
  await expect(page.getByText('请填写日期')).toBeVisible();
  await expect(date).toHaveValue('');
  await expect(date).toHaveAttribute('placeholder', '格式：2025-12-26');
});
