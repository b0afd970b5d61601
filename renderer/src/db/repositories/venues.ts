// Venue (阵地) repository: venues with their 七有 checklist, 阵地复查 re-checks, due re-checks and the records held there.
import Dexie from 'dexie';
import { SEVEN_HAVES, type SevenHaveKey } from '../../../../shared/domain/vocab';
import { chinaToday } from '../../../../shared/schemas/common';
import {
  checklistItemInputSchema,
  venueCheckInputSchema,
  venueInputSchema,
  type ChecklistEntry,
  type ChecklistItemInput,
  type Meeting,
  type Venue,
  type VenueCheck,
  type VenueCheckInput,
  type VenueInput,
} from '../../../../shared/schemas/entities';
import { newId, nowIso } from '../clock';
import { db } from '../db';
import { ATTACHMENT_REFERENCE_TABLES, deleteUnreferencedAttachments, deletedAttachmentsNote } from './attachments';
import { writeAudit } from './audit';
import { listMeetings } from './meetings';
import { changedFieldLabels, compareZh, parseInput } from './common';
import { NotFoundError, ValidationError, type ValidationIssue } from './errors';

type VenueFields = Omit<Venue, 'id' | 'createdAt' | 'updatedAt' | 'branchId' | 'checklist'>;

const VENUE_LABELS: Readonly<Record<keyof VenueFields, string>> = {
  name: '阵地名称',
  kind: '阵地类型',
  address: '地址',
  areaM2: '面积',
  capacity: '容纳人数',
  manager: '管理人',
};

/** The area the 七有 item 「有固定场所」 asks for, in m². */
export const MIN_FIXED_PLACE_AREA_M2 = 20;

export function sevenHaveLabel(key: SevenHaveKey): string {
  return SEVEN_HAVES.find((item) => item.key === key)?.label ?? key;
}

/**
 * All seven items in the inspectors' order, keeping what is stored and filling the rest as not yet met: a venue
 * always shows the whole checklist, also rows stored before an item existed.
 */
export function completeChecklist(stored: readonly ChecklistEntry[] = []): ChecklistEntry[] {
  return SEVEN_HAVES.map(
    ({ key }) => stored.find((entry) => entry.key === key) ?? { key, ok: false, note: '', attachmentIds: [] },
  );
}

/** How many of the seven items are met, e.g. 5 of 7. */
export function sevenHavesProgress(venue: Pick<Venue, 'checklist'>): { done: number; total: number } {
  const checklist = completeChecklist(venue.checklist);
  return { done: checklist.filter((entry) => entry.ok).length, total: checklist.length };
}

/**
 * Inconsistencies worth a warning but not a refusal: the venue may be shared or measured differently, and the
 * branch secretary knows better than the rule. Chinese, keyed by the 七有 item they concern.
 */
export function venueChecklistWarnings(
  venue: Pick<Venue, 'areaM2' | 'checklist'>,
): Partial<Record<SevenHaveKey, string>> {
  const warnings: Partial<Record<SevenHaveKey, string>> = {};
  const place = completeChecklist(venue.checklist).find((entry) => entry.key === 'place');
  if (place?.ok && venue.areaM2 < MIN_FIXED_PLACE_AREA_M2) {
    warnings.place = `登记的面积为 ${venue.areaM2} ㎡，不足 ${MIN_FIXED_PLACE_AREA_M2} ㎡，“有固定场所”一项可能不达标，请核实面积`;
  }
  return warnings;
}

/** A branch's venues in pinyin order of name. */
export async function listVenues(branchId: string): Promise<Venue[]> {
  const venues = await db.venues.where('branchId').equals(branchId).toArray();
  return venues.sort((a, b) => compareZh(a.name, b.name));
}

export async function getVenue(id: string): Promise<Venue | undefined> {
  return db.venues.get(id);
}

/** The kinds of the venues named (the 工作台 shows 七有 only for a 党员活动室); missing ones are left out. */
export async function venueKinds(ids: readonly string[]): Promise<Map<string, Venue['kind']>> {
  const venues = await db.venues.bulkGet([...ids]);
  return new Map(venues.filter((v): v is Venue => v !== undefined).map((v) => [v.id, v.kind]));
}

/** Creates a venue with all seven 七有 items, none yet met. */
export async function createVenue(branchId: string, input: VenueInput): Promise<Venue> {
  const fields: VenueFields = parseInput(venueInputSchema, input);
  return db.transaction('rw', [db.branches, db.venues, db.auditPages], async () => {
    if (!(await db.branches.get(branchId))) throw new NotFoundError('支部', branchId);
    const at = nowIso();
    const venue: Venue = {
      ...fields,
      checklist: completeChecklist(),
      id: newId(),
      branchId,
      createdAt: at,
      updatedAt: at,
    };
    await db.venues.add(venue);
    await writeAudit({
      entity: 'venue',
      entityId: venue.id,
      branchId,
      action: 'create',
      summary: `新增阵地「${venue.name}」`,
    });
    return venue;
  });
}

