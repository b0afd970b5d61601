// Display helpers of the 数据安全 page: sizes, China-local times, audit vocabulary.
import type { AuditAction } from '../../../../shared/domain/vocab';
import type { BackupKind } from '../../../../shared/ipc';
import type { AuditEntity } from '../../db/repositories/audit';

// The restore's room check words its message with it too.
export { formatBytes } from '../../../../shared/backup/size';

export { formatChinaTime } from '../../../../shared/schemas/common';

/** A count with thousands separators: 「498,826 条记录」 rather than 「498826」. */
export function formatCount(n: number): string {
  return n.toLocaleString('zh-CN');
}

export const BACKUP_KIND_LABELS: Record<BackupKind, string> = {
  daily: '每日自动备份',
  'pre-upgrade': '升级前备份',
  manual: '手动备份',
};

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  create: '新增',
  update: '修改',
  delete: '删除',
  finalize: '定稿',
  amend: '更正',
  restore: '恢复',
};

/** Typed by the audit's entity names, so a new kind of record cannot reach the 操作日志 without its Chinese name. */
export const AUDIT_ENTITY_LABELS: Record<AuditEntity, string> = {
  branch: '支部',
  member: '党员',
  venue: '活动阵地',
  venueCheck: '阵地复查',
  meeting: '会议记录',
  responsibility: '领导责任',
  standard: '评价标准',
  assessment: '考评',
  memberEvaluation: '民主评议',
  learning: '学习记录',
  campaign: '争创活动',
  competition: '技能比武',
  attachment: '附件',
};

/**
 * The Chinese name of an audit entry's entity as it was logged: the table name (「meetings」, written by some older
 * files) reads as its record, anything else unknown as 「其他记录」 — never an English word in the 操作日志.
 */
export function auditEntityLabel(entity: string): string {
  const labels = AUDIT_ENTITY_LABELS as Record<string, string>;
  return labels[entity] ?? labels[entity.replace(/s$/, '')] ?? '其他记录';
}
