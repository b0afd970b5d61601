// How 校验卷宗 and `dossier:verify` name a difference: per-category counts, then each record as a person knows it.
import { forYearNote } from '../domain/recordYear';
import { formatChinaTime } from '../schemas/common';
import { rollStartOf, transferredIn } from '../rules/roster';
import type { DossierData, DossierPeriod } from './data';
import {
  MANIFEST_TABLES,
  manifestTableLabel,
  type ChangeKind,
  type ManifestChange,
  type RecordLabeler,
} from './manifest';

/** The short words of the summary and of the CLI's lines. */
export const CHANGE_KIND_NAMES: Record<ChangeKind, string> = {
  changed: '已修改',
  added: '新增',
  outOfPeriod: '不再属于本卷期间',
  removed: '已删除',
};

/** Within a category: what changed first, what is gone last. */
const KIND_ORDER: readonly ChangeKind[] = ['changed', 'added', 'outOfPeriod', 'removed'];
const TABLE_ORDER: readonly ManifestChange['table'][] = [...MANIFEST_TABLES, 'attachments'];

export interface DescribedChange extends ManifestChange {
  /** The category's Chinese name, e.g. 会议记录. */
  category: string;
  /**
   * The record as a person recognises it, from the current data (e.g. 「2025-06-12 支委会「研究…」」); a record deleted
   * since the export has nothing left to describe it and is named by its id (「编号 …」).
   */
  record: string;
}

export interface ChangeGroup {
  table: ManifestChange['table'];
  category: string;
  /** How many of each kind, in the order they are listed. */
  counts: { kind: ChangeKind; count: number }[];
  changes: DescribedChange[];
}

const yearLabel = (year: number) => `${year} 年度`;

/**
 * A learning entry by its kind and title as typed: 「日阅一文：阅读《…》」, 「月写一篇：1月学习心得：…」. A title already
 * carries its own 《》 when it names a text, and is no book title at all when it names a 心得, so it is not wrapped in
 * another pair.
 */
export function learningText(l: { kind: string; title: string }): string {
  return `${l.kind}：${l.title}`;
}
const dayOf = (iso: string) => formatChinaTime(iso).slice(0, 10);

