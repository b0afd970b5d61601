// 争创活动 end to end: a 争做×先锋 campaign run through all six steps, with progress and the printable 承诺书; year-end
// records in 完善提升, a member who has left named for an earlier date, and deletes that ask first.
import { expect, test, type Page } from '@playwright/test';
import { chinaDate, chooseOption, expectSaved, fillBranchBasics, fillDate, openSection, save } from './helpers';

/**
 * Test-only: puts rows straight into the app's IndexedDB (the shapes the repositories write) for what this spec does
 * not drive through its own screens — the roster, one 工作记录 and one 考评 — then reloads so live queries see them.
 */
async function seed(page: Page, people: { name: string; leftDate?: string }[], today: string): Promise<void> {
  await page.evaluate(
    async ({ people, today }) => {
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
      const at = new Date().toISOString();
      const stamp = { branchId, createdAt: at, updatedAt: at };
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(['members', 'meetings', 'assessments'], 'readwrite');
        for (const { name, leftDate } of people) {
          tx.objectStore('members').put({
            ...stamp,
            id: crypto.randomUUID(),
            name,
            gender: '男',
            birthDate: '1980-01-01',
            joinedDate: '2005-07-01',
            fullMemberDate: '',
            status: '正式',
            partyGroupId: '',
            post: '',
            phone: '',
            motto: `${name}的格言：干一行爱一行`,
            leftDate: leftDate ?? '',
            leftReason: leftDate ? '调出' : '',
          });
        }
        tx.objectStore('meetings').put({
          ...stamp,
          id: 'meeting-1',
          kind: '主题党日',
          topic: '争创推进会',
          agenda: '',
          date: today,
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
          attendance: [],
          guests: [],
          content: '',
          speeches: '',
          resolutions: '',
          attachmentIds: [],
          seq: 1,
          status: '草稿',
          backfilled: false,
          attendeeIds: [],
          terms: [],
        });
        tx.objectStore('assessments').put({
          ...stamp,
          id: 'assessment-1',
          standardId: 'standard-1',
          standardSnapshot: {
            name: '五好五强',
            version: 1,
            builtInKey: '',
            basedOn: '',
            description: '',
            totalScore: 100,
            items: [
              {
                code: '1',
                dimension: '领导班子好、战斗力强',
                content: '班子团结',
                method: '',
                maxScore: 100,
                rule: { kind: 'manual' },
              },
            ],
            grades: [{ label: '优秀', minScore: 90 }],
          },
          periodStart: `${today.slice(0, 4)}-01-01`,
          periodEnd: `${today.slice(0, 4)}-12-31`,
          kind: '自评',
          scores: [{ code: '1', score: 95, auto: false, overrideReason: '', comment: '', evidenceIds: [] }],
          total: 95,
          grade: '优秀',
          assessor: '张三',
          date: today,
        });
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { people, today },
  );
  await page.reload();
}

test('a 争做×先锋 campaign goes through all six steps; progress and the 承诺书 show it', async ({ page }) => {
  const today = chinaDate();
  await page.goto('/');
  await page.getByRole('button', { name: '新建支部' }).click();
  await fillBranchBasics(page, { name: '机关第一党支部', termStart: '2024-01-15', termEnd: '2030-01-14' });
  await save(page);
  await expectSaved(page);
  // 王五 left three days ago: still on the roster for records dated before that.
  await seed(page, [{ name: '张三' }, { name: '李四' }, { name: '王五', leftDate: chinaDate(-3) }], today);

  await openSection(page, '学习与争创');
  // 机关文化: 人人有格言 from the roster.
  await expect(page.getByRole('region', { name: '人人有格言' }).getByText('张三的格言：干一行爱一行')).toBeVisible();

  await page.getByRole('tab', { name: '争创活动' }).click();
  await page.getByRole('button', { name: '新建争创活动' }).click();
  await expect(page.getByLabel('活动名称', { exact: true })).toHaveValue('争做×先锋');
  await page.getByLabel('活动主题', { exact: true }).fill('履职尽责促发展、推动和谐做贡献');
  const phases: [string, number, number][] = [
    ['调查研究', -40, -31],
    ['动员部署', -30, -11],
    ['全面争创', -10, 10],
    ['完善提升', 11, 30],
  ];
  // Overlapping phases are refused first.
  await fillDate(page, '调查研究开始日期', chinaDate(-40));
  await fillDate(page, '调查研究结束日期', chinaDate(-25));
  await fillDate(page, '动员部署开始日期', chinaDate(-30));
  await page.getByRole('button', { name: '保存活动' }).click();
  await expect(
    page.getByText(`“动员部署”阶段应在“调查研究”阶段结束（${chinaDate(-25)}）之后开始，阶段不能重叠`),
  ).toBeVisible();
  for (const [phase, from, to] of phases) {
    await fillDate(page, `${phase}开始日期`, chinaDate(from));
    await fillDate(page, `${phase}结束日期`, chinaDate(to));
  }
  await page.getByRole('button', { name: '保存活动' }).click();
  await expect(page.getByRole('heading', { level: 3, name: '争做×先锋' })).toBeVisible();
  await expect(page.getByText('当前阶段：全面争创（进行中）')).toBeVisible();
  await expect(page.getByText('已完成 0/6 个环节')).toBeVisible();

  // 公开承诺, both members.
  for (const [name, text] of [
    ['张三', '带头学习提高，做增强自身素质的标兵'],
    ['李四', '带头转变作风，做服务基层群众的标兵'],
  ] as const) {
    await chooseOption(page, '承诺党员', name);
    await page.getByLabel('承诺内容', { exact: true }).fill(text);
    await page.getByRole('button', { name: '添加承诺' }).click();
    await expect(
      page.getByRole('region', { name: '公开承诺书' }).getByRole('row', { name: new RegExp(`${name} ${text}`) }),
    ).toBeVisible();
  }

  // 王五 can be named for a date before he left.
  await fillDate(page, '承诺日期', chinaDate(-5));
  await chooseOption(page, '承诺党员', '王五');
  await page.getByLabel('承诺内容', { exact: true }).fill('带头遵规守纪，做廉洁自律的标兵');
  await page.getByRole('button', { name: '添加承诺' }).click();
  await expect(
    page.getByRole('region', { name: '公开承诺书' }).getByRole('row', { name: /王五 带头遵规守纪/ }),
  ).toBeVisible();

  // 积极争创: link the record.
  await chooseOption(page, '关联记录', '争创推进会');
  await page.getByRole('button', { name: '关联', exact: true }).click();
  await expect(page.getByRole('link', { name: `${today} 主题党日：争创推进会` })).toHaveAttribute(
    'href',
    '#/records?id=meeting-1',
  );

  // 领导点评: a date after 完善提升 is refused with the span's dates, then accepted inside it.
  await expect(
    page.getByText(`领导点评、评选表彰的日期须在“全面争创”至“完善提升”阶段（${chinaDate(-10)}至${chinaDate(30)}）内`),
  ).toBeVisible();
  await page.getByLabel('点评人', { exact: true }).fill('王书记');
  await page.getByLabel('点评内容', { exact: true }).fill('承诺具体，行动扎实');
  await fillDate(page, '点评日期', chinaDate(31));
  await page.getByRole('button', { name: '添加点评' }).click();
  await expect(
    page.getByText(`日期不在“全面争创”至“完善提升”阶段（${chinaDate(-10)}至${chinaDate(30)}）内`).first(),
  ).toBeVisible();
  await fillDate(page, '点评日期', today);
  await page.getByRole('button', { name: '添加点评' }).click();
  await expect(page.getByRole('region', { name: '领导点评' }).getByText('王书记：承诺具体，行动扎实')).toBeVisible();

  // 群众评议.
  await expect(page.getByText('暂无评议')).toBeVisible();
  await page.getByLabel('满意人数', { exact: true }).fill('10');
  await page.getByLabel('基本满意人数', { exact: true }).fill('2');
  await page.getByLabel('不满意人数', { exact: true }).fill('1');
  await page.getByRole('button', { name: '保存评议' }).click();
  await expect(page.getByText('群众满意率 92.3%')).toBeVisible();

  // 量化考评: the seeded 考评.
  await chooseOption(page, '关联考评', '五好五强');
  await expect(page.getByText('已关联考评')).toBeVisible();

  // 评选表彰.
  await chooseOption(page, '表彰党员', '张三');
  await expect(page.getByLabel('表彰对象', { exact: true })).toHaveValue('张三');
  await page.getByLabel('荣誉名称', { exact: true }).fill('优秀共产党员');
  await page.getByRole('button', { name: '添加表彰' }).click();
  await expect(page.getByRole('region', { name: '评选表彰' }).getByText('张三：优秀共产党员')).toBeVisible();
  // A year-end award in 完善提升, with its true date; the form is back on the branch itself.
  await expect(page.getByLabel('表彰对象', { exact: true })).toHaveValue('机关第一党支部');
  await page.getByLabel('荣誉名称', { exact: true }).fill('先进基层党组织');
  await fillDate(page, '表彰日期', chinaDate(20));
  await page.getByRole('button', { name: '添加表彰' }).click();
  const awards = page.getByRole('region', { name: '评选表彰' });
  await expect(awards.getByText(`${chinaDate(20)} 机关第一党支部：先进基层党组织`)).toBeVisible();

  // Editing only the theme works with that award in place.
  await page.getByRole('button', { name: '修改活动' }).click();
  await page.getByLabel('活动主题', { exact: true }).fill('履职尽责促发展');
  await page.getByRole('button', { name: '保存活动' }).click();
  await expect(page.getByText('主题：履职尽责促发展', { exact: true })).toBeVisible();

  // Deleting asks first: 取消 keeps the award, 删除 removes it.
  const award = awards.getByRole('listitem').filter({ hasText: '先进基层党组织' });
  const ask = page.getByRole('tooltip').filter({ hasText: '删除表彰“机关第一党支部：先进基层党组织”？' });
  await award.getByRole('button', { name: '删除' }).click();
  await ask.getByRole('button', { name: '取消' }).click();
  await expect(award).toBeVisible();
  await award.getByRole('button', { name: '删除' }).click();
  await ask.getByRole('button', { name: '删除' }).click();
  await expect(award).toHaveCount(0);
  await expect(awards.getByText('张三：优秀共产党员')).toBeVisible();

  // Progress: all six steps done.
  await expect(page.getByText('已完成 6/6 个环节')).toBeVisible();
  const steps = page.getByRole('list', { name: '六个环节' });
  for (const step of ['公开承诺', '积极争创', '领导点评', '群众评议', '量化考评', '评选表彰']) {
    await expect(steps.getByText(`${step}：已完成`)).toBeVisible();
  }

  // The printable list has each member's commitment; 打印承诺书 calls the browser's print.
  const book = page.getByRole('region', { name: '公开承诺书' });
  await expect(book.getByText('争做×先锋 · 党员公开承诺书')).toBeVisible();
  await expect(book.getByRole('row')).toHaveCount(4);
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed++;
    };
  });
  await page.getByRole('button', { name: '打印承诺书' }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
});
