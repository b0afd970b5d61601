// The 卷宗导出 job read from fake-indexeddb: it carries the 频次规则 chosen on 工作台, so the two never disagree.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SEVEN_HAVES } from '../../../shared/domain/vocab';
import { db } from '../../../renderer/src/db/db';
import { setRulePackId } from '../../../renderer/src/db/repositories/compliance';
import { loadDossierJob } from '../../../renderer/src/db/printData';
import { createCompetition } from '../../../renderer/src/db/repositories/competitions';
import { createLearning } from '../../../renderer/src/db/repositories/learning';
import { createMeeting } from '../../../renderer/src/db/repositories/meetings';
import { createResponsibility } from '../../../renderer/src/db/repositories/responsibilities';
import { meetingInput, seed, setChinaNow } from '../meetings/fixtures';

beforeEach(() => setChinaNow('2030-06-15T10:00:00'));
afterEach(() => {
  vi.useRealTimers();
});

const OPTIONS = {
  year: 2029,
  volume: 1,
  generatedAt: '2030-06-15T02:00:00.000Z',
  appVersion: '0.1.0',
  schemaVersion: 5,
};

describe('loadDossierJob', () => {
  it("carries a meeting of another period that a leader's task cites, so the volume can name it", async () => {
    const { branch, zhang } = await seed();
    const december = await createMeeting(branch.id, meetingInput({ date: '2028-12-20', topic: '上年度的支委会' }));
    await createMeeting(branch.id, meetingInput({ date: '2029-03-10' }));
    await createResponsibility(branch.id, {
      year: 2029,
      holderMemberId: zhang.id,
      holderName: '张三',
      role: '第一责任人',
      tasks: [
        { title: '制定年度计划', status: '已完成', note: '上年末支委会已研究', evidenceMeetingIds: [december.id] },
      ],
    });
    const job = await loadDossierJob(branch.id, OPTIONS);
    expect(job.kind === 'dossier' && job.data.meetings.map((m) => m.date).sort()).toEqual(['2028-12-20', '2029-03-10']);
  });

  it('uses 条例默认 until another pack is chosen, then the chosen one', async () => {
    const { branch } = await seed();
    const before = await loadDossierJob(branch.id, OPTIONS);
    expect(before.kind === 'dossier' && before.options.rulePackId).toBe('regulation-2018');
    await setRulePackId('local-lecture-quarterly');
    const after = await loadDossierJob(branch.id, OPTIONS);
    expect(after.kind === 'dossier' && after.options.rulePackId).toBe('local-lecture-quarterly');
  });

  it("carries the branch's 技能比武, not another branch's", async () => {
    const { branch, other, zhang, chen } = await seed();
    const contest = (name: string, memberId: string, who: string) => ({
      name,
      date: '2029-11-20',
      kind: '技能比武' as const,
      participants: [{ memberId, name: who, score: 90, rank: 1, award: '' }],
    });
    const mine = await createCompetition(branch.id, contest('公文写作比武', zhang.id, '张三'));
    await createCompetition(other.id, contest('乙支部比武', chen.id, '陈静'));
    const job = await loadDossierJob(branch.id, OPTIONS);
    expect(job.kind === 'dossier' && job.data.competitions.map((c) => c.id)).toEqual([mine.id]);
  });

  it("carries the files of the period's meetings and learning entries and the 七有 photos, not a file no record uses", async () => {
    const { branch, zhang, venue } = await seed();
    const at = new Date().toISOString();
    for (const [id, mime] of [
      ['f-meeting', 'image/png'],
      ['f-venue', 'image/jpeg'],
      ['f-learning', 'application/pdf'],
      ['f-unused', 'image/png'],
    ] as const) {
      await db.attachments.add({
        id,
        branchId: branch.id,
        createdAt: at,
        updatedAt: at,
        name: `${id}.bin`,
        mime,
        size: 3,
        sha256: id.padEnd(64, '0'),
        blob: new Blob([new Uint8Array([1, 2, 3])], { type: mime }),
      });
    }
    await createMeeting(branch.id, meetingInput({ date: '2029-05-10', attachmentIds: ['f-meeting'] }));
    await db.venues.update(venue.id, {
      checklist: SEVEN_HAVES.map((h) => ({
        key: h.key,
        ok: true,
        note: '',
        attachmentIds: h.key === 'signs' ? ['f-venue'] : [],
      })),
    });
    await createLearning(branch.id, {
      memberId: zhang.id,
      kind: '季读一本',
      title: '学习党章',
      date: '2029-06-01',
      attachmentIds: ['f-learning'],
    });
    const job = await loadDossierJob(branch.id, OPTIONS);
    if (job.kind !== 'dossier') throw new Error('not a dossier job');
    expect(job.data.attachments.map((a) => a.id).sort()).toEqual(['f-learning', 'f-meeting', 'f-venue']);
    // Only pictures are photos to print; a PDF is listed by name.
    expect(job.photos.map((p) => p.sha256).sort()).toEqual(['f-meeting'.padEnd(64, '0'), 'f-venue'.padEnd(64, '0')]);
  });

  it('keeps a pack the caller names', async () => {
    const { branch } = await seed();
    await setRulePackId('local-lecture-quarterly');
    const job = await loadDossierJob(branch.id, { ...OPTIONS, rulePackId: 'local-lecture-half' });
    expect(job.kind === 'dossier' && job.options.rulePackId).toBe('local-lecture-half');
  });
});
