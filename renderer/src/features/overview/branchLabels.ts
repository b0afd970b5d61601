// How a branch is named in lists that hold every branch (the 当前支部 switcher, 各支部概览): its name, and for
// branches sharing a name (an 作为新支部导入 next to a branch typed by hand) something that tells them apart.
import { formatChinaTime } from '../../../../shared/schemas/common';
import type { Branch } from '../../../../shared/schemas/entities';

export type LabelledBranch = Pick<Branch, 'id' | 'name' | 'parentOrg' | 'createdAt'>;

function allDifferent(values: readonly string[]): boolean {
  return values.every((v) => v !== '') && new Set(values).size === values.length;
}

/**
 * The suffixes of one group of same-named branches, by the first thing that differs for all of them: the 上级党组织,
 * else the day the branch was created here (or imported, which keeps the backup's date), else the minute, else the
 * order of creation. Stable: none of them changes as records are added.
 */
function suffixes(group: readonly LabelledBranch[]): string[] {
  const parents = group.map((b) => b.parentOrg.trim());
  if (allDifferent(parents)) return parents.map((p) => `（上级：${p}）`);
  const minutes = group.map((b) => formatChinaTime(b.createdAt));
  const days = minutes.map((m) => m.slice(0, 10));
  if (allDifferent(days)) return days.map((d) => `（建于 ${d}）`);
  if (allDifferent(minutes)) return minutes.map((m) => `（建于 ${m}）`);
  const order = [...group]
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
    .map((b) => b.id);
  return group.map((b) => `（同名第 ${order.indexOf(b.id) + 1} 个）`);
}

/** Branch id → what lists show: the name alone, unless another branch has the same name. */
export function branchLabels(branches: readonly LabelledBranch[]): Map<string, string> {
  const byName = new Map<string, LabelledBranch[]>();
  for (const b of branches) byName.set(b.name, [...(byName.get(b.name) ?? []), b]);
  const labels = new Map<string, string>();
  for (const [name, group] of byName) {
    if (group.length === 1) {
      labels.set(group[0]!.id, name);
      continue;
    }
    const ends = suffixes(group);
    group.forEach((b, i) => labels.set(b.id, `${name}${ends[i]}`));
  }
  return labels;
}
