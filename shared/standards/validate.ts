// Checks a standard beyond its schema: item maxima add up to the total, tiers within their item, grade bands without
// gaps or overlaps, unique codes; and, for an edited standard, the schema and these checks in one pass. Pure; every
// problem comes back with a Chinese message and the field's path.
import { standardInputSchema, type StandardFields, type StandardInput } from '../schemas/entities';
import { formatScore, roundScore } from './score';

export interface StandardIssue {
  /** Dotted path of the field, e.g. `items.2.rule.tiers.0.score` or `grades.1.minScore`; `items` for the sum. */
  path: string;
  message: string;
}

type Checked = Pick<StandardFields, 'totalScore' | 'items' | 'grades'>;

const itemName = (index: number, content: string) =>
  `第 ${index + 1} 项“${content.length > 16 ? `${content.slice(0, 16)}…` : content}”`;

function itemIssues(standard: Checked): StandardIssue[] {
  const issues: StandardIssue[] = [];
  const sum = roundScore(standard.items.reduce((n, item) => n + item.maxScore, 0));
  if (sum !== roundScore(standard.totalScore)) {
    issues.push({
      path: 'items',
      message: `各项满分之和为 ${formatScore(sum)}，与总分 ${formatScore(standard.totalScore)} 不一致`,
    });
  }
  const firstIndexOfCode = new Map<string, number>();
  standard.items.forEach((item, index) => {
    const code = item.code.trim();
    const earlier = firstIndexOfCode.get(code);
    if (earlier !== undefined) {
      issues.push({
        path: `items.${index}.code`,
        message: `编号“${code}”重复：第 ${earlier + 1} 项和第 ${index + 1} 项不能使用同一编号`,
      });
    } else firstIndexOfCode.set(code, index);
    if (item.rule.kind !== 'frequency') return;
    item.rule.tiers.forEach((tier, t) => {
      if (tier.score > item.maxScore) {
        issues.push({
          path: `items.${index}.rule.tiers.${t}.score`,
          message: `${itemName(index, item.content)}的档次“${tier.label}”为 ${formatScore(tier.score)} 分，超过该项满分 ${formatScore(item.maxScore)} 分`,
        });
      }
    });
  });
  return issues;
}

/**
 * Grade bands are lower thresholds listed from the highest down (优秀 ≥ 90, 良好 ≥ 80, …): each band runs from its
 * threshold up to the next one, so bands have no gaps exactly when the lowest starts at 0, and no overlaps exactly
 * when the thresholds strictly decrease.
 */
function gradeIssues(standard: Checked): StandardIssue[] {
  const issues: StandardIssue[] = [];
  const { grades } = standard;
  const seen = new Set<string>();
  grades.forEach((band, index) => {
    const label = band.label.trim();
    if (seen.has(label)) issues.push({ path: `grades.${index}.label`, message: `等次名称“${label}”重复` });
    seen.add(label);
    if (band.minScore > standard.totalScore) {
      issues.push({
        path: `grades.${index}.minScore`,
        message: `等次“${label}”的起点 ${formatScore(band.minScore)} 分超过总分 ${formatScore(standard.totalScore)} 分，永远达不到`,
      });
    }
    const previous = grades[index - 1];
    if (!previous) return;
    if (band.minScore === previous.minScore) {
      issues.push({
        path: `grades.${index}.minScore`,
        message: `等次“${label}”与“${previous.label}”的起点都是 ${formatScore(band.minScore)} 分，区间重叠`,
      });
    } else if (band.minScore > previous.minScore) {
      issues.push({
        path: `grades.${index}.minScore`,
        message: `等次应按起点分数从高到低排列：“${label}”（${formatScore(band.minScore)} 分）应排在“${previous.label}”（${formatScore(previous.minScore)} 分）之前`,
      });
    }
  });
  const lowestIndex = grades.reduce((best, g, i) => (g.minScore < grades[best]!.minScore ? i : best), 0);
  const lowest = grades[lowestIndex];
  if (lowest && lowest.minScore !== 0) {
    issues.push({
      path: `grades.${lowestIndex}.minScore`,
      message: `最低等次“${lowest.label}”应从 0 分起，否则低于 ${formatScore(lowest.minScore)} 分没有对应的等次`,
    });
  }
  return issues;
}

/** Every problem of a standard's items and grade bands; an empty list means it can be saved. */
export function validateStandard(standard: Checked): StandardIssue[] {
  return [...itemIssues(standard), ...gradeIssues(standard)];
}

/** Which item (and tier) or grade band a schema issue is about, as the message's prefix: 「第 3 项：」. */
function issuePrefix(path: readonly PropertyKey[], input: StandardInput): string {
  const [list, index, ...rest] = path;
  if (typeof index !== 'number') return '';
  if (list === 'grades') return `第 ${index + 1} 个等次：`;
  if (list !== 'items') return '';
  const [rule, tiers, tier] = rest;
  if (rule === 'rule' && tiers === 'tiers' && typeof tier === 'number') {
    // The input failed its schema: read the tier's label without trusting its shape.
    const items = (input as { items?: unknown }).items;
    const item = Array.isArray(items) ? (items[index] as { rule?: { tiers?: unknown } } | undefined) : undefined;
    const tiersOf = item?.rule?.tiers;
    const label = Array.isArray(tiersOf) ? (tiersOf[tier] as { label?: unknown } | undefined)?.label : undefined;
    if (typeof label === 'string' && label.trim()) return `第 ${index + 1} 项档次“${label.trim()}”：`;
  }
  return `第 ${index + 1} 项：`;
}

/**
 * Every problem of an edited standard at once: the schema's (each naming its item, 「第 3 项：满分必须大于 0」) and
 * validateStandard's (sums, codes, tiers, bands), so that one 保存 shows them all. The cross-field checks are skipped
 * only when a value has the wrong type (they would compare nonsense); an empty list means it can be saved.
 */
export function standardInputIssues(input: StandardInput): StandardIssue[] {
  const parsed = standardInputSchema.safeParse(input);
  if (parsed.success) return validateStandard(parsed.data);
  const schemaIssues = parsed.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: `${issuePrefix(issue.path, input)}${issue.message}`,
  }));
  const wellTyped = parsed.error.issues.every((i) => i.code !== 'invalid_type' && i.code !== 'invalid_union');
  return wellTyped ? [...schemaIssues, ...validateStandard(input as Checked)] : schemaIssues;
}
