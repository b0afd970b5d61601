// The rounding the 考评 form's preview and the repository share (each item to the hundredth, half up as written, then
// the sum), the step of the score boxes, and a manual item's deduction needing its 扣分说明.
import { describe, expect, it } from 'vitest';
import { BUILT_IN_STANDARDS, itemScoreProblems, roundScore, scoreStepOf, totalOf } from '../../../shared/standards';

const item = { code: 'C1', content: '书记履行第一责任人职责，按时述职', maxScore: 10 };

describe('rounding', () => {
  it('rounds half up as written, where binary floating point would round 1.025 and 4.975 down', () => {
    expect(roundScore(1.025)).toBe(1.03);
    expect(roundScore(4.975)).toBe(4.98);
    expect(roundScore(1.005)).toBe(1.01);
    expect(roundScore(0.1 + 0.2)).toBe(0.3);
    expect(roundScore(2)).toBe(2);
    expect(roundScore(10 / 7)).toBe(1.43);
  });

  it('totals item by item: raw scores give the same total as the stored, rounded ones', () => {
    const raw = [{ score: 1.025 }, { score: 4.975 }, { score: 84 }];
    expect(totalOf(raw)).toBe(90.01);
    expect(totalOf(raw)).toBe(totalOf(raw.map((s) => ({ score: roundScore(s.score) }))));
  });
});

describe('scoreStepOf', () => {
  it('is half a point for the 标准化规范化 built-in, whose tiers and methods use half points', () => {
    const standardization = BUILT_IN_STANDARDS.find((s) => s.fields.builtInKey === 'standardization')!;
    expect(scoreStepOf(standardization.fields)).toBe(0.5);
  });

  it('is one point for a standard of whole points only', () => {
    const [builtIn] = BUILT_IN_STANDARDS;
    const whole = {
      items: [
        {
          code: '1',
          dimension: '维度',
          content: '内容',
          method: '查阅记录',
          maxScore: 10,
          rule: { kind: 'manual' as const },
        },
      ],
      grades: builtIn!.fields.grades.map((g) => ({ ...g, minScore: Math.round(g.minScore) })),
    };
    expect(scoreStepOf(whole)).toBe(1);
  });
});

describe('扣分说明', () => {
  it('a manual item below its 满分 needs one; at its 满分, or automatic, it does not', () => {
    expect(itemScoreProblems(item, { score: 9, comment: '' })).toEqual([
      { field: 'comment', message: '得分低于满分，须填写扣分说明：“C1 书记履行第一责任人职责，按时述职”' },
    ]);
    expect(itemScoreProblems(item, { score: 9, comment: '  ' })).toHaveLength(1);
    expect(itemScoreProblems(item, { score: 9, comment: '缺书面报告' })).toEqual([]);
    expect(itemScoreProblems(item, { score: 10, comment: '' })).toEqual([]);
    // 9.999 is stored as 10.
    expect(itemScoreProblems(item, { score: 9.999, comment: '' })).toEqual([]);
    expect(itemScoreProblems(item, { score: 1, autoScore: 1, comment: '' })).toEqual([]);
    // Without a comment to check (older callers), nothing is asked.
    expect(itemScoreProblems(item, { score: 9 })).toEqual([]);
  });
});
