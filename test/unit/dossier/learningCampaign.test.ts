// 六、学习与争创 as an inspector reads it: each member's learning against its targets (完成/应完成 and 完成率, as 学习记录's
// 完成情况 computes them), the branch's rate, who was on the roll only part of the year; and a campaign's six 环节 with
// its 积极争创 records and 量化考评 (each with its page), and the 群众满意率. Rendered and read back with pdftotext.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDossier } from '../../../shared/dossier/build';
import type { DossierData } from '../../../shared/dossier/data';
import { CONTENT_WIDTH, FONT_FILES, PAGE_MARGINS } from '../../../shared/dossier/layout';
import { renderPdf } from '../../../shared/dossier/render';
import { formatRate, learningOverview, satisfactionRate } from '../../../shared/learning';
import { onRosterDuring } from '../../../shared/rules/roster';
import type { Campaign, Learning, Member } from '../../../shared/schemas/entities';
import { makeDossierData } from './factory';
import { hasPoppler } from './poppler';

const STAMP = { generatedAt: '2026-02-10T01:00:00.000Z', appVersion: '0.1.0', schemaVersion: 7 };
const T = '2025-01-01T00:00:00.000Z';
const row = (id: string) => ({ id, createdAt: T, updatedAt: T, branchId: 'b1' });

/**
 * The factory's 2025 branch with 吴静怡 transferred out on 2025-07-15 and 许晨 joining on 2025-06-13, a few learning
 * entries, a campaign with all six 环节 (积极争创: two meetings, 量化考评: the factory's 自评) and one with only 公开承诺.
 */
function data(): DossierData {
  const base = makeDossierData({ year: 2025 });
  const members: Member[] = base.members.map((m) =>
    m.id === 'm10' ? { ...m, leftDate: '2025-07-15', leftReason: '组织关系转出至区委办党支部' } : m,
  );
  members.push({
    ...base.members[9]!,
    ...row('m11'),
    name: '许晨',
    joinedDate: '2025-06-13',
    fullMemberDate: '',
    status: '预备',
    leftDate: '',
    leftReason: '',
  });
  const entry = (id: string, memberId: string, kind: Learning['kind'], date: string): Learning => ({
    ...row(id),
    memberId,
    kind,
    title: `学习${id}`,
    date,
    notes: '',
    attachmentIds: [],
  });
  const learning = [
    ...base.learning,
    entry('l2', 'm11', '季读一本', '2025-08-01'),
    entry('l3', 'm10', '月写一篇', '2025-03-05'),
  ];
  const phases: Campaign['phases'] = [
    { phase: '调查研究', start: '2025-02-10', end: '2025-02-28' },
    { phase: '动员部署', start: '2025-03-01', end: '2025-03-15' },
    { phase: '全面争创', start: '2025-03-16', end: '2025-10-31' },
    { phase: '完善提升', start: '2025-11-01', end: '2025-12-31' },
  ];
  const full: Campaign = {
    ...row('cg1'),
    name: '2025年争做先锋活动',
    theme: '履职尽责促发展',
    phases,
    commitments: [{ memberId: 'm2', text: '带头学习提高', date: '2025-03-20' }],
    linkedMeetingIds: ['mt1', 'mt6'],
    reviews: [{ leader: '王建国', date: '2025-07-10', comment: '承诺践诺情况总体良好' }],
    satisfaction: [
      { level: '满意', count: 50 },
      { level: '基本满意', count: 3 },
      { level: '不满意', count: 2 },
    ],
    assessmentId: 'as1',
    awards: [{ to: '李春梅', memberId: 'm2', title: '优秀共产党员', date: '2025-12-28' }],
  };
  const partial: Campaign = {
    ...row('cg2'),
    name: '2025年岗位建功活动',
    theme: '',
    phases,
    commitments: [{ memberId: 'm3', text: '办文办会零差错', date: '2025-04-01' }],
    linkedMeetingIds: [],
    reviews: [],
    satisfaction: [],
    assessmentId: '',
    awards: [],
  };
  return { ...base, members, learning, campaigns: [full, partial] };
}

describe('六、学习与争创 in the definition', () => {
  const text = JSON.stringify(buildDossier(data(), { ...STAMP, year: 2025 }).docDefinition.content);

  it('says how many of the six 环节 a campaign has done, and which are missing', () => {
    expect(text).toContain('全面争创六个环节：已完成 6/6');
    expect(text).toContain('全面争创六个环节：已完成 1/6');
    expect(text).toContain('（未完成：积极争创、领导点评、群众评议、量化考评、评选表彰）');
  });
});

describe('a volume of part of a year', () => {
  it('counts only the months, quarters and halves wholly inside it, as the compliance table does', () => {
    const text = JSON.stringify(
      buildDossier(data(), { ...STAMP, from: '2025-03-01', to: '2025-06-30' }).docDefinition.content,
    );
    // 11 members on the roll (许晨 from 13 June): each owes March to June twice over (日阅一文, 月写一篇) and the second
    // quarter, no half-year — 10 × 9; 许晨 June twice and the second quarter — 3. 吴静怡's March 月写一篇 and 张卫东's May
    // one are met. Before, the first quarter and the first half were judged on the part inside the volume too.
    expect(text).toContain('全支部学习完成率 2.2%（已完成 2 / 应完成 93）');
    expect(text).toContain('跨出本卷期间的季度、半年不在本卷统计');
  });
});

