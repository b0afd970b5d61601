// The built-in scoring standards, as data: the 「五好五强」 branch standard and a 支部标准化规范化 standard. They are seeded
// into the database once and never edited in place — a branch adapts one through 「复制后修改」.
import type { MeetingKind } from '../domain/vocab';
import type { StandardFields, StandardItem } from '../schemas/entities';

type Tier = { label: string; per: 'month' | 'quarter' | 'half' | 'year' | 'total'; minCount: number; score: number };

const frequency = (meetingKind: MeetingKind, tiers: Tier[]): StandardItem['rule'] => ({
  kind: 'frequency',
  meetingKind,
  tiers,
});
const manual: StandardItem['rule'] = { kind: 'manual' };
const sevenHaves: StandardItem['rule'] = { kind: 'checklist', source: 'sevenHaves' };

/** 「每月1次 / 每季度1次 / 偶尔 / 不开」 tiers of a monthly meeting, scores from the top tier down. */
function monthlyTiers(month: number, quarter: number, seldom: number): Tier[] {
  return [
    { label: '每月1次', per: 'month', minCount: 1, score: month },
    { label: '每季度1次', per: 'quarter', minCount: 1, score: quarter },
    { label: '偶尔召开', per: 'total', minCount: 1, score: seldom },
    { label: '不开', per: 'total', minCount: 0, score: 0 },
  ];
}
/**
 * 「每季度至少1次 / 半年1次 / 偶尔 / 不开」 tiers of a quarterly meeting, scores from the top tier down; the top tier is
 * labelled as the item's method words it.
 */
function quarterlyTiers(quarterLabel: string, quarter: number, half: number, seldom: number): Tier[] {
  return [
    { label: quarterLabel, per: 'quarter', minCount: 1, score: quarter },
    { label: '半年1次', per: 'half', minCount: 1, score: half },
    { label: '偶尔召开', per: 'total', minCount: 1, score: seldom },
    { label: '不开', per: 'total', minCount: 0, score: 0 },
  ];
}
/** 「每季度1次 / 半年1次 / 每年1次 / 未讲」 tiers of 党课, scores from the top tier down. */
function lectureTiers(quarter: number, half: number, year: number): Tier[] {
  return [
    { label: '每季度1次', per: 'quarter', minCount: 1, score: quarter },
    { label: '半年1次', per: 'half', minCount: 1, score: half },
    { label: '每年1次', per: 'year', minCount: 1, score: year },
    { label: '未讲', per: 'total', minCount: 0, score: 0 },
  ];
}
function yearlyTiers(score: number): Tier[] {
  return [
    { label: '每年至少1次', per: 'year', minCount: 1, score },
    { label: '未开展', per: 'total', minCount: 0, score: 0 },
  ];
}

/** 优秀 ≥ 90 / 良好 ≥ 80 / 一般 ≥ 60 / 较差 < 60, highest first. */
export const DEFAULT_GRADES: StandardFields['grades'] = [
  { label: '优秀', minScore: 90 },
  { label: '良好', minScore: 80 },
  { label: '一般', minScore: 60 },
  { label: '较差', minScore: 0 },
];

/** The five 「五好五强」 dimensions, worded as in the source document. */
export const FIVE_GOOD_FIVE_STRONG = [
  '领导班子好、战斗力强',
  '党员队伍好、学习创新强',
  '工作机制好、管理服务强',
  '工作业绩好、作用发挥强',
  '群众反映好、作风转变强',
] as const;
const [D1, D2, D3, D4, D5] = FIVE_GOOD_FIVE_STRONG;

