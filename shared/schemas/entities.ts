// Zod schemas of every stored entity (schema v2). Forms, repositories, IPC and backup restore all validate with these.
import { z } from 'zod';
import {
  ASSESSMENT_KINDS,
  ATTACHMENT_MIME_TYPES,
  ATTENDANCE_STATUSES,
  AUDIT_ACTIONS,
  CAMPAIGN_PHASES,
  COMMITTEE_ROLES,
  GENDERS,
  LEARNING_KIND_NAMES,
  MEETING_KINDS,
  MEMBER_GRADES,
  MEMBER_STATUSES,
  RECORD_STATUSES,
  RESPONSIBILITY_ROLES,
  SATISFACTION_LEVELS,
  SEVEN_HAVE_KEYS,
  TASK_STATUSES,
  VENUE_KINDS,
} from '../domain/vocab';
import {
  branchRowBase,
  dateSchema,
  idSchema,
  isRealDate,
  optionalDateSchema,
  optionalLongText,
  optionalText,
  requiredLongText,
  requiredText,
  rowBase,
  timeSchema,
  timestampSchema,
} from './common';
import { COMPETITION_KINDS, phaseIssues } from '../learning/campaign';
import { mayBeForPreviousYear, YEAR_END_KINDS } from '../domain/recordYear';

const pick = <T extends readonly [string, ...string[]]>(values: T, label: string) =>
  z.enum(values, { error: `请选择${label}` });

// ── 支部 Branch ──────────────────────────────────────────────────────────────

/**
 * 任职起止 (`from` first day, `to` last day, both optional: rows stored before them have none): a member who left or
 * changed post keeps a row with `to`, so a past year's 卷宗 still names who held the post then (shared/branch).
 */