describe.skipIf(!hasPoppler)('六、学习与争创 read back from the PDF', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-learning-'));
  const pdf = join(dir, 'vol.pdf');
  const d = data();
  let pages: string[] = [];
  let section = '';
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeAll(async () => {
    const fonts = Object.fromEntries(
      FONT_FILES.map((f) => [f, new Uint8Array(readFileSync(join('resources/fonts', f)))]),
    );
    writeFileSync(pdf, await renderPdf(buildDossier(d, { ...STAMP, year: 2025 }).docDefinition, fonts));
    pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 26 }).split('\f');
    const all = pages.join('\f');
    const start = all.lastIndexOf('六、学习与争创');
    section = all.slice(start, all.indexOf('技能比武', start));
  }, 120_000);

  /** The page number a line of the section ends with (its page reference), and the page it is on. */
  const pageNamedBy = (label: string) => {
    const line = section.split('\n').find((l) => l.includes(label))!;
    expect(line, label).toBeDefined();
    return Number(/(\d+)\s*$/.exec(line)![1]);
  };

  it('states the targets once and the branch rate as 学习记录 computes it', () => {
    expect(section).toContain('日阅一文每月至少 20 天有阅读记录');
    expect(section).toContain('季读一本每季度至少 1 本');
    // The same function as the app's 完成情况, over the members on the roll during 2025.
    const overview = learningOverview({
      from: '2025-01-01',
      to: '2025-12-31',
      today: '2026-02-10',
      members: d.members.filter((m) => onRosterDuring(m, '2025-01-01', '2025-12-31')),
      entries: d.learning,
    });
    const b = overview.branch;
    expect(`${b.done}/${b.due}`).toBe('3/308');
    expect(section).toContain(`全支部学习完成率 ${formatRate(b.rate)}（已完成 ${b.done} / 应完成 ${b.due}）`);
  });

  it('prints 完成/应完成 and 完成率 per member and target, and the overall rate', () => {
    // 张卫东: one 月写一篇 in May; every month and quarter of 2025 is due.
    const zhang = section.split('\n').find((l) => l.trimStart().startsWith('张卫东'))!;
    expect(zhang.split(/\s{2,}/).slice(1)).toEqual(['0/12 0.0%', '1/12 8.3%', '0/4 0.0%', '0/2 0.0%', '1/30 3.3%']);
    // A member with no entry at all is listed too, at 0.
    const wang = section.split('\n').find((l) => l.trimStart().startsWith('王建国'))!;
    expect(wang).toContain('0/30 0.0%');
  });

  it('marks who was on the roll only part of the year, in the 名册 words, with the shorter targets', () => {
    const lines = section.split('\n');
    const wu = lines.findIndex((l) => l.trimStart().startsWith('吴静怡'));
    // Transferred out on 15 July: January to July, the first three quarters, both halves.
    expect(lines[wu]!.split(/\s{2,}/).slice(1)).toEqual(['0/7 0.0%', '1/7 14.3%', '0/3 0.0%', '0/2 0.0%', '1/19 5.3%']);
    expect(lines.slice(wu + 1, wu + 3).join('')).toMatch(/2025年7月15日\s*转出/);
    const xu = lines.findIndex((l) => l.trimStart().startsWith('许晨'));
    // Joined on 13 June: June to December, the last three quarters, both halves.
    expect(lines[xu]!.split(/\s{2,}/).slice(1)).toEqual(['0/7 0.0%', '0/7 0.0%', '1/3 33.3%', '0/2 0.0%', '1/19 5.3%']);
    expect(lines.slice(xu + 1, xu + 3).join('')).toMatch(/2025年6月13日\s*入党/);
  });

  it('keeps the learning table within the page width', () => {
    const first = pages.findIndex((p) => p.includes('全支部学习完成率'));
    const html = execFileSync('pdftotext', ['-bbox', '-f', String(first + 1), '-l', String(first + 1), pdf, '-'], {
      encoding: 'utf8',
    });
    const right = PAGE_MARGINS[0] + CONTENT_WIDTH + 0.5;
    const xMax = [...html.matchAll(/xMax="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(xMax.length).toBeGreaterThan(50);
    expect(Math.max(...xMax)).toBeLessThanOrEqual(right);
  });

  it('lists the 积极争创 records with the page each is on, and the linked 考评 with its total and page', () => {
    const all = pages.join('\f');
    expect(section).toContain('全面争创六个环节：已完成 6/6');
    expect(section).toContain('积极争创：关联工作记录 2 条');
    for (const id of ['mt1', 'mt6']) {
      const m = d.meetings.find((x) => x.id === id)!;
      const page = pageNamedBy(`${m.kind}第${m.seq}次`);
      expect(pages[page - 1]).toContain(m.topic);
    }
    expect(all).not.toContain('00000');
    const assessmentPage = pageNamedBy('总分 3.5 / 100 分，一般');
    expect(section).toContain('五好五强党支部评价标准（自评），总分 3.5 / 100 分，一般');
    expect(pages[assessmentPage - 1]).toContain('五好五强党支部评价标准（自评）');
    expect(pages[assessmentPage - 1]).toContain('考评期间');
  });

  it('gives the 群众评议 the app’s 群众满意率', () => {
    const label = satisfactionRate(d.campaigns[0]!.satisfaction).label;
    expect(label).toBe('群众满意率 96.4%');
    expect(section).toContain(`满意 50 人，基本满意 3 人，不满意 2 人；${label}`);
  });
});
