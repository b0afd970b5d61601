// 争创活动 repository: the campaign with its four phases, and the six steps' records, each checked and audited.
import Dexie from 'dexie';
import {
  isInStepSpan,
  outsideStepSpanMessage,
  samePhases,
  stepDateSpan,
  stepSpanLabel,
  type DatedStep,
  type PhaseDates,
} from '../../../../shared/learning/campaign';
import { rollStartNote, rollStartOf } from '../../../../shared/rules/roster';
import {
  awardSchema,
  campaignInputSchema,
  commitmentSchema,
  reviewSchema,
  satisfactionInputSchema,
  type Assessment,
  type AwardInput,
  type Campaign,
  type CampaignInput,
  type CommitmentInput,
  type ReviewInput,
  type SatisfactionInput,
} from '../../../../shared/schemas';
import { newId, nowIso } from '../clock';
import { db } from '../db';
import { writeAudit } from './audit';
import { parseInput } from './common';
import { NotFoundError, ValidationError, type ValidationIssue } from './errors';

type CampaignHead = Pick<Campaign, 'name' | 'theme' | 'phases'>;

/** A branch's campaigns, the latest-starting first. */
export async function listCampaigns(branchId: string): Promise<Campaign[]> {
  const list = await db.campaigns.where('branchId').equals(branchId).toArray();
  const startOf = (c: Campaign) => c.phases[0]?.start ?? '';
  return list.sort((a, b) => startOf(b).localeCompare(startOf(a)) || b.createdAt.localeCompare(a.createdAt));
}

export async function getCampaign(id: string): Promise<Campaign | undefined> {
  return db.campaigns.get(id);
}

/** The branch's 考评 for the 量化考评 step, newest first (read by index; the 考评 feature owns writing them). */
export async function listBranchAssessments(branchId: string): Promise<Assessment[]> {
  const list = await db.assessments
    .where('[branchId+date]')
    .between([branchId, Dexie.minKey], [branchId, Dexie.maxKey])
    .toArray();
  return list.reverse();
}

interface DatedRecord {
  step: DatedStep;
  date: string;
  /** How the record is named in a refusal, e.g. 「张三的公开承诺（2025-03-20）」. */
  label: string;
}

/** Every dated step record of a campaign, named for the secretary, to re-check them when the phases change. */
async function datedRecords(c: Campaign): Promise<DatedRecord[]> {
  const members = await db.members.bulkGet(c.commitments.map((x) => x.memberId));
  return [
    ...c.commitments.map((x, i) => ({
      step: '公开承诺' as const,
      date: x.date,
      label: `${members[i]?.name ?? '（已不在名册）'}的公开承诺（${x.date}）`,
    })),
    ...c.reviews.map((x) => ({ step: '领导点评' as const, date: x.date, label: `${x.leader}的领导点评（${x.date}）` })),
    ...c.awards.map((x) => ({
      step: '评选表彰' as const,
      date: x.date,
      label: `表彰「${x.to}：${x.title}」（${x.date}）`,
    })),
  ];
}

/**
 * The records that new phase dates would leave outside their step's span, one issue per step on the phase date that
 * cuts them off (the span's first start when a record falls before it, else its last end).
 */
function recordsOutside(records: readonly DatedRecord[], phases: readonly PhaseDates[]): ValidationIssue[] {
  const byPath = new Map<string, string[]>();
  for (const step of ['公开承诺', '领导点评', '评选表彰'] as const) {
    const outside = records.filter((r) => r.step === step && !isInStepSpan(phases, step, r.date));
    if (outside.length === 0) continue;
    const span = stepDateSpan(phases, step);
    const early = outside.some((r) => span.start && r.date < span.start);
    const path = early ? `phases.${span.fromIndex}.start` : `phases.${span.toIndex}.end`;
    const named =
      outside
        .slice(0, 3)
        .map((r) => r.label)
        .join('、') + (outside.length > 3 ? '等' : '');
    const message =
      `已登记的 ${outside.length} 条${step}将不在${stepSpanLabel(phases, step)}内：${named}。` +
      '请调整阶段日期，或先删除这些记录';
    byPath.set(path, [...(byPath.get(path) ?? []), message]);
  }
  return [...byPath].map(([path, messages]) => ({ path, message: messages.join('；') }));
}

