// The tables a backup carries (schemas v2–v4; v3 added only derived data, v4 only changed how two tables are stored), each with its row schema, key field and the references restore checks.
import { type z } from 'zod';
import {
  assessmentSchema,
  attachmentMetaSchema,
  auditEntrySchema,
  branchSchema,
  campaignSchema,
  competitionSchema,
  learningSchema,
  meetingSchema,
  memberEvaluationSchema,
  memberSchema,
  responsibilitySchema,
  settingSchema,
  standardSchema,
  venueCheckSchema,
  venueSchema,
} from '../schemas/entities';
import { TABLE_LABELS } from '../domain/vocab';

export const FORMAT_NAME = 'branch-ledger-backup';
export const FORMAT_VERSION = 1;
/** Database schema versions this build can restore: older backups simply lack the tables added since. */
// v3 changed only derived search data (not in backups), so a v3 backup has the same tables as a v2 one; v4 packed the
// audit log and learning entries in the database, while a backup keeps one line per entry: v4 files are v3 files; v5
// changed only indexes and derived search lists, so v5 files are v4 files; v6 only renumbered stored 党小组会 per
// 党小组 (same fields, same tables), so v6 files are v5 files; v7 added a meeting's optional 所属年度 (`forYear`) and a
// member's optional 转入本支部日期 (`joinedBranchDate`), so a v6 file is a v7 file without them — and a build before v7
// refuses a v7 file rather than silently drop the fields; v8 added a meeting's optional 其他地点 (`place`), the same way.
export const SUPPORTED_SCHEMA_VERSIONS: readonly number[] = [1, 2, 3, 4, 5, 6, 7, 8];

export const TABLE_NAMES = [
  'branches',
  'members',
  'venues',
  'venueChecks',
  'meetings',
  'responsibilities',
  'standards',
  'assessments',
  'memberEvaluations',
  'learning',
  'campaigns',
  'competitions',
  'attachments',
  'audit',
  'settings',
] as const;
export type BackupTableName = (typeof TABLE_NAMES)[number];

/**
 * The tables counted as 「条记录」 wherever a backup or a restore says how much it holds (立即备份's message, the restore
 * preview, 恢复完成): the ledger's records, not the attachments (said apart, as 个附件), nor the 操作日志 (the history of
 * those records, as many entries again in a ledger in use) or this computer's settings. The preview's table lists
 * these same tables, so the numbers can be checked against each other.
 */
export const RECORD_TABLES: readonly BackupTableName[] = TABLE_NAMES.filter(
  (t) => t !== 'attachments' && t !== 'audit' && t !== 'settings',
);

/** How many 条记录 (RECORD_TABLES) a backup or a restore holds, given each table's row count. */
export function countRecords(rowsOf: (table: BackupTableName) => number): number {
  return RECORD_TABLES.reduce((n, table) => n + rowsOf(table), 0);
}

/**
 * The tables whose rows belong to one branch, named by their `branchId`, in file order: all but the branches
 * themselves, the standards (templates every branch shares) and the settings (this computer's). An audit entry without
 * a branch describes shared data.
 */
export const BRANCH_DATA_TABLES: readonly BackupTableName[] = TABLE_NAMES.filter(
  (t) => t !== 'branches' && t !== 'standards' && t !== 'settings',
);

/** A reference from a row to a row of another table, checked by restore: `id` must name a row of `table`. */
export interface RowReference {
  table: BackupTableName;
  id: string;
  /** Chinese name of the field, for the error message. */
  field: string;
  /**
   * The referring row's branch, when the referenced row must belong to the same one (attachments: the app gives a
   * record only files of its own branch, and deletes a file once its branch's records no longer use it).
   */
  branchId?: string;
}

export interface BackupTable {
  name: BackupTableName;
  /** Chinese name for summaries. */
  label: string;
  schema: z.ZodType<Record<string, unknown>, unknown>;
  key: 'id' | 'key';
  references: (row: Record<string, unknown>) => RowReference[];
  /** The schema version that added the table: a backup of an older version has no file for it (read as empty). */
  since?: number;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const objects = (v: unknown): Record<string, unknown>[] =>
  Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null) : [];

const branchRef = (row: Record<string, unknown>): RowReference[] => [
  { table: 'branches', id: str(row.branchId), field: '所属支部' },
];
const attachmentRefs = (row: Record<string, unknown>, ids: unknown, field = '附件'): RowReference[] =>
  strings(ids).map((id) => ({ table: 'attachments', id, field, branchId: str(row.branchId) }));
const none = (): RowReference[] => [];