export const committeeMemberSchema = z
  .object({
    name: requiredText('委员姓名', 20),
    role: pick(COMMITTEE_ROLES, '职务'),
    memberId: idSchema.optional(),
    from: optionalDateSchema,
    to: optionalDateSchema,
  })
  // Also when another field of the row fails, so one 保存 shows every problem: the row is then read with care.
  .superRefine(
    (m: { from?: unknown; to?: unknown }, ctx) => {
      const day = (d: unknown) => (typeof d === 'string' && isRealDate(d) ? d : '');
      if (day(m.from) && day(m.to) && day(m.to) < day(m.from)) {
        ctx.addIssue({ code: 'custom', path: ['to'], message: '任职止不能早于任职起' });
      }
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );

export const partyGroupSchema = z.object({
  id: idSchema,
  name: requiredText('党小组名称', 40),
  leaderName: optionalText('组长', 20),
});

export const branchFields = z.object({
  name: requiredText('支部名称', 60),
  parentOrg: optionalText('上级党组织', 60),
  establishedDate: optionalDateSchema,
  termStart: dateSchema,
  termEnd: dateSchema,
  committee: z.array(committeeMemberSchema).default([]),
  partyGroups: z.array(partyGroupSchema).default([]),
  unitSpirit: optionalText('单位精神', 200),
  deptPhilosophy: optionalText('科室理念', 200),
});

const termOrder = <T extends { termStart: string; termEnd: string }>(v: T, ctx: z.RefinementCtx) => {
  if (v.termStart && v.termEnd && v.termEnd <= v.termStart) {
    ctx.addIssue({ code: 'custom', path: ['termEnd'], message: '本届结束日期必须晚于开始日期' });
  }
};

/** What the 支部概况 form edits. */
export const branchInputSchema = branchFields.superRefine(termOrder);
export const branchSchema = branchFields.extend(rowBase).superRefine(termOrder);
export type BranchInput = z.input<typeof branchInputSchema>;
export type Branch = z.output<typeof branchSchema>;
export type PartyGroup = z.output<typeof partyGroupSchema>;
export type CommitteeMember = z.output<typeof committeeMemberSchema>;

// ── 党员 Member ──────────────────────────────────────────────────────────────

export const memberFields = z.object({
  name: requiredText('姓名', 20),
  gender: pick(GENDERS, '性别'),
  birthDate: dateSchema,
  joinedDate: dateSchema,
  /**
   * 转入本支部日期: the day the 组织关系 of a member who joined the Party elsewhere came to this branch; absent (or '')
   * for one who joined here. The roll of this branch starts on the later of it and joinedDate (shared/rules/roster).
   * Optional: rows and backups from before it load unchanged.
   */
  joinedBranchDate: optionalDateSchema,
  fullMemberDate: optionalDateSchema,
  status: pick(MEMBER_STATUSES, '党员类别'),
  partyGroupId: z.string().default(''),
  post: optionalText('职务', 40),
  phone: z
    .string()
    .trim()
    .regex(/^$|^[0-9+\- ]{5,20}$/, '电话号码只能包含数字、空格、+ 和 -')
    .default(''),
  motto: optionalText('格言', 100),
  leftDate: optionalDateSchema,
  leftReason: optionalText('离开原因', 200),
});
const memberDateOrder = <
  T extends {
    birthDate: string;
    joinedDate: string;
    joinedBranchDate?: string;
    fullMemberDate?: string;
    leftDate?: string;
  },
>(
  v: T,
  ctx: z.RefinementCtx,
) => {
  if (v.birthDate && v.joinedDate && v.joinedDate <= v.birthDate) {
    ctx.addIssue({ code: 'custom', path: ['joinedDate'], message: '入党日期必须晚于出生日期' });
  }
  if (v.fullMemberDate && v.joinedDate && v.fullMemberDate < v.joinedDate) {
    ctx.addIssue({ code: 'custom', path: ['fullMemberDate'], message: '转正日期不能早于入党日期' });
  }
  if (v.leftDate && v.joinedDate && v.leftDate < v.joinedDate) {
    ctx.addIssue({ code: 'custom', path: ['leftDate'], message: '离开支部日期不能早于入党日期' });
  }
  if (v.joinedBranchDate && v.joinedDate && v.joinedBranchDate < v.joinedDate) {
    ctx.addIssue({ code: 'custom', path: ['joinedBranchDate'], message: '转入本支部日期不能早于入党日期' });
  }
  if (v.joinedBranchDate && v.leftDate && v.joinedBranchDate > v.leftDate) {
    ctx.addIssue({ code: 'custom', path: ['joinedBranchDate'], message: '转入本支部日期不能晚于离开支部日期' });
  }
};
export const memberInputSchema = memberFields.superRefine(memberDateOrder);
export const memberSchema = memberFields.extend(branchRowBase).superRefine(memberDateOrder);
export type MemberInput = z.input<typeof memberInputSchema>;
export type Member = z.output<typeof memberSchema>;

/** 转出/离开支部: both the date and the reason are required, so the roster's history explains every departure. */
export const memberLeaveSchema = z.object({
  leftDate: z.string({ error: '请填写离开日期' }).min(1, '请填写离开日期').pipe(dateSchema),
  leftReason: requiredText('离开原因', 200),
});
export type MemberLeaveInput = z.input<typeof memberLeaveSchema>;

// ── 阵地 Venue ───────────────────────────────────────────────────────────────

export const checklistEntrySchema = z.object({
  key: z.enum(SEVEN_HAVE_KEYS),
  ok: z.boolean(),
  note: optionalText('说明', 200),
  attachmentIds: z.array(idSchema).default([]),
});

/** A missing number is asked for (「请填写面积」); only something that is not a number is called one. */
const numberError = (label: string) => (issue: { input?: unknown }) =>
  issue.input === undefined || issue.input === null ? `请填写${label}` : `${label}应为数字`;

export const venueFields = z.object({
  name: requiredText('阵地名称', 60),
  kind: pick(VENUE_KINDS, '阵地类型'),
  address: optionalText('地址', 100),
  areaM2: z
    .number({ error: numberError('面积') })
    .min(0, '面积不能为负数')
    .max(100000, '面积过大'),
  capacity: z
    .number({ error: numberError('容纳人数') })
    .int('容纳人数应为整数')
    .min(0, '容纳人数不能为负数'),
  manager: optionalText('管理人', 20),
  checklist: z.array(checklistEntrySchema).default([]),
});
export const venueSchema = venueFields.extend(branchRowBase);
export type Venue = z.output<typeof venueSchema>;

/** The kind of venue the 七有 standard is written for; a 宣传栏 or 先锋岗 cannot “have a fixed place of 20 ㎡”. */
export const SEVEN_HAVES_VENUE_KIND = '党员活动室' satisfies (typeof VENUE_KINDS)[number];

/** Whether the 七有 checklist measures this venue (only a 党员活动室). */
export function sevenHavesApply(venue: Pick<Venue, 'kind'>): boolean {
  return venue.kind === SEVEN_HAVES_VENUE_KIND;
}

/** What is shown instead of a 七有 score for the other kinds. */
export const SEVEN_HAVES_NOT_APPLICABLE = '七有标准适用于党员活动室';
export type ChecklistEntry = z.output<typeof checklistEntrySchema>;

/** What the 阵地 form edits: the 七有 checklist is ticked item by item on the venue's page, not in this form. */
export const venueInputSchema = venueFields.omit({ checklist: true }).refine(
  // Entered as 0 it was accepted and then shown as 「—」, as if never filled. Only what is typed is held to it: a row
  // stored so by an older version still restores (venueSchema), and its next edit asks for the number.
  (venue) => venue.kind !== SEVEN_HAVES_VENUE_KIND || venue.capacity > 0,
  { path: ['capacity'], message: '党员活动室的容纳人数应大于 0' },
);
export type VenueInput = z.input<typeof venueInputSchema>;

/** One 七有 item as the venue page edits it. */
export const checklistItemInputSchema = checklistEntrySchema.omit({ key: true });
export type ChecklistItemInput = z.input<typeof checklistItemInputSchema>;

/** 阵地复查: a periodic re-check of a venue. */
export const venueCheckFields = z.object({
  venueId: idSchema,
  date: dateSchema,
  inspector: requiredText('检查人', 20),
  findings: optionalLongText('检查情况', 2000),
  nextDueDate: optionalDateSchema,
});
const dueAfterCheck = <T extends { date: string; nextDueDate?: string }>(v: T, ctx: z.RefinementCtx) => {
  if (v.date && v.nextDueDate && v.nextDueDate <= v.date) {
    ctx.addIssue({ code: 'custom', path: ['nextDueDate'], message: '下次复查日期必须晚于本次复查日期' });
  }
};
/** What the 登记复查 form edits; the venue (and its branch) come from the page. */
export const venueCheckInputSchema = venueCheckFields.omit({ venueId: true }).superRefine(dueAfterCheck);
export type VenueCheckInput = z.input<typeof venueCheckInputSchema>;
export const venueCheckSchema = venueCheckFields.extend(branchRowBase).superRefine(dueAfterCheck);
export type VenueCheck = z.output<typeof venueCheckSchema>;

// ── 会议/活动记录 Meeting ────────────────────────────────────────────────────

export const attendanceSchema = z.object({
  memberId: idSchema,
  name: requiredText('姓名', 20),
  status: pick(ATTENDANCE_STATUSES, '出席情况'),
  reason: optionalText('原因', 100),
});

export const guestSchema = z.object({
  name: requiredText('列席人员姓名', 20),
  org: optionalText('单位或职务', 60),
});

export const meetingFields = z.object({
  kind: pick(MEETING_KINDS, '会议类型'),
  topic: requiredText('主题', 100),
  agenda: optionalLongText('议程', 2000),
  date: dateSchema,
  startTime: z.union([timeSchema, z.literal('')]).default(''),
  endTime: z.union([timeSchema, z.literal('')]).default(''),
  plannedDate: optionalDateSchema,
  venueId: z.string().default(''),
  /**
   * 其他地点: where a meeting held away from the branch's own 阵地 took place (a 主题党日 at a 红色教育基地, in a 社区),
   * only when no venueId is chosen. Absent when empty (schema v8): rows from before it hash and print as they did.
   */
  place: z.string().trim().max(60, '其他地点不能超过 60 个字').optional(),
  host: optionalText('主持人', 20),
  recorder: optionalText('记录人', 20),
  lecturer: optionalText('授课人', 20),
  outline: optionalLongText('授课提纲', 5000),
  partyGroupId: z.string().default(''),
  talkParties: z.array(z.string()).max(2).default([]),
  attendance: z.array(attendanceSchema).default([]),
  guests: z.array(guestSchema).default([]),
  content: optionalLongText('会议内容', 20000),
  speeches: optionalLongText('发言摘要', 20000),
  resolutions: optionalLongText('决议及表决结果', 5000),
  attachmentIds: z.array(idSchema).default([]),
  /**
   * 所属年度, only when it is not the year of the date: a 组织生活会 or 民主评议党员 held from January to March for the
   * year before (shared/domain/recordYear.ts). Absent on every other record.
   */
  forYear: z.number().int().min(1900).max(2100).optional(),
});

const timeOrder = <T extends { startTime: string; endTime: string }>(v: T, ctx: z.RefinementCtx) => {
  if (v.startTime && v.endTime && v.endTime <= v.startTime) {
    ctx.addIssue({ code: 'custom', path: ['endTime'], message: '结束时间必须晚于开始时间' });
  }
};
// 请假/缺席 without a reason is what inspectors flag first on a 签到表. Only what the form submits is held to it: stored
// rows (and backups of them) made before the rule existed must still load, so meetingSchema does not repeat it.
const absenceReasons = <T extends { attendance: { status: string; reason: string; name: string }[] }>(
  v: T,
  ctx: z.RefinementCtx,
) => {
  v.attendance.forEach((row, index) => {
    if ((row.status === '请假' || row.status === '缺席') && !row.reason.trim()) {
      ctx.addIssue({
        code: 'custom',
        path: ['attendance', index, 'reason'],
        message: `请填写“${row.name}”${row.status}的原因`,
      });
    }
  });
};
// 所属年度 can only be the year before the date, for the kinds held after their year ends, until 31 March.
const forYearRule = <T extends { kind: string; date: string; forYear?: number | undefined }>(
  v: T,
  ctx: z.RefinementCtx,
) => {
  if (v.forYear === undefined || !v.date) return;
  const own = Number(v.date.slice(0, 4));
  if (v.forYear === own) return;
  if (!mayBeForPreviousYear(v.kind, v.date) || v.forYear !== own - 1) {
    ctx.addIssue({
      code: 'custom',
      path: ['forYear'],
      message: `所属年度只能是会议日期所在年度，或在次年1月至3月召开的${YEAR_END_KINDS.join('、')}的上一年度`,
    });
  }
};
// The year of the date itself is stored as no 所属年度: one way to say it, so lists and counts need not ask twice.
const ownYearAsNone = <T extends { date: string; forYear?: number | undefined }>(v: T): T => {
  if (!('forYear' in v)) return v;
  if (v.forYear !== undefined && v.date && v.forYear !== Number(v.date.slice(0, 4))) return v;
  const { forYear: _own, ...rest } = v;
  return rest as T;
};

/** A 阵地 chosen and a 其他地点 typed: one of the two says where the meeting was. */
const onePlace = <T extends { venueId: string; place?: string | undefined }>(v: T, ctx: z.RefinementCtx) => {
  if (v.venueId && v.place) {
    ctx.addIssue({ code: 'custom', path: ['place'], message: '已选择阵地，不需要再填写其他地点' });
  }
};

/** An empty 其他地点 is not stored (as an absent forYear): the record reads, hashes and prints as before v8. */
const emptyPlaceAsNone = <T extends { place?: string | undefined }>(v: T): T => {
  if (!('place' in v) || v.place) return v;
  const { place: _empty, ...rest } = v;
  return rest as T;
};

export const meetingInputSchema = meetingFields
  .superRefine(timeOrder)
  .superRefine(absenceReasons)
  .superRefine(forYearRule)
  .superRefine(onePlace)
  .transform(ownYearAsNone)
  .transform(emptyPlaceAsNone);
export const meetingSchema = meetingFields
  .extend({
    ...branchRowBase,
    /** 第N次 of its kind in its year: computed by the repository, never typed. */
    seq: z.number().int().min(1),
    status: z.enum(RECORD_STATUSES),
    finalizedAt: timestampSchema.optional(),
    /** First entered more than BACKFILL_DAYS after the meeting date. */
    backfilled: z.boolean(),
    /** Derived for the index: member ids present (出席/列席). */
    attendeeIds: z.array(idSchema).default([]),
    /**
     * Legacy (schema ≤ 2): the record's search bigrams. Since v3 search uses derived posting lists, so new rows omit
     * it; older rows and backups that carry it still load, and it is ignored.
     */
    terms: z.array(z.string()).optional(),
  })
  .superRefine(timeOrder)
  .superRefine(forYearRule);
export type MeetingInput = z.input<typeof meetingInputSchema>;
export type Meeting = z.output<typeof meetingSchema>;
export type Attendance = z.output<typeof attendanceSchema>;

// ── 领导责任 Responsibility ──────────────────────────────────────────────────

export const responsibilityTaskSchema = z.object({
  id: idSchema,
  title: requiredText('任务', 200),
  deadline: optionalDateSchema,
  status: z.enum(TASK_STATUSES),
  note: optionalLongText('完成情况', 2000),
  evidenceMeetingIds: z.array(idSchema).default([]),
  /**
   * The year whose list the task was carried over from, unfinished (复制上一年度): the same task, its deadline kept in
   * that year. Absent for a task of the list's own year (and in data from before this field).
   */
  carriedFrom: z.number().int().min(2000).max(2100).optional(),
});

export const reportSchema = z.object({
  date: dateSchema,
  summary: requiredLongText('述职内容', 5000),
  rating: optionalText('评议结果', 20),
});

export const responsibilityFields = z.object({
  year: z.number().int().min(2000).max(2100),
  holderMemberId: z.string().default(''),
  holderName: requiredText('责任人', 20),
  role: pick(RESPONSIBILITY_ROLES, '责任类型'),
  duties: z.array(requiredText('职责', 500)).default([]),
  tasks: z.array(responsibilityTaskSchema).default([]),
  reports: z.array(reportSchema).default([]),
  /** 任职起止 within the year, when the holder changed during it (年内换届); none: the whole year. */
  from: optionalDateSchema,
  to: optionalDateSchema,
});
export const responsibilitySchema = responsibilityFields.extend(branchRowBase);
export type Responsibility = z.output<typeof responsibilitySchema>;
export type ResponsibilityTask = z.output<typeof responsibilityTaskSchema>;
export type ResponsibilityReport = z.output<typeof reportSchema>;

// A deadline before the year began, or after the next one ends, belongs to another year's list; 已完成 without saying
// how is what an inspector asks about first. Only what the form submits is held to these: stored rows and backups keep
// loading. They run even when other fields already fail (a 述职 without a date is a type error, which would otherwise
// skip them), so one 保存 shows every problem: the value may then be malformed, and is read with care.
const WELL_FORMED_DATE = /^\d{4}-\d{2}-\d{2}$/;
const taskRules = (v: { year?: unknown; tasks?: unknown }, ctx: z.RefinementCtx) => {
  if (typeof v.year !== 'number' || !Array.isArray(v.tasks)) return;
  const yearStart = `${String(v.year).padStart(4, '0')}-01-01`;
  const nextYearEnd = `${String(v.year + 1).padStart(4, '0')}-12-31`;
  v.tasks.forEach((task: unknown, index) => {
    if (typeof task !== 'object' || task === null) return;
    const { deadline, status, note, carriedFrom } = task as {
      deadline?: unknown;
      status?: unknown;
      note?: unknown;
      carriedFrom?: unknown;
    };
    // A task carried over unfinished keeps the deadline it had in its own year.
    const from =
      typeof carriedFrom === 'number' && carriedFrom < (v.year as number)
        ? `${String(carriedFrom).padStart(4, '0')}-01-01`
        : yearStart;
    if (typeof deadline === 'string' && WELL_FORMED_DATE.test(deadline)) {
      if (deadline < from) {
        ctx.addIssue({
          code: 'custom',
          path: ['tasks', index, 'deadline'],
          message:
            from === yearStart
              ? `完成时限不能早于本年度开始（${yearStart}）`
              : `完成时限不能早于${String(carriedFrom)}年度开始（${from}）`,
        });
      } else if (deadline > nextYearEnd) {
        ctx.addIssue({
          code: 'custom',
          path: ['tasks', index, 'deadline'],
          message: `完成时限不能晚于下一年度结束（${nextYearEnd}）`,
        });
      }
    }
    if (status === '已完成' && !(typeof note === 'string' && note.trim())) {
      ctx.addIssue({ code: 'custom', path: ['tasks', index, 'note'], message: '任务已完成，请填写完成情况' });
    }
  });
};
// 任职起止 of a year's list lie in that year (a list is one year's; the whole year needs no dates), the end not before
// the start. Read with the same care as the task rules.
const tenureRules = (v: { year?: unknown; from?: unknown; to?: unknown }, ctx: z.RefinementCtx) => {
  if (typeof v.year !== 'number') return;
  const yearStart = `${String(v.year).padStart(4, '0')}-01-01`;
  const yearEnd = `${String(v.year).padStart(4, '0')}-12-31`;
  const wellFormed = (d: unknown): d is string => typeof d === 'string' && WELL_FORMED_DATE.test(d);
  for (const [key, label] of [
    ['from', '任职起'],
    ['to', '任职止'],
  ] as const) {
    const date = v[key];
    if (wellFormed(date) && (date < yearStart || date > yearEnd)) {
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: `${label}应在${v.year}年度内（${yearStart} 至 ${yearEnd}）；全年在任不用填写`,
      });
    }
  }
  if (wellFormed(v.from) && wellFormed(v.to) && v.to < v.from) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: '任职止不能早于任职起' });
  }
};
const isObject = (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null;
/** What the 领导责任 form edits: one leader's list for one year (task ids may be new: the repository assigns them). */
export const responsibilityInputSchema = responsibilityFields
  .extend({ tasks: z.array(responsibilityTaskSchema.extend({ id: z.string().default('') })).default([]) })
  .superRefine(taskRules, { when: isObject })
  .superRefine(tenureRules, { when: isObject });
export type ResponsibilityInput = z.input<typeof responsibilityInputSchema>;

// ── 评价标准 Standard ────────────────────────────────────────────────────────

/**
 * One tier of a frequency item, e.g. 「每月1次 2分」 = every month of the period has ≥1 meeting → 2 points;
 * 「偶尔 0.5分」 = per 'total', ≥1 in the whole period; 「不开 0分」 = per 'total', ≥0. Tiers are tried from the highest score.
 */
export const frequencyTierSchema = z.object({
  label: requiredText('档次说明', 40),
  per: z.enum(['month', 'quarter', 'half', 'year', 'total']),
  minCount: z.number().int('次数应为整数').min(0, '次数不能为负数'),
  score: z.number().min(0, '分值不能为负数'),
});

export const scoringRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('manual') }),
  z.object({ kind: z.literal('checklist'), source: z.literal('sevenHaves') }),
  z.object({
    kind: z.literal('frequency'),
    meetingKind: z.enum(MEETING_KINDS),
    tiers: z.array(frequencyTierSchema).min(1, '至少要有一个档次'),
  }),
]);

