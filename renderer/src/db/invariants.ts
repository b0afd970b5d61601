// Checks run after every open: repairs what is safe to repair, reports the rest; never deletes records.
import { type Table } from 'dexie';
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
 * Tables whose rows belong to a branch, with the index whose first component is branchId. Reading index keys only
 * keeps the check cheap: no row is deserialised. Every row has a value for each listed index (required fields).
 */
const BRANCH_OWNED: ReadonlyArray<{ table: keyof AppDB & string; index: string; label: string }> = [
  { table: 'members', index: 'branchId', label: '党员' },
  { table: 'venues', index: 'branchId', label: '阵地' },
  { table: 'venueChecks', index: '[branchId+date]', label: '阵地复查' },
  { table: 'meetings', index: '[branchId+date]', label: '会议记录' },
  { table: 'responsibilities', index: '[branchId+year]', label: '领导责任' },
  { table: 'assessments', index: '[branchId+date]', label: '考评' },
  { table: 'memberEvaluations', index: '[branchId+year]', label: '民主评议' },
  { table: 'learning', index: '[branchId+date]', label: '学习记录' },
  { table: 'campaigns', index: 'branchId', label: '争创活动' },
  { table: 'competitions', index: '[branchId+date]', label: '技能比武' },
  { table: 'attachments', index: 'branchId', label: '附件' },
];

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

  for (const { table, index, label } of BRANCH_OWNED) {
    const keys = await (target[table] as Table).orderBy(index).keys();
    const orphans = keys.filter((key) => !branchIds.has(String(Array.isArray(key) ? key[0] : key))).length;
    if (orphans > 0) {
      findings.push({
        code: 'orphan-rows',
        message: `有 ${orphans} 条${label}所属的支部不存在（数据未删除，可从备份恢复该支部）`,
        repaired: false,
        table,
        count: orphans,
      });
    }
  }
  return findings;
}
