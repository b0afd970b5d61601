// A member who transferred into the branch (组织关系转入) in the 迎检卷宗: 王芳 joined the Party in 2010 and came on
// 2025-06-01. The 2025 volume counts her as 转入 (not 新入党), says 「2025年6月1日转入」 in the 名册's 期内变动 and why she
// had no 谈心谈话; the 2024 volume does not list her at all, nor asks a 谈心谈话 of her. Rendered and read back with
// poppler-utils, as the other dossier tests do.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECTION_TITLES, buildDossier } from '../../../shared/dossier/build';
import type { DossierData } from '../../../shared/dossier/data';
import { FONT_FILES } from '../../../shared/dossier/layout';
import { renderPdf } from '../../../shared/dossier/render';
import type { Member } from '../../../shared/schemas/entities';
import { makeDossierData } from './factory';
import { hasPoppler } from './poppler';

const STAMP = { generatedAt: '2026-01-05T01:00:00.000Z', appVersion: '0.1.0', schemaVersion: 1 };

const dir = mkdtempSync(join(tmpdir(), 'dossier-transfer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The volume's text in reading order, running headers and footers left out, without whitespace. */
async function renderedText(name: string, data: DossierData, year: number): Promise<string> {
  const fonts = Object.fromEntries(
    FONT_FILES.map((f) => [f, new Uint8Array(readFileSync(join('resources/fonts', f)))]),
  );
  const pdf = join(dir, `${name}.pdf`);
  writeFileSync(pdf, await renderPdf(buildDossier(data, { ...STAMP, year }).docDefinition, fonts));
  return execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 })
    .split('\n')
    .filter((l) => !/迎检卷宗$|^第 \d+ 页 共 \d+ 页$/.test(l.trim()))
    .join('')
    .replace(/\s+/g, '');
}

/**
 * The factory's branch-year with 黄秀英 transferred out in July, 许晨 and 孙立 joining the Party here, and 王芳
 * transferred in on 2025-06-01. The 谈心谈话 of June is between the 书记 and 刘晓燕 only.
 */
function branchYear(year: number): DossierData {
  const data = makeDossierData({ year });
  const base = data.members[9]!;
  const newcomer = (id: string, name: string, over: Partial<Member>): Member => ({
    ...base,
    id,
    name,
    fullMemberDate: '',
    status: '预备',
    partyGroupId: 'g2',
    motto: '',
    ...over,
  });
  data.members = [
    ...data.members.map((m) =>
      m.id === 'm8' ? { ...m, leftDate: '2025-07-15', leftReason: '组织关系转至区人大常委会机关党支部' } : m,
    ),
    newcomer('m11', '许晨', { joinedDate: '2025-03-11' }),
    newcomer('m12', '孙立', { joinedDate: '2025-05-20' }),
    newcomer('m13', '王芳', {
      birthDate: '1985-05-01',
      joinedDate: '2010-07-01',
      fullMemberDate: '2011-07-01',
      joinedBranchDate: '2025-06-01',
      status: '正式',
    }),
  ];
  data.meetings = data.meetings.map((m) =>
    m.kind === '谈心谈话' ? { ...m, attendance: m.attendance.filter((a) => m.talkParties.includes(a.memberId)) } : m,
  );
  return data;
}

const between = (text: string, from: string, to: string) => {
  const start = text.indexOf(from);
  return text.slice(start, text.indexOf(to, start));
};

describe.skipIf(!hasPoppler)('a member who transferred in, in the 卷宗', () => {
  let y2025: string;
  let y2024: string;
  beforeAll(async () => {
    [y2025, y2024] = await Promise.all([
      renderedText('2025', branchYear(2025), 2025),
      renderedText('2024', branchYear(2024), 2024),
    ]);
  }, 120_000);

  it('counts her as 转入 in the year she came, not as 新入党', () => {
    const profile = between(y2025, SECTION_TITLES.profile, '支委会组成与分工');
    expect(profile).toContain('期末12人（正式9人，预备3人）；期内新入党2人，转入1人，转出1人');
  });

  it('says in the 名册 when she came, and keeps her 入党时间', () => {
    const roster = between(y2025, '党员名册（摘要）', '支部文化');
    expect(roster).toMatch(/王芳女正式2010年7月1日第二党小组科员2025年6月1日转入/);
    // Her 转正 was the other branch's, long before; the newcomers joined here.
    expect(roster).not.toContain('2011年7月1日转正');
    expect(roster).toMatch(/许晨.*2025年3月11日入党/);
    expect(roster).toMatch(/黄秀英.*2025年7月15日转出/);
  });

  it('names the transfer where the compliance table lists her missed 谈心谈话', () => {
    const compliance = between(y2025, '组织生活落实情况', '合计达标');
    expect(compliance).toContain('王芳（2025年6月1日转入）：2025年');
  });

  it('leaves her out of a year before she came: not in the 名册, no 谈心谈话 asked of her', () => {
    const roster = between(y2024, '党员名册（摘要）', '支部文化');
    expect(roster).toContain('周海涛');
    expect(roster).not.toContain('王芳');
    const compliance = between(y2024, '组织生活落实情况', '合计达标');
    expect(compliance).toContain('陈志强：2024年');
    expect(compliance).not.toContain('王芳');
  });
});
