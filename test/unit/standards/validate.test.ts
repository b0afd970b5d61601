// Standard validation, table-driven: sums, tiers over their item's maximum, grade gaps and overlaps, duplicate codes;
// and an edited standard's schema and cross-field problems in one pass, each naming its item.
import { describe, expect, it } from 'vitest';
import type { StandardFields, StandardItem } from '../../../shared/schemas/entities';
import { BUILT_IN_STANDARDS, standardInputIssues, validateStandard } from '../../../shared/standards';

const frequencyItem = (code: string, maxScore: number, topScore: number): StandardItem => ({
  code,
  dimension: '工作有记录',
  content: '支委会每月召开1次',
  method: '',
  maxScore,
  rule: {
    kind: 'frequency',
    meetingKind: '支委会',
    tiers: [
      { label: '每月1次', per: 'month', minCount: 1, score: topScore },
      { label: '不开', per: 'total', minCount: 0, score: 0 },
    ],
  },
});
const manualItem = (code: string, maxScore: number): StandardItem => ({
  code,
  dimension: '领导有责任',
  content: '书记履行第一责任人职责',
  method: '',
  maxScore,
  rule: { kind: 'manual' },
});

const valid: Pick<StandardFields, 'totalScore' | 'items' | 'grades'> = {
  totalScore: 100,
  items: [frequencyItem('A1', 2, 2), manualItem('A2', 98)],
  grades: [
    { label: '优秀', minScore: 90 },
    { label: '良好', minScore: 80 },
    { label: '一般', minScore: 60 },
    { label: '较差', minScore: 0 },
  ],
};

describe('validateStandard', () => {
  it('accepts a consistent standard and both built-in templates', () => {
    expect(validateStandard(valid)).toEqual([]);
    for (const builtIn of BUILT_IN_STANDARDS) expect(validateStandard(builtIn.fields)).toEqual([]);
  });

  it.each([
    {
      name: 'item maxima that do not add up to the total',
      change: { items: [frequencyItem('A1', 2, 2), manualItem('A2', 95)] },
      expected: [{ path: 'items', message: '各项满分之和为 97，与总分 100 不一致' }],
    },
    {
      name: 'a tier worth more than its item',
      change: { items: [frequencyItem('A1', 2, 3), manualItem('A2', 98)] },
      expected: [
        {
          path: 'items.0.rule.tiers.0.score',
          message: '第 1 项“支委会每月召开1次”的档次“每月1次”为 3 分，超过该项满分 2 分',
        },
      ],
    },
    {
      name: 'duplicate item codes',
      change: { items: [frequencyItem('A1', 2, 2), manualItem('A1', 98)] },
      expected: [{ path: 'items.1.code', message: '编号“A1”重复：第 1 项和第 2 项不能使用同一编号' }],
    },
    {
      name: 'a gap below the lowest band',
      change: {
        grades: [
          { label: '优秀', minScore: 90 },
          { label: '合格', minScore: 60 },
        ],
      },
      expected: [{ path: 'grades.1.minScore', message: '最低等次“合格”应从 0 分起，否则低于 60 分没有对应的等次' }],
    },
    {
      name: 'overlapping bands (equal thresholds)',
      change: {
        grades: [
          { label: '优秀', minScore: 80 },
          { label: '良好', minScore: 80 },
          { label: '较差', minScore: 0 },
        ],
      },
      expected: [{ path: 'grades.1.minScore', message: '等次“良好”与“优秀”的起点都是 80 分，区间重叠' }],
    },
    {
      name: 'bands out of order',
      change: {
        grades: [
          { label: '良好', minScore: 80 },
          { label: '优秀', minScore: 90 },
          { label: '较差', minScore: 0 },
        ],
      },
      expected: [
        {
          path: 'grades.1.minScore',
          message: '等次应按起点分数从高到低排列：“优秀”（90 分）应排在“良好”（80 分）之前',
        },
      ],
    },
    {
      name: 'a duplicate band label',
      change: {
        grades: [
          { label: '优秀', minScore: 90 },
          { label: '优秀', minScore: 0 },
        ],
      },
      expected: [{ path: 'grades.1.label', message: '等次名称“优秀”重复' }],
    },
    {
      name: 'a threshold above the total',
      change: {
        grades: [
          { label: '优秀', minScore: 110 },
          { label: '较差', minScore: 0 },
        ],
      },
      expected: [{ path: 'grades.0.minScore', message: '等次“优秀”的起点 110 分超过总分 100 分，永远达不到' }],
    },
  ])('reports $name', ({ change, expected }) => {
    expect(validateStandard({ ...valid, ...change })).toEqual(expected);
  });

  it('half points add up exactly (no floating-point false alarms)', () => {
    const items = [manualItem('A', 0.1), manualItem('B', 0.2), manualItem('C', 99.7)];
    expect(validateStandard({ ...valid, items })).toEqual([]);
  });
});

describe('standardInputIssues', () => {
  const input = { name: '本单位标准', description: '', ...valid };

  it('accepts a consistent standard', () => {
    expect(standardInputIssues(input)).toEqual([]);
  });

  it('reports the schema and the cross-field problems in one pass, each schema issue naming its item', () => {
    const items = [frequencyItem('A1', 2, -1), { ...manualItem('A1', 0), content: ' ' }, manualItem('A3', 90)];
    const grades = [
      { label: '优秀', minScore: 120 },
      { label: '较差', minScore: 0 },
    ];
    expect(standardInputIssues({ ...input, items, grades })).toEqual([
      { path: 'items.0.rule.tiers.0.score', message: '第 1 项档次“每月1次”：分值不能为负数' },
      { path: 'items.1.content', message: '第 2 项：请填写评价内容' },
      { path: 'items.1.maxScore', message: '第 2 项：满分必须大于 0' },
      { path: 'items', message: '各项满分之和为 92，与总分 100 不一致' },
      { path: 'items.1.code', message: '编号“A1”重复：第 1 项和第 2 项不能使用同一编号' },
      { path: 'grades.0.minScore', message: '等次“优秀”的起点 120 分超过总分 100 分，永远达不到' },
    ]);
  });

  it('names the grade band of a band issue, and checks nothing across fields when a value has the wrong type', () => {
    const grades = [
      { label: '', minScore: 90 },
      { label: '较差', minScore: 0 },
    ];
    expect(standardInputIssues({ ...input, grades })).toEqual([
      { path: 'grades.0.label', message: '第 1 个等次：请填写等次' },
    ]);
    const items = [frequencyItem('A1', 2, 2), { ...manualItem('A2', 98), maxScore: '98' as unknown as number }];
    expect(standardInputIssues({ ...input, totalScore: 50, items })).toEqual([
      { path: 'items.1.maxScore', message: expect.stringMatching(/^第 2 项：/) as string },
    ]);
  });
});
