// 工作台 and 领导责任 end to end: a missed 支委会 month is listed with 补录 (prefilled form), its drafts link to the
// filtered list; an overdue task shows 已逾期.
import { expect, test, type Page } from '@playwright/test';
import { chooseOption, expectSaved, fillBranchBasics, fillDate, openSection, save } from './helpers';

const pad = (n: number) => String(n).padStart(2, '0');

/** The year the test measures: this year, or last year in January (when no month of this year is over yet). */
function testYear(): { year: number; lastFullMonth: number; isCurrent: boolean } {
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return month === 1
    ? { year: year - 1, lastFullMonth: 12, isCurrent: false }
    : { year, lastFullMonth: month - 1, isCurrent: true };
}

const lastDay = (year: number, month: number) =>
  `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;

/**
 * Test-only: puts roster rows and 支委会 records straight into the app's IndexedDB (the row shapes the repositories
 * write), as test/e2e/meetings.spec.ts does, so the spec stays short. Reloads so live queries see them. `setUpOn`
 * dates the branch's creation back to that day: a branch set up in the app this year folds the gaps of the months
 * before that day (test/renderer/dashboard/firstDay*.test.ts*), and these tests are about a ledger kept all year.
 */
async function seedRosterAndCommittee(page: Page, names: string[], dates: string[], setUpOn?: string): Promise<void> {
  await page.evaluate(
    async ({ names, dates, setUpOn }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('branch-ledger');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const branchId = await new Promise<string>((resolve, reject) => {
        const request = db.transaction('branches').objectStore('branches').getAllKeys();
        request.onsuccess = () => resolve(String(request.result[0]));
        request.onerror = () => reject(request.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(['branches', 'members', 'meetings'], 'readwrite');
        const at = new Date().toISOString();
        if (setUpOn) {
          const branches = tx.objectStore('branches');
          const read = branches.get(branchId);
          read.onsuccess = () => branches.put({ ...read.result, createdAt: `${setUpOn}T00:00:00.000Z` });
        }
        const attendance = names.map((name) => ({ memberId: crypto.randomUUID(), name, status: '出席', reason: '' }));
        for (const a of attendance) {
          tx.objectStore('members').put({
            id: a.memberId,
            branchId,
            name: a.name,
            gender: '男',
            birthDate: '1980-01-01',
            joinedDate: '2005-07-01',
            fullMemberDate: '',
            status: '正式',
            partyGroupId: '',
            post: '',
            phone: '',
            motto: '',
            leftDate: '',
            leftReason: '',
            createdAt: at,
            updatedAt: at,
          });
        }
        dates.forEach((date, index) => {
          tx.objectStore('meetings').put({
            id: crypto.randomUUID(),
            branchId,
            kind: '支委会',
            topic: `研究${Number(date.slice(5, 7))}月工作`,
            agenda: '',
            date,
            startTime: '',
            endTime: '',
            plannedDate: '',
            venueId: '',
            host: '',
            recorder: '',
            lecturer: '',
            outline: '',
            partyGroupId: '',
            talkParties: [],
            attendance,
            guests: [],
            content: '',
            speeches: '',
            resolutions: '',
            attachmentIds: [],
            seq: index + 1,
            status: '草稿',
            backfilled: false,
            attendeeIds: attendance.map((a) => a.memberId),
            terms: [],
            createdAt: at,
            updatedAt: at,
          });
        });
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { names, dates, setUpOn },
  );
  await page.reload();
}

async function createBranchWithSecretary(page: Page): Promise<void> {
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
}

test('the 工作台 lists a missed 支委会 month, links its drafts, and 补录 opens the prefilled form', async ({
  page,
}) => {
  const { year, lastFullMonth, isCurrent } = testYear();
  const skip = lastFullMonth >= 2 ? 2 : 1;
  const dates: string[] = [];
  for (let month = 1; month <= lastFullMonth; month++) if (month !== skip) dates.push(`${year}-${pad(month)}-10`);

  await createBranchWithSecretary(page);
  await seedRosterAndCommittee(page, ['张三', '李四'], dates, `${year}-01-01`);
  await openSection(page, '工作台');
  await expect(page.getByText('当前支部：第一党支部')).toBeVisible();
  if (!isCurrent) await chooseOption(page, '年度', `${year}年`);

  const committee = page.getByRole('group', { name: '支委会', exact: true });
  await expect(committee.getByText(`支委会 ${lastFullMonth - 1}/${lastFullMonth} 个月`)).toBeVisible();
  await expect(committee.getByText(`未开展：${skip}月`, { exact: true })).toBeVisible();

  // The seeded records are drafts: the count links to the list of that kind, year and 状态. (They are written
  // straight into IndexedDB without search lists, so the rows themselves are checked in the renderer test.)
  const drafts = lastFullMonth - 1;
  await committee.getByRole('link', { name: `其中 ${drafts} 份记录尚未定稿` }).click();
  await expect(page.getByRole('heading', { level: 2, name: '工作记录' })).toBeVisible();
  const filters = new URLSearchParams(new URL(page.url()).hash.split('?')[1]);
  expect(Object.fromEntries(filters)).toEqual({ kind: '支委会', year: String(year), status: '草稿' });
  const main = page.getByRole('main');
  for (const shown of ['支委会', `${year}年`, '草稿']) {
    await expect(main.locator('.ant-select').filter({ hasText: shown })).toHaveCount(1);
  }
  await page.goBack();
  if (!isCurrent) await chooseOption(page, '年度', `${year}年`);

  await committee.getByRole('button', { name: `补录 ${skip}月：支委会`, exact: true }).click();
  await expect(page).toHaveURL(/#\/records\?new=/);
  await expect(page.getByRole('heading', { level: 3, name: '新建工作记录' })).toBeVisible();
  await expect(page.getByLabel('会议日期', { exact: true })).toHaveValue(lastDay(year, skip));
  await expect(page.getByLabel('本年度序号')).toHaveText(`第${skip}次支委会`);
});

test('a responsibility task past its deadline shows 已逾期 on the responsibility page and on the 工作台', async ({
  page,
}) => {
  const { year, isCurrent } = testYear();
  await createBranchWithSecretary(page);
  await seedRosterAndCommittee(page, ['张三', '李四'], [`${year}-01-10`]);

  await page.goto(`/#/responsibility?year=${year}`);
  await expect(page.getByRole('heading', { level: 2, name: '领导责任' })).toBeVisible();
  await page.getByRole('button', { name: '新增责任人' }).click();
  // The 书记 is the default 第一责任人.
  await expect(page.getByRole('form', { name: '新增责任清单' }).getByText('张三（书记）')).toBeVisible();
  await page.getByRole('button', { name: '添加职责' }).click();
  await page.getByLabel('职责 1', { exact: true }).fill('全面负责支部党建工作');
  await page.getByRole('button', { name: '添加任务' }).click();
  const task = page.getByRole('group', { name: '任务 1' });
  await task.getByLabel('任务', { exact: true }).fill('制定年度党建工作计划');
  await fillDate(task, '完成时限', `${year}-01-31`);
  await chooseOption(task, '状态', '已完成');
  await chooseOption(task, '佐证记录', `${year}-01-10 支委会`);
  await save(page);
  // 已完成 needs a completion note: the field says so, and nothing is saved.
  await expect(task.getByText('任务已完成，请填写完成情况')).toBeVisible();
  await chooseOption(task, '状态', '进行中');
  await save(page);

  const card = page.getByRole('region', { name: '张三（第一责任人）' });
  await expect(card.getByText('全面负责支部党建工作')).toBeVisible();
  const row = card.getByRole('row').filter({ hasText: '制定年度党建工作计划' });
  await expect(row.getByText('已逾期', { exact: true })).toBeVisible();
  await expect(row.getByRole('link', { name: `${year}-01-10 支委会 研究1月工作` })).toBeVisible();

  await openSection(page, '工作台');
  if (!isCurrent) await chooseOption(page, '年度', `${year}年`);
  const duty = page.getByRole('region', { name: '领导有责任' });
  await expect(duty.getByText('已逾期', { exact: true })).toBeVisible();
  await expect(duty.getByText(/制定年度党建工作计划（张三，第一责任人/)).toBeVisible();
});