const FIVE_GOOD_ITEMS: StandardItem[] = [
  {
    code: '1.1',
    dimension: D1,
    content: '支委会每月召开1次，研究部署支部工作',
    method: '按会议记录自动计分：每月1次4分，每季度1次2分，偶尔召开1分，不开0分',
    maxScore: 4,
    rule: frequency('支委会', monthlyTiers(4, 2, 1)),
  },
  {
    code: '1.2',
    dimension: D1,
    content: '支部党员大会每季度至少召开1次',
    method: '按会议记录自动计分：每季度1次4分，半年1次2分，偶尔召开1分，不开0分',
    maxScore: 4,
    rule: frequency('支部党员大会', quarterlyTiers('每季度至少1次', 4, 2, 1)),
  },
  {
    code: '1.3',
    dimension: D1,
    content: '班子团结，书记履行第一责任人职责，支委分工明确、落实“一岗双责”',
    method: '查阅责任清单、支委分工和述职材料',
    maxScore: 8,
    rule: manual,
  },
  {
    code: '1.4',
    dimension: D1,
    content: '坚持民主集中制，重大事项集体讨论决定',
    method: '查阅会议记录和决议',
    maxScore: 4,
    rule: manual,
  },
  {
    code: '2.1',
    dimension: D2,
    content: '书记和支委讲党课，每季度至少1次',
    method: '按会议记录自动计分：每季度1次4分，半年1次2分，每年1次1分，未讲0分',
    maxScore: 4,
    rule: frequency('党课', lectureTiers(4, 2, 1)),
  },
  {
    code: '2.2',
    dimension: D2,
    content: '深入开展“日阅一文、月写一篇、季读一本、半年一讲”活动，建设学习型党组织',
    method: '查阅党员学习记录',
    maxScore: 6,
    rule: manual,
  },
  {
    code: '2.3',
    dimension: D2,
    content: '每年开展民主评议党员',
    method: '按记录自动计分：开展4分，未开展0分',
    maxScore: 4,
    rule: frequency('民主评议党员', yearlyTiers(4)),
  },
  {
    code: '2.4',
    dimension: D2,
    content: '争做“五带头、五标兵”优秀共产党员，党员先锋模范作用明显',
    method: '查阅评议和评选表彰材料',
    maxScore: 6,
    rule: manual,
  },
  {
    code: '3.1',
    dimension: D3,
    content: '党员活动阵地达到“七有”标准',
    method: '按主阵地“七有”检查表计分，达到几项得几分',
    maxScore: 7,
    rule: sevenHaves,
  },
  {
    code: '3.2',
    dimension: D3,
    content: '党小组会每月召开1次',
    method: '按会议记录自动计分：每月1次4分，每季度1次2分，偶尔召开1分，不开0分',
    maxScore: 4,
    rule: frequency('党小组会', monthlyTiers(4, 2, 1)),
  },
  {
    code: '3.3',
    dimension: D3,
    content: '每月开展主题党日活动',
    method: '按活动记录自动计分：每月1次4分，每季度1次2分，偶尔开展1分，未开展0分',
    maxScore: 4,
    rule: frequency('主题党日', monthlyTiers(4, 2, 1)),
  },
  {
    code: '3.4',
    dimension: D3,
    content: '“三会一课”等工作记录完整规范，台账管理有序',
    method: '查阅工作记录和台账',
    maxScore: 5,
    rule: manual,
  },
  {
    code: '4.1',
    dimension: D4,
    content: '圆满完成机关中心工作和年度党建工作任务',
    method: '查阅年度工作总结和任务清单',
    maxScore: 10,
    rule: manual,
  },
  {
    code: '4.2',
    dimension: D4,
    content: '围绕“履职尽责促发展、推动和谐做贡献”主题开展争创活动，服务人民、服务代表、服务“三会”成效明显',
    method: '查阅争创活动台账',
    maxScore: 10,
    rule: manual,
  },
  {
    code: '5.1',
    dimension: D5,
    content: '每年召开组织生活会，开展批评与自我批评',
    method: '按会议记录自动计分：召开5分，未召开0分',
    maxScore: 5,
    rule: frequency('组织生活会', yearlyTiers(5)),
  },
  {
    code: '5.2',
    dimension: D5,
    content: '群众满意度高，坚持“群众满意是尺子、社会评价是台子、服务优质是金子”',
    method: '按群众评议满意度计分',
    maxScore: 10,
    rule: manual,
  },
  {
    code: '5.3',
    dimension: D5,
    content: '机关作风效能建设成效明显，无违规违纪问题',
    method: '查阅作风效能建设材料',
    maxScore: 5,
    rule: manual,
  },
];

const RECORDS = '工作有记录';
const VENUES = '活动有阵地';
const RESPONSIBILITY = '领导有责任';
const STANDARDS = '评价有标准';

