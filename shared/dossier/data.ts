// The plain input of the dossier builder: one branch's rows as loaded from Dexie (or a backup), plus photo bytes.
import { countsWithin } from '../domain/recordYear';
import type {
  Assessment,
  AttachmentMeta,
  AuditEntry,
  Branch,
  Campaign,
  Competition,
  Learning,
  Meeting,
  Member,
  MemberEvaluation,
  Responsibility,
  Standard,
  Venue,
  VenueCheck,
} from '../schemas/entities';
import { isRenumbering } from '../schemas/entities';
import { byRoleThenName } from '../domain/responsibilityOrder';
import { tasksCarriedOn } from '../domain/carriedTasks';
import { onRosterDuring } from '../rules/roster';
import { safeFileName } from '../fileName';

/**
 * Everything a volume (卷宗) may print. Rows may cover more than the volume's period: the builder selects what
 * belongs to it, so a caller can pass a whole branch.
 */
export interface DossierData {
  branch: Branch;
  members: readonly Member[];
  venues: readonly Venue[];
  venueChecks: readonly VenueCheck[];
  meetings: readonly Meeting[];
  responsibilities: readonly Responsibility[];
  standards: readonly Standard[];
  assessments: readonly Assessment[];
  memberEvaluations: readonly MemberEvaluation[];
  learning: readonly Learning[];
  campaigns: readonly Campaign[];
  /** 技能比武: those dated in the period print under 六、学习与争创. */
  competitions: readonly Competition[];
  /** Audit entries; those with action 'amend' print as amendment notes under their record. */
  audit: readonly AuditEntry[];
  /** Attachment metadata (no bytes): hashed into the manifest, listed under their owners. */
  attachments: readonly AttachmentMeta[];
  /** Already-downscaled JPEG/PNG bytes keyed by the attachment's SHA-256: only these photos are printed. */
  images?: ReadonlyMap<string, Uint8Array>;
}

/** Which volume to build and what to stamp on it. */
export interface DossierOptions {
  /** A calendar year (一年一本); or give from/to instead. */
  year?: number;
  from?: string;
  to?: string;
  /** 第N卷: 1 unless a year is split into several volumes. */
  volume?: number;
  /** ISO-8601 instant of the export (also printed, China-local, on the cover). */
  generatedAt: string;
  appVersion: string;
  schemaVersion: number;
  /** Rule pack of the compliance table; the 2018 条例 defaults when absent. */
  rulePackId?: string;
}

/** The closed date range of a volume (YYYY-MM-DD, China-local). */
export interface DossierPeriod {
  from: string;
  to: string;
}

export function periodOfOptions(options: Pick<DossierOptions, 'year' | 'from' | 'to'>): DossierPeriod {
  if (options.from && options.to) {
    if (options.to < options.from) throw new Error('卷宗的结束日期不能早于开始日期');
    return { from: options.from, to: options.to };
  }
  if (options.year === undefined) throw new Error('请指定卷宗的年度或起止日期');
  return { from: `${options.year}-01-01`, to: `${options.year}-12-31` };
}

const inPeriod = (date: string | undefined, p: DossierPeriod) => !!date && date >= p.from && date <= p.to;
const yearsOf = (p: DossierPeriod) => {
  const years: number[] = [];
  for (let y = Number(p.from.slice(0, 4)); y <= Number(p.to.slice(0, 4)); y++) years.push(y);
  return years;
};

/** The rows of one volume: what is printed and what the manifest hashes. Deterministic order. */
export interface DossierSelection {
  branch: Branch;
  members: Member[];
  venues: Venue[];
  venueChecks: VenueCheck[];
  meetings: Meeting[];
  responsibilities: Responsibility[];
  /**
   * Per year of the period, its lists' tasks carried into a later year's list unfinished: task id → that year (not
   * hashed). By year: a task carried twice is the same id in three lists, each carried on to a different year.
   */
  carriedOn: ReadonlyMap<number, ReadonlyMap<string, number>>;
  standards: Standard[];
  assessments: Assessment[];
  memberEvaluations: MemberEvaluation[];
  learning: Learning[];
  campaigns: Campaign[];
  competitions: Competition[];
  amendments: AuditEntry[];
  attachments: AttachmentMeta[];
}

type SortKey = string | number;

