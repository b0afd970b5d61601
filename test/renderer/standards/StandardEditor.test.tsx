// 标准库 › 修改评价标准 in a DOM: 复制后修改 makes the copy only on 保存 (取消 leaves no 「（副本）」); a copy can gain and
// lose items and have a manual item's 评价维度 and 评分方法 changed; one 保存 shows every problem, each on its item.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILT_IN_STANDARDS } from '../../../shared/standards';
import { AppProviders } from '../../../renderer/src/app/providers';
import { db } from '../../../renderer/src/db/db';
import { allAuditEntries } from '../../../renderer/src/db/repositories/audit';
import {
  copyStandard,
  ensureBuiltInStandards,
  getStandard,
  listStandards,
} from '../../../renderer/src/db/repositories/standards';
import { StandardLibrary } from '../../../renderer/src/features/standards/StandardLibrary';
import { useStandardsRoute } from '../../../renderer/src/features/standards/standardsRoute';

const STANDARDIZATION_ID = BUILT_IN_STANDARDS.find((s) => s.fields.builtInKey === 'standardization')!.id;
const STANDARDIZATION = BUILT_IN_STANDARDS.find((s) => s.id === STANDARDIZATION_ID)!.fields;

beforeEach(() => window.history.replaceState(null, '', '#/standards'));
afterEach(cleanup);

/** The 标准库 as the page shows it: following the address. */
function Library() {
  const route = useStandardsRoute();
  return <StandardLibrary route={route.tab === 'library' ? route : { tab: 'library' }} />;
}

async function open(hash: string) {
  await ensureBuiltInStandards();
  window.location.hash = hash;
  render(
    <AppProviders>
      <Library />
    </AppProviders>,
  );
}

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const editor = (name: RegExp) => screen.findByRole('region', { name }, { timeout: 10_000 });

