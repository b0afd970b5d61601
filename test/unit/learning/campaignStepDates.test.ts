// 争创活动 step dates: 公开承诺 inside 全面争创; 领导点评 and 评选表彰 from 全面争创 through 完善提升 (year-end awards).
import { describe, expect, it } from 'vitest';
import {
  defaultStepDate,
  isInStepSpan,
  outsideStepSpanMessage,
  samePhases,
  stepDateSpan,
  stepSpanLabel,
  type PhaseDates,
} from '../../../shared/learning';

// The sample data's phases (scripts/seed/year.ts): its two awards are dated 2025-12-28, in 完善提升.
const SAMPLE: PhaseDates[] = [
  { phase: '调查研究', start: '2025-02-10', end: '2025-02-28' },
  { phase: '动员部署', start: '2025-03-01', end: '2025-03-15' },
  { phase: '全面争创', start: '2025-03-16', end: '2025-10-31' },
  { phase: '完善提升', start: '2025-11-01', end: '2025-12-31' },
];

describe('where each step’s records may be dated', () => {
  it('takes the sample’s commitments, reviews and year-end awards as they are dated', () => {
    expect(isInStepSpan(SAMPLE, '公开承诺', '2025-03-20')).toBe(true);
    expect(isInStepSpan(SAMPLE, '领导点评', '2025-07-10')).toBe(true);
    expect(isInStepSpan(SAMPLE, '领导点评', '2025-10-20')).toBe(true);
    expect(isInStepSpan(SAMPLE, '评选表彰', '2025-12-28')).toBe(true);
  });

  it.each([
    ['公开承诺', '2025-03-15', false],
    ['公开承诺', '2025-03-16', true],
    ['公开承诺', '2025-10-31', true],
    ['公开承诺', '2025-11-01', false],
    ['领导点评', '2025-03-15', false],
    ['领导点评', '2025-11-01', true],
    ['领导点评', '2025-12-31', true],
    ['评选表彰', '2025-03-15', false],
    ['评选表彰', '2025-12-31', true],
    ['评选表彰', '2026-01-01', false],
  ] as const)('%s dated %s: %s', (step, date, ok) => {
    expect(isInStepSpan(SAMPLE, step, date)).toBe(ok);
  });

  it('names the phases and their dates, in the refusal too', () => {
    expect(stepSpanLabel(SAMPLE, '公开承诺')).toBe('“全面争创”阶段（2025-03-16至2025-10-31）');
    expect(stepSpanLabel(SAMPLE, '评选表彰')).toBe('“全面争创”至“完善提升”阶段（2025-03-16至2025-12-31）');
    expect(outsideStepSpanMessage(SAMPLE, '领导点评')).toBe(
      '日期不在“全面争创”至“完善提升”阶段（2025-03-16至2025-12-31）内',
    );
    expect(stepDateSpan(SAMPLE, '评选表彰')).toMatchObject({ fromIndex: 2, toIndex: 3 });
  });

  it('accepts nothing while a bounding date is missing', () => {
    const open = SAMPLE.map((p) => (p.phase === '完善提升' ? { ...p, end: '' } : p));
    expect(isInStepSpan(open, '评选表彰', '2025-07-01')).toBe(false);
    expect(stepSpanLabel(open, '评选表彰')).toBe('“全面争创”至“完善提升”阶段（2025-03-16至未设定）');
  });
});

describe('samePhases', () => {
  it('is true for equal dates (a name or theme edit), false when any date moves', () => {
    expect(
      samePhases(
        SAMPLE,
        SAMPLE.map((p) => ({ ...p })),
      ),
    ).toBe(true);
    expect(
      samePhases(
        SAMPLE,
        SAMPLE.map((p, i) => (i === 3 ? { ...p, end: '2025-12-30' } : p)),
      ),
    ).toBe(false);
    expect(samePhases(SAMPLE, SAMPLE.slice(0, 3))).toBe(false);
    expect(samePhases([{ phase: '调查研究' }], [{ phase: '调查研究', start: '', end: '' }])).toBe(true);
  });
});

describe('defaultStepDate', () => {
  const phases = [
    { phase: '全面争创' as const, start: '2025-03-16', end: '2025-10-31' },
    { phase: '完善提升' as const, start: '2025-11-01', end: '2025-12-31' },
  ];
  it('is today while the step’s span runs, else its nearest end', () => {
    expect(defaultStepDate(phases, '评选表彰', '2025-06-01')).toBe('2025-06-01');
    // A 2025 campaign's 表彰 entered in 2026 starts on the campaign's last day, a date the step accepts.
    expect(defaultStepDate(phases, '评选表彰', '2026-11-28')).toBe('2025-12-31');
    expect(defaultStepDate(phases, '公开承诺', '2025-12-05')).toBe('2025-10-31');
    expect(defaultStepDate(phases, '领导点评', '2025-01-10')).toBe('2025-03-16');
    expect(defaultStepDate([], '领导点评', '2025-01-10')).toBe('2025-01-10');
  });
});
