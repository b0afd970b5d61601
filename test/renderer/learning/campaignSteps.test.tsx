// The 争创活动 step panels in a DOM: members listed by the entered date's roster, and deletes that ask first.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Campaign, Member } from '../../../shared/schemas';
import { AppProviders } from '../../../renderer/src/app/providers';
import { db } from '../../../renderer/src/db/db';
import { addAward, addCommitment, addReview, createCampaign } from '../../../renderer/src/db/repositories/campaigns';
import { listMembers } from '../../../renderer/src/db/repositories/members';
import { AwardsStep } from '../../../renderer/src/features/learning/AwardsStep';
import { memberOptionsOn } from '../../../renderer/src/features/learning/campaignMembers';
import { CommitmentsStep } from '../../../renderer/src/features/learning/CommitmentsStep';
import { ReviewsStep } from '../../../renderer/src/features/learning/ReviewsStep';
import { branchWithMembers, PHASES } from './fixtures';

afterEach(cleanup);

async function setUp() {
  const ctx = await branchWithMembers();
  const campaign = await createCampaign(ctx.branch.id, { name: '争做×先锋', phases: PHASES });
  const members = await listMembers(ctx.branch.id);
  return { ...ctx, campaign, members };
}

function setDate(label: string, value: string): void {
  const input = screen.getByLabelText(label);
  fireEvent.mouseDown(input);
  fireEvent.change(input, { target: { value } });
  fireEvent.keyDown(input, { key: 'Enter' });
}

/** The names the select labelled `label` offers, read from its open dropdown. */
async function offered(label: string): Promise<string[]> {
  fireEvent.mouseDown(screen.getByLabelText(label));
  await waitFor(() => expect(document.querySelector('.ant-select-dropdown')).not.toBeNull());
  return [...document.querySelectorAll('.ant-select-dropdown .ant-select-item-option')].map(
    (o) => o.getAttribute('title') ?? o.textContent ?? '',
  );
}

async function latest(id: string): Promise<Campaign> {
  return (await db.campaigns.get(id))!;
}

