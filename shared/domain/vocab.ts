// Fixed vocabularies of the domain (支部、会议、阵地…): the Chinese words are the stored values, as on paper.

export const COMMITTEE_ROLES = [
  '书记',
  '副书记',
  '组织委员',
  '宣传委员',
  '纪检委员',
  '青年委员',
  '统战委员',
  '保密委员',
  '委员',
] as const;
export type CommitteeRole = (typeof COMMITTEE_ROLES)[number];

export const GENDERS = ['男', '女'] as const;
export type Gender = (typeof GENDERS)[number];

/** 正式党员 have voting rights; 预备党员 do not (quorum of 支部党员大会 counts 正式 only). */
export const MEMBER_STATUSES = ['正式', '预备'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

export const VENUE_KINDS = ['党员活动室', '党建宣传栏', '党员先锋岗', '党员服务窗口', '其他'] as const;
export type VenueKind = (typeof VENUE_KINDS)[number];

/** The 七有 checklist of a standard activity venue, in the order inspectors read it. */
export const SEVEN_HAVES = [
  // `example`: what the 说明 of this item typically says (the box's placeholder), so no item shows another's example.
  { key: 'place', label: '有固定场所（面积不少于20㎡）', example: '面积约45㎡，位于办公楼三层301室' },
  { key: 'signs', label: '有党旗、入党誓词、党员权利义务标牌', example: '党旗、入党誓词悬挂于正面墙' },
  { key: 'materials', label: '有学习资料', example: '书架一组，党章、党内法规汇编、理论读物等' },
  { key: 'books', label: '有工作记录本、党费登记本、党员名册', example: '三本均存放于资料柜，由组织委员保管' },
  { key: 'honors', label: '有荣誉栏', example: '西墙荣誉栏，张贴支部和党员所获表彰' },
  { key: 'management', label: '有管理人员与管理制度', example: '管理人张某，活动室管理制度上墙' },
  { key: 'equipment', label: '有电教设备', example: '投影仪、电脑各一台，可收看远程教育' },
] as const;
export type SevenHaveKey = (typeof SEVEN_HAVES)[number]['key'];
export const SEVEN_HAVE_KEYS = SEVEN_HAVES.map((s) => s.key) as [SevenHaveKey, ...SevenHaveKey[]];

export const MEETING_KINDS = [
  '支部党员大会',
  '支委会',
  '党小组会',
  '党课',
  '主题党日',
  '组织生活会',
  '民主评议党员',
  '谈心谈话',
  '专题学习',
  '其他',
] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const ATTENDANCE_STATUSES = ['出席', '请假', '缺席', '列席'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const RECORD_STATUSES = ['草稿', '已定稿'] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];

/** A record first entered more than this many days after it happened is 补录 (back-filled). */
export const BACKFILL_DAYS = 7;

export const RESPONSIBILITY_ROLES = ['第一责任人', '直接责任人', '一岗双责', '分管'] as const;
export type ResponsibilityRole = (typeof RESPONSIBILITY_ROLES)[number];

export const TASK_STATUSES = ['未开始', '进行中', '已完成'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const ASSESSMENT_KINDS = ['自评', '上级评定', '群众评议'] as const;
export type AssessmentKind = (typeof ASSESSMENT_KINDS)[number];

export const MEMBER_GRADES = ['优秀', '合格', '基本合格', '不合格'] as const;
export type MemberGrade = (typeof MEMBER_GRADES)[number];

/** 五带头五标兵, worded as in the source document. */
export const FIVE_EXEMPLARS = [
  '带头学习提高，做增强自身素质的标兵',
  '带头高举旗帜，做坚定理想信念的标兵',
  '带头服务大局，做推动科学发展的标兵',
  '带头转变作风，做服务基层群众的标兵',
  '带头改革创新，做保持先进本色的标兵',
] as const;

/** 一抓好四深化's learning activity; the period of each target is derived from its name. */
export const LEARNING_KINDS = [
  { kind: '日阅一文', period: 'day' },
  { kind: '月写一篇', period: 'month' },
  { kind: '季读一本', period: 'quarter' },
  { kind: '半年一讲', period: 'half' },
] as const;
export type LearningKind = (typeof LEARNING_KINDS)[number]['kind'];
export const LEARNING_KIND_NAMES = LEARNING_KINDS.map((l) => l.kind) as [LearningKind, ...LearningKind[]];

export const CAMPAIGN_PHASES = ['调查研究', '动员部署', '全面争创', '完善提升'] as const;
export type CampaignPhase = (typeof CAMPAIGN_PHASES)[number];

export const CAMPAIGN_STEPS = ['公开承诺', '积极争创', '领导点评', '群众评议', '量化考评', '评选表彰'] as const;
export type CampaignStep = (typeof CAMPAIGN_STEPS)[number];

export const SATISFACTION_LEVELS = ['满意', '基本满意', '不满意'] as const;
export type SatisfactionLevel = (typeof SATISFACTION_LEVELS)[number];

export const AUDIT_ACTIONS = ['create', 'update', 'delete', 'finalize', 'amend', 'restore'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Attachments: what may be stored and how large (issue: records and venues). */
export const ATTACHMENT_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type AttachmentMime = (typeof ATTACHMENT_MIME_TYPES)[number];
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

/**
 * The name of each stored table as users read it: restore previews, backup summaries, the 卷宗's 附录 and 校验卷宗.
 * Kept here, free of schemas, so the dossier worker can name tables without bundling the row validators.
 */
export const TABLE_LABELS = {
  branches: '支部',
  members: '党员',
  venues: '活动阵地',
  venueChecks: '阵地复查',
  meetings: '会议记录',
  responsibilities: '领导责任',
  standards: '评价标准',
  assessments: '考评',
  memberEvaluations: '民主评议',
  learning: '学习记录',
  campaigns: '争创活动',
  competitions: '技能比武',
  attachments: '附件',
  audit: '操作日志',
  settings: '设置',
} as const;

/**
 * The record book a 第N次 counts in: a 党小组会 is numbered within its 党小组 (schema 6), so its number reads with the
 * group — 「第一党小组第3次」; every other kind is numbered within the branch and needs no qualifier ('').
 */
export function seqBook(
  meeting: { kind: string; partyGroupId?: string },
  partyGroups: readonly { id: string; name: string }[],
): string {
  if (meeting.kind !== '党小组会') return '';
  return partyGroups.find((g) => g.id === meeting.partyGroupId)?.name ?? '';
}