export const standardItemSchema = z.object({
  code: requiredText('编号', 20),
  dimension: requiredText('评价维度', 40),
  content: requiredText('评价内容', 500),
  method: optionalText('评分方法', 500),
  maxScore: z.number().positive('满分必须大于 0'),
  rule: scoringRuleSchema,
});

export const gradeBandSchema = z.object({
  label: requiredText('等次', 10),
  minScore: z.number().min(0),
});

export const standardFields = z.object({
  name: requiredText('标准名称', 60),
  version: z.number().int().min(1),
  /** Set on built-in templates; a copy keeps it in `basedOn` and loses it here. */
  builtInKey: z.string().default(''),
  /** The standard this one was copied from (「复制后修改」). */
  basedOn: z.string().default(''),
  /**
   * The id of version 1 of this standard: every version of an edited copy shares it, so "the latest version" is the
   * highest `version` of a lineage. '' (rows from before versions) means the row's own id.
   */
  lineageId: z.string().optional(),
  description: optionalLongText('说明', 2000),
  totalScore: z.number({ error: '总分应为数字' }).positive('总分必须大于 0'),
  items: z.array(standardItemSchema).min(1, '标准至少要有一个评价项目'),
  grades: z.array(gradeBandSchema).min(1, '请设置等次'),
});
export const standardSchema = standardFields.extend(rowBase);
export type Standard = z.output<typeof standardSchema>;
export type StandardFields = z.output<typeof standardFields>;
export type StandardItem = z.output<typeof standardItemSchema>;
export type GradeBand = z.output<typeof gradeBandSchema>;
export type ScoringRule = z.output<typeof scoringRuleSchema>;