/** Replaces a venue's basic fields; the checklist is kept. Unchanged values write nothing. */
export async function updateVenue(id: string, input: VenueInput): Promise<Venue> {
  const fields: VenueFields = parseInput(venueInputSchema, input);
  return db.transaction('rw', [db.venues, db.auditPages], async () => {
    const before = await db.venues.get(id);
    if (!before) throw new NotFoundError('阵地', id);
    const changed = changedFieldLabels<VenueFields>(before, fields, VENUE_LABELS);
    if (changed.length === 0) return before;
    const after: Venue = { ...before, ...fields, updatedAt: nowIso() };
    await db.venues.put(after);
    await writeAudit({
      entity: 'venue',
      entityId: id,
      branchId: before.branchId,
      action: 'update',
      summary: `修改了阵地「${after.name}」的${changed.join('、')}`,
    });
    return after;
  });
}

/**
 * Sets one 七有 item: met or not, a note and evidence photos. The photos must be attachments of the venue's own
 * branch; a photo taken off is deleted with the change unless another record uses it. Returns the venue and any
 * warning (e.g. 固定场所 ticked while the area is under 20 m²), which never blocks.
 */
export async function setChecklistItem(
  venueId: string,
  key: SevenHaveKey,
  change: Partial<ChecklistItemInput>,
): Promise<{ venue: Venue; warning?: string }> {
  // A change, not the whole item: merged with what is stored inside the transaction, so two quick edits (a note
  // left by blurring the box, then a photo added before the first write has come back) both stay.
  parseInput(checklistItemInputSchema.partial(), change);
  return db.transaction('rw', [db.auditPages, ...ATTACHMENT_REFERENCE_TABLES()], async () => {
    const before = await db.venues.get(venueId);
    if (!before) throw new NotFoundError('阵地', venueId);
    const checklist = completeChecklist(before.checklist);
    const index = checklist.findIndex((entry) => entry.key === key);
    const previous = checklist[index]!;
    const { key: _key, ...stored } = previous;
    void _key;
    const item = parseInput(checklistItemInputSchema, { ...stored, ...change });
    const attachments = await db.attachments.bulkGet(item.attachmentIds);
    if (attachments.some((a) => !a || a.branchId !== before.branchId)) {
      throw new ValidationError([
        { path: 'attachmentIds', message: '佐证材料中有文件不存在或不属于本支部，请重新上传' },
      ]);
    }
    const next: ChecklistEntry = { key, ...item, attachmentIds: [...new Set(item.attachmentIds)] };
    const changes: string[] = [];
    if (previous.ok !== next.ok) changes.push(next.ok ? '标为已具备' : '标为未具备');
    if (previous.note !== next.note) changes.push('修改了说明');
    const added = next.attachmentIds.filter((id) => !previous.attachmentIds.includes(id)).length;
    const removed = previous.attachmentIds.filter((id) => !next.attachmentIds.includes(id)).length;
    if (added > 0) changes.push(`添加了 ${added} 份佐证`);
    if (removed > 0) changes.push(`移除了 ${removed} 份佐证`);
    checklist[index] = next;
    const venue: Venue = changes.length === 0 ? before : { ...before, checklist, updatedAt: nowIso() };
    if (changes.length > 0) {
      await db.venues.put(venue);
      // A photo taken off (a wrong one, a private one) must not stay in every backup: deleted unless still used.
      const dropped = previous.attachmentIds.filter((id) => !next.attachmentIds.includes(id));
      const deleted = await deleteUnreferencedAttachments(before.branchId, dropped);
      await writeAudit({
        entity: 'venue',
        entityId: venueId,
        branchId: before.branchId,
        action: 'update',
        summary: `阵地「${before.name}」七有“${sevenHaveLabel(key)}”：${changes.join('，')}${deletedAttachmentsNote(deleted)}`,
      });
    }
    return { venue, warning: venueChecklistWarnings(venue)[key] };
  });
}

type VenueCheckFields = Pick<VenueCheck, 'date' | 'inspector' | 'findings' | 'nextDueDate'>;

const VENUE_CHECK_LABELS: Readonly<Record<keyof VenueCheckFields, string>> = {
  date: '复查日期',
  inspector: '检查人',
  findings: '检查情况',
  nextDueDate: '下次复查日期',
};