/** Describes records of `data`; lookups are indexed once, so a report of hundreds of changes stays quick. */
function makeDescriber(data: DossierData, period: DossierPeriod) {
  const index = <T extends { id: string }>(rows: readonly T[]) => new Map(rows.map((r) => [r.id, r]));
  const members = index(data.members);
  const venues = index(data.venues);
  const meetings = index(data.meetings);
  const lookups = {
    venueChecks: index(data.venueChecks),
    responsibilities: index(data.responsibilities),
    standards: index(data.standards),
    assessments: index(data.assessments),
    memberEvaluations: index(data.memberEvaluations),
    learning: index(data.learning),
    campaigns: index(data.campaigns),
    competitions: index(data.competitions),
    audit: index(data.audit),
    attachments: index(data.attachments),
  };
  const memberName = (id: string) => members.get(id)?.name;
  // One held after its year for it with its 所属年度, 「2026-01-20（2025年度） 组织生活会「…」」, as the pickers name it:
  // in the 2025 volume's report a 2026 date alone reads as a record of the wrong year.
  const meetingText = (id: string) => {
    const m = meetings.get(id);
    return m && `${m.date}${forYearNote(m)} ${m.kind}「${m.topic}」`;
  };
  const join = (...parts: (string | undefined)[]) => parts.filter((p) => !!p).join(' ');

  return (table: ManifestChange['table'], id: string, kind: ChangeKind): string | undefined => {
    switch (table) {
      case 'branches':
        return data.branch.id === id ? data.branch.name : undefined;
      case 'members': {
        const m = members.get(id);
        if (!m) return undefined;
        // Why a member still on the roster is no longer in the volume: the dates that put them outside it.
        if (kind === 'outOfPeriod' && m.leftDate && m.leftDate < period.from)
          return `${m.name}（离开日期 ${m.leftDate}）`;
        if (kind === 'outOfPeriod' && rollStartOf(m) > period.to) {
          return transferredIn(m)
            ? `${m.name}（转入本支部日期 ${m.joinedBranchDate}）`
            : `${m.name}（入党日期 ${m.joinedDate}）`;
        }
        return m.name;
      }
      case 'venues':
        return venues.get(id)?.name;
      case 'venueChecks': {
        const c = lookups.venueChecks.get(id);
        return c && join(c.date, venues.get(c.venueId)?.name ?? '阵地复查');
      }
      case 'meetings':
        return meetingText(id);
      case 'responsibilities': {
        const r = lookups.responsibilities.get(id);
        return r && join(r.holderName, r.role, yearLabel(r.year));
      }
      case 'standards': {
        const s = lookups.standards.get(id);
        return s && `${s.name}（第 ${s.version} 版）`;
      }
      case 'assessments': {
        const a = lookups.assessments.get(id);
        if (!a) return undefined;
        const span =
          a.periodStart.slice(0, 4) === a.periodEnd.slice(0, 4)
            ? yearLabel(Number(a.periodStart.slice(0, 4)))
            : `${a.periodStart} 至 ${a.periodEnd}`;
        return join(span, a.kind, a.date);
      }
      case 'memberEvaluations': {
        const e = lookups.memberEvaluations.get(id);
        return e && join(memberName(e.memberId), yearLabel(e.year));
      }
      case 'learning': {
        const l = lookups.learning.get(id);
        return l && join(l.date, memberName(l.memberId), learningText(l));
      }
      case 'campaigns':
        return lookups.campaigns.get(id)?.name;
      case 'competitions': {
        const c = lookups.competitions.get(id);
        return c && join(c.date, c.name);
      }
      case 'audit': {
        // The volume's audit lines are the 更正 of 已定稿 meetings: when, and of which meeting.
        const e = lookups.audit.get(id);
        if (!e) return undefined;
        const m = e.entity === 'meeting' ? meetings.get(e.entityId) : undefined;
        return m ? `${dayOf(e.at)} 更正「${m.topic}」` : join(dayOf(e.at), e.summary || '更正');
      }
      case 'attachments':
        return lookups.attachments.get(id)?.name;
    }
  };
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Names every change by what it is, from the current data (`data`, the rows verifyManifest compared against, and
 * `period`, the volume's), in the volume's order of categories, then by kind, then by the record's text (dated
 * records read chronologically).
 */
export function describeChanges(
  changes: readonly ManifestChange[],
  data: DossierData,
  period: DossierPeriod,
): DescribedChange[] {
  const describe = makeDescriber(data, period);
  return changes
    .map((c) => ({
      ...c,
      category: manifestTableLabel(c.table),
      record: (c.kind === 'removed' ? c.label : describe(c.table, c.id, c.kind)) ?? `编号 ${c.id}`,
    }))
    .sort(
      (a, b) =>
        TABLE_ORDER.indexOf(a.table) - TABLE_ORDER.indexOf(b.table) ||
        KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
        compareText(a.record, b.record),
    );
}

/** The described changes by category (in the order describeChanges gives), with the count of each kind. */
export function groupChanges(described: readonly DescribedChange[]): ChangeGroup[] {
  const groups = new Map<ManifestChange['table'], ChangeGroup>();
  for (const change of described) {
    let group = groups.get(change.table);
    if (!group) {
      group = { table: change.table, category: change.category, counts: [], changes: [] };
      groups.set(change.table, group);
    }
    group.changes.push(change);
  }
  for (const group of groups.values()) {
    group.counts = KIND_ORDER.map((kind) => ({
      kind,
      count: group.changes.filter((c) => c.kind === kind).length,
    })).filter((c) => c.count > 0);
  }
  return [...groups.values()].sort((a, b) => TABLE_ORDER.indexOf(a.table) - TABLE_ORDER.indexOf(b.table));
}

/** One category's counts: 「会议记录：已修改 2、新增 1」. */
export function groupSummary(group: ChangeGroup): string {
  return `${group.category}：${group.counts.map((c) => `${CHANGE_KIND_NAMES[c.kind]} ${c.count}`).join('、')}`;
}

/** One change as a line of the CLI's report: 「已修改  2025-06-12 支委会「…」」, or 「已删除（编号 …）」. */
export function changeSentence(change: DescribedChange): string {
  return change.kind === 'removed'
    ? `${CHANGE_KIND_NAMES.removed}（${change.record}）`
    : `${CHANGE_KIND_NAMES[change.kind]}  ${change.record}`;
}

/**
 * Labels the records of a volume for its manifest (buildManifest's labelOf): the same names 校验卷宗 uses, written
 * when the volume is made so that a record deleted afterwards can still be named.
 */
export function manifestLabeler(data: DossierData, period: DossierPeriod): RecordLabeler {
  const describe = makeDescriber(data, period);
  return (table, id) => describe(table, id, 'changed');
}