/** What 「修改」 of a copied standard edits; version, lineage and origin are kept by the repository. */
export const standardInputSchema = standardFields.pick({
  name: true,
  description: true,
  totalScore: true,
  items: true,
  grades: true,
});
export type StandardInput = z.input<typeof standardInputSchema>;

// ── 考评 Assessment ──────────────────────────────────────────────────────────

export const itemScoreSchema = z.object({
  code: idSchema,
  score: z.number().min(0, '得分不能为负数'),
  /** Computed from the records (frequency and checklist items); `autoScore` is what the computation gave. */
  auto: z.boolean().default(false),
  autoScore: z.number().min(0).optional(),
  /** Required when `score` differs from `autoScore`. */
  overrideReason: optionalText('调整理由', 500),
  comment: optionalLongText('评语', 1000),
  /**
   * The records behind the score: for an automatic item those that earn it (meetings, or the venue of a 七有 item);
   * for a manual item the 佐证 the assessor picked (工作记录, 阵地, 责任清单).
   */
  evidenceIds: z.array(idSchema).default([]),
  /** How the automatic score was reached, as computed when scored, e.g. 「12 个月中 10 个月有记录…」. */
  explanation: z.string().max(500).optional(),
});
export type ItemScore = z.output<typeof itemScoreSchema>;

