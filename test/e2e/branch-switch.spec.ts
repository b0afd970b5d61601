// Switching the current branch (当前支部 in the header) end to end, as a 机关党委 organiser with several branches does:
// a half-typed record is not thrown away without 「离开此页？」; a 阵地 or a record of the branch left is not shown or
// written to under the new one, but names its branch and offers the switch back; a 人员 filter does not survive.
import { expect, test, type Page } from '@playwright/test';
import { chinaDate, chooseOption, expectSaved, fillBranchBasics, openSection, save, seedRoster } from './helpers';

const RESEARCH = '研究室党支部';
const PETITIONS = '信访局党支部';

async function switchTo(page: Page, name: string): Promise<void> {
  await chooseOption(page, '当前支部', name);
}

const header = (page: Page) => page.locator('header');

test('switching branch asks over a half-typed record, and nothing of the branch left is shown or written to', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: '新建支部' }).click();
  await fillBranchBasics(page, { name: RESEARCH, termStart: '2024-01-15', termEnd: '2027-01-14' });
  await save(page);
  await expectSaved(page);
  // A second branch becomes current; back to the first.
  await page.getByRole('button', { name: '新建支部' }).click();
  await fillBranchBasics(page, { name: PETITIONS, termStart: '2024-01-15', termEnd: '2027-01-14' });
  await save(page);
  await expect(page.getByRole('main').getByRole('heading', { level: 3, name: PETITIONS })).toBeVisible();
  const [caiPeng] = await seedRoster(page, ['蔡鹏'], RESEARCH);
  await switchTo(page, RESEARCH);
  await expect(header(page)).toContainText(RESEARCH);

  // F6: a half-typed record; the switch asks first, 继续编辑 keeps the text and the branch.
  await page.goto(`/#/records?new=${encodeURIComponent('主题党日')}&date=${chinaDate()}`);
  const topic = page.getByLabel('主题', { exact: true });
  await topic.fill('半截录入的主题党日');
  await switchTo(page, PETITIONS);
  const ask = page.getByRole('dialog', { name: '离开此页？' });
  await expect(ask.getByText(`「工作记录」有尚未保存的修改，切换到「${PETITIONS}」后这些修改将丢失。`)).toBeVisible();
  // Clicked once the dialog has opened (继续编辑 focused): see the same step in meetings.spec.ts.
  const keep = ask.getByRole('button', { name: '继续编辑' });
  await expect(keep).toBeFocused();
  await keep.click();
  await expect(ask).toBeHidden();
  await expect(topic).toHaveValue('半截录入的主题党日');
  await expect(header(page)).toContainText(RESEARCH);
  await expect(header(page)).not.toContainText(PETITIONS);

  // Saved, then the record is left on screen while switching: it names its branch and switches back.
  await save(page);
  const recordHeading = page.getByRole('heading', { level: 3, name: '半截录入的主题党日' });
  await expect(recordHeading).toBeVisible();
  await switchTo(page, PETITIONS);
  await expect(page.getByRole('dialog', { name: '离开此页？' })).toHaveCount(0);
  await expect(page.getByText(`该记录属于「${RESEARCH}」`)).toBeVisible();
  await expect(recordHeading).toHaveCount(0);
  await expect(page.getByRole('button', { name: '返回本支部记录列表' })).toBeVisible();
  await page.getByRole('button', { name: `切换到「${RESEARCH}」` }).click();
  await expect(recordHeading).toBeVisible();
  await expect(header(page)).toContainText(RESEARCH);

  // 放弃修改并离开 switches, and the other branch's form starts empty.
  await page.goto(`/#/records?new=${encodeURIComponent('主题党日')}&date=${chinaDate()}`);
  await topic.fill('不要的草稿');
  await switchTo(page, PETITIONS);
  await page.getByRole('dialog', { name: '离开此页？' }).getByRole('button', { name: '放弃修改并离开' }).click();
  await expect(header(page)).toContainText(PETITIONS);
  await expect(topic).toHaveValue('');
  await switchTo(page, RESEARCH);
  await expect(header(page)).toContainText(RESEARCH);

  // F5: a venue page left from 研究室 shows no 登记复查, 编辑 or 删除 under 信访局.
  await openSection(page, '活动阵地');
  await page.getByRole('button', { name: '新增阵地' }).click();
  await page.getByLabel('阵地名称', { exact: true }).fill('党建宣传栏');
  await chooseOption(page, '阵地类型', '党建宣传栏');
  await page.getByLabel('面积（㎡）', { exact: true }).fill('3');
  await save(page);
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 3, name: '党建宣传栏' })).toBeVisible();
  await expect(page.getByRole('form', { name: '登记复查' })).toBeVisible();
  await switchTo(page, PETITIONS);
  await expect(page.getByText(`该阵地属于「${RESEARCH}」`)).toBeVisible();
  await expect(page.getByRole('form', { name: '登记复查' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '登记复查' })).toHaveCount(0);
  await expect(main.getByRole('button', { name: '编辑' })).toHaveCount(0);
  await expect(main.getByRole('button', { name: '删除阵地' })).toHaveCount(0);
  await page.getByRole('button', { name: '返回本支部阵地列表' }).click();
  await expect(page.getByText('尚未登记活动阵地')).toBeVisible();
  await expect(page).toHaveURL(/#\/venues$/);

  // F9: a 人员 filter of 研究室 is dropped on the switch, from the address too; no id in the filter box.
  await switchTo(page, RESEARCH);
  await expect(header(page)).toContainText(RESEARCH);
  await openSection(page, '工作记录');
  await chooseOption(page, '人员', '蔡鹏');
  await expect(page).toHaveURL(new RegExp(`person=${caiPeng}`));
  await switchTo(page, PETITIONS);
  await expect(header(page)).toContainText(PETITIONS);
  await expect(page).not.toHaveURL(/person=/);
  const personFilter = main.locator('.ant-select').filter({ has: page.getByLabel('人员', { exact: true }) });
  await expect(personFilter).toContainText('全部');
  await expect(personFilter).not.toContainText(caiPeng);
  await expect(main.getByText(caiPeng)).toHaveCount(0);
});
