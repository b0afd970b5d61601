// 争创活动 rules: phase order, where today falls, the six steps, and the 群众满意率.
import { describe, expect, it } from 'vitest';
import {
  isInActivePhase,
  outsideActivePhaseMessage,
  phaseIssues,
  phaseProgress,
  satisfactionRate,
  stepsDone,
  type PhaseDates,
} from '../../../shared/learning';
import { campaignInputSchema } from '../../../shared/schemas';

const phases = (...spans: [string, string][]): PhaseDates[] =>
  (['调查研究', '动员部署', '全面争创', '完善提升'] as const).map((phase, i) => ({
    phase,
    start: spans[i]?.[0] ?? '',
    end: spans[i]?.[1] ?? '',
  }));

const GOOD = phases(
  ['2024-03-01', '2024-03-31'],
  ['2024-04-01', '2024-04-30'],
  ['2024-05-01', '2024-10-31'],
  ['2024-11-01', '2024-12-31'],
);

describe('phase order', () => {
  it('accepts four ordered, non-overlapping phases', () => {
    expect(phaseIssues(GOOD)).toEqual([]);
  });

  it.each([
    {
      name: 'an end before its start',
      phases: phases(
        ['2024-03-01', '2024-02-01'],
        ['2024-04-01', '2024-04-30'],
        ['2024-05-01', '2024-10-31'],
        ['2024-11-01', '2024-12-31'],
      ),
      path: 'phases.0.end',
      message: '“调查研究”阶段的结束日期不能早于开始日期',
    },
    {
      name: 'overlapping phases',
      phases: phases(
        ['2024-03-01', '2024-03-31'],
        ['2024-04-01', '2024-05-10'],
        ['2024-05-01', '2024-10-31'],
        ['2024-11-01', '2024-12-31'],
      ),
      path: 'phases.2.start',
      message: '“全面争创”阶段应在“动员部署”阶段结束（2024-05-10）之后开始，阶段不能重叠',
    },
    {
      name: 'a missing date',
      phases: phases(
        ['2024-03-01', '2024-03-31'],
        ['2024-04-01', '2024-04-30'],
        ['2024-05-01', ''],
        ['2024-11-01', '2024-12-31'],
      ),
      path: 'phases.2.end',
      message: '请填写“全面争创”阶段的结束日期',
    },
  ])('refuses $name', ({ phases: p, path, message }) => {
    expect(phaseIssues(p)).toContainEqual({ path, message });
    const parsed = campaignInputSchema.safeParse({ name: '争做×先锋', theme: '', phases: p });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => [i.path.join('.'), i.message])).toContainEqual([path, message]);
  });

  it('a one-day phase (end = start) is fine', () => {
    const p = phases(
      ['2024-03-01', '2024-03-01'],
      ['2024-03-02', '2024-03-02'],
      ['2024-03-03', '2024-03-09'],
      ['2024-03-10', '2024-03-10'],
    );
    expect(phaseIssues(p)).toEqual([]);
  });
});

describe('where today falls', () => {
  it.each([
    ['2024-02-01', 0, 'before'],
    ['2024-03-15', 0, 'in'],
    ['2024-06-01', 2, 'in'],
    ['2024-12-31', 3, 'in'],
    ['2025-01-01', 3, 'after'],
  ] as const)('%s → phase %i (%s)', (today, current, state) => {
    expect(phaseProgress(GOOD, today)).toEqual({ current, state });
  });

  it('between two phases it points at the next one', () => {
    const gap = phases(
      ['2024-03-01', '2024-03-10'],
      ['2024-04-01', '2024-04-30'],
      ['2024-05-01', '2024-10-31'],
      ['2024-11-01', '2024-12-31'],
    );
    expect(phaseProgress(gap, '2024-03-20')).toEqual({ current: 1, state: 'between' });
  });

  it('step records must fall inside 全面争创, and the refusal names its dates', () => {
    expect(isInActivePhase(GOOD, '2024-05-01')).toBe(true);
    expect(isInActivePhase(GOOD, '2024-10-31')).toBe(true);
    expect(isInActivePhase(GOOD, '2024-04-30')).toBe(false);
    expect(outsideActivePhaseMessage(GOOD)).toBe('日期不在“全面争创”阶段（2024-05-01至2024-10-31）内');
  });
});

describe('群众满意率', () => {
  it.each([
    { counts: [10, 2, 1], label: '群众满意率 92.3%' },
    { counts: [3, 0, 1], label: '群众满意率 75.0%' },
    { counts: [0, 0, 4], label: '群众满意率 0.0%' },
    { counts: [0, 5, 0], label: '群众满意率 100.0%' },
    { counts: [0, 0, 0], label: '暂无评议' },
  ])('满意/基本满意/不满意 = $counts → $label', ({ counts, label }) => {
    const [a, b, c] = counts as [number, number, number];
    const result = satisfactionRate([
      { level: '满意', count: a },
      { level: '基本满意', count: b },
      { level: '不满意', count: c },
    ]);
    expect(result.total).toBe(a + b + c);
    expect(result.label).toBe(label);
    expect(result.rate).toBe(a + b + c === 0 ? null : (a + b) / (a + b + c));
  });

  it('labels', () => {
    expect(
      satisfactionRate([
        { level: '满意', count: 12 },
        { level: '不满意', count: 1 },
      ]).label,
    ).toBe('群众满意率 92.3%');
    expect(satisfactionRate([]).label).toBe('暂无评议');
  });
});

describe('six steps', () => {
  const empty = { commitments: [], linkedMeetingIds: [], reviews: [], satisfaction: [], assessmentId: '', awards: [] };
  it('none done on a new campaign; each step turns done by its own record', () => {
    expect(stepsDone(empty).filter((s) => s.done)).toEqual([]);
    const full = stepsDone({
      commitments: [{}],
      linkedMeetingIds: ['m'],
      reviews: [{}],
      satisfaction: [{ level: '满意', count: 1 }],
      assessmentId: 'a',
      awards: [{}],
    });
    expect(full.map((s) => s.step)).toEqual(['公开承诺', '积极争创', '领导点评', '群众评议', '量化考评', '评选表彰']);
    expect(full.every((s) => s.done)).toBe(true);
    // Counts of zero are not a 评议.
    expect(stepsDone({ ...empty, satisfaction: [{ level: '满意', count: 0 }] })[3]!.done).toBe(false);
  });
});