const STANDARDIZATION_ITEMS: StandardItem[] = [
  {
    code: 'A1',
    dimension: RECORDS,
    content: '支委会每月召开1次',
    method: '按会议记录自动计分：每月1次2分，每季度1次1分，偶尔召开0.5分，不开0分',
    maxScore: 2,
    rule: frequency('支委会', monthlyTiers(2, 1, 0.5)),
  },
  {
    code: 'A2',
    dimension: RECORDS,
    content: '支部党员大会每季度至少召开1次',
    method: '按会议记录自动计分：每季度不少于1次5分，半年1次2分，偶尔召开1分，不开0分',
    maxScore: 5,
    rule: frequency('支部党员大会', quarterlyTiers('每季度不少于1次', 5, 2, 1)),
  },
  {
    code: 'A3',
    dimension: RECORDS,
    content: '党小组会每月召开1次',
    method: '按会议记录自动计分：每月1次3分，每季度1次1.5分，偶尔召开0.5分，不开0分',
    maxScore: 3,
    rule: frequency('党小组会', monthlyTiers(3, 1.5, 0.5)),
  },
  {
    code: 'A4',
    dimension: RECORDS,
    content: '党课每季度至少1次，书记每年至少讲1次',
    method: '按会议记录自动计分：每季度1次4分，半年1次2分，每年1次1分，未讲0分',
    maxScore: 4,
    rule: frequency('党课', lectureTiers(4, 2, 1)),
  },
  {
    code: 'A5',
    dimension: RECORDS,
    content: '每月开展主题党日活动',
    method: '按活动记录自动计分：每月1次4分，每季度1次2分，偶尔开展1分，未开展0分',
    maxScore: 4,
    rule: frequency('主题党日', monthlyTiers(4, 2, 1)),
  },
  {
    code: 'A6',
    dimension: RECORDS,
    content: '每年召开组织生活会',
    method: '按会议记录自动计分：召开3分，未召开0分',
    maxScore: 3,
    rule: frequency('组织生活会', yearlyTiers(3)),
  },
  {
    code: 'A7',
    dimension: RECORDS,
    content: '每年开展民主评议党员',
    method: '按记录自动计分：开展3分，未开展0分',
    maxScore: 3,
    rule: frequency('民主评议党员', yearlyTiers(3)),
  },
  {
    code: 'A8',
    dimension: RECORDS,
    content: '记录要素齐全（时间、地点、主持人、出席情况、内容、决议），签到表和现场照片完整',
    method: '查阅记录，要素缺一项扣0.5分',
    maxScore: 6,
    rule: manual,
  },
  {
    code: 'B1',
    dimension: VENUES,
    content: '党员活动室达到“七有”标准',
    method: '按主阵地“七有”检查表计分，每达到一项得2分',
    maxScore: 14,
    rule: sevenHaves,
  },
  {
    code: 'B2',
    dimension: VENUES,
    content: '阵地定期复查，发现问题及时整改；宣传栏按时更新',
    method: '查阅复查记录，未复查扣2分，问题未整改扣2分',
    maxScore: 6,
    rule: manual,
  },
  {
    code: 'C1',
    dimension: RESPONSIBILITY,
    content: '书记履行第一责任人职责，按时述职',
    method: '查阅责任清单和述职材料',
    maxScore: 10,
    rule: manual,
  },
  {
    code: 'C2',
    dimension: RESPONSIBILITY,
    content: '支委分工明确，落实“一岗双责”',
    method: '查阅支委分工和工作记录',
    maxScore: 10,
    rule: manual,
  },
  {
    code: 'C3',
    dimension: RESPONSIBILITY,
    content: '年度任务清单按期完成，完成情况有佐证',
    method: '查阅任务清单，逾期一项扣1分',
    maxScore: 5,
    rule: manual,
  },
  {
    code: 'D1',
    dimension: STANDARDS,
    content: '对照“五好五强”标准开展自评，接受上级评定和群众评议',
    method: '查阅考评材料',
    maxScore: 10,
    rule: manual,
  },
  {
    code: 'D2',
    dimension: STANDARDS,
    content: '开展民主评议党员和“五带头、五标兵”评选，优秀比例不超过三分之一',
    method: '查阅民主评议记录和测评表',
    maxScore: 8,
    rule: manual,
  },
  {
    code: 'D3',
    dimension: STANDARDS,
    content: '群众满意度测评结果良好',
    method: '按群众评议满意度计分',
    maxScore: 7,
    rule: manual,
  },
];

export interface BuiltInStandard {
  /** Stable id, the same in every installation, so that imported backups reuse the template rather than duplicate it. */
  id: string;
  fields: StandardFields;
}

const builtIn = (key: string, name: string, description: string, items: StandardItem[]): BuiltInStandard => ({
  id: `builtin-${key}-v1`,
  fields: {
    name,
    version: 1,
    builtInKey: key,
    basedOn: '',
    lineageId: `builtin-${key}-v1`,
    description,
    totalScore: 100,
    items,
    grades: DEFAULT_GRADES,
  },
});

export const BUILT_IN_STANDARDS: readonly BuiltInStandard[] = [
  builtIn(
    'five-good-five-strong',
    '“五好五强”先进党支部评价标准',
    '创建“五好五强”先进机关党支部：领导班子好、战斗力强；党员队伍好、学习创新强；工作机制好、管理服务强；工作业绩好、作用发挥强；群众反映好、作风转变强。频次类项目按工作记录自动计分。',
    FIVE_GOOD_ITEMS,
  ),
  builtIn(
    'standardization',
    '支部标准化规范化建设评价标准',
    '依据党建质量标准化管理“活动有阵地、工作有记录、领导有责任、评价有标准”的工作目标；频次类项目按会议记录自动计分，阵地项目按“七有”检查表计分。',
    STANDARDIZATION_ITEMS,
  ),
];
