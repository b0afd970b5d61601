// Gathers, through indexes, what a 会议记录单 or a year's 迎检卷宗 prints: rows as plain data plus the photos' Blobs.
import Dexie from 'dexie';
import { attachmentIdsOf, type DossierOptions } from '../../../shared/dossier/data';
import { lateRecordsEnd, recordYearOf } from '../../../shared/domain/recordYear';
import type { AttachmentMeta, Meeting } from '../../../shared/schemas/entities';
import type { PdfJob, PrintPhoto } from '../workers/pdfProtocol';
import { db } from './db';
import { changesTerm } from '../../../shared/branch/terms';
import { listAudit, listAuditBefore, listAuditSince } from './repositories/audit';
import { listCompetitions } from './repositories/competitions';
import { getRulePackId } from './repositories/compliance';
import { NotFoundError } from './repositories/errors';
import { listLearning } from './repositories/learning';
import { countingBetween } from './repositories/meetings';

const PRINTABLE = new Set(['image/jpeg', 'image/png', 'image/webp']);

/** Metadata (the Blob stripped) and the printable photos among the given attachment ids. */
async function attachmentsFor(ids: readonly string[]): Promise<{ metas: AttachmentMeta[]; photos: PrintPhoto[] }> {
  const unique = [...new Set(ids)];
  const rows = (await db.attachments.bulkGet(unique)).filter((a) => a !== undefined);
  const metas: AttachmentMeta[] = rows.map(({ blob: _blob, thumbnail: _thumb, ...meta }) => meta);
  const photos = rows.filter((a) => PRINTABLE.has(a.mime)).map((a) => ({ sha256: a.sha256, blob: a.blob }));
  return { metas, photos };
}

export async function loadMeetingRecordJob(meetingId: string): Promise<PdfJob> {
  const meeting = await db.meetings.get(meetingId);
  if (!meeting) throw new NotFoundError('会议记录', meetingId);
  const [branch, members, venues, audit, files] = await Promise.all([
    db.branches.get(meeting.branchId),
    db.members.where('branchId').equals(meeting.branchId).toArray(),
    db.venues.where('branchId').equals(meeting.branchId).toArray(),
    listAudit('meeting', meetingId, meeting.branchId),
    attachmentsFor(meeting.attachmentIds),
  ]);
  if (!branch) throw new NotFoundError('支部', meeting.branchId);
  return {
    kind: 'meetingRecord',
    meeting,
    context: {
      branch,
      // Whole rows: the 法定人数 line reads who could vote on the day (类别, 入党, 转入, 转正, 离开).
      members,
      venues: venues.map((v) => ({ id: v.id, name: v.name })),
      attachments: files.metas,
      audit,
    },
    photos: files.photos,
  };
}

/**
 * The 民主评议党员 records of the period's years held outside it: a 3月–9月 volume prints the year's 评议 results and
 * says when they were given (「评议于 2025年12月24日，在本卷期间之后」), as the CLI finds that day in the backup. Read
 * from the years' first day to the period, and from the period to 31 March after the last year (one held then for it).
 */
async function evaluationsHeldOutside(branchId: string, years: readonly number[], from: string, to: string) {
  const first = `${years[0]}-01-01`;
  const last = lateRecordsEnd(`${years.at(-1)}-12-31`);
  const between = (lower: string, upper: string, withLower: boolean, withUpper: boolean) =>
    db.meetings.where('[branchId+date]').between([branchId, lower], [branchId, upper], withLower, withUpper).toArray();
  const [before, after] = await Promise.all([
    from > first ? between(first, from, true, false) : [],
    // A period ending on 31 December: countingBetween has read these already, and those for the year are in it.
    to.endsWith('-12-31') ? [] : between(to, last, false, true),
  ]);
  return [...before, ...after].filter((m) => m.kind === '民主评议党员' && years.includes(recordYearOf(m)));
}

