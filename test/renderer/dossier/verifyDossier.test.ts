// 校验卷宗 in the app: the period's data says what left the volume; the whole branch says whether it was deleted or
// only moved out of the period, and every record is named by what it is.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { extractManifest } from '../../../shared/dossier/extract';
import {
  createCompetition,
  deleteCompetition,
  updateCompetition,
} from '../../../renderer/src/db/repositories/competitions';
import { createLearning, deleteLearning, updateLearning } from '../../../renderer/src/db/repositories/learning';
import { createMeeting, updateMeeting } from '../../../renderer/src/db/repositories/meetings';
import { markMemberLeft } from '../../../renderer/src/db/repositories/members';
import { CHANGE_LABELS, verifyDossierPdf } from '../../../renderer/src/features/dossier/verifyDossier';
import { meetingInput, seed, setChinaNow } from '../meetings/fixtures';
import { manifestOf2029 } from './exportedVolume';

vi.mock('../../../shared/dossier/extract', () => ({ extractManifest: vi.fn() }));

beforeEach(() => setChinaNow('2030-06-15T10:00:00'));
afterEach(() => {
  vi.useRealTimers();
});

/** Exports the branch's 2029 volume as the PDF would carry it: the manifest extractManifest will hand back. */
async function exportVolume(branchId: string) {
  const manifest = await manifestOf2029(branchId);
  vi.mocked(extractManifest).mockResolvedValue({ ok: true, manifest, fingerprint: 'f'.repeat(64) });
}

describe('verifyDossierPdf', () => {
  it('tells records moved out of the period from deleted ones, and names them', async () => {
    const { branch, zhang, wang } = await seed();
    const meeting = await createMeeting(branch.id, meetingInput({ date: '2029-03-10', topic: '研究部署季度工作' }));
    const moved = await createLearning(branch.id, {
      memberId: zhang.id,
      kind: '月写一篇',
      title: '学习心得',
      date: '2029-05-10',
    });
    const gone = await createLearning(branch.id, {
      memberId: zhang.id,
      kind: '月写一篇',
      title: '第二篇心得',
      date: '2029-06-10',
    });
    await exportVolume(branch.id);

    await updateMeeting(meeting.id, meetingInput({ date: '2028-11-10', topic: '研究部署季度工作' }));
    await updateLearning(moved, { memberId: zhang.id, kind: '月写一篇', title: '学习心得', date: '2028-12-10' });
    await deleteLearning(gone);
    await markMemberLeft(wang.id, { leftDate: '2028-12-31', leftReason: '调离' });

    const outcome = await verifyDossierPdf(new Uint8Array([1]));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.summary).toEqual([
      '党员：不再属于本卷期间 1',
      '会议记录：不再属于本卷期间 1',
      '学习记录：不再属于本卷期间 1、已删除 1',
    ]);
    expect(outcome.changes.map((c) => [c.category, CHANGE_LABELS[c.kind], c.record])).toEqual([
      ['党员', '不再属于本卷期间', '王五（离开日期 2028-12-31）'],
      ['会议记录', '不再属于本卷期间', '2028-11-10 支委会「研究部署季度工作」'],
      ['学习记录', '不再属于本卷期间', '2028-12-10 张三 月写一篇：学习心得'],
      ['学习记录', '导出后被删除', `编号 ${gone.id}`],
    ]);
  });

  it('sees a 技能比武 edited, re-dated out of the period or deleted since the export', async () => {
    const { branch, zhang } = await seed();
    const contest = (name: string, date: string, score: number) => ({
      name,
      date,
      kind: '技能比武' as const,
      participants: [{ memberId: zhang.id, name: '张三', score, rank: 1, award: '一等奖' }],
    });
    const edited = await createCompetition(branch.id, contest('公文写作比武', '2029-11-20', 90));
    const moved = await createCompetition(branch.id, contest('知识竞赛', '2029-04-08', 80));
    const gone = await createCompetition(branch.id, contest('岗位练兵', '2029-06-01', 70));
    await exportVolume(branch.id);

    await updateCompetition(edited.id, contest('公文写作比武', '2029-11-20', 95));
    await updateCompetition(moved.id, contest('知识竞赛', '2028-12-20', 80));
    await deleteCompetition(gone.id);

    const outcome = await verifyDossierPdf(new Uint8Array([1]));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.summary).toEqual(['技能比武：已修改 1、不再属于本卷期间 1、已删除 1']);
    expect(outcome.changes.map((c) => [CHANGE_LABELS[c.kind], c.record])).toEqual([
      ['导出后被修改', '2029-11-20 公文写作比武'],
      ['不再属于本卷期间', '2028-12-20 知识竞赛'],
      ['导出后被删除', `编号 ${gone.id}`],
    ]);
  });

  it('says 一致 (no changes) for the data the volume was made from', async () => {
    const { branch } = await seed();
    await createMeeting(branch.id, meetingInput({ date: '2029-03-10' }));
    await exportVolume(branch.id);
    const outcome = await verifyDossierPdf(new Uint8Array([1]));
    expect(outcome.ok && outcome.changes).toEqual([]);
  });
});