export const assessmentFields = z.object({
  standardId: idSchema,
  standardSnapshot: standardFields,
  periodStart: dateSchema,
  periodEnd: dateSchema,
  kind: pick(ASSESSMENT_KINDS, '考评类型'),
  scores: z.array(itemScoreSchema),
  total: z.number().min(0),
  grade: z.string().default(''),
  assessor: requiredText('考评人', 40),
  date: dateSchema,
});
export const assessmentSchema = assessmentFields.extend(branchRowBase);
export type Assessment = z.output<typeof assessmentSchema>;

/**
 * One item as the 考评 form submits it: automatic scores and their evidence come from the repository (computed, or on
 * 修改 the saved ones), never from the form.
 */
export const itemScoreInputSchema = z.object({
  code: idSchema,
  score: z.number({ error: '请填写得分' }).min(0, '得分不能为负数'),
  overrideReason: optionalText('调整理由', 500),
  comment: optionalLongText('评语', 1000),
  /** A manual item's 佐证 (工作记录, 阵地, 责任清单 ids); ignored for an automatic item. */
  evidenceIds: z.array(idSchema).optional(),
});
/** What the 考评 form edits; the snapshot, evidence, total and grade are derived by the repository. */
export const assessmentInputSchema = z.object({
  standardId: idSchema,
  periodStart: dateSchema,
  periodEnd: dateSchema,
  kind: pick(ASSESSMENT_KINDS, '考评类型'),
  scores: z.array(itemScoreInputSchema),
  assessor: requiredText('考评人', 40),
  date: dateSchema,
  /**
   * 修改 only: recompute the automatic items from today's records (「按当前记录重新计算」). Without it they keep the
   * scores, evidence and notes they were saved with, unless the period itself changes.
   */
  recompute: z.boolean().optional(),
  /** 修改 only: why the 考评 is changed — required for a 上级评定. Kept in the audit entry. */
  changeReason: optionalText('修改理由', 500),
});
export type AssessmentInput = z.input<typeof assessmentInputSchema>;
export type ItemScoreInput = z.input<typeof itemScoreInputSchema>;