// The order is the order of the files in the ZIP and of restore; it matches the Dexie schema.
export const BACKUP_TABLES: readonly BackupTable[] = [
  { name: 'branches', label: TABLE_LABELS.branches, schema: branchSchema, key: 'id', references: none },
  { name: 'members', label: TABLE_LABELS.members, schema: memberSchema, key: 'id', references: branchRef },
  {
    name: 'venues',
    label: TABLE_LABELS.venues,
    schema: venueSchema,
    key: 'id',
    references: (row) => [
      ...branchRef(row),
      ...objects(row.checklist).flatMap((entry) => attachmentRefs(row, entry.attachmentIds, '七有佐证照片')),
    ],
  },
  {
    name: 'venueChecks',
    label: TABLE_LABELS.venueChecks,
    schema: venueCheckSchema,
    key: 'id',
    references: (row) => [...branchRef(row), { table: 'venues', id: str(row.venueId), field: '阵地' }],
  },
  {
    name: 'meetings',
    label: TABLE_LABELS.meetings,
    schema: meetingSchema,
    key: 'id',
    references: (row) => [
      ...branchRef(row),
      ...(str(row.venueId) ? [{ table: 'venues' as const, id: str(row.venueId), field: '会议地点' }] : []),
      ...objects(row.attendance).map((a) => ({ table: 'members' as const, id: str(a.memberId), field: '出席情况' })),
      ...attachmentRefs(row, row.attachmentIds),
    ],
  },
  {
    name: 'responsibilities',
    label: TABLE_LABELS.responsibilities,
    schema: responsibilitySchema,
    key: 'id',
    references: branchRef,
  },
  { name: 'standards', label: TABLE_LABELS.standards, schema: standardSchema, key: 'id', references: none },
  { name: 'assessments', label: TABLE_LABELS.assessments, schema: assessmentSchema, key: 'id', references: branchRef },
  {
    name: 'memberEvaluations',
    label: TABLE_LABELS.memberEvaluations,
    schema: memberEvaluationSchema,
    key: 'id',
    references: (row) => [...branchRef(row), { table: 'members', id: str(row.memberId), field: '党员' }],
  },
  {
    name: 'learning',
    label: TABLE_LABELS.learning,
    schema: learningSchema,
    key: 'id',
    references: (row) => [
      ...branchRef(row),
      { table: 'members', id: str(row.memberId), field: '党员' },
      ...attachmentRefs(row, row.attachmentIds),
    ],
  },
  {
    name: 'campaigns',
    label: TABLE_LABELS.campaigns,
    schema: campaignSchema,
    key: 'id',
    // Linked records and the assessment are not checked: a deleted 草稿 may leave a stale link, which the UI skips.
    references: (row) => [
      ...branchRef(row),
      ...objects(row.commitments).map((c) => ({ table: 'members' as const, id: str(c.memberId), field: '公开承诺' })),
    ],
  },
  {
    name: 'competitions',
    label: TABLE_LABELS.competitions,
    schema: competitionSchema,
    key: 'id',
    since: 2,
    references: (row) => [
      ...branchRef(row),
      ...objects(row.participants).map((p) => ({ table: 'members' as const, id: str(p.memberId), field: '参赛人员' })),
    ],
  },
  {
    name: 'attachments',
    label: TABLE_LABELS.attachments,
    schema: attachmentMetaSchema,
    key: 'id',
    references: branchRef,
  },
  // The audit log is history: it may name branches and records deleted since, so it is not cross-checked.
  { name: 'audit', label: TABLE_LABELS.audit, schema: auditEntrySchema, key: 'id', references: none },
  { name: 'settings', label: TABLE_LABELS.settings, schema: settingSchema, key: 'key', references: none },
];

export const TABLE_BY_NAME: ReadonlyMap<string, BackupTable> = new Map(BACKUP_TABLES.map((t) => [t.name, t]));

/** Chinese names of row fields, so a row error reads 「主题：请填写主题」 rather than 「topic：…」. */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  id: '编号',
  key: '键',
  value: '值',
  createdAt: '创建时间',
  updatedAt: '修改时间',
  // 任职起 of a 支委会 member or a 领导责任 list (`to` is not labelled here: awards use it for 表彰对象).
  from: '任职起',
  branchId: '所属支部',
  name: '名称',
  parentOrg: '上级党组织',
  establishedDate: '成立日期',
  termStart: '届期开始',
  termEnd: '届期结束',
  committee: '支委会成员',
  partyGroups: '党小组',
  gender: '性别',
  birthDate: '出生日期',
  joinedDate: '入党日期',
  joinedBranchDate: '转入本支部日期',
  fullMemberDate: '转正日期',
  status: '状态',
  post: '职务',
  phone: '电话',
  motto: '格言',
  kind: '类型',
  address: '地址',
  areaM2: '面积',
  capacity: '容纳人数',
  manager: '管理人',
  checklist: '七有检查',
  venueId: '阵地',
  place: '其他地点',
  date: '日期',
  inspector: '检查人',
  topic: '主题',
  agenda: '议程',
  startTime: '开始时间',
  endTime: '结束时间',
  host: '主持人',
  recorder: '记录人',
  attendance: '出席情况',
  memberId: '党员',
  guests: '列席人员',
  content: '内容',
  seq: '序号',
  backfilled: '补录标记',
  attachmentIds: '附件',
  year: '年度',
  holderName: '责任人',
  role: '职务',
  tasks: '任务',
  title: '标题',
  items: '评价项目',
  scores: '得分',
  total: '总分',
  assessor: '考评人',
  mime: '文件类型',
  size: '文件大小',
  sha256: 'SHA-256',
  at: '时间',
  entity: '对象',
  entityId: '对象编号',
  action: '操作',
  participants: '参赛人员',
  commitments: '公开承诺',
  reviews: '领导点评',
  awards: '评选表彰',
};

/** `['attendance', 1, 'name']` → 「出席情况第 2 项 · 名称」. */
export function describePath(path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  for (const key of path) {
    if (typeof key === 'number') {
      parts[parts.length - 1] = `${parts[parts.length - 1] ?? ''}第 ${key + 1} 项`;
    } else {
      parts.push(FIELD_LABELS[String(key)] ?? String(key));
    }
  }
  return parts.join(' · ');
}