export async function createCampaign(branchId: string, input: CampaignInput): Promise<Campaign> {
  const head: CampaignHead = parseInput(campaignInputSchema, input);
  return db.transaction('rw', [db.branches, db.campaigns, db.auditPages], async () => {
    if (!(await db.branches.get(branchId))) throw new NotFoundError('支部', branchId);
    const at = nowIso();
    const campaign: Campaign = {
      ...head,
      commitments: [],
      linkedMeetingIds: [],
      reviews: [],
      satisfaction: [],
      assessmentId: '',
      awards: [],
      id: newId(),
      branchId,
      createdAt: at,
      updatedAt: at,
    };
    await db.campaigns.add(campaign);
    await writeAudit({
      entity: 'campaign',
      entityId: campaign.id,
      branchId,
      action: 'create',
      summary: `新建争创活动「${campaign.name}」`,
    });
    return campaign;
  });
}

/**
 * Reads the campaign, lets `change` return its new state (or throw a ValidationError), writes it with one audit entry.
 * All inside one transaction: on any error nothing is saved.
 */
async function mutate(
  id: string,
  change: (before: Campaign) => Promise<{ after: Campaign; summary: string }> | { after: Campaign; summary: string },
  action: 'update' | 'delete' = 'update',
): Promise<Campaign> {
  return db.transaction('rw', [db.campaigns, db.members, db.meetings, db.assessments, db.auditPages], async () => {
    const before = await db.campaigns.get(id);
    if (!before) throw new NotFoundError('争创活动', id);
    const { after, summary } = await change(before);
    const stamped: Campaign = { ...after, updatedAt: nowIso() };
    await db.campaigns.put(stamped);
    await writeAudit({ entity: 'campaign', entityId: id, branchId: before.branchId, action, summary });
    return stamped;
  });
}

/**
 * Name, theme and phases. When the phase dates change, refused if a step record already entered would fall outside
 * its step's new span; a change of name or theme alone never re-checks the records.
 */
export async function updateCampaign(id: string, input: CampaignInput): Promise<Campaign> {
  const head: CampaignHead = parseInput(campaignInputSchema, input);
  return mutate(id, async (before) => {
    if (!samePhases(before.phases, head.phases)) {
      const issues = recordsOutside(await datedRecords(before), head.phases);
      if (issues.length > 0) throw new ValidationError(issues);
    }
    return { after: { ...before, ...head }, summary: `修改争创活动「${head.name}」` };
  });
}

export async function deleteCampaign(id: string): Promise<void> {
  await db.transaction('rw', [db.campaigns, db.auditPages], async () => {
    const before = await db.campaigns.get(id);
    if (!before) throw new NotFoundError('争创活动', id);
    await db.campaigns.delete(id);
    await writeAudit({
      entity: 'campaign',
      entityId: id,
      branchId: before.branchId,
      action: 'delete',
      summary: `删除争创活动「${before.name}」`,
    });
  });
}

/** The refusal of a `step` record dated outside its span in this campaign, or undefined. */
function dateIssue(c: Campaign, step: DatedStep, date: string): ValidationIssue | undefined {
  return isInStepSpan(c.phases, step, date)
    ? undefined
    : { path: 'date', message: outsideStepSpanMessage(c.phases, step) };
}

/** The member must be on this branch's roster on `date`: joined here or transferred in by then, not yet left. */
async function memberIssue(branchId: string, memberId: string, date: string): Promise<ValidationIssue | undefined> {
  const member = await db.members.get(memberId);
  if (!member || member.branchId !== branchId) {
    return { path: 'memberId', message: '所选党员不在本支部名册中，请重新选择' };
  }
  if (member.leftDate && member.leftDate <= date) {
    return { path: 'memberId', message: `“${member.name}”已于 ${member.leftDate} 离开支部，不能登记` };
  }
  if (rollStartOf(member) > date) {
    // 「于 2025-06-15 入党」 or 「于 2025-06-01 转入本支部」.
    return { path: 'memberId', message: `“${member.name}”于 ${rollStartNote(member)}，不能登记此前的记录` };
  }
  return undefined;
}

// ── 公开承诺 ──

export async function addCommitment(id: string, input: CommitmentInput): Promise<Campaign> {
  const commitment = parseInput(commitmentSchema, input);
  return mutate(id, async (c) => {
    const issues: ValidationIssue[] = [];
    const outside = dateIssue(c, '公开承诺', commitment.date);
    if (outside) issues.push(outside);
    const memberProblem = await memberIssue(c.branchId, commitment.memberId, commitment.date);
    if (memberProblem) issues.push(memberProblem);
    else if (c.commitments.some((x) => x.memberId === commitment.memberId)) {
      const member = await db.members.get(commitment.memberId);
      issues.push({ path: 'memberId', message: `“${member?.name ?? ''}”已有公开承诺，请修改原承诺或先删除` });
    }
    if (issues.length > 0) throw new ValidationError(issues);
    const member = await db.members.get(commitment.memberId);
    return {
      after: { ...c, commitments: [...c.commitments, commitment] },
      summary: `登记「${member?.name ?? ''}」的公开承诺`,
    };
  });
}