// ── 民主评议党员 / 五带头五标兵 ──────────────────────────────────────────────

export const memberEvaluationFields = z.object({
  year: z.number().int().min(2000).max(2100),
  memberId: idSchema,
  selfResult: optionalLongText('自评', 2000),
  peerResult: optionalLongText('互评', 2000),
  collectiveResult: optionalLongText('组织评定', 2000),
  grade: z.union([z.enum(MEMBER_GRADES), z.literal('')]).default(''),
  exemplars: z.array(z.string()).default([]),
});
export const memberEvaluationSchema = memberEvaluationFields.extend(branchRowBase);
export type MemberEvaluation = z.output<typeof memberEvaluationSchema>;
/** One member's row of the year's 民主评议 table; the year and branch come from the page. */
export const memberEvaluationInputSchema = memberEvaluationFields.omit({ year: true });
export type MemberEvaluationInput = z.input<typeof memberEvaluationInputSchema>;

// ── 学习 Learning ────────────────────────────────────────────────────────────

export const learningFields = z.object({
  memberId: z.string({ error: '请选择党员' }).min(1, '请选择党员'),
  kind: z.enum(LEARNING_KIND_NAMES, { error: '请选择学习类型' }),
  title: requiredText('标题', 100),
  date: dateSchema,
  notes: optionalLongText('心得', 5000),
  attachmentIds: z.array(idSchema).default([]),
});
/** What the 学习记录 form edits; the repository adds the checks that need the roster and today's date. */
export const learningInputSchema = learningFields;
export type LearningInput = z.input<typeof learningInputSchema>;
export const learningSchema = learningFields.extend(branchRowBase);
export type Learning = z.output<typeof learningSchema>;

