// 争创活动 repository: phases in order, the six steps' records checked against their phases and the roster; nothing saved
// on errors.
import { describe, expect, it } from 'vitest';
import { stepsDone, satisfactionRate } from '../../../shared/learning';
import { db } from '../../../renderer/src/db/db';
import { countAudit, listAudit } from '../../../renderer/src/db/repositories/audit';
import { createMember } from '../../../renderer/src/db/repositories/members';
import {
  addAward,
  addCommitment,
  addReview,
  createCampaign,
  linkMeeting,
  listCampaigns,
  removeAward,
  removeCommitment,
  removeReview,
  setCampaignAssessment,
  setSatisfaction,
  updateCampaign,
} from '../../../renderer/src/db/repositories/campaigns';
import { branchWithMembers, messagesOf, PHASES } from './fixtures';

const OUTSIDE = '日期不在“全面争创”阶段（2024-05-01至2024-10-31）内';
/** 领导点评 and 评选表彰 may also fall in 完善提升, where year-end awards are given. */
const OUTSIDE_SPAN = '日期不在“全面争创”至“完善提升”阶段（2024-05-01至2024-12-31）内';

async function setUp() {
  const ctx = await branchWithMembers();
  const campaign = await createCampaign(ctx.branch.id, { name: '争做×先锋', theme: '履职尽责促发展', phases: PHASES });
  return { ...ctx, campaign };
}

/** The stored campaign and audit size must not change when a call is refused. */
async function unchanged(id: string, run: () => Promise<unknown>): Promise<string[]> {
  const before = await db.campaigns.get(id);
  const audit = await countAudit();
  const messages = await messagesOf(run);
  expect(await db.campaigns.get(id)).toEqual(before);
  expect(await countAudit()).toBe(audit);
  return messages;
}

