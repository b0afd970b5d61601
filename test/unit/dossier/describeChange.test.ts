// 校验卷宗's report: verifyManifest tells a record that left the volume's period from a deleted one, and every
// category's records are named by what they are (date, member, title), not by their ids.
import { describe, expect, it } from 'vitest';
import { selectForPeriod, type DossierData } from '../../../shared/dossier/data';
import {
  changeSentence,
  describeChanges,
  groupChanges,
  groupSummary,
  manifestLabeler,
} from '../../../shared/dossier/describeChange';
import { buildManifest, verifyManifest, type ManifestChange } from '../../../shared/dossier/manifest';
import type { Standard } from '../../../shared/schemas/entities';
import { makeCompetition, makeDossierData } from './factory';

const period = { from: '2025-01-01', to: '2025-12-31' };
const stamp = { appVersion: 'test', schemaVersion: 1, exportedAt: '2025-12-31T08:00:00.000Z', volume: 1 };

/** The factory's year, with a standard, a campaign and a 技能比武 so that every table of the manifest has a row. */
function exported(): DossierData {
  const data = makeDossierData();
  const standard: Standard = {
    id: 'std1',
    createdAt: '2025-01-05T02:00:00.000Z',
    updatedAt: '2025-01-05T02:00:00.000Z',
    ...data.assessments[0]!.standardSnapshot,
  };
  return {
    ...data,
    standards: [standard],
    campaigns: [
      {
        id: 'c1',
        createdAt: '2025-01-05T02:00:00.000Z',
        updatedAt: '2025-01-05T02:00:00.000Z',
        branchId: 'b1',
        name: '争做先锋活动',
        theme: '',
        phases: [{ phase: '调查研究', start: '2025-03-01', end: '2025-03-31' }],
        commitments: [],
        linkedMeetingIds: [],
        reviews: [],
        satisfaction: [],
        assessmentId: '',
        awards: [],
      },
    ],
    competitions: [makeCompetition()],
  };
}

const manifestOf = (data: DossierData) => buildManifest(selectForPeriod(data, period), period, stamp);
const sorted = (changes: ManifestChange[]) =>
  [...changes].sort((a, b) => `${a.table}${a.id}`.localeCompare(`${b.table}${b.id}`));

describe('verifyManifest', () => {
  it('reports a member whose 离开日期 moved before the period as outOfPeriod, not removed', () => {
    const data = exported();
    const manifest = manifestOf(data);
    const later = {
      ...data,
      members: data.members.map((m) => (m.id === 'm5' ? { ...m, leftDate: '2024-06-30', leftReason: '调离' } : m)),
    };
    expect(verifyManifest(manifest, later)).toEqual([{ kind: 'outOfPeriod', table: 'members', id: 'm5' }]);
  });

  it('reports a meeting re-dated into another year, with its amendment, as outOfPeriod', () => {
    const data = exported();
    const manifest = manifestOf(data);
    const later = { ...data, meetings: data.meetings.map((m) => (m.id === 'mt3' ? { ...m, date: '2024-02-03' } : m)) };
    expect(sorted(verifyManifest(manifest, later))).toEqual([
      { kind: 'outOfPeriod', table: 'audit', id: 'au1' },
      { kind: 'outOfPeriod', table: 'meetings', id: 'mt3' },
    ]);
  });

  it('still reports a record gone from the data as removed, and one of another branch as removed', () => {
    const data = exported();
    const manifest = manifestOf(data);
    const later = {
      ...data,
      learning: [],
      memberEvaluations: data.memberEvaluations.map((e) => ({ ...e, branchId: 'b2' })),
    };
    expect(sorted(verifyManifest(manifest, later))).toEqual([
      { kind: 'removed', table: 'learning', id: 'l1' },
      { kind: 'removed', table: 'memberEvaluations', id: 'me1' },
    ]);
  });

  it("reports the photos of a deleted record as removed, a re-dated record's as outOfPeriod", () => {
    const data = exported();
    const withPhoto = data.meetings.find((m) => m.attachmentIds.length > 0)!;
    const photo = withPhoto.attachmentIds[0]!;
    const manifest = manifestOf(data);
    // Deleted: its attachment rows stay behind in the ledger, but nothing uses them.
    const deleted = { ...data, meetings: data.meetings.filter((m) => m.id !== withPhoto.id) };
    expect(verifyManifest(manifest, deleted)).toContainEqual({ kind: 'removed', table: 'attachments', id: photo });
    const redated = {
      ...data,
      meetings: data.meetings.map((m) => (m.id === withPhoto.id ? { ...m, date: '2024-02-03' } : m)),
    };
    expect(verifyManifest(manifest, redated)).toContainEqual({ kind: 'outOfPeriod', table: 'attachments', id: photo });
  });
});

