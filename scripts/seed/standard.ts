// The one scoring standard of the demo data: a 支部标准化规范化 standard by the four targets of 党建质量标准化管理, with
// frequency-tier items computed from the records, the 七有 checklist and manual items.
import type { Standard } from '../../shared/schemas/entities';
import { stableId } from './random';

type StandardFields = Omit<Standard, 'id' | 'createdAt' | 'updatedAt'>;

const ITEMS: StandardFields['items'] = [
  {
    code: 'A1',
    dimension: '工作有记录',
    content: '支委会按月召开，议题明确，记录完整',
    method: '按记录自动计分：每月1次2分，每季度1次1分，偶尔召开0.5分，不开0分',
    maxScore: 2,
    rule: {
      kind: 'frequency',
      meetingKind: '支委会',
      tiers: [
        { label: '每月1次', per: 'month', minCount: 1, score: 2 },
        { label: '每季度1次', per: 'quarter', minCount: 1, score: 1 },
        { label: '偶尔召开', per: 'total', minCount: 1, score: 0.5 },
        { label: '不开', per: 'total', minCount: 0, score: 0 },
      ],
    },
  },
  {
    code: 'A2',
    dimension: '工作有记录',
    content: '支部党员大会按季度召开，程序规范',
    method: '按记录自动计分：每季度不少于1次5分，半年1次2分，偶尔召开1分，不开0分',
    maxScore: 5,
    rule: {
      kind: 'frequency',
      meetingKind: '支部党员大会',
      tiers: [
        { label: '每季度不少于1次', per: 'quarter', minCount: 1, score: 5 },
        { label: '半年1次', per: 'half', minCount: 1, score: 2 },
        { label: '偶尔召开', per: 'total', minCount: 1, score: 1 },
        { label: '不开', per: 'total', minCount: 0, score: 0 },
      ],
    },
  },
  {
    code: 'A3',
    dimension: '工作有记录',
    content: '党小组会、党课、主题党日记录要素齐全，签到表和现场照片完整',
    method: '查阅记录，要素缺一项扣0.5分',
    maxScore: 5,
    rule: { kind: 'manual' },
  },
  {
    code: 'B1',
    dimension: '活动有阵地',
    content: '党员活动室达到“七有”标准',
    method: '按七有检查表计分，每有一项得1分',
    maxScore: 7,
    rule: { kind: 'checklist', source: 'sevenHaves' },
  },
  {
    code: 'B2',
    dimension: '活动有阵地',
    content: '阵地定期复查，发现问题及时整改；宣传栏按时更新',
    method: '查阅复查记录，未复查扣1分，问题未整改扣1分',
    maxScore: 3,
    rule: { kind: 'manual' },
  },
  {
    code: 'C1',
    dimension: '领导有责任',
    content: '书记履行第一责任人职责，年度任务按期完成，按时述职',
    method: '查阅责任清单和述职材料，任务逾期一项扣1分',
    maxScore: 5,
    rule: { kind: 'manual' },
  },
  {
    code: 'C2',
    dimension: '领导有责任',
    content: '支委分工明确，落实一岗双责',
    method: '查阅支委分工和工作记录',
    maxScore: 5,
    rule: { kind: 'manual' },
  },
  {
    code: 'D1',
    dimension: '评价有标准',
    content: '按“五带头、五标兵”标准开展民主评议党员，优秀比例不超过三分之一',
    method: '查阅民主评议记录和测评表',
    maxScore: 5,
    rule: { kind: 'manual' },
  },
  {
    code: 'D2',
    dimension: '评价有标准',
    content: '“争做×先锋”活动公开承诺、领导点评、群众评议、量化考评、评选表彰环节完整',
    method: '查阅活动台账，缺一个环节扣2分',
    maxScore: 10,
    rule: { kind: 'manual' },
  },
];

export function makeStandard(seed: number, createdAt: string): Standard {
  return {
    id: stableId(`seed${seed}`, 'standard'),
    name: '机关党支部标准化规范化建设考评标准',
    version: 1,
    builtInKey: '',
    basedOn: '',
    description:
      '依据党建质量标准化管理“活动有阵地、工作有记录、领导有责任、评价有标准”的工作目标制定；频次类项目按会议记录自动计分。',
    totalScore: ITEMS.reduce((sum, item) => sum + item.maxScore, 0),
    items: ITEMS,
    grades: [
      { label: '优秀', minScore: 45 },
      { label: '良好', minScore: 40 },
      { label: '一般', minScore: 30 },
      { label: '较差', minScore: 0 },
    ],
    createdAt,
    updatedAt: createdAt,
  };
}

export function standardFieldsOf(standard: Standard): StandardFields {
  const { id: _id, createdAt: _c, updatedAt: _u, ...fields } = standard;
  return fields;
}
