// A date-range 迎检卷宗 made by the app (loadDossierJob: the period's rows read by index, plus what they cite) and by
// the CLI (`npm run dossier`: every row of the branch, read from a backup of the same database) is the same document.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readBackup } from '../../../shared/backup';
import { buildDossier } from '../../../shared/dossier/build';
import { branchVolumeCollector } from '../../../shared/dossier/fromBackup';
import type { DossierData, DossierOptions } from '../../../shared/dossier/data';
import type { Assessment } from '../../../shared/schemas/entities';
import { exportBackupBlob } from '../../../renderer/src/db/backup/export';
import { db } from '../../../renderer/src/db/db';
import { loadDossierJob } from '../../../renderer/src/db/printData';
import { updateBranch } from '../../../renderer/src/db/repositories/branches';
import { createCampaign, linkMeeting, setCampaignAssessment } from '../../../renderer/src/db/repositories/campaigns';
import { createMeeting, deleteMeeting } from '../../../renderer/src/db/repositories/meetings';
import { saveMemberEvaluations } from '../../../renderer/src/db/repositories/memberEvaluations';
import { createResponsibility } from '../../../renderer/src/db/repositories/responsibilities';
import { bytesOf, chunksOf, installCloneableBlob } from '../backup/helpers';
import { meetingInput, seed, setChinaNow } from '../meetings/fixtures';

installCloneableBlob();
beforeEach(() => setChinaNow('2030-06-15T10:00:00'));
afterEach(() => {
  vi.useRealTimers();
});

const OPTIONS: DossierOptions = {
  from: '2029-03-15',
  to: '2029-09-14',
  volume: 1,
  generatedAt: '2030-06-15T02:00:00.000Z',
  appVersion: '0.1.0',
  schemaVersion: 7,
  rulePackId: 'regulation-2018',
};

/** As `npm run dossier` reads a backup (scripts/dossier.ts readBranchVolume, through the same collector). */
async function backupData(branchId: string): Promise<DossierData> {
  const { blob } = await exportBackupBlob({ createdAt: '2030-06-15T02:00:00.000Z' });
  const collector = branchVolumeCollector(branchId);
  const result = await readBackup(chunksOf(await bytesOf(blob)), collector.handlers);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  const volume = collector.result();
  if (!volume) throw new Error('the backup has no such branch');
  return volume.data;
}

function textsOf(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') out.push(node);
  else if (Array.isArray(node)) for (const child of node) textsOf(child, out);
  else if (node && typeof node === 'object') for (const value of Object.values(node)) textsOf(value, out);
  return out;
}

/** A 考评 row as the 考评 page stores it (its repository needs a whole standard; the volume reads only this). */
function assessment(
  branchId: string,
  id: string,
  fields: Pick<Assessment, 'periodStart' | 'periodEnd' | 'date' | 'kind'>,
): Assessment {
  const at = new Date().toISOString();
  return {
    id,
    branchId,
    createdAt: at,
    updatedAt: at,
    standardId: 'std-1',
    standardSnapshot: {
      name: '支部标准化考评标准',
      version: 1,
      builtInKey: '',
      basedOn: '',
      description: '',
      totalScore: 10,
      items: [
        {
          code: 'A1',
          dimension: '工作有记录',
          content: '支委会按月召开',
          method: '',
          maxScore: 10,
          rule: { kind: 'manual' },
        },
      ],
      grades: [{ label: '优秀', minScore: 9 }],
    },
    scores: [{ code: 'A1', score: 9, auto: false, overrideReason: '', comment: '', evidenceIds: [] }],
    total: 9,
    grade: '优秀',
    assessor: '张三',
    ...fields,
  };
}