describe('campaigns repository', () => {
  it('refuses overlapping or reversed phases, creating nothing', async () => {
    const { branch } = await branchWithMembers();
    const reversed = PHASES.map((p, i) => (i === 1 ? { ...p, start: '2024-04-30', end: '2024-04-01' } : p));
    expect(await messagesOf(() => createCampaign(branch.id, { name: '争做×先锋', phases: reversed }))).toContain(
      '“动员部署”阶段的结束日期不能早于开始日期',
    );
    const overlapping = PHASES.map((p, i) => (i === 3 ? { ...p, start: '2024-10-15' } : p));
    expect(await messagesOf(() => createCampaign(branch.id, { name: '争做×先锋', phases: overlapping }))).toContain(
      '“完善提升”阶段应在“全面争创”阶段结束（2024-10-31）之后开始，阶段不能重叠',
    );
    expect(await db.campaigns.count()).toBe(0);
  });

  it('runs all six steps and each turns done', async () => {
    const { branch, zhang, campaign } = await setUp();
    await addCommitment(campaign.id, { memberId: zhang.id, text: '带头学习提高', date: '2024-05-10' });
    const meeting = { id: 'mt-1', branchId: branch.id, topic: '主题党日', date: '2024-06-01' };
    await db.meetings.add(meeting as never);
    await linkMeeting(campaign.id, 'mt-1');
    await addReview(campaign.id, { leader: '赵书记', date: '2024-07-01', comment: '成效明显' });
    await setSatisfaction(campaign.id, { satisfied: 10, fair: 2, dissatisfied: 1 });
    await db.assessments.add({ id: 'as-1', branchId: branch.id, date: '2024-09-01' } as never);
    await setCampaignAssessment(campaign.id, 'as-1');
    await addAward(campaign.id, { to: '张三', memberId: zhang.id, title: '优秀共产党员', date: '2024-10-20' });
    await addAward(campaign.id, { to: '机关第一党支部', title: '先进基层党组织', date: '2024-10-20' });

    const [stored] = await listCampaigns(branch.id);
    expect(stepsDone(stored!).every((s) => s.done)).toBe(true);
    expect(satisfactionRate(stored!.satisfaction).label).toBe('群众满意率 92.3%');
    expect(stored!.awards.map((a) => a.to)).toEqual(['张三', '机关第一党支部']);
    // create + one entry per step record (7).
    expect((await listAudit('campaign', campaign.id)).length).toBe(8);
  });

  it.each([
    [
      'a commitment before 全面争创',
      (c: string, m: string) => addCommitment(c, { memberId: m, text: '承诺', date: '2024-04-30' }),
      OUTSIDE,
    ],
    [
      'a commitment in 完善提升',
      (c: string, m: string) => addCommitment(c, { memberId: m, text: '承诺', date: '2024-11-01' }),
      OUTSIDE,
    ],
    [
      'a leader review before 全面争创',
      (c: string) => addReview(c, { leader: '赵书记', date: '2024-04-30', comment: '好' }),
      OUTSIDE_SPAN,
    ],
    [
      'a leader review after 完善提升',
      (c: string) => addReview(c, { leader: '赵书记', date: '2025-01-01', comment: '好' }),
      OUTSIDE_SPAN,
    ],
    [
      'an award after 完善提升',
      (c: string) => addAward(c, { to: '支部', title: '先进', date: '2025-01-01' }),
      OUTSIDE_SPAN,
    ],
  ])('refuses %s', async (_name, run, message) => {
    const { campaign, zhang } = await setUp();
    expect(await unchanged(campaign.id, () => run(campaign.id, zhang.id))).toEqual([message]);
  });

  it('records year-end reviews and awards in 完善提升 with their true dates', async () => {
    const { campaign, zhang } = await setUp();
    await addReview(campaign.id, { leader: '赵书记', date: '2024-12-28', comment: '全年争创成效明显' });
    await addAward(campaign.id, { to: '张三', memberId: zhang.id, title: '优秀共产党员', date: '2024-12-28' });
    await addAward(campaign.id, { to: '机关第一党支部', title: '先进基层党组织', date: '2024-12-31' });
    const stored = (await db.campaigns.get(campaign.id))!;
    expect(stored.reviews.map((r) => r.date)).toEqual(['2024-12-28']);
    expect(stored.awards.map((a) => [a.to, a.date])).toEqual([
      ['张三', '2024-12-28'],
      ['机关第一党支部', '2024-12-31'],
    ]);
  });

  it('names a member for a date before they left, and refuses dates from their leaving or before they joined', async () => {
    const { branch, campaign, li } = await setUp();
    await addCommitment(campaign.id, { memberId: li.id, text: '带头学习', date: '2024-06-29' });
    await addAward(campaign.id, { to: '李四', memberId: li.id, title: '优秀共产党员', date: '2024-06-29' });
    expect(
      await unchanged(campaign.id, () =>
        addAward(campaign.id, { to: '李四', memberId: li.id, title: '优秀共产党员', date: '2024-06-30' }),
      ),
    ).toEqual(['“李四”已于 2024-06-30 离开支部，不能登记']);
    const late = await createMember(branch.id, {
      name: '赵六',
      gender: '女',
      birthDate: '1995-01-01',
      joinedDate: '2024-07-01',
      status: '预备',
    });
    expect(
      await unchanged(campaign.id, () =>
        addCommitment(campaign.id, { memberId: late.id, text: '承诺', date: '2024-06-30' }),
      ),
    ).toEqual(['“赵六”于 2024-07-01 入党，不能登记此前的记录']);
    await addCommitment(campaign.id, { memberId: late.id, text: '承诺', date: '2024-07-01' });
    // One who joined the Party elsewhere is this branch's from the day she transferred in.
    const transferred = await createMember(branch.id, {
      name: '王芳',
      gender: '女',
      birthDate: '1985-05-01',
      joinedDate: '2010-07-01',
      joinedBranchDate: '2024-07-01',
      status: '正式',
    });
    expect(
      await unchanged(campaign.id, () =>
        addCommitment(campaign.id, { memberId: transferred.id, text: '承诺', date: '2024-06-30' }),
      ),
    ).toEqual(['“王芳”于 2024-07-01 转入本支部，不能登记此前的记录']);
  });

  it('removes a review and an award by their place in the list', async () => {
    const { campaign } = await setUp();
    await addReview(campaign.id, { leader: '赵书记', date: '2024-07-01', comment: '好' });
    await addReview(campaign.id, { leader: '钱部长', date: '2024-08-01', comment: '很好' });
    await addAward(campaign.id, { to: '支部', title: '先进', date: '2024-12-28' });
    await removeReview(campaign.id, 0);
    await removeAward(campaign.id, 0);
    const stored = (await db.campaigns.get(campaign.id))!;
    expect(stored.reviews.map((r) => r.leader)).toEqual(['钱部长']);
    expect(stored.awards).toEqual([]);
  });

  it('refuses a commitment of a member who has left, of another branch, or a second one', async () => {
    const { campaign, li, stranger, zhang } = await setUp();
    expect(
      await unchanged(campaign.id, () =>
        addCommitment(campaign.id, { memberId: li.id, text: '承诺', date: '2024-07-01' }),
      ),
    ).toEqual(['“李四”已于 2024-06-30 离开支部，不能登记']);
    expect(
      await unchanged(campaign.id, () =>
        addCommitment(campaign.id, { memberId: stranger.id, text: '承诺', date: '2024-07-01' }),
      ),
    ).toEqual(['所选党员不在本支部名册中，请重新选择']);
    await addCommitment(campaign.id, { memberId: zhang.id, text: '承诺', date: '2024-07-01' });
    expect(
      await unchanged(campaign.id, () =>
        addCommitment(campaign.id, { memberId: zhang.id, text: '又一条', date: '2024-07-02' }),
      ),
    ).toEqual(['“张三”已有公开承诺，请修改原承诺或先删除']);
    await removeCommitment(campaign.id, zhang.id);
    expect((await db.campaigns.get(campaign.id))!.commitments).toEqual([]);
  });

  it.each([
    [{ satisfied: -1, fair: 0, dissatisfied: 0 }, '人数不能为负数'],
    [{ satisfied: 2.5, fair: 0, dissatisfied: 0 }, '人数应为整数'],
    [{ satisfied: 1, fair: Number.NaN, dissatisfied: 0 }, '请填写人数'],
  ])('refuses satisfaction counts %o', async (counts, message) => {
    const { campaign } = await setUp();
    expect(await unchanged(campaign.id, () => setSatisfaction(campaign.id, counts))).toContain(message);
  });

  it('refuses records and assessments of another branch', async () => {
    const { campaign, other } = await setUp();
    await db.meetings.add({ id: 'mt-x', branchId: other.id, topic: '别的', date: '2024-06-01' } as never);
    expect(await unchanged(campaign.id, () => linkMeeting(campaign.id, 'mt-x'))).toEqual([
      '所选记录不存在或不属于本支部',
    ]);
    expect(await unchanged(campaign.id, () => setCampaignAssessment(campaign.id, 'nope'))).toEqual([
      '所选考评不存在或不属于本支部',
    ]);
  });

  it('refuses new phases that would leave entered step records outside their span, naming them', async () => {
    const { campaign, zhang } = await setUp();
    await addCommitment(campaign.id, { memberId: zhang.id, text: '带头学习', date: '2024-10-30' });
    await addReview(campaign.id, { leader: '赵书记', date: '2024-12-20', comment: '好' });
    await addAward(campaign.id, { to: '支部', title: '先进', date: '2024-12-28' });
    const shorter = PHASES.map((p, i) =>
      i === 2 ? { ...p, end: '2024-09-30' } : i === 3 ? { ...p, start: '2024-10-01', end: '2024-11-30' } : p,
    );
    let issues: unknown;
    const messages = await unchanged(campaign.id, async () => {
      try {
        return await updateCampaign(campaign.id, { name: '争做×先锋', phases: shorter });
      } catch (error) {
        issues = (error as { issues?: unknown }).issues;
        throw error;
      }
    });
    expect(messages).toHaveLength(2);
    expect(issues).toEqual([
      {
        path: 'phases.2.end',
        message:
          '已登记的 1 条公开承诺将不在“全面争创”阶段（2024-05-01至2024-09-30）内：张三的公开承诺（2024-10-30）。' +
          '请调整阶段日期，或先删除这些记录',
      },
      {
        path: 'phases.3.end',
        message:
          '已登记的 1 条领导点评将不在“全面争创”至“完善提升”阶段（2024-05-01至2024-11-30）内：赵书记的领导点评（2024-12-20）。' +
          '请调整阶段日期，或先删除这些记录；' +
          '已登记的 1 条评选表彰将不在“全面争创”至“完善提升”阶段（2024-05-01至2024-11-30）内：表彰「支部：先进」（2024-12-28）。' +
          '请调整阶段日期，或先删除这些记录',
      },
    ]);
  });

  it('edits the name and theme of a campaign whose records lie outside 全面争创, without re-checking them', async () => {
    const { campaign } = await setUp();
    // As in the sample data (and rows saved before 完善提升 was allowed): a year-end award.
    await db.campaigns.update(campaign.id, {
      awards: [{ to: '张三', title: '优秀共产党员', date: '2024-12-28' }],
      commitments: [{ memberId: 'gone', text: '旧承诺', date: '2024-04-20' }],
    });
    const saved = await updateCampaign(campaign.id, {
      name: '争做×先锋',
      theme: '履职尽责促发展、推动和谐做贡献',
      phases: PHASES,
    });
    expect(saved.theme).toBe('履职尽责促发展、推动和谐做贡献');
    expect((await db.campaigns.get(campaign.id))!.awards).toHaveLength(1);
    const audit = await listAudit('campaign', campaign.id);
    expect(audit.map((a) => a.summary)).toContain('修改争创活动「争做×先锋」');
    // Moving the phases still re-checks: the old commitment before 全面争创 is named.
    const later = PHASES.map((p, i) => (i === 3 ? { ...p, end: '2024-12-30' } : p));
    expect(
      await unchanged(campaign.id, () => updateCampaign(campaign.id, { name: '争做×先锋', phases: later })),
    ).toEqual([
      '已登记的 1 条公开承诺将不在“全面争创”阶段（2024-05-01至2024-10-31）内：（已不在名册）的公开承诺（2024-04-20）。' +
        '请调整阶段日期，或先删除这些记录',
    ]);
  });
});
