// For older secretaries at 125–150 % zoom, on the keyboard or with NVDA: the focused control is never under the red
// header, the menu keeps its labels, the focus mark is dark and unlike the error state, a new view's heading takes the
// focus, and fields are read as Chrome's accessibility tree has them — required, chosen value, no 「*」 in the name.
import { expect, test, type Page } from '@playwright/test';
import { expectSaved, fillBranchBasics, openSection, save, seedRoster } from './helpers';

const HEADER_HEIGHT = 64;

async function newBranch(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: '新建支部' }).click();
  await fillBranchBasics(page, { name: '第一党支部', termStart: '2024-01-15', termEnd: '2027-01-14' });
  await save(page);
  await expectSaved(page);
}

async function openNewRecord(page: Page): Promise<void> {
  await openSection(page, '工作记录');
  await page.getByRole('link', { name: '新建记录' }).click();
  await expect(page.getByRole('heading', { level: 3, name: '新建工作记录' })).toBeVisible();
}

/** Where the focused element is on screen, and what it is. */
const focusedBox = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const { top, bottom } = el.getBoundingClientRect();
    return { top, bottom, what: `${el.tagName} ${el.getAttribute('aria-label') ?? el.id ?? ''} ${el.innerText ?? ''}` };
  });

/** Chrome's accessibility tree (what NVDA is given): the node of each element with one of these roles. */
async function axNodes(page: Page, roles: string[]) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
    nodes: {
      ignored: boolean;
      role?: { value: string };
      name?: { value: string };
      description?: { value: string };
      properties?: { name: string; value: { value: unknown } }[];
    }[];
  };
  await cdp.detach();
  return nodes
    .filter((n) => !n.ignored && roles.includes(n.role?.value ?? ''))
    .map((n) => ({
      role: n.role?.value,
      name: n.name?.value ?? '',
      description: n.description?.value ?? '',
      required: n.properties?.find((p) => p.name === 'required')?.value.value === true,
    }));
}

test.describe('at 150 % zoom of a 1280-px window (853 CSS px)', () => {
  test.use({ viewport: { width: 853, height: 500 }, deviceScaleFactor: 1.5 });

  test('Shift+Tab up a record form never leaves the focus under the sticky header', async ({ page }) => {
    await newBranch(page);
    await seedRoster(page, ['罗雪', '袁明哲', '胡桂兰', '曾子豪']);
    await openNewRecord(page);
    await page.getByRole('button', { name: '保存', exact: true }).focus();
    const hidden: string[] = [];
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Shift+Tab');
      const box = await focusedBox(page);
      // The menu and the header's own select are not under the header: only the page's controls are checked.
      const inPage = await page.evaluate(() => Boolean(document.activeElement?.closest('main')));
      if (inPage && box.top < HEADER_HEIGHT) hidden.push(`${box.what.trim()} at y=${Math.round(box.top)}`);
    }
    expect(hidden).toEqual([]);
  });

  test('the menu keeps its labels, also in a 1024-px window (683 CSS px)', async ({ page }) => {
    await newBranch(page);
    for (const width of [853, 683]) {
      await page.setViewportSize({ width, height: 470 });
      const menu = page.getByRole('navigation', { name: '功能导航' });
      await expect(menu.getByText('活动阵地', { exact: true })).toBeVisible();
      await expect(menu.getByText('卷宗导出', { exact: true })).toBeVisible();
    }
  });
});

test('the focus goes to the new view’s heading, not to the page’s <body>', async ({ page }) => {
  await newBranch(page);
  await openSection(page, '工作记录');
  await page.getByRole('link', { name: '新建记录' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 3, name: '新建工作记录' })).toBeFocused();

  await page.getByRole('button', { name: '取消', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: '工作记录' })).toBeFocused();

  await openSection(page, '活动阵地');
  await page.getByRole('button', { name: '新增阵地' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 3, name: '新增阵地' })).toBeFocused();
});