export async function removeCommitment(id: string, memberId: string): Promise<Campaign> {
  return mutate(id, async (c) => {
    const member = await db.members.get(memberId);
    return {
      after: { ...c, commitments: c.commitments.filter((x) => x.memberId !== memberId) },
      summary: `删除「${member?.name ?? memberId}」的公开承诺`,
    };
  });
}

// ── 积极争创: linked records ──

export async function linkMeeting(id: string, meetingId: string): Promise<Campaign> {
  return mutate(id, async (c) => {
    const meeting = await db.meetings.get(meetingId);
    if (!meeting || meeting.branchId !== c.branchId) {
      throw new ValidationError([{ path: 'meetingId', message: '所选记录不存在或不属于本支部' }]);
    }
    if (c.linkedMeetingIds.includes(meetingId)) {
      throw new ValidationError([{ path: 'meetingId', message: '该记录已关联' }]);
    }
    return {
      after: { ...c, linkedMeetingIds: [...c.linkedMeetingIds, meetingId] },
      summary: `关联积极争创记录「${meeting.topic}」（${meeting.date}）`,
    };
  });
}

export async function unlinkMeeting(id: string, meetingId: string): Promise<Campaign> {
  return mutate(id, (c) => ({
    after: { ...c, linkedMeetingIds: c.linkedMeetingIds.filter((m) => m !== meetingId) },
    summary: '取消关联一条积极争创记录',
  }));
}

// ── 领导点评 ──

export async function addReview(id: string, input: ReviewInput): Promise<Campaign> {
  const review = parseInput(reviewSchema, input);
  return mutate(id, (c) => {
    const outside = dateIssue(c, '领导点评', review.date);
    if (outside) throw new ValidationError([outside]);
    return { after: { ...c, reviews: [...c.reviews, review] }, summary: `登记「${review.leader}」的领导点评` };
  });
}

export async function removeReview(id: string, index: number): Promise<Campaign> {
  return mutate(id, (c) => {
    if (!c.reviews[index]) throw new NotFoundError('领导点评', String(index + 1));
    return {
      after: { ...c, reviews: c.reviews.filter((_, i) => i !== index) },
      summary: `删除「${c.reviews[index].leader}」的领导点评`,
    };
  });
}

// ── 群众评议 ──

export async function setSatisfaction(id: string, input: SatisfactionInput): Promise<Campaign> {
  const counts = parseInput(satisfactionInputSchema, input);
  return mutate(id, (c) => ({
    after: {
      ...c,
      satisfaction: [
        { level: '满意', count: counts.satisfied },
        { level: '基本满意', count: counts.fair },
        { level: '不满意', count: counts.dissatisfied },
      ],
    },
    summary: `登记群众评议：满意 ${counts.satisfied}、基本满意 ${counts.fair}、不满意 ${counts.dissatisfied}`,
  }));
}

// ── 量化考评 ──

/** Links a 考评 of this branch ('' unlinks). */
export async function setCampaignAssessment(id: string, assessmentId: string): Promise<Campaign> {
  return mutate(id, async (c) => {
    if (assessmentId) {
      const assessment = await db.assessments.get(assessmentId);
      if (!assessment || assessment.branchId !== c.branchId) {
        throw new ValidationError([{ path: 'assessmentId', message: '所选考评不存在或不属于本支部' }]);
      }
    }
    return {
      after: { ...c, assessmentId },
      summary: assessmentId ? '关联量化考评' : '取消关联量化考评',
    };
  });
}

// ── 评选表彰 ──

export async function addAward(id: string, input: AwardInput): Promise<Campaign> {
  const award = parseInput(awardSchema, input);
  return mutate(id, async (c) => {
    const issues: ValidationIssue[] = [];
    const outside = dateIssue(c, '评选表彰', award.date);
    if (outside) issues.push(outside);
    if (award.memberId) {
      const problem = await memberIssue(c.branchId, award.memberId, award.date);
      if (problem) issues.push(problem);
    }
    if (issues.length > 0) throw new ValidationError(issues);
    return { after: { ...c, awards: [...c.awards, award] }, summary: `表彰「${award.to}」：${award.title}` };
  });
}

export async function removeAward(id: string, index: number): Promise<Campaign> {
  return mutate(id, (c) => {
    const award = c.awards[index];
    if (!award) throw new NotFoundError('表彰', String(index + 1));
    return {
      after: { ...c, awards: c.awards.filter((_, i) => i !== index) },
      summary: `删除表彰「${award.to}」：${award.title}`,
    };
  });
}
