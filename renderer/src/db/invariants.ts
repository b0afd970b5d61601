// Checks run after every open: repairs what is safe to repair, reports the rest; never deletes records.
import Dexie, { type Table } from 'dexie';
import { type AppDB } from './AppDB';
import { SETTING_CURRENT_BRANCH } from './settingKeys';

export interface InvariantFinding {
  code: 'dangling-current-branch' | 'orphan-rows';
  /** Chinese, for the log and the 数据检查 notice. */
  message: string;
  repaired: boolean;
  table?: string;
  count?: number;
}

/**
 * Tables whose rows belong to a branch, with the index whose first component is branchId. Every row has a value for
 * each listed index (required fields), so the index's distinct branch ids are exactly the branches its rows name.
 */
const BRANCH_OWNED: ReadonlyArray<{ table: keyof AppDB & string; index: string; label: string; unit?: string }> = [
  { table: 'members', index: 'branchId', label: '党员' },
  { table: 'venues', index: 'branchId', label: '阵地' },
  { table: 'venueChecks', index: '[branchId+date]', label: '阵地复查' },
  { table: 'meetings', index: '[branchId+date]', label: '会议记录' },
  { table: 'responsibilities', index: '[branchId+year]', label: '领导责任' },
  { table: 'assessments', index: '[branchId+date]', label: '考评' },
  { table: 'memberEvaluations', index: '[branchId+year]', label: '民主评议' },
  // Stored by branch-month since v4: what is counted is months of entries.
  { table: 'learningMonths', index: '[branchId+month]', label: '学习记录', unit: '个月的' },
  { table: 'campaigns', index: 'branchId', label: '争创活动' },
  { table: 'competitions', index: '[branchId+date]', label: '技能比武' },
  { table: 'attachments', index: 'branchId', label: '附件' },
];

/**
 * Rows of `table` whose branch is not in `branchIds`. A skip scan over the branch-first index: one one-key read per
 * distinct branch id (jumping past all of that branch's keys), plus a key-only count for an unknown one. This runs at
 * every start, so its cost follows the number of branches, not of rows (reading every key took seconds on large data).
 */
async function countOrphans(table: Table, index: string, branchIds: ReadonlySet<string>): Promise<number> {
  const compound = index.startsWith('[');
  let orphans = 0;
  let next = await table.orderBy(index).limit(1).keys();
  while (next.length > 0) {
    // The key part as stored (bounds must compare in IndexedDB's order); String() only for the membership test.
    const branchKey = (compound ? (next[0] as unknown[])[0] : next[0]) as string;
    const lower = compound ? [branchKey, Dexie.minKey] : branchKey;
    const upper = compound ? [branchKey, Dexie.maxKey] : branchKey;
    if (!branchIds.has(String(branchKey))) {
      orphans += await table.where(index).between(lower, upper, true, true).count();
    }
    next = await table.where(index).above(upper).limit(1).keys();
  }
  return orphans;
}

export async function checkInvariants(target: AppDB): Promise<InvariantFinding[]> {
  const findings: InvariantFinding[] = [];
  const branchIds = new Set((await target.branches.toCollection().primaryKeys()).map(String));

  await target.transaction('rw', target.settings, async () => {
    const current = await target.settings.get(SETTING_CURRENT_BRANCH);
    if (current && (typeof current.value !== 'string' || !branchIds.has(current.value))) {
      // The UI falls back to the first branch; a stale pointer would otherwise survive every restart.
      await target.settings.delete(SETTING_CURRENT_BRANCH);
      findings.push({
        code: 'dangling-current-branch',
        message: '当前支部设置指向一个不存在的支部，已清除该设置',
        repaired: true,
      });
    }
  });

  for (const { table, index, label, unit = '条' } of BRANCH_OWNED) {
    const orphans = await countOrphans(target[table] as Table, index, branchIds);
    if (orphans > 0) {
      findings.push({
        code: 'orphan-rows',
        message: `有 ${orphans} ${unit}${label}所属的支部不存在（数据未删除，可从备份恢复该支部）`,
        repaired: false,
        table,
        count: orphans,
      });
    }
  }
  return findings;
}
