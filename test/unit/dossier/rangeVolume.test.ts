// A volume of a date range (「按起止日期」) read from its document definition: the order of same-day records, and how
// year-level material (述职, 考评, 民主评议) dated outside the range is labelled. No PDF rendered.
import { describe, expect, it } from 'vitest';
import { buildDossier } from '../../../shared/dossier/build';
import { selectForPeriod, type DossierData } from '../../../shared/dossier/data';
import type { Meeting } from '../../../shared/schemas/entities';
import { makeDossierData } from './factory';

const BASE = { generatedAt: '2026-01-05T01:00:00.000Z', appVersion: '0.1.0', schemaVersion: 7 };

/** The h2 headings of a definition's texts: textsOf lists a node's text right before its style. */
const headingsOf = (texts: string[]) => texts.filter((_, i) => texts[i + 1] === 'h2');

function textsOf(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') out.push(node);
  else if (Array.isArray(node)) for (const child of node) textsOf(child, out);
  else if (node && typeof node === 'object') for (const value of Object.values(node)) textsOf(value, out);
  return out;
}

describe('same-day records with equal time and 第N次', () => {
  // Two groups' 党小组会 of one evening, each its group's 第1次: only the id tells them apart.
  const data = makeDossierData();
  const template = data.meetings.find((m) => m.kind === '党小组会')!;
  const groupMeeting = (id: string, partyGroupId: string): Meeting => ({
    ...template,
    id,
    partyGroupId,
    topic: `${partyGroupId} 学习交流`,
    date: '2025-04-14',
    startTime: '15:00',
    seq: 1,
  });
  const second = groupMeeting('pg-b', 'g2');
  const first = groupMeeting('pg-a', 'g1');
  const others = data.meetings.filter((m) => m.id !== template.id);
  const volumeOf = (meetings: Meeting[]): DossierData => ({ ...data, meetings });

  it('come out in the same order whichever order the rows were read in (database or backup)', () => {
    const period = { from: '2025-01-01', to: '2025-12-31' };
    const ids = (meetings: Meeting[]) =>
      selectForPeriod(volumeOf(meetings), period)
        .meetings.filter((m) => m.date === '2025-04-14')
        .map((m) => m.id);
    expect(ids([...others, first, second])).toEqual(['pg-a', 'pg-b']);
    expect(ids([second, ...others, first])).toEqual(['pg-a', 'pg-b']);
  });

  it('print the same volume either way', () => {
    const options = { ...BASE, from: '2025-03-15', to: '2025-09-14' };
    const a = buildDossier(volumeOf([...others, first, second]), options);
    const b = buildDossier(volumeOf([second, ...others, first]), options);
    expect(JSON.stringify(b.docDefinition.content)).toEqual(JSON.stringify(a.docDefinition.content));
  });
});

describe('year-level material in a volume of part of a year', () => {
  // The factory's 2025: 述职 on 12-20, the 自评 of the year on 12-25, the 民主评议党员 record on 12-03.
  const data = makeDossierData();
  const texts = (options: { from: string; to: string } | { year: number }, d: DossierData = data) =>
    textsOf(buildDossier(d, { ...BASE, ...options }).docDefinition.content);
  const spring = texts({ from: '2025-03-15', to: '2025-09-14' });
  // What the sections print, without the 卷宗说明 (whose note names both marks).
  const marks = (t: string[]) => t.filter((x) => !x.startsWith('本卷宗为') && /在本卷期间之[前后]/.test(x));
  const year = texts({ year: 2025 });

  it('marks a 述职 and a 考评 dated after the period under their dates', () => {
    expect(spring).toContain('2025年12月20日\n在本卷期间之后');
    expect(spring).toContain('（在本卷期间之后）');
    const dated = buildDossier(data, { ...BASE, from: '2025-03-15', to: '2025-09-14' });
    expect(JSON.stringify(dated.docDefinition.content)).toContain(
      '"text":[{"text":"2025年12月25日","noWrap":true},{"text":"（在本卷期间之后）","noWrap":true}]',
    );
  });

  it('names the year of the 民主评议 and when it was held, on its heading and in its figures', () => {
    expect(headingsOf(spring)).toContain('2025年度民主评议党员（评议于 2025年12月3日，在本卷期间之后）');
    expect(spring.some((t) => t.startsWith('2025年度参评 1 人'))).toBe(true);
    expect(headingsOf(spring)).not.toContain('民主评议党员');
  });

  it('says in 卷宗说明 how year-level material is chosen', () => {
    const note = spring.find((t) => t.startsWith('本卷宗为'))!;
    expect(note).toContain('领导责任（职责、任务清单和述职）和民主评议党员按本卷期间涉及的年度整年收入');
    expect(note).toContain('“在本卷期间之后”');
  });

  it('marks nothing dated inside the period, and says 之前 of what came before it', () => {
    const autumn = texts({ from: '2025-07-01', to: '2025-12-31' });
    expect(autumn).toContain('2025年度民主评议党员');
    expect(autumn.some((t) => t.startsWith('2025年度参评'))).toBe(true);
    expect(marks(autumn)).toEqual([]);
    const lastWeek = texts({ from: '2025-12-24', to: '2025-12-31' });
    expect(lastWeek).toContain('2025年12月20日\n在本卷期间之前');
    expect(lastWeek).toContain('2025年度民主评议党员（评议于 2025年12月3日，在本卷期间之前）');
    expect(marks(lastWeek)).toEqual([
      '2025年12月20日\n在本卷期间之前',
      '2025年度民主评议党员（评议于 2025年12月3日，在本卷期间之前）',
    ]);
  });

  it('places a 民主评议 held after its year for it on 31 December, as 三、工作有记录 does', () => {
    const late: DossierData = {
      ...data,
      meetings: data.meetings.map((m) =>
        m.kind === '民主评议党员' ? { ...m, date: '2026-01-20', forYear: 2025, status: '已定稿' as const } : m,
      ),
    };
    expect(texts({ from: '2025-03-15', to: '2025-09-14' }, late)).toContain(
      '2025年度民主评议党员（评议于 2026年1月20日，在本卷期间之后）',
    );
    expect(texts({ from: '2025-07-01', to: '2025-12-31' }, late)).toContain('2025年度民主评议党员');
  });

  it('leaves a calendar-year volume as it was: no year on 民主评议, nothing marked, no range note', () => {
    expect(year).toContain('民主评议党员');
    expect(year.some((t) => t.startsWith('参评 1 人'))).toBe(true);
    expect(year).toContain('2025年12月20日');
    expect(year.join('\n')).not.toMatch(/在本卷期间|本卷按起止日期编订|2025年度民主评议党员/);
  });
});