// ── 争创活动 Campaign ────────────────────────────────────────────────────────

export const campaignPhaseSchema = z.object({
  phase: z.enum(CAMPAIGN_PHASES),
  start: optionalDateSchema,
  end: optionalDateSchema,
});
/** 公开承诺: one member's commitment. */
export const commitmentSchema = z.object({
  memberId: z.string({ error: '请选择党员' }).min(1, '请选择党员'),
  text: requiredLongText('承诺内容', 500),
  date: dateSchema,
});
/** 领导点评. */
export const reviewSchema = z.object({
  leader: requiredText('点评人', 20),
  date: dateSchema,
  comment: requiredLongText('点评内容', 2000),
});
const headcount = z
  .number({ error: '请填写人数' })
  .int('人数应为整数')
  .min(0, '人数不能为负数')
  .max(1_000_000, '人数过大');
export const satisfactionEntrySchema = z.object({ level: z.enum(SATISFACTION_LEVELS), count: headcount });
/** 评选表彰: to a member (memberId set) or to the branch or a group (memberId empty, `to` names it). */
export const awardSchema = z.object({
  to: requiredText('表彰对象', 60),
  // Optional: rows written before awards could name a member have none.
  memberId: z.string().optional(),
  title: requiredText('荣誉名称', 60),
  date: dateSchema,
});

export const campaignFields = z.object({
  name: requiredText('活动名称', 60),
  theme: optionalText('主题', 200),
  phases: z.array(campaignPhaseSchema),
  commitments: z.array(commitmentSchema).default([]),
  linkedMeetingIds: z.array(idSchema).default([]),
  reviews: z.array(reviewSchema).default([]),
  satisfaction: z.array(satisfactionEntrySchema).default([]),
  assessmentId: z.string().default(''),
  awards: z.array(awardSchema).default([]),
});
export const campaignSchema = campaignFields.extend(branchRowBase);
export type Campaign = z.output<typeof campaignSchema>;
export type CampaignCommitment = z.output<typeof commitmentSchema>;
export type CampaignReview = z.output<typeof reviewSchema>;
export type CampaignAward = z.output<typeof awardSchema>;

/** What the 争创活动 form edits: the four phases in order, dated, not overlapping; step records are added one by one. */
export const campaignInputSchema = campaignFields
  .pick({ name: true, theme: true })
  .extend({ phases: z.array(campaignPhaseSchema) })
  .superRefine((v, ctx) => {
    for (const issue of phaseIssues(v.phases)) {
      ctx.addIssue({
        code: 'custom',
        path: issue.path.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k)),
        message: issue.message,
      });
    }
  });
export type CampaignInput = z.input<typeof campaignInputSchema>;
export type CommitmentInput = z.input<typeof commitmentSchema>;
export type ReviewInput = z.input<typeof reviewSchema>;
export type AwardInput = z.input<typeof awardSchema>;

/** 群众评议 as the form enters it: a head count per satisfaction level. */
export const satisfactionInputSchema = z.object({ satisfied: headcount, fair: headcount, dissatisfied: headcount });
export type SatisfactionInput = z.input<typeof satisfactionInputSchema>;

// ── 技能比武 Competition ─────────────────────────────────────────────────────

