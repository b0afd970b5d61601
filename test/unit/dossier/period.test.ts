// A volume of part of a year (「按起止日期」): its empty sections, campaign steps and compliance table speak of that
// period, not of the year. Read from the document definition, no PDF rendered.
import { describe, expect, it } from 'vitest';
import { buildDossier } from '../../../shared/dossier/build';
import type { Campaign } from '../../../shared/schemas/entities';
import { makeDossierData } from './factory';

const BASE = { generatedAt: '2026-01-05T01:00:00.000Z', appVersion: '0.1.0', schemaVersion: 6 };

function textsOf(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') out.push(node);
  else if (Array.isArray(node)) for (const child of node) textsOf(child, out);
  else if (node && typeof node === 'object') for (const value of Object.values(node)) textsOf(value, out);
  return out;
}

const campaign: Campaign = {
  id: 'c1',
  branchId: 'b1',
  createdAt: '2025-01-02T00:00:00.000Z',
  updatedAt: '2025-01-02T00:00:00.000Z',
  name: '2025年“争做×先锋”活动',
  theme: '履职尽责促发展',
  phases: [
    { phase: '调查研究', start: '2025-02-10', end: '2025-02-28' },
    { phase: '动员部署', start: '2025-03-01', end: '2025-03-15' },
    { phase: '全面争创', start: '2025-03-16', end: '2025-10-31' },
    { phase: '完善提升', start: '2025-11-01', end: '2025-12-31' },
  ],
  commitments: [],
  linkedMeetingIds: [],
  reviews: [
    { leader: '上半年点评人', date: '2025-05-10', comment: '上半年点评' },
    { leader: '下半年点评人', date: '2025-10-20', comment: '下半年点评' },
  ],
  satisfaction: [],
  assessmentId: '',
  awards: [{ to: '支部', title: '年终表彰', date: '2025-12-28' }],
};

describe('a volume of 2025-01-01 to 2025-06-30', () => {
  const data = { ...makeDossierData(), campaigns: [campaign], venueChecks: [] };
  const half = textsOf(buildDossier(data, { ...BASE, from: '2025-01-01', to: '2025-06-30' }).docDefinition.content);
  const year = textsOf(buildDossier(data, { ...BASE, year: 2025 }).docDefinition.content);

  it('says 本期间无记录 where a year volume says 本年度无记录', () => {
    expect(year).toContain('本年度无记录');
    expect(half).not.toContain('本年度无记录');
    expect(half).toContain('本期间无记录');
  });

  it('prints only the campaign steps dated inside the period', () => {
    expect(year).toEqual(expect.arrayContaining(['上半年点评', '下半年点评', '年终表彰']));
    expect(half).toContain('上半年点评');
    expect(half).not.toContain('下半年点评');
    expect(half).not.toContain('年终表彰');
  });

  it('says which whole periods are counted and that the annual requirements are not', () => {
    const note = (texts: string[]) => texts.find((t) => t.startsWith('合计达标'))!;
    expect(note(half)).toContain(
      '本卷按 2025年1月—6月 6 个完整月、2025年第一季度—第二季度 2 个完整季度统计，未含完整年度。' +
        '本卷期间的党课、组织生活会、民主评议党员、谈心谈话，记录已收入本卷，但不计入上表。',
    );
    expect(half).toContain('本卷未含完整年度');
    expect(note(year)).not.toContain('本卷按');
    expect(year).not.toContain('本卷未含完整年度');
  });
});

describe('更正记录 of a record', () => {
  it("leaves out a 序号 moved by another record's 定稿 (as old databases logged it) and keeps a real 更正", async () => {
    const { selectForPeriod } = await import('../../../shared/dossier/data');
    const data = makeDossierData();
    const entry = (id: string, summary: string, reason: string) => ({
      id,
      at: '2025-06-01T02:00:00.000Z',
      branchId: 'b1',
      entity: 'meeting' as const,
      entityId: 'mt1',
      action: 'amend' as const,
      reason,
      summary,
    });
    const withLog = {
      ...data,
      audit: [
        ...data.audit,
        entry('a1', '序号由第1次调整为第2次', '2025-01-03的支委会记录定稿，按日期顺序重新编号'),
        entry('a2', '更正支委会记录：主题', '主题漏写“党建”二字'),
      ],
    };
    const sel = selectForPeriod(withLog, { from: '2025-01-01', to: '2025-12-31' });
    const ids = sel.amendments.map((e) => e.id);
    expect(ids).toContain('a2');
    expect(ids).not.toContain('a1');
  });
});
