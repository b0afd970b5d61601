// 校验卷宗's verdict in the app: a file whose manifest its own fingerprints do not vouch for is reported as altered (and
// not compared with the ledger), a damaged one says which page, and every data verdict says it covers the data only,
// naming the volume by its period in Chinese and printing the fingerprint.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { extractManifest, type FileIntegrity } from '../../../shared/dossier/extract';
import { createMeeting, updateMeeting } from '../../../renderer/src/db/repositories/meetings';
import { VerifyVerdict } from '../../../renderer/src/features/dossier/VerifyVerdict';
import { verifyDossierPdf } from '../../../renderer/src/features/dossier/verifyDossier';
import { meetingInput, seed, setChinaNow } from '../meetings/fixtures';
import { manifestOf2029 } from './exportedVolume';

vi.mock('../../../shared/dossier/extract', () => ({ extractManifest: vi.fn() }));

beforeEach(() => setChinaNow('2030-06-15T10:00:00'));
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const FP = 'a'.repeat(64);
const OTHER = 'b'.repeat(64);
const GROUPED = `SHA-256 ${'aaaaaaaa '.repeat(7)}aaaaaaaa`;
const intact: FileIntegrity = {
  stated: [
    { place: '文档属性', fingerprint: FP },
    { place: 'XMP 元数据', fingerprint: FP },
    { place: '封面', fingerprint: FP },
  ],
  damagedPages: [],
  otherDamage: false,
};

/** The branch's 2029 volume as extractManifest hands it back, with what the file check found. */
async function exported(branchId: string, integrity: FileIntegrity) {
  const manifest = await manifestOf2029(branchId);
  vi.mocked(extractManifest).mockResolvedValue({ ok: true, manifest, fingerprint: FP, integrity });
}

/** The verdict as 校验卷宗 shows it, as text. */
const shown = async () => {
  render(<VerifyVerdict verdict={await verifyDossierPdf(new Uint8Array([1]))} />);
  return document.body.textContent ?? '';
};

describe('校验卷宗 on the file and its data', () => {
  it('says 一致 with what the check covers, the volume in Chinese and the fingerprint the cover shows', async () => {
    const { branch } = await seed();
    await createMeeting(branch.id, meetingInput({ date: '2029-03-10' }));
    await exported(branch.id, intact);
    const text = await shown();
    expect(
      screen.getByText('卷宗内嵌的数据清单与本机台账一致（本校验只核对数据，不核对页面上印出的内容）'),
    ).toBeTruthy();
    expect(text).toContain('卷宗：甲支部，2029年度，第 1 卷，2030年1月5日 10:00 导出');
    expect(text).toContain(`数据指纹：${GROUPED}（与封面、文档属性、XMP 元数据中的指纹相同）`);
    expect(text).not.toContain('2029-01-01');
  });

  it('names the file it checked, in a verdict and in a refusal', async () => {
    const { branch } = await seed();
    await exported(branch.id, intact);
    render(<VerifyVerdict verdict={await verifyDossierPdf(new Uint8Array([1]))} fileName="甲支部-2029年度卷宗.pdf" />);
    expect(document.body.textContent).toContain('文件：甲支部-2029年度卷宗.pdf卷宗：甲支部，2029年度');
    cleanup();
    render(<VerifyVerdict verdict={{ ok: false, reason: '文件不是 PDF' }} fileName="说明.pdf" />);
    expect(document.body.textContent).toContain('无法校验文件：说明.pdf文件不是 PDF');
  });

  it('reports a manifest its fingerprints do not vouch for as the file altered, without blaming the ledger', async () => {
    const { branch } = await seed();
    const meeting = await createMeeting(branch.id, meetingInput({ date: '2029-03-10' }));
    const altered: FileIntegrity = { ...intact, stated: intact.stated.map((s) => ({ ...s, fingerprint: OTHER })) };
    await exported(branch.id, altered);
    // Even with the ledger changed since, the verdict is about the file: its manifest is not the volume's.
    await updateMeeting(meeting.id, meetingInput({ date: '2029-03-10', topic: '改过的主题' }));
    const outcome = await verifyDossierPdf(new Uint8Array([1]));
    expect(outcome).toMatchObject({ ok: false, reason: '卷宗内嵌数据清单与封面指纹不符，文件可能被改动' });
    const text = await shown();
    expect(text).toContain('卷宗内嵌数据清单与封面指纹不符，文件可能被改动');
    expect(text).toContain(`内嵌数据清单的指纹：${GROUPED}`);
    expect(text).toContain('封面、文档属性、XMP 元数据中记载的指纹：SHA-256 bbbbbbbb');
    expect(text).toContain('因此未作比对');
    expect(text).not.toContain('处差异');
    expect(text).not.toContain('改过的主题');
  });

  it('names the damaged page first, then compares the data, still saying what it covers', async () => {
    const { branch } = await seed();
    const meeting = await createMeeting(branch.id, meetingInput({ date: '2029-03-10' }));
    const damaged: FileIntegrity = { ...intact, damagedPages: [7] };
    await exported(branch.id, damaged);
    await updateMeeting(meeting.id, meetingInput({ date: '2029-03-10', topic: '改过的主题' }));
    const text = await shown();
    const damage =
      '卷宗文件已损坏：第 7 页的页面数据与其校验码不符，该页可能显示不全。请取得完整的原文件，或重新导出卷宗。';
    expect(text).toContain(damage);
    expect(text).toContain('卷宗内嵌的数据清单与本机台账有 1 处差异（本校验只核对数据，不核对页面上印出的内容）');
    expect(text.indexOf(damage)).toBeLessThan(text.indexOf('处差异'));
    expect(text).toContain(`数据指纹：${GROUPED}`);
  });
});