export const competitionParticipantSchema = z.object({
  memberId: z.string({ error: '请选择参赛党员' }).min(1, '请选择参赛党员'),
  name: requiredText('姓名', 20),
  score: z.number({ error: '成绩应为数字' }).min(0, '成绩不能为负数').max(100_000, '成绩过大').nullable().default(null),
  // A refine, not .int(): zod's .int() ends the parse, which would hold back 「重复参赛」 to the next 保存.
  rank: z
    .number({ error: '名次应为数字' })
    .refine(Number.isInteger, '名次应为整数')
    .min(1, '名次应从 1 开始')
    .nullable()
    .default(null),
  award: optionalText('所获奖项', 40),
});
export const competitionFields = z.object({
  name: requiredText('比武名称', 60),
  date: dateSchema,
  kind: pick(COMPETITION_KINDS, '比武类型'),
  participants: z.array(competitionParticipantSchema).default([]),
  notes: optionalLongText('说明', 2000),
});
/**
 * The same member twice is refused. It is checked even when other fields fail (a 名次 of 1.5, no 比武类型), so
 * 「重复参赛」 comes in the same 保存 as the rest; the value may then be partly unparsed, hence the guards.
 */
const distinctParticipants = (v: { participants?: unknown }, ctx: z.RefinementCtx) => {
  if (!Array.isArray(v.participants)) return;
  const seen = new Set<string>();
  v.participants.forEach((p: unknown, index) => {
    if (typeof p !== 'object' || p === null) return;
    const { memberId, name } = p as { memberId?: unknown; name?: unknown };
    if (typeof memberId !== 'string' || !memberId) return;
    if (seen.has(memberId)) {
      const who = typeof name === 'string' && name.trim() ? name.trim() : '该党员';
      ctx.addIssue({ code: 'custom', path: ['participants', index, 'memberId'], message: `“${who}”重复参赛` });
    }
    seen.add(memberId);
  });
};
/** What the 技能比武 form edits (练硬功、打擂台、强技能、出人才). */
export const competitionInputSchema = competitionFields.superRefine(distinctParticipants, {
  when: (payload) => typeof payload.value === 'object' && payload.value !== null,
});
export type CompetitionInput = z.input<typeof competitionInputSchema>;
export const competitionSchema = competitionFields.extend(branchRowBase);
export type Competition = z.output<typeof competitionSchema>;
export type CompetitionParticipant = z.output<typeof competitionParticipantSchema>;

// ── 附件 Attachment ──────────────────────────────────────────────────────────

/** Metadata of an attachment; the bytes (Blob) live beside it in the same row but are not JSON. */
export const attachmentMetaSchema = z.object({
  ...branchRowBase,
  name: requiredText('文件名', 200),
  mime: z.enum(ATTACHMENT_MIME_TYPES, { error: '只支持 JPG、PNG、WebP 图片和 PDF 文件' }),
  size: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'SHA-256 格式不正确'),
});
export type AttachmentMeta = z.output<typeof attachmentMetaSchema>;
export interface Attachment extends AttachmentMeta {
  blob: Blob;
  thumbnail?: Blob;
}

// ── 审计日志 Audit ───────────────────────────────────────────────────────────

/**
 * One field changed by a 更正: what it said before and after, as text a reader can check (names, not ids). A long
 * text keeps only `before` (its full previous text): the text after is the record's own, or the next 更正's `before`.
 */
export const auditChangeSchema = z.object({
  field: z.string().min(1),
  /** The field's Chinese name when the change was made. */
  label: z.string().min(1),
  before: z.string(),
  after: z.string().optional(),
});
export type AuditChange = z.output<typeof auditChangeSchema>;

export const auditEntrySchema = z.object({
  id: idSchema,
  at: timestampSchema,
  branchId: z.string().default(''),
  entity: z.string().min(1),
  entityId: idSchema,
  action: z.enum(AUDIT_ACTIONS),
  reason: z.string().default(''),
  summary: z.string().default(''),
  /**
   * 更正 of a meeting record: each changed field's previous (and new) value. Absent on older entries. A 第N次
   * renumbering ('update') has one: `{ field: 'seq', label: '序号', before: '第3次', after: '第4次' }`.
   */
  changes: z.array(auditChangeSchema).optional(),
});
export type AuditEntry = z.output<typeof auditEntrySchema>;

const OLD_RENUMBERING = /^序号由第\d+次调整为第\d+次$/;

/**
 * A meeting's 第N次 moved because another record of its sequence was finalised or corrected (docs/data-model.md):
 * kept in the 操作日志 and the record's history, but not a 更正 of its content, so the 卷宗 neither prints nor counts
 * it. Written as an 'update' whose only change is `seq` (an older build reads it as an ordinary 修改); builds before
 * that wrote an 'amend' without `changes`, summary 「序号由第3次调整为第4次」, recognised here too.
 */
export function isRenumbering(entry: Pick<AuditEntry, 'entity' | 'action' | 'summary' | 'changes'>): boolean {
  if (entry.entity !== 'meeting') return false;
  if (entry.action === 'update') return entry.changes?.length === 1 && entry.changes[0]!.field === 'seq';
  return entry.action === 'amend' && entry.changes === undefined && OLD_RENUMBERING.test(entry.summary);
}

// ── 设置 Settings ────────────────────────────────────────────────────────────

export const settingSchema = z.object({ key: z.string().min(1), value: z.unknown() });
export type Setting = z.output<typeof settingSchema>;
