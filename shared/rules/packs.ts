// Frequency rule packs as data: the 2018 《中国共产党支部工作条例（试行）》 defaults and selectable local variants.
import type { MeetingKind } from '../domain/vocab';
import type { PeriodUnit } from './periods';

export type RuleScope =
  /** The branch as a whole must hold the meeting. */
  | 'branch'
  /** Every party group (党小组) must hold its own. */
  | 'partyGroup'
  /** Every current member must be a party to one (谈心谈话). */
  | 'member';

export interface FrequencyRule {
  id: string;
  label: string;
  meetingKind: MeetingKind;
  per: PeriodUnit;
  /** Meetings needed in each period (per group / per member when scoped so). */
  min: number;
  scope: RuleScope;
  /** Only meetings whose lecturer is the branch secretary count (党课 by the secretary). */
  bySecretary?: boolean;
  /** Which pillar of 党建质量标准化 the rule evidences. */
  pillar: 'records';
  requirement: string;
}

export interface RulePack {
  id: string;
  name: string;
  description: string;
  rules: FrequencyRule[];
}

const BASIS = '2018年《中国共产党支部工作条例（试行）》';

const REGULATION_RULES: FrequencyRule[] = [
  {
    id: 'assembly',
    label: '支部党员大会',
    meetingKind: '支部党员大会',
    per: 'quarter',
    min: 1,
    scope: 'branch',
    pillar: 'records',
    requirement: '一般每季度召开1次',
  },
  {
    id: 'committee',
    label: '支委会',
    meetingKind: '支委会',
    per: 'month',
    min: 1,
    scope: 'branch',
    pillar: 'records',
    requirement: '一般每月召开1次',
  },
  {
    id: 'group',
    label: '党小组会',
    meetingKind: '党小组会',
    per: 'month',
    min: 1,
    scope: 'partyGroup',
    pillar: 'records',
    requirement: '每个党小组一般每月召开1次',
  },
  {
    id: 'lecture',
    label: '党课（书记讲）',
    meetingKind: '党课',
    per: 'year',
    min: 1,
    scope: 'branch',
    bySecretary: true,
    pillar: 'records',
    requirement: '党支部书记每年至少讲1次党课',
  },
  {
    id: 'themeDay',
    label: '主题党日',
    meetingKind: '主题党日',
    per: 'month',
    min: 1,
    scope: 'branch',
    pillar: 'records',
    requirement: '每月相对固定1天开展主题党日',
  },
  {
    id: 'lifeMeeting',
    label: '组织生活会',
    meetingKind: '组织生活会',
    per: 'year',
    min: 1,
    scope: 'branch',
    pillar: 'records',
    requirement: '一般每年召开1次（通常在第四季度）',
  },
  {
    id: 'review',
    label: '民主评议党员',
    meetingKind: '民主评议党员',
    per: 'year',
    min: 1,
    scope: 'branch',
    pillar: 'records',
    requirement: '一般每年开展1次',
  },
  {
    id: 'talks',
    label: '谈心谈话',
    meetingKind: '谈心谈话',
    per: 'year',
    min: 1,
    scope: 'member',
    pillar: 'records',
    requirement: '每名党员每年谈心谈话一般不少于1次',
  },
];

const withLecture = (per: PeriodUnit, requirement: string): FrequencyRule[] =>
  REGULATION_RULES.map((r) => (r.id === 'lecture' ? { ...r, per, requirement } : r));

export const RULE_PACKS: readonly RulePack[] = [
  {
    id: 'regulation-2018',
    name: '条例默认',
    description: `${BASIS}规定的频次`,
    rules: REGULATION_RULES,
  },
  {
    id: 'local-lecture-quarterly',
    name: '地方规定：党课每季度',
    description: `${BASIS}，党课按本地要求每季度至少1次`,
    rules: withLecture('quarter', '按本地要求，书记每季度至少讲1次党课'),
  },
  {
    id: 'local-lecture-half',
    name: '地方规定：党课每半年',
    description: `${BASIS}，党课按本地要求每半年至少1次`,
    rules: withLecture('half', '按本地要求，书记每半年至少讲1次党课'),
  },
];

export const DEFAULT_RULE_PACK_ID = 'regulation-2018';

/** The settings row (key) holding the chosen pack: 工作台 and the 卷宗 both measure records against it. */
export const RULE_PACK_SETTING = 'rulePackId';

/** A stored setting's value as a pack id: an unknown or missing one reads as 条例默认. */
export function rulePackIdOf(value: unknown): string {
  return typeof value === 'string' && RULE_PACKS.some((p) => p.id === value) ? value : DEFAULT_RULE_PACK_ID;
}

export function getRulePack(id: string | undefined): RulePack {
  return RULE_PACKS.find((p) => p.id === id) ?? RULE_PACKS[0]!;
}