/**
 * A total order by the given keys, then by id: rows that tie (two venues created in the same minute, two entries of
 * one day) print in the same order whether they came from the app's database or from a backup file.
 */
function by<T extends { id: string }>(...keys: ((row: T) => SortKey)[]): (a: T, b: T) => number {
  return (a, b) => {
    for (const key of [...keys, (row: T) => row.id]) {
      const x = key(a);
      const y = key(b);
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  };
}

/**
 * Meetings by day, start time and 第N次, then id: two 党小组会 of one day at one time are each their group's 第3次, and
 * without the id they printed in the order the rows came (the app's index and a backup file differ).
 */
const byDateThenSeq = by<Meeting>(
  (m) => m.date,
  (m) => m.startTime,
  (m) => m.seq,
);

/**
 * The attachments that records name, which a volume lists and prints: a meeting's files, a venue's 七有 photos and a
 * learning entry's files. The 卷宗导出 page loads these, and a volume and 校验卷宗 count only these as the branch's.
 */
export function attachmentIdsOf(records: {
  meetings: readonly Meeting[];
  venues: readonly Venue[];
  learning: readonly Learning[];
}): string[] {
  return [
    ...records.meetings.flatMap((m) => m.attachmentIds),
    ...records.venues.flatMap((v) => v.checklist.flatMap((c) => c.attachmentIds)),
    ...records.learning.flatMap((l) => l.attachmentIds),
  ];
}

/** Selects the rows of `data` that belong to the branch and period of a volume. */
export function selectForPeriod(data: DossierData, period: DossierPeriod): DossierSelection {
  const branchId = data.branch.id;
  const mine = <T extends { branchId: string }>(rows: readonly T[]) => rows.filter((r) => r.branchId === branchId);
  const years = yearsOf(period);
  // On the roll at some time in the period: from the 入党日期, or the 转入本支部日期 of one who transferred in.
  const members = mine(data.members)
    .filter((m) => onRosterDuring(m, period.from, period.to))
    .sort((a, b) => (a.joinedDate < b.joinedDate ? -1 : a.joinedDate > b.joinedDate ? 1 : a.id < b.id ? -1 : 1));
  // The 党员活动室 first (the venue the 七有 standard and the 考评 measure), then in the order they were registered.
  const venues = mine(data.venues).sort(
    by(
      (v) => (v.kind === '党员活动室' ? 0 : 1),
      (v) => v.createdAt,
    ),
  );
  const venueChecks = mine(data.venueChecks)
    .filter((c) => inPeriod(c.date, period))
    .sort(by((c) => c.date));
  // By the day each counts on: last year's 组织生活会 held this January is in last year's volume (recordYear.ts).
  const meetings = mine(data.meetings)
    .filter((m) => countsWithin(m, period.from, period.to))
    .sort(byDateThenSeq);
  const meetingIds = new Set(meetings.map((m) => m.id));
  // As the 领导责任 page lists them: 第一责任人 first (a volume of several years, year by year).
  const responsibilities = mine(data.responsibilities)
    .filter((r) => years.includes(r.year))
    .sort((a, b) => a.year - b.year || byRoleThenName(a, b) || by<Responsibility>()(a, b));
  // A task carried unfinished into a later year's list (复制上一年度) says where it went, from any later list loaded.
  const carriedOn = new Map(years.map((y) => [y, tasksCarriedOn(mine(data.responsibilities), y)] as const));
  const assessments = mine(data.assessments)
    .filter((a) => a.periodStart <= period.to && a.periodEnd >= period.from)
    .sort(by((a) => a.date));
  const standardIds = new Set(assessments.map((a) => a.standardId));
  const standards = data.standards.filter((s) => standardIds.has(s.id));
  // In roster order, as 一、支部概况 lists the members; anyone no longer on it after them.
  const rosterIndex = new Map(members.map((m, i) => [m.id, i]));
  const memberEvaluations = mine(data.memberEvaluations)
    .filter((e) => years.includes(e.year))
    .sort(
      by(
        (e) => e.year,
        (e) => rosterIndex.get(e.memberId) ?? members.length,
        (e) => e.memberId,
      ),
    );
  const learning = mine(data.learning)
    .filter((l) => inPeriod(l.date, period))
    .sort(
      by(
        (l) => l.date,
        (l) => l.createdAt,
      ),
    );
  const campaigns = mine(data.campaigns).filter((c) => {
    const dates = c.phases.flatMap((p) => [p.start, p.end]).filter((d): d is string => !!d);
    return (
      dates.length === 0 ||
      dates.some((d) => inPeriod(d, period)) ||
      c.linkedMeetingIds.some((id) => meetingIds.has(id))
    );
  });
  const competitions = mine(data.competitions)
    .filter((c) => inPeriod(c.date, period))
    .sort(by((c) => c.date));
  const amendments = data.audit
    // A 序号 moved by another record's 定稿 is no amendment of this one (old databases logged it as one).
    .filter((e) => e.action === 'amend' && !isRenumbering(e) && e.entity === 'meeting' && meetingIds.has(e.entityId))
    .sort(by((e) => e.at));
  const usedAttachmentIds = new Set(attachmentIdsOf({ meetings, venues, learning }));
  const attachments = mine(data.attachments)
    .filter((a) => usedAttachmentIds.has(a.id))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  return {
    branch: data.branch,
    members,
    venues,
    venueChecks,
    meetings,
    responsibilities,
    carriedOn,
    standards,
    assessments,
    memberEvaluations,
    learning,
    campaigns,
    competitions,
    amendments,
    attachments,
  };
}

/**
 * A volume has data when the period holds at least one dated record of the branch: a meeting, a 阵地复查, a
 * learning entry, a 技能比武, a responsibility or 民主评议 of that year, or a 自评 covering it. The roster, venues and
 * campaigns alone do not count — they are not records of the year, and a volume of them would be an empty shell.
 */
export function periodHasRecords(data: DossierData, period: DossierPeriod): boolean {
  const sel = selectForPeriod(data, period);
  return (
    sel.meetings.length +
      sel.venueChecks.length +
      sel.learning.length +
      sel.competitions.length +
      sel.responsibilities.length +
      sel.memberEvaluations.length +
      sel.assessments.length >
    0
  );
}

/** Whether a period is exactly one calendar year: the default volume, 一年一本. */
export function isCalendarYear(period: DossierPeriod): boolean {
  const year = period.from.slice(0, 4);
  return period.from === `${year}-01-01` && period.to === `${year}-12-31`;
}

/**
 * How buildDossier is told a period: a calendar year as its year (printed 「2025年度」), any other range by its dates
 * (printed 「2025年1月1日至2025年6月30日」). The 卷宗导出 page and the CLI both pass this.
 */
export function periodOptions(period: DossierPeriod): { year: number } | { from: string; to: string } {
  return isCalendarYear(period) ? { year: Number(period.from.slice(0, 4)) } : { from: period.from, to: period.to };
}

const cnDay = (date: string, withYear: boolean) =>
  `${withYear ? `${Number(date.slice(0, 4))}年` : ''}${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/** A period in a few words: 「2025年度」, 「2025年1月1日至6月30日」, 「2024年12月1日至2025年2月28日」. */
export function periodName(period: DossierPeriod): string {
  if (isCalendarYear(period)) return `${period.from.slice(0, 4)}年度`;
  return `${cnDay(period.from, true)}至${cnDay(period.to, period.to.slice(0, 4) !== period.from.slice(0, 4))}`;
}

/**
 * The file name the 卷宗导出 page suggests: 「<支部>-2025年度迎检卷宗.pdf」, 「<支部>-2025年1月1日至6月30日迎检卷宗-第1卷.pdf」.
 * The 卷号 is named when it is not 1 or the volume is part of a year (a range is usually one of several volumes). The
 * characters Windows refuses in a file name (and a path separator, which the save dialog refuses) become 「_」.
 */
export function dossierFileName(branchName: string, period: DossierPeriod, volume: number): string {
  const branch = safeFileName(branchName);
  const part = volume > 1 || !isCalendarYear(period) ? `-第${volume}卷` : '';
  return `${branch}-${periodName(period)}迎检卷宗${part}.pdf`;
}

/** Why no volume is made for an empty period, in the words of the CLI and the 卷宗导出 page. */
export function emptyPeriodReason(period: DossierPeriod): string {
  const label = isCalendarYear(period) ? `${period.from.slice(0, 4)} 年度` : periodName(period);
  return `${label}没有任何记录（会议、阵地复查、学习、比武、责任、评议、自评），不生成卷宗`;
}