function today(): string {
  // The clock itself (not nowIso's monotonic stamp): "today" is the calendar day the user sees.
  return chinaToday(new Date());
}

/**
 * The schema, then the day: a 复查 records a check that took place, so its date is not after today (a slip such as
 * 2062 for 2026 would otherwise become the venue's latest check and hide a due reminder). 下次复查 is a plan and may
 * lie ahead.
 */
function parseVenueCheck(input: VenueCheckInput): VenueCheckFields {
  const fields = parseInput(venueCheckInputSchema, input);
  const day = today();
  if (fields.date > day) {
    throw new ValidationError([{ path: 'date', message: `复查日期不能晚于今天（${day}）` }]);
  }
  return { ...fields, nextDueDate: fields.nextDueDate ?? '' };
}

/** Records a 阵地复查; the next due date, when given, must come after the check. */
export async function addVenueCheck(venueId: string, input: VenueCheckInput): Promise<VenueCheck> {
  const fields = parseVenueCheck(input);
  return db.transaction('rw', [db.venues, db.venueChecks, db.auditPages], async () => {
    const venue = await db.venues.get(venueId);
    if (!venue) throw new NotFoundError('阵地', venueId);
    const at = nowIso();
    const check: VenueCheck = {
      ...fields,
      venueId,
      id: newId(),
      branchId: venue.branchId,
      createdAt: at,
      updatedAt: at,
    };
    await db.venueChecks.add(check);
    await writeAudit({
      entity: 'venueCheck',
      entityId: check.id,
      branchId: venue.branchId,
      action: 'create',
      summary: `阵地「${venue.name}」${check.date} 复查，检查人 ${check.inspector}`,
    });
    return check;
  });
}

/** Corrects a recorded 复查 (same rules as a new one); the audit names the fields changed. Unchanged writes nothing. */
export async function updateVenueCheck(id: string, input: VenueCheckInput): Promise<VenueCheck> {
  const fields = parseVenueCheck(input);
  return db.transaction('rw', [db.venues, db.venueChecks, db.auditPages], async () => {
    const before = await db.venueChecks.get(id);
    if (!before) throw new NotFoundError('复查记录', id);
    const changed = changedFieldLabels<VenueCheckFields>(before, fields, VENUE_CHECK_LABELS);
    if (changed.length === 0) return before;
    const venue = await db.venues.get(before.venueId);
    const after: VenueCheck = { ...before, ...fields, updatedAt: nowIso() };
    await db.venueChecks.put(after);
    await writeAudit({
      entity: 'venueCheck',
      entityId: id,
      branchId: before.branchId,
      action: 'update',
      summary: `修改了阵地「${venue?.name ?? '（已删除）'}」${before.date} 复查记录的${changed.join('、')}`,
    });
    return after;
  });
}

/** Deletes a 复查 entered by mistake; the audit keeps what it said. */
export async function deleteVenueCheck(id: string): Promise<void> {
  await db.transaction('rw', [db.venues, db.venueChecks, db.auditPages], async () => {
    const before = await db.venueChecks.get(id);
    if (!before) throw new NotFoundError('复查记录', id);
    const venue = await db.venues.get(before.venueId);
    await db.venueChecks.delete(id);
    const next = before.nextDueDate ? `，下次复查 ${before.nextDueDate}` : '';
    await writeAudit({
      entity: 'venueCheck',
      entityId: id,
      branchId: before.branchId,
      action: 'delete',
      summary: `删除了阵地「${venue?.name ?? '（已删除）'}」${before.date} 的复查记录（检查人 ${before.inspector}${next}）`,
    });
  });
}

/** What may keep a venue from being deleted: each a record that names it. */
export interface VenueUses {
  /** Records (会议/活动) whose 地点 is this venue. */
  meetings: boolean;
  /** 阵地复查 entries. */
  checks: boolean;
  /** 七有 evidence photos. */
  photos: boolean;
  /** 考评 scores that cite the venue as evidence. */
  assessments: boolean;
}

/** Why a venue cannot be deleted, in Chinese, or undefined when nothing uses it. */
export function venueInUseReason(uses: VenueUses): string | undefined {
  const what = [
    uses.meetings && '在此开展的活动记录',
    uses.checks && '阵地复查记录',
    uses.photos && '七有佐证照片',
    uses.assessments && '考评中作为佐证',
  ].filter((text): text is string => typeof text === 'string');
  if (what.length === 0) return undefined;
  return `该阵地已有${what.join('、')}，不能删除。删除会使这些记录失去地点或佐证，请保留该阵地。`;
}

