// The typical demo data set (one branch, 2025): a valid backup whose contents are what the issue promises.
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import { daysBetween } from '../../../shared/schemas/common';
import type {
  AuditEntry,
  Branch,
  Meeting,
  Member,
  MemberEvaluation,
  Responsibility,
  Standard,
  Venue,
} from '../../../shared/schemas/entities';
import { DEFAULT_RULE_PACK_ID, getRulePack } from '../../../shared/rules/packs';
import { computeCompliance } from '../../../shared/scoring/compliance';
import { specOf } from '../../../scripts/seed/source';
import { readBack, seedBytes, type ReadBack } from './helpers';

const chinaDate = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);

let data: ReadBack;
let meetings: Meeting[];
let members: Member[];
let branch: Branch;

beforeAll(async () => {
  data = await readBack(await seedBytes(specOf('typical')));
  meetings = data.rows.meetings as Meeting[];
  members = data.rows.members as Member[];
  branch = (data.rows.branches as Branch[])[0]!;
});

describe('typical demo data', () => {
  test('is a valid backup: every row passes its schema and every reference resolves', () => {
    if (!data.inspected.ok) throw new Error(data.inspected.errors.join('\n'));
    expect(data.inspected.branches).toEqual([{ id: branch.id, name: '市人大机关第一党支部' }]);
  });

  test('has one branch of 25 members in 3 groups, with 2 预备党员 and 1 who left with a reason', () => {
    expect(branch.parentOrg).toContain('市人大常委会机关');
    expect(branch.committee.map((c) => c.role)).toEqual(['书记', '副书记', '组织委员', '宣传委员', '纪检委员']);
    expect(branch.partyGroups).toHaveLength(3);
    expect(branch.unitSpirit && branch.deptPhilosophy).toBeTruthy();
    expect(members).toHaveLength(25);
    expect(members.filter((m) => m.status === '预备')).toHaveLength(2);
    const left = members.filter((m) => m.leftDate);
    expect(left).toHaveLength(1);
    expect(left[0]!.leftReason).not.toBe('');
    expect(members.every((m) => m.motto.length > 0)).toBe(true);
    const groupIds = new Set(branch.partyGroups.map((g) => g.id));
    expect(members.every((m) => groupIds.has(m.partyGroupId))).toBe(true);
    expect(new Set(members.map((m) => m.name)).size).toBe(25);
  });

  test('has an activity room with the full 七有 checklist and evidence photos, and a 宣传栏, both re-checked', () => {
    const venues = data.rows.venues as Venue[];
    expect(venues.map((v) => v.kind).sort()).toEqual(['党员活动室', '党建宣传栏']);
    const room = venues.find((v) => v.kind === '党员活动室')!;
    expect(room.areaM2).toBeGreaterThanOrEqual(20);
    expect(room.checklist).toHaveLength(7);
    expect(room.checklist.every((c) => c.ok && c.attachmentIds.length > 0)).toBe(true);
    const checked = new Set((data.rows.venueChecks ?? []).map((c) => c.venueId));
    expect(checked).toEqual(new Set(venues.map((v) => v.id)));
  });

  test('records about 70 meetings of every kind, numbered per kind (党小组会 per 党小组) in date order, with derived fields', () => {
    expect(meetings.length).toBeGreaterThanOrEqual(60);
    expect(meetings.length).toBeLessThanOrEqual(80);
    for (const kind of [
      '支委会',
      '支部党员大会',
      '党小组会',
      '党课',
      '主题党日',
      '组织生活会',
      '民主评议党员',
      '谈心谈话',
    ]) {
      expect(
        meetings.some((m) => m.kind === kind),
        kind,
      ).toBe(true);
    }
    expect(meetings.every((m) => m.date.startsWith('2025-'))).toBe(true);
    // Each sequence: a kind, and for 党小组会 the group too (schema v6).
    const byKind = new Map<string, Meeting[]>();
    const sequenceOf = (m: Meeting) => (m.kind === '党小组会' ? `${m.kind} ${m.partyGroupId}` : m.kind);
    for (const m of meetings) byKind.set(sequenceOf(m), [...(byKind.get(sequenceOf(m)) ?? []), m]);
    expect([...byKind.keys()].filter((k) => k.startsWith('党小组会')).length).toBeGreaterThan(1);
    for (const list of byKind.values()) {
      const ordered = [...list].sort((a, b) => a.seq - b.seq);
      expect(ordered.map((m) => m.seq)).toEqual(ordered.map((_, i) => i + 1));
      expect(ordered.map((m) => m.date)).toEqual([...ordered.map((m) => m.date)].sort());
    }
    for (const m of meetings) {
      // Since schema 3 search terms live in the posting lists restore rebuilds, not on the rows.
      expect(m.terms).toBeUndefined();
      expect(m.attendeeIds).toEqual(
        m.attendance.filter((a) => a.status === '出席' || a.status === '列席').map((a) => a.memberId),
      );
      expect(m.attendance.filter((a) => a.status === '请假' || a.status === '缺席').every((a) => a.reason)).toBe(true);
    }
    expect(meetings.filter((m) => m.kind === '党小组会').every((m) => m.partyGroupId)).toBe(true);
    expect(meetings.some((m) => m.attendance.some((a) => a.status === '请假'))).toBe(true);
    expect(meetings.some((m) => m.guests.length > 0)).toBe(true);
    const content = meetings.filter((m) => m.kind !== '谈心谈话').map((m) => [...m.content].length);
    expect(Math.min(...content)).toBeGreaterThanOrEqual(150);
    expect(meetings.find((m) => m.kind === '组织生活会')!.date >= '2025-10-01').toBe(true);
  });

  test('misses exactly the 支委会 of April and September, by the compliance engine, and meets quorum everywhere', () => {
    const report = computeCompliance({
      branch,
      members,
      meetings,
      from: '2025-01-01',
      to: '2025-12-31',
      asOf: '2026-01-20',
      pack: getRulePack(DEFAULT_RULE_PACK_ID),
    });
    const committee = report.rules.find((r) => r.rule.id === 'committee')!;
    expect(committee.missed.map((p) => p.period.key)).toEqual(['2025-04', '2025-09']);
    expect(report.rules.find((r) => r.rule.id === 'assembly')!.missed).toEqual([]);
    expect(report.rules.find((r) => r.rule.id === 'lecture')!.missed).toEqual([]);
    expect(report.rules.flatMap((r) => r.quorumFailures)).toEqual([]);
  });

  test('has exactly one 补录 record, a couple of drafts and one amendment with a reason', () => {
    const backfilled = meetings.filter((m) => m.backfilled);
    expect(backfilled).toHaveLength(1);
    expect(daysBetween(backfilled[0]!.date, chinaDate(backfilled[0]!.createdAt))).toBeGreaterThan(7);
    expect(meetings.filter((m) => !m.backfilled).every((m) => daysBetween(m.date, chinaDate(m.createdAt)) <= 7)).toBe(
      true,
    );
    const drafts = meetings.filter((m) => m.status === '草稿');
    expect(drafts.length).toBeGreaterThanOrEqual(1);
    expect(drafts.length).toBeLessThanOrEqual(3);
    expect(
      meetings.filter((m) => m.status === '已定稿').every((m) => m.finalizedAt && m.finalizedAt > m.createdAt),
    ).toBe(true);
    const audit = data.rows.audit as AuditEntry[];
    const amends = audit.filter((a) => a.action === 'amend');
    expect(amends).toHaveLength(1);
    expect(amends[0]!.reason).not.toBe('');
    expect(meetings.find((m) => m.id === amends[0]!.entityId)!.status).toBe('已定稿');
    const finalised = new Set(audit.filter((a) => a.action === 'finalize').map((a) => a.entityId));
    expect(finalised.size).toBe(meetings.length - drafts.length);
    expect(audit.filter((a) => a.entity === 'meeting' && a.action === 'create')).toHaveLength(meetings.length);
  });

  test('rates at most one third of members 优秀 and scores a 自评 against a frequency-tier standard', () => {
    const evaluations = data.rows.memberEvaluations as MemberEvaluation[];
    expect(evaluations.length).toBeGreaterThanOrEqual(20);
    expect(evaluations.filter((e) => e.grade === '优秀').length * 3).toBeLessThanOrEqual(evaluations.length);
    expect(evaluations.some((e) => e.grade === '优秀')).toBe(true);
    const standard = (data.rows.standards as Standard[])[0]!;
    expect(standard.builtInKey).toBe('');
    expect(standard.totalScore).toBe(standard.items.reduce((n, i) => n + i.maxScore, 0));
    const committeeItem = standard.items.find((i) => i.rule.kind === 'frequency' && i.rule.meetingKind === '支委会')!;
    expect(committeeItem.rule).toMatchObject({ tiers: [{ score: 2 }, { score: 1 }, { score: 0.5 }, { score: 0 }] });
    const assessment = data.rows.assessments![0]! as {
      scores: { code: string; score: number }[];
      total: number;
      kind: string;
    };
    expect(assessment.kind).toBe('自评');
    // Two missed months: not 每月, but every quarter has one → the 每季度 tier.
    expect(assessment.scores.find((s) => s.code === committeeItem.code)!.score).toBe(1);
    expect(assessment.total).toBe(assessment.scores.reduce((n, s) => n + s.score, 0));
  });

  test('has responsibilities with an overdue task and a 述职, learning entries, and a four-phase campaign', () => {
    const responsibilities = data.rows.responsibilities as Responsibility[];
    const first = responsibilities.find((r) => r.role === '第一责任人')!;
    expect(first.holderName).toBe(branch.committee[0]!.name);
    expect(first.tasks.some((t) => t.status !== '已完成' && t.deadline && t.deadline < '2026-01-20')).toBe(true);
    expect(first.reports).toHaveLength(1);
    expect(responsibilities.length).toBeGreaterThanOrEqual(4);
    const learning = data.rows.learning ?? [];
    expect(learning.length).toBeGreaterThanOrEqual(200);
    expect(learning.length).toBeLessThanOrEqual(600);
    expect(new Set(learning.map((l) => l.kind))).toEqual(new Set(['日阅一文', '月写一篇', '季读一本', '半年一讲']));
    const campaign = data.rows.campaigns![0]! as {
      name: string;
      phases: { phase: string }[];
      commitments: unknown[];
      awards: unknown[];
      satisfaction: unknown[];
    };
    expect(campaign.name).toContain('争做×先锋');
    expect(campaign.phases.map((p) => p.phase)).toEqual(['调查研究', '动员部署', '全面争创', '完善提升']);
    expect(campaign.commitments.length).toBeGreaterThanOrEqual(20);
    expect(campaign.awards.length).toBeGreaterThan(0);
    expect(campaign.satisfaction).toHaveLength(3);
    expect(data.rows.settings).toEqual([{ key: 'currentBranchId', value: branch.id }]);
  });

  test('has about 40 distinct, real 320×240 PNG photos referenced by meetings and the venue', () => {
    expect(data.attachments.length).toBeGreaterThanOrEqual(30);
    expect(data.attachments.length).toBeLessThanOrEqual(50);
    const hashes = new Set<string>();
    for (const { meta, bytes } of data.attachments) {
      expect(meta.mime).toBe('image/png');
      expect(Buffer.from(bytes.subarray(0, 8)).toString('hex')).toBe('89504e470d0a1a0a');
      const view = new DataView(bytes.buffer, bytes.byteOffset);
      expect([view.getUint32(16), view.getUint32(20)]).toEqual([320, 240]);
      expect(bytes.length).toBeGreaterThan(1000);
      expect(bytes.length).toBeLessThan(20_000);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(meta.sha256);
      hashes.add(meta.sha256);
    }
    expect(hashes.size).toBe(data.attachments.length);
    const referenced = new Set([
      ...meetings.flatMap((m) => m.attachmentIds),
      ...(data.rows.venues as Venue[]).flatMap((v) => v.checklist.flatMap((c) => c.attachmentIds)),
    ]);
    expect(referenced).toEqual(new Set(data.attachments.map((a) => a.meta.id)));
  });
});
