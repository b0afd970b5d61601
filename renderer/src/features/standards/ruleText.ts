// How a scoring rule reads in Chinese in tables: 「自动：每月1次 2分 / 每季度1次 1分 …」, 「七有检查表」, 「人工评分」.
import type { ScoringRule } from '../../../../shared/schemas';
import { formatScore } from '../../../../shared/standards';

export function ruleKindLabel(rule: ScoringRule): string {
  if (rule.kind === 'manual') return '人工评分';
  if (rule.kind === 'checklist') return '按“七有”自动计分';
  return `按${rule.meetingKind}记录自动计分`;
}

export function ruleText(rule: ScoringRule): string {
  if (rule.kind !== 'frequency') return ruleKindLabel(rule);
  return rule.tiers.map((t) => `${t.label} ${formatScore(t.score)}分`).join(' / ');
}