// antd renders slowly in happy-dom on a busy machine: generous timeouts, no behaviour depends on them.
describe('campaign steps', { timeout: 20_000 }, () => {
  it('lists a member who has since left for a 表彰 dated before they left, not after', async () => {
    const { branch, campaign, members } = await setUp();
    render(
      <AppProviders>
        <AwardsStep campaign={campaign} branch={branch} members={members} />
      </AppProviders>,
    );
    setDate('表彰日期', '2024-06-29');
    await waitFor(async () =>
      expect(await offered('表彰党员')).toEqual(['（支部或集体）机关第一党支部', '李四（已离开支部）', '张三']),
    );
    setDate('表彰日期', '2024-06-30');
    await waitFor(async () => expect(await offered('表彰党员')).toEqual(['（支部或集体）机关第一党支部', '张三']));
  });

  it('lists a member who has since left for a 公开承诺 dated before they left', async () => {
    const { campaign, members } = await setUp();
    render(
      <AppProviders>
        <CommitmentsStep campaign={campaign} members={members} />
      </AppProviders>,
    );
    setDate('承诺日期', '2024-06-01');
    await waitFor(async () => expect(await offered('承诺党员')).toEqual(['李四（已离开支部）', '张三']));
    setDate('承诺日期', '2024-07-01');
    await waitFor(async () => expect(await offered('承诺党员')).toEqual(['张三']));
  });

  it('keeps a chosen member listed, marked, when the date moves past their leaving', () => {
    const base = { joinedDate: '2005-07-01', leftDate: '' } as Member;
    const members = [
      { ...base, id: 'a', name: '张三' },
      { ...base, id: 'b', name: '李四', leftDate: '2024-06-30' },
      { ...base, id: 'c', name: '赵六', joinedDate: '2024-07-01' },
    ];
    expect(memberOptionsOn(members, '2024-06-29').map((o) => o.label)).toEqual(['张三', '李四（已离开支部）']);
    expect(memberOptionsOn(members, '2024-07-01', 'b')).toEqual([
      { value: 'a', label: '张三' },
      { value: 'b', label: '李四（2024-06-30 已离开支部）' },
      { value: 'c', label: '赵六' },
    ]);
    expect(memberOptionsOn(members, '2024-06-01', 'c').map((o) => o.label)).toEqual([
      '张三',
      '李四（已离开支部）',
      '赵六（2024-07-01 入党）',
    ]);
    // No date yet: the current roster.
    expect(memberOptionsOn(members, '').map((o) => o.label)).toEqual(['张三', '赵六']);
    // One who transferred in is offered from that day, and marked with it before.
    const wangFang = { ...base, id: 'd', name: '王芳', joinedDate: '2010-07-01', joinedBranchDate: '2024-07-01' };
    expect(memberOptionsOn([wangFang], '2024-06-01', 'd')).toEqual([
      { value: 'd', label: '王芳（2024-07-01 转入本支部）' },
    ]);
    expect(memberOptionsOn([wangFang], '2024-06-01')).toEqual([]);
    expect(memberOptionsOn([wangFang], '2024-07-01')).toEqual([{ value: 'd', label: '王芳' }]);
  });

  it.each([
    {
      step: '领导点评',
      title: '删除赵书记（2024-07-01）的领导点评？',
      prepare: (id: string) => addReview(id, { leader: '赵书记', date: '2024-07-01', comment: '成效明显' }),
      count: (c: Campaign) => c.reviews.length,
      panel: (c: Campaign) => <ReviewsStep campaign={c} />,
    },
    {
      step: '评选表彰',
      title: '删除表彰“张三：优秀共产党员”？',
      prepare: (id: string) => addAward(id, { to: '张三', title: '优秀共产党员', date: '2024-12-28' }),
      count: (c: Campaign) => c.awards.length,
      panel: (c: Campaign, ctx: Awaited<ReturnType<typeof setUp>>) => (
        <AwardsStep campaign={c} branch={ctx.branch} members={ctx.members} />
      ),
    },
    {
      step: '公开承诺',
      title: '删除“张三”的公开承诺？',
      prepare: (id: string, memberId: string) =>
        addCommitment(id, { memberId, text: '带头学习提高', date: '2024-07-01' }),
      count: (c: Campaign) => c.commitments.length,
      panel: (c: Campaign, ctx: Awaited<ReturnType<typeof setUp>>) => (
        <CommitmentsStep campaign={c} members={ctx.members} />
      ),
    },
  ])('asks before deleting a $step; 取消 keeps it, 删除 removes it', async ({ title, prepare, count, panel }) => {
    const ctx = await setUp();
    const campaign = await prepare(ctx.campaign.id, ctx.zhang.id);
    render(<AppProviders>{panel(campaign, ctx)}</AppProviders>);
    const del = () => screen.getAllByRole('button', { name: '删除' }).find((b) => !b.closest('.ant-popover'))!;

    fireEvent.click(del());
    const ask = await screen.findByText(title);
    const popover = ask.closest('.ant-popover') as HTMLElement;
    fireEvent.click(within(popover).getByRole('button', { name: '取消' }));
    expect(count(await latest(campaign.id))).toBe(1);

    fireEvent.click(del());
    const again = (await screen.findByText(title)).closest('.ant-popover') as HTMLElement;
    fireEvent.click(within(again).getByRole('button', { name: '删除' }));
    await waitFor(async () => expect(count(await latest(campaign.id))).toBe(0));
  });

  it.each([
    {
      step: '领导点评',
      empty: '还没有领导点评',
      add: async (id: string) => {
        await addReview(id, { leader: '赵书记', date: '2024-07-01', comment: '成效明显' });
        return addReview(id, { leader: '钱部长', date: '2024-11-05', comment: '继续保持' });
      },
      lines: ['2024-07-01 赵书记：成效明显', '2024-11-05 钱部长：继续保持'],
      second: '删除钱部长（2024-11-05）的领导点评？',
      removed: '已删除点评',
      kept: (c: Campaign) => c.reviews.map((r) => r.leader),
      first: '赵书记',
      panel: (c: Campaign) => <ReviewsStep campaign={c} />,
    },
    {
      step: '评选表彰',
      empty: '还没有表彰',
      add: async (id: string) => {
        await addAward(id, { to: '张三', title: '优秀共产党员', date: '2024-12-28' });
        return addAward(id, { to: '机关第一党支部', title: '先进党支部', date: '2024-12-30' });
      },
      lines: ['2024-12-28 张三：优秀共产党员', '2024-12-30 机关第一党支部：先进党支部'],
      second: '删除表彰“机关第一党支部：先进党支部”？',
      removed: '已删除表彰',
      kept: (c: Campaign) => c.awards.map((a) => a.title),
      first: '优秀共产党员',
      panel: (c: Campaign, ctx: Awaited<ReturnType<typeof setUp>>) => (
        <AwardsStep campaign={c} branch={ctx.branch} members={ctx.members} />
      ),
    },
  ])('lists each $step on a line and deletes the one asked about', async (step) => {
    const ctx = await setUp();
    const view = render(<AppProviders>{step.panel(ctx.campaign, ctx)}</AppProviders>);
    expect(within(screen.getByRole('region', { name: step.step })).getByText(step.empty)).toBeTruthy();

    const campaign = await step.add(ctx.campaign.id);
    view.rerender(<AppProviders>{step.panel(campaign, ctx)}</AppProviders>);
    const items = [...screen.getByRole('region', { name: step.step }).querySelectorAll<HTMLElement>('.ant-list-item')];
    // An item's own text, without its 删除 button.
    const line = (li: HTMLElement) =>
      [...li.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent)
        .join('');
    expect(items.map(line)).toEqual(step.lines);

    fireEvent.click(within(items[1]!).getByRole('button', { name: '删除' }));
    const ask = (await screen.findByText(step.second)).closest('.ant-popover') as HTMLElement;
    fireEvent.click(within(ask).getByRole('button', { name: '删除' }));
    expect(await screen.findByText(step.removed)).toBeTruthy();
    expect(step.kept(await latest(campaign.id))).toEqual([step.first]);
  });
});