// antd renders slowly in happy-dom on a busy machine: generous timeouts, no behaviour depends on them.
describe('修改评价标准', { timeout: 60_000 }, () => {
  it('复制后修改 creates the copy only on 保存: 取消, with or without edits, leaves nothing in the 标准库', async () => {
    await open(`#/standards?tab=library&standard=${STANDARDIZATION_ID}`);
    const auditBefore = (await allAuditEntries()).length;

    fireEvent.click(await screen.findByRole('button', { name: /复制后修改/ }));
    await editor(/复制后修改评价标准/);
    expect((screen.getByLabelText('标准名称') as HTMLInputElement).value).toBe(`${STANDARDIZATION.name}（副本）`);
    expect(await db.standards.count()).toBe(BUILT_IN_STANDARDS.length);
    fireEvent.click(screen.getByRole('button', { name: '取消' }));
    await screen.findByRole('button', { name: /复制后修改/ });

    // With an edit, 取消 asks first; 放弃修改 leaves nothing either.
    fireEvent.click(screen.getByRole('button', { name: /复制后修改/ }));
    await editor(/复制后修改评价标准/);
    type('标准名称', '本单位标准');
    fireEvent.click(screen.getByRole('button', { name: '取消' }));
    fireEvent.click(await screen.findByRole('button', { name: '放弃修改' }));
    await screen.findByRole('button', { name: /复制后修改/ });
    expect((await listStandards()).some((s) => s.name.endsWith('（副本）'))).toBe(false);
    expect(await db.standards.count()).toBe(BUILT_IN_STANDARDS.length);
    expect((await allAuditEntries()).length).toBe(auditBefore);

    // 保存 makes it, with the edits, based on the built-in, which is unchanged.
    fireEvent.click(screen.getByRole('button', { name: /复制后修改/ }));
    await editor(/复制后修改评价标准/);
    type('标准名称', '本单位标准');
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(async () => expect(await db.standards.count()).toBe(BUILT_IN_STANDARDS.length + 1));
    const saved = (await listStandards()).find((s) => s.name === '本单位标准')!;
    expect(saved).toMatchObject({ basedOn: STANDARDIZATION_ID, builtInKey: '', version: 1, totalScore: 100 });
    expect(saved.items).toEqual(STANDARDIZATION.items);
    expect((await getStandard(STANDARDIZATION_ID))!.name).toBe(STANDARDIZATION.name);
    await waitFor(() => expect(window.location.hash).toBe(`#/standards?tab=library&standard=${saved.id}`));
  });

  it('adds a manual item, removes one, and edits a manual item’s 评价维度 and 评分方法', async () => {
    await ensureBuiltInStandards();
    const copy = await copyStandard(STANDARDIZATION_ID, '本单位标准');
    await open(`#/standards?tab=library&standard=${copy.id}&edit=1`);
    await editor(/^修改评价标准$/);

    // Remove D3 (群众满意度测评, 7 分), the 16th and last item.
    fireEvent.click(screen.getByRole('button', { name: '删除第 16 项' }));
    const popover = (await screen.findByText('删除第 16 项“群众满意度测评结果良好”？')).closest(
      '.ant-popover',
    ) as HTMLElement;
    fireEvent.click(within(popover).getByRole('button', { name: '删除' }));
    await screen.findByText('共 15 项，各项满分之和：93 分（总分 100 分，两者须相等）');

    // A new item takes the next free code and the dimension of the item before it; it is scored by hand.
    fireEvent.click(screen.getByRole('button', { name: '添加项目' }));
    expect((screen.getByLabelText('第 16 项编号') as HTMLInputElement).value).toBe('D3');
    expect((screen.getByLabelText('第 16 项评价维度') as HTMLTextAreaElement).value).toBe(
      STANDARDIZATION.items.find((i) => i.code === 'D2')!.dimension,
    );
    type('第 16 项评价维度', '特色工作');
    type('第 16 项评价内容', '开展“主题党日+志愿服务”活动');
    type('第 16 项评分方法', '查阅活动记录和照片');
    type('第 16 项满分', '7');
    await screen.findByText('共 16 项，各项满分之和：100 分（总分 100 分）');

    // A8 is manual: its 评价维度 and 评分方法 can be changed.
    type('第 8 项评价维度', '工作有记录');
    type('第 8 项评分方法', '抽查三本记录');
    fireEvent.click(screen.getByRole('button', { name: '保存' }));

    await waitFor(async () => expect((await getStandard(copy.id))!.items.at(-1)!.code).toBe('D3'));
    const stored = (await getStandard(copy.id))!;
    expect(stored.items).toHaveLength(16);
    expect(stored.items.at(-1)).toEqual({
      code: 'D3',
      dimension: '特色工作',
      content: '开展“主题党日+志愿服务”活动',
      method: '查阅活动记录和照片',
      maxScore: 7,
      rule: { kind: 'manual' },
    });
    expect(stored.items.some((i) => i.content === '群众满意度测评结果良好')).toBe(false);
    expect(stored.items[7]).toMatchObject({ code: 'A8', dimension: '工作有记录', method: '抽查三本记录' });
  });

  it('one 保存 shows the schema and the cross-field problems together, each on its item; nothing is saved', async () => {
    await open(`#/standards?tab=library&standard=${STANDARDIZATION_ID}`);
    fireEvent.click(await screen.findByRole('button', { name: /复制后修改/ }));
    await editor(/复制后修改评价标准/);

    type('第 8 项满分', '0');
    type('第 2 项编号', 'A1');
    type('第 5 项评价内容', ' ');
    type('第 1 个等次起点分数', '120');
    fireEvent.click(screen.getByRole('button', { name: '保存' }));

    const alert = (await screen.findByText('未能保存，请修改以下内容')).closest('.ant-alert') as HTMLElement;
    const listed = within(alert)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(listed).toEqual([
      '第 5 项：请填写评价内容',
      '第 8 项：满分必须大于 0',
      '各项满分之和为 94，与总分 100 不一致',
      '编号“A1”重复：第 1 项和第 2 项不能使用同一编号',
      '等次“优秀”的起点 120 分超过总分 100 分，永远达不到',
    ]);
    // Each on its field, too.
    const a8 = screen.getByLabelText('第 8 项满分');
    expect(a8.getAttribute('aria-invalid')).toBe('true');
    // antd's Form.Item shows its message a moment after the field is marked (its error list is debounced).
    expect(
      await within(a8.closest('td') as HTMLElement).findByText('满分必须大于 0', {}, { timeout: 5000 }),
    ).toBeTruthy();
    expect(screen.getByLabelText('第 2 项编号').getAttribute('aria-invalid')).toBe('true');
    expect(await db.standards.count()).toBe(BUILT_IN_STANDARDS.length);

    // The list follows the corrections as they are made.
    type('第 8 项满分', '6');
    type('第 2 项编号', 'A2');
    type('第 5 项评价内容', '组织生活会每年召开1次');
    type('第 1 个等次起点分数', '90');
    await waitFor(() => expect(screen.queryByText('未能保存，请修改以下内容')).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(async () => expect(await db.standards.count()).toBe(BUILT_IN_STANDARDS.length + 1));
  });
});