describe('a range volume from the app and from a backup', () => {
  it('names a campaign’s linked record of another period, prints a 考评 dated before the period and says when the year’s 评议 was held, as the CLI does', async () => {
    const { branch, zhang, li, wang } = await seed();
    const inRange = await createMeeting(branch.id, meetingInput({ kind: '主题党日', date: '2029-06-20' }));
    const after = await createMeeting(
      branch.id,
      meetingInput({ kind: '主题党日', date: '2029-09-22', topic: '参观红色教育基地' }),
    );
    await createMeeting(branch.id, meetingInput({ kind: '支委会', date: '2029-04-10' }));
    // The year's 民主评议, held after the period: the volume prints its results and says when they were given.
    await createMeeting(
      branch.id,
      meetingInput({ kind: '民主评议党员', date: '2029-12-24', topic: '年度民主评议党员' }),
    );
    const campaign = await createCampaign(branch.id, {
      name: '2029年“争做先锋”活动',
      theme: '履职尽责',
      phases: [
        { phase: '调查研究', start: '2029-02-01', end: '2029-02-28' },
        { phase: '动员部署', start: '2029-03-01', end: '2029-03-31' },
        { phase: '全面争创', start: '2029-04-01', end: '2029-10-31' },
        { phase: '完善提升', start: '2029-11-01', end: '2029-12-31' },
      ],
    });
    await linkMeeting(campaign.id, inRange.id);
    await linkMeeting(campaign.id, after.id);
    // A first-quarter 自评 made before the quarter ended, and last year's, which the campaign links.
    await db.assessments.bulkAdd([
      assessment(branch.id, 'as-q1', {
        periodStart: '2029-01-01',
        periodEnd: '2029-03-31',
        date: '2029-03-12',
        kind: '自评',
      }),
      assessment(branch.id, 'as-2028', {
        periodStart: '2028-01-01',
        periodEnd: '2028-12-31',
        date: '2028-12-28',
        kind: '自评',
      }),
    ]);
    await setCampaignAssessment(campaign.id, 'as-2028');
    await createResponsibility(branch.id, {
      year: 2029,
      holderMemberId: zhang.id,
      holderName: '张三',
      role: '第一责任人',
      reports: [{ date: '2029-12-26', summary: '2029年度抓基层党建工作述职。', rating: '好' }],
    });
    await saveMemberEvaluations(
      branch.id,
      2029,
      [zhang, li, wang].map((m) => ({ memberId: m.id, grade: '合格' as const })),
    );

    const job = await loadDossierJob(branch.id, OPTIONS);
    if (job.kind !== 'dossier') throw new Error('not a dossier job');
    const app = buildDossier(job.data, job.options).docDefinition.content;
    const cli = buildDossier(await backupData(branch.id), OPTIONS).docDefinition.content;

    const texts = textsOf(app);
    expect(texts).toContain('（不在本卷期间内的记录：2029年9月22日 主题党日第2次）');
    expect(texts).not.toContain('（不在本卷期间内的记录）');
    expect(texts).toContain('支部标准化考评标准（自评），总分 9 / 10 分，优秀（不在本卷期间内）');
    expect(texts).toContain('2029年度支部标准化考评标准（自评）');
    expect(texts).toContain('2029年度民主评议党员（评议于 2029年12月24日，在本卷期间之后）');
    expect(texts).toContain('2029年12月26日\n在本卷期间之后');
    expect(JSON.stringify(app)).toEqual(JSON.stringify(cli));
  });

  it('says when a cited record deleted before the period was deleted, as the CLI does', async () => {
    // A volume of 2030's second half. The audit clock only moves forward, so the story is told in date order.
    const { branch, zhang } = await seed();
    const june = await createMeeting(branch.id, meetingInput({ date: '2030-06-10', topic: '研究年度工作计划' }));
    await createResponsibility(branch.id, {
      year: 2030,
      holderMemberId: zhang.id,
      holderName: '张三',
      role: '第一责任人',
      tasks: [{ title: '制定年度计划', status: '已完成', note: '支委会研究通过', evidenceMeetingIds: [june.id] }],
    });
    // Deleted on 20 June, before the volume's 1 July: the log read from the period's start does not hold it.
    setChinaNow('2030-06-20T10:00:00');
    await deleteMeeting(june.id);
    setChinaNow('2031-01-10T10:00:00');
    const options: DossierOptions = { ...OPTIONS, from: '2030-07-01', to: '2030-12-31' };

    const job = await loadDossierJob(branch.id, options);
    if (job.kind !== 'dossier') throw new Error('not a dossier job');
    const app = buildDossier(job.data, job.options).docDefinition.content;
    const cli = buildDossier(await backupData(branch.id), options).docDefinition.content;

    const texts = textsOf(app);
    expect(texts).toContain('（该记录已于 2030年6月20日 删除）');
    expect(texts).toContain('删除了支委会草稿「研究年度工作计划」（2030-06-10）');
    expect(texts).not.toContain('（不在本卷期间内的记录）');
    expect(JSON.stringify(app)).toEqual(JSON.stringify(cli));
  });

  it('prints both terms of a period with a 换届 entered before the period began, as the CLI does', async () => {
    // The seed's term runs 2029-01-01 to 2031-12-31; on 1 December 2030 the new term (from 2031-03-01) is entered,
    // before the volume's 2031-01-01: the log read from the period's start does not hold that change.
    const { branch } = await seed();
    setChinaNow('2030-12-01T10:00:00');
    await updateBranch(branch.id, { ...branch, termStart: '2031-03-01', termEnd: '2034-02-28' });
    setChinaNow('2031-07-10T10:00:00');
    await createMeeting(branch.id, meetingInput({ date: '2031-04-10' }));
    const options: DossierOptions = { ...OPTIONS, from: '2031-01-01', to: '2031-06-30' };

    const job = await loadDossierJob(branch.id, options);
    if (job.kind !== 'dossier') throw new Error('not a dossier job');
    const app = buildDossier(job.data, job.options).docDefinition.content;
    const cli = buildDossier(await backupData(branch.id), options).docDefinition.content;

    // 「届期」, its cell's style name, then both terms.
    expect(textsOf(app).join('')).toContain('届期label2029年1月1日至2031年2月28日；2031年3月1日至2034年2月28日');
    expect(JSON.stringify(app)).toEqual(JSON.stringify(cli));
  });
});