export function hasChecklistPhotos(venue: Pick<Venue, 'checklist'>): boolean {
  return venue.checklist.some((entry) => entry.attachmentIds.length > 0);
}

async function citedByAssessment(branchId: string, venueId: string): Promise<boolean> {
  const assessments = await db.assessments
    .where('[branchId+date]')
    .between([branchId, Dexie.minKey], [branchId, Dexie.maxKey])
    .toArray();
  return assessments.some((a) => a.scores.some((score) => score.evidenceIds.includes(venueId)));
}

/**
 * The uses the venue page shows before offering 删除: the records held there come from the page's own list (the
 * search postings); deleteVenue checks again against the rows themselves.
 */
export async function venueUses(venue: Venue, hasMeetings: boolean): Promise<VenueUses> {
  return {
    meetings: hasMeetings,
    checks: (await db.venueChecks.where('venueId').equals(venue.id).count()) > 0,
    photos: hasChecklistPhotos(venue),
    assessments: await citedByAssessment(venue.branchId, venue.id),
  };
}

/**
 * Deletes a venue entered by mistake, with its 七有 ticks and notes. Refused while anything names it: a record held
 * there, a 复查, a 七有 photo (evidence taken for inspection) or a 考评 that cites it.
 */
export async function deleteVenue(id: string): Promise<void> {
  await db.transaction('rw', [db.venues, db.venueChecks, db.meetings, db.assessments, db.auditPages], async () => {
    const venue = await db.venues.get(id);
    if (!venue) throw new NotFoundError('阵地', id);
    // The meeting rows themselves, not the search postings: a delete must not rest on a derived index.
    const held = await db.meetings
      .where('[branchId+date]')
      .between([venue.branchId, Dexie.minKey], [venue.branchId, Dexie.maxKey])
      .filter((m) => m.venueId === id)
      .count();
    const reason = venueInUseReason(await venueUses(venue, held > 0));
    if (reason) throw new ValidationError([{ path: '', message: reason } satisfies ValidationIssue]);
    await db.venues.delete(id);
    await writeAudit({
      entity: 'venue',
      entityId: id,
      branchId: venue.branchId,
      action: 'delete',
      summary: `删除了阵地「${venue.name}」（${venue.kind}）`,
    });
  });
}

// Latest first: by check date, then by when it was entered (two checks on one day).
const latestFirst = (a: VenueCheck, b: VenueCheck) =>
  b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt);

/** A venue's re-check history, latest first. */
export async function listVenueChecks(venueId: string): Promise<VenueCheck[]> {
  const checks = await db.venueChecks.where('venueId').equals(venueId).toArray();
  return checks.sort(latestFirst);
}

/** Each venue's latest re-check in a branch (its next due date is the venue's). */
export async function latestVenueChecks(branchId: string): Promise<Map<string, VenueCheck>> {
  const checks = await db.venueChecks
    .where('[branchId+date]')
    .between([branchId, Dexie.minKey], [branchId, Dexie.maxKey])
    .toArray();
  const latest = new Map<string, VenueCheck>();
  for (const check of checks.sort(latestFirst)) if (!latest.has(check.venueId)) latest.set(check.venueId, check);
  return latest;
}

/**
 * Re-checks due on or before `asOf` (YYYY-MM-DD), the most overdue first. Only a venue's latest check counts: once a
 * venue has been re-checked again, the earlier check's due date is settled.
 */
export async function dueVenueChecks(branchId: string, asOf: string): Promise<VenueCheck[]> {
  // '' (no next check planned) sorts before every date, so a lower bound of year 0000 leaves those out.
  const candidates = await db.venueChecks
    .where('[branchId+nextDueDate]')
    .between([branchId, '0000-01-01'], [branchId, asOf], true, true)
    .toArray();
  if (candidates.length === 0) return [];
  const latest = await latestVenueChecks(branchId);
  return candidates.filter((check) => latest.get(check.venueId)?.id === check.id);
}

/** The latest records held at a venue, and whether there are more than `limit` of them. */
export async function recentMeetingsAtVenue(
  branchId: string,
  venueId: string,
  limit: number,
): Promise<{ items: Meeting[]; more: boolean }> {
  const page = await listMeetings(branchId, { venueId }, undefined, limit);
  return { items: page.items, more: page.next !== undefined };
}

/** The records (会议/活动) held at a venue, latest first. */
export async function meetingsAtVenue(branchId: string, venueId: string, limit = 20): Promise<Meeting[]> {
  // The venue's list in the search postings (since v5 there is no [branchId+venueId+date] index).
  return (await listMeetings(branchId, { venueId }, undefined, limit)).items;
}