describe('describeChanges', () => {
  it('names a changed record of every table by what a secretary knows it by, never by its id', () => {
    const data = exported();
    const manifest = manifestOf(data);
    const touch = <T extends { updatedAt: string }>(rows: readonly T[]) =>
      rows.map((r) => ({ ...r, updatedAt: '2026-01-10T02:00:00.000Z' }));
    const later: DossierData = {
      ...data,
      branch: { ...data.branch, parentOrg: '市直机关工委' },
      members: touch(data.members.slice(0, 1)).concat(data.members.slice(1)),
      venues: touch(data.venues),
      venueChecks: touch(data.venueChecks),
      meetings: touch(data.meetings.slice(0, 1)).concat(data.meetings.slice(1)),
      responsibilities: touch(data.responsibilities),
      standards: data.standards.map((s) => ({ ...s, description: '修订说明' })),
      assessments: touch(data.assessments),
      memberEvaluations: touch(data.memberEvaluations),
      learning: touch(data.learning),
      campaigns: touch(data.campaigns),
      competitions: touch(data.competitions),
      audit: data.audit.map((e) => ({ ...e, reason: '更正笔误' })),
      // The manifest keeps an attachment's name, type, size and hash: a renamed photo is a change.
      attachments: data.attachments.map((a, i) => (i === 0 ? { ...a, name: '支部大会现场.png' } : a)),
    };
    const described = describeChanges(verifyManifest(manifest, later), later, period);
    expect(described.map((c) => [c.category, changeSentence(c)])).toEqual([
      ['支部', '已修改  市财政局机关第一党支部'],
      ['党员', '已修改  王建国'],
      ['活动阵地', '已修改  机关党员活动室'],
      ['阵地复查', '已修改  2025-06-30 机关党员活动室'],
      ['会议记录', '已修改  2025-01-03 支部党员大会「传达学习上级会议精神并部署全年党建工作」'],
      ['领导责任', '已修改  王建国 第一责任人 2025 年度'],
      ['评价标准', '已修改  五好五强党支部评价标准（第 1 版）'],
      ['考评', '已修改  2025 年度 自评 2025-12-25'],
      ['民主评议', '已修改  李春梅 2025 年度'],
      ['学习记录', '已修改  2025-05-10 张卫东 月写一篇：学习心得体会'],
      ['争创活动', '已修改  争做先锋活动'],
      ['技能比武', '已修改  2025-11-20 公文写作比武'],
      ['定稿后修改记录', '已修改  2025-02-10 更正「讨论发展党员工作」'],
      ['附件', '已修改  支部大会现场.png'],
    ]);
    for (const c of described) expect(c.record).not.toContain(c.id);
  });

  it('says why a member left the volume, and names a deleted record only by its id', () => {
    const data = exported();
    const manifest = manifestOf(data);
    const later = {
      ...data,
      members: data.members.map((m) => (m.id === 'm5' ? { ...m, leftDate: '2024-06-30', leftReason: '调离' } : m)),
      learning: [],
    };
    const described = describeChanges(verifyManifest(manifest, later), later, period);
    expect(described.map(changeSentence)).toEqual([
      '不再属于本卷期间  陈志强（离开日期 2024-06-30）',
      '已删除（编号 l1）',
    ]);
  });

  it('says a member left the volume because her 转入本支部日期 now falls after it', () => {
    const data = exported();
    const manifest = manifestOf(data);
    const later = {
      ...data,
      members: data.members.map((m) => (m.id === 'm5' ? { ...m, joinedBranchDate: '2026-02-01' } : m)),
    };
    const described = describeChanges(verifyManifest(manifest, later), later, period);
    expect(described.map(changeSentence)).toEqual(['不再属于本卷期间  陈志强（转入本支部日期 2026-02-01）']);
  });

  it('leads with the counts of each category, in the order of the volume', () => {
    const data = exported();
    const manifest = manifestOf(data);
    const extra = { ...data.meetings[0]!, id: 'mt-new', date: '2025-09-09', topic: '新增的支委会' };
    const later: DossierData = {
      ...data,
      meetings: [
        ...data.meetings.map((m) => (m.id === 'mt1' || m.id === 'mt2' ? { ...m, topic: `${m.topic}（改）` } : m)),
        extra,
      ],
      members: data.members.filter((m) => m.id !== 'm10'),
    };
    const groups = groupChanges(describeChanges(verifyManifest(manifest, later), later, period));
    expect(groups.map(groupSummary)).toEqual(['党员：已删除 1', '会议记录：已修改 2、新增 1']);
    expect(groups[1]!.changes.map((c) => c.kind)).toEqual(['changed', 'changed', 'added']);
  });
});

describe('labels in the manifest', () => {
  it('name a record deleted after the export by what the volume recorded of it', () => {
    const data = exported();
    const manifest = buildManifest(selectForPeriod(data, period), period, stamp, manifestLabeler(data, period));
    const learning = data.learning[0]!;
    const line = manifest.records.find((r) => r.table === 'learning' && r.id === learning.id)!;
    expect(line.label).toContain(learning.title);
    const later = { ...data, learning: data.learning.filter((l) => l.id !== learning.id) };
    const [change] = describeChanges(verifyManifest(manifest, later), later, period);
    expect(changeSentence(change!)).toBe(`已删除（${line.label}）`);
    // The label is not compared: renaming a member relabels their entries but changes no entry.
    const renamed = {
      ...data,
      members: data.members.map((m) => (m.id === learning.memberId ? { ...m, name: '改名' } : m)),
    };
    expect(verifyManifest(manifest, renamed)).toEqual([{ kind: 'changed', table: 'members', id: learning.memberId }]);
  });
});