test('a year with every month missed shows 8 补录 buttons and 「全部 12 项补录」 for the rest', async ({ page }) => {
  await createBranchWithSecretary(page);
  await openSection(page, '工作台');
  const last = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4)) - 1;
  await chooseOption(page, '年度', `${last}年`);
  const themeDay = page.getByRole('group', { name: '主题党日', exact: true });
  await expect(themeDay.getByText('主题党日 0/12 个月')).toBeVisible();
  const buttons = themeDay.getByRole('button', { name: /^补录 \d+月：主题党日$/ });
  await expect(buttons).toHaveCount(8);
  await themeDay.getByRole('button', { name: '全部 12 项补录' }).click();
  await expect(buttons).toHaveCount(12);
  await expect(themeDay.getByRole('button', { name: '补录 12月：主题党日' })).toBeVisible();
});

test('last year’s 组织生活会 held on 1 January is recorded for last year and counts there, not this year', async ({
  page,
}) => {
  const thisYear = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
  const lastYear = thisYear - 1;
  await createBranchWithSecretary(page);
  await seedRosterAndCommittee(page, ['张三', '李四'], []);

  await page.goto(`/#/records?new=${encodeURIComponent('组织生活会')}&date=${thisYear}-01-01`);
  await expect(page.getByRole('heading', { level: 3, name: '新建工作记录' })).toBeVisible();
  // Offered, and last year by default in January–February.
  const forYear = page.getByLabel('所属年度', { exact: true });
  await expect(forYear).toBeVisible();
  await expect(page.locator('.ant-form-item').filter({ has: forYear })).toContainText(`${lastYear}年度（上一年度）`);
  await expect(page.getByText(`${lastYear}年度序号`)).toBeVisible();
  await page.getByLabel('主题', { exact: true }).fill(`${lastYear}年度组织生活会`);
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expectSaved(page);
  await expect(page.getByText(`${lastYear}年度（次年年初召开，计入${lastYear}年度）`)).toBeVisible();

  await openSection(page, '工作台');
  await chooseOption(page, '年度', `${lastYear}年`);
  const life = page.getByRole('group', { name: '组织生活会', exact: true });
  await expect(life).toBeVisible();
  await expect(life.getByText(/未开展/)).toHaveCount(0);
});