/** Everything of one branch that a volume for `options`' period can print; buildDossier selects the period. */
export async function loadDossierJob(branchId: string, options: DossierOptions): Promise<PdfJob> {
  const from = options.from ?? `${options.year}-01-01`;
  const to = options.to ?? `${options.year}-12-31`;
  const years: number[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) years.push(y);
  const branch = await db.branches.get(branchId);
  if (!branch) throw new NotFoundError('支部', branchId);
  const yearKeys = years.map((y) => [branchId, y]);
  const [
    members,
    venues,
    venueChecks,
    meetings,
    yearEvaluations,
    responsibilities,
    assessments,
    memberEvaluations,
    learning,
    campaigns,
    competitions,
    audit,
  ] = await Promise.all([
    db.members.where('branchId').equals(branchId).toArray(),
    db.venues.where('branchId').equals(branchId).toArray(),
    db.venueChecks.where('[branchId+date]').between([branchId, from], [branchId, to], true, true).toArray(),
    // With last year's 组织生活会 or 民主评议 held in January–March after the period (shared/domain/recordYear.ts).
    countingBetween(branchId, from, to),
    evaluationsHeldOutside(branchId, years, from, to),
    // The period's years and the later ones: a task carried on unfinished says which year's list took it.
    db.responsibilities.where('[branchId+year]').between([branchId, years[0]!], [branchId, Dexie.maxKey]).toArray(),
    // Every 考评 of the branch (a few a year), as the CLI reads a backup: one dated before the period may still cover
    // part of it, a campaign may link one of another period, and which one counts for a year needs all of that year's.
    db.assessments.where('[branchId+date]').between([branchId, Dexie.minKey], [branchId, Dexie.maxKey]).toArray(),
    db.memberEvaluations.where('[branchId+year]').anyOf(yearKeys).toArray(),
    listLearning(branchId, from, to),
    db.campaigns.where('branchId').equals(branchId).toArray(),
    // The whole branch (a few events a year), as campaigns: 校验卷宗 then tells one re-dated out of the period from
    // one deleted. buildDossier selects the period's.
    listCompetitions(branchId),
    listAuditSince(branchId, from),
  ]);
  const standards = (await db.standards.bulkGet([...new Set(assessments.map((a) => a.standardId))])).filter(
    (s) => s !== undefined,
  );
  const files = await attachmentsFor(attachmentIdsOf({ meetings, venues, learning }));
  // A 考评 item, a leader's task or a campaign's 积极争创 may cite a meeting of another period: loaded too, so the
  // volume names it (「不在本卷期间内的记录：2024年12月30日 支委会第12次」) as the CLI does, instead of an anonymous line.
  // buildDossier prints only the period's.
  const loaded = new Set([...meetings, ...yearEvaluations].map((m) => m.id));
  const cited = [
    // The 考评 the volume prints: those whose 考评期间 overlaps the period (selectForPeriod).
    ...assessments
      .filter((a) => a.periodStart <= to && a.periodEnd >= from)
      .flatMap((a) => a.scores.flatMap((s) => s.evidenceIds)),
    ...responsibilities
      .filter((r) => years.includes(r.year))
      .flatMap((r) => r.tasks.flatMap((t) => t.evidenceMeetingIds)),
    ...campaigns.flatMap((c) => c.linkedMeetingIds),
  ].filter((id) => !loaded.has(id));
  const citedIds = [...new Set(cited)];
  const otherPeriods = (await db.meetings.bulkGet(citedIds)).filter(
    (m): m is Meeting => m !== undefined && m.branchId === branchId,
  );
  // What the log read from the period's start lacks and the CLI, reading the whole log, has: the deletion of a cited
  // record deleted before the period (the volume printed it as an anonymous 「（不在本卷期间内的记录）」), and a 届期
  // change logged before it (a new term entered ahead of the 换届) — the volume prints the terms of its period.
  const found = new Set(otherPeriods.map((m) => m.id));
  const deleted = new Set(citedIds.filter((id) => !found.has(id)));
  const earlier = await listAuditBefore(
    branchId,
    from,
    (e) => (e.action === 'delete' && deleted.has(e.entityId)) || changesTerm(e, branchId),
  );
  return {
    kind: 'dossier',
    data: {
      branch,
      members,
      venues,
      venueChecks,
      meetings: [...meetings, ...yearEvaluations, ...otherPeriods],
      responsibilities,
      standards,
      assessments,
      memberEvaluations,
      learning,
      campaigns,
      competitions,
      audit: [...earlier, ...audit],
      attachments: files.metas,
    },
    // The volume's 组织生活落实情况 uses the pack 工作台 shows, so the two never disagree.
    options: { ...options, rulePackId: options.rulePackId ?? (await getRulePackId()) },
    photos: files.photos,
  };
}