test('fields read as required with their chosen value, without the 「*」 in their name', async ({ page }) => {
  await newBranch(page);
  await openNewRecord(page);
  const fields = await axNodes(page, ['combobox', 'textbox']);
  expect(fields.filter((f) => f.name.includes('*')).map((f) => f.name)).toEqual([]);
  expect(fields.find((f) => f.name === '会议类型')).toMatchObject({ required: true, description: '支委会' });
  expect(fields.find((f) => f.name === '主题')).toMatchObject({ required: true });
  expect(fields.find((f) => f.name === '会议日期')).toMatchObject({ required: true });
  expect(fields.find((f) => f.name === '主持人')).toMatchObject({ required: false });

  // The records list's filters read 「全部」 as their value.
  await page.getByRole('button', { name: '取消', exact: true }).click();
  const filters = await axNodes(page, ['combobox']);
  expect(filters.find((f) => f.name === '类型')).toMatchObject({ description: '全部' });
  expect(filters.find((f) => f.name === '状态')).toMatchObject({ description: '全部' });
});

test('choosing a person is heard as the name, never as the stored id', async ({ page }) => {
  await newBranch(page);
  const [id] = await seedRoster(page, ['罗雪']);
  await openSection(page, '工作记录');
  // The records' 人员 filter: its options' values are member ids.
  const person = page.getByRole('combobox', { name: '人员', exact: true });
  await person.click();
  await person.fill('罗雪');
  await page.keyboard.press('Enter');
  await expect(person).toBeFocused();
  // The chosen name describes the combobox …
  const fields = await axNodes(page, ['combobox']);
  expect(fields.find((f) => f.name === '人员')).toMatchObject({ description: '罗雪' });
  // … and no live region the reader is given (the select's own 「polite」 one spoke the option's value) holds the id.
  const spoken = await page.evaluate(() =>
    [...document.querySelectorAll('[aria-live]')]
      .filter((el) => getComputedStyle(el).display !== 'none')
      .map((el) => el.textContent ?? ''),
  );
  expect(spoken.join('|')).not.toContain(id!);
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
    nodes: {
      ignored: boolean;
      nodeId: string;
      parentId?: string;
      role?: { value: string };
      name?: { value: string };
    }[];
  };
  await cdp.detach();
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  // rc-select's own list for readers has each option named by its label, the value as its (unread) text: fine.
  const unnamedText = (n: (typeof nodes)[number]) => {
    const parent = n.parentId ? byId.get(n.parentId) : undefined;
    return !(n.role?.value === 'StaticText' && parent?.role?.value === 'option' && !parent.name?.value.includes(id!));
  };
  const heard = nodes.filter((n) => !n.ignored && (n.name?.value ?? '').includes(id!) && unnamedText(n));
  expect(heard.map((n) => n.role?.value)).toEqual([]);
});

test('a focused field has a dark ring, unlike the red border of a field in error', async ({ page }) => {
  await newBranch(page);
  await openNewRecord(page);
  // 保存 with 主题 empty puts 主题 in error; then the focus moves on to 开始时间.
  await page.getByLabel('主题', { exact: true }).focus();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText('请填写主题')).toBeVisible();
  await page.getByLabel('开始时间', { exact: true }).focus();
  // Read once antd's 0.2-s transition has settled.
  const look = () =>
    page.evaluate(() => {
      const topic = document.querySelector('[aria-invalid="true"]')!;
      const topicBox = getComputedStyle(topic.closest('.ant-input-affix-wrapper') ?? topic);
      const start = getComputedStyle(document.activeElement!);
      return { errorBorder: topicBox.borderTopColor, errorShadow: topicBox.boxShadow, focusShadow: start.boxShadow };
    });
  // The focus ring: 2 px of near-black (16:1 on white); the field in error: a red border and no ring.
  await expect.poll(async () => (await look()).focusShadow).toBe('rgb(31, 31, 31) 0px 0px 0px 2px');
  const settled = await look();
  expect(settled.errorShadow).toBe('none');
  expect(settled.errorBorder).not.toBe('rgb(31, 31, 31)');
});
