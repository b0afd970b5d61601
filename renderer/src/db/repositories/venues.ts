// Venue (阵地) repository: venues with their 七有 checklist, 阵地复查 re-checks, due re-checks and the records held there.
import Dexie from 'dexie';
import { SEVEN_HAVES, type SevenHaveKey } from '../../../../shared/domain/vocab';
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
import { writeAudit } from './audit';
import { listMeetings } from './meetings';
import { changedFieldLabels, compareZh, parseInput } from './common';
import { NotFoundError, ValidationError } from './errors';

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
 * branch. Returns the venue and any warning (e.g. 固定场所 ticked while the area is under 20 m²), which never blocks.
 */
export async function setChecklistItem(
  venueId: string,
  key: SevenHaveKey,
  change: Partial<ChecklistItemInput>,
): Promise<{ venue: Venue; warning?: string }> {
  // A change, not the whole item: merged with what is stored inside the transaction, so two quick edits (a note
  // left by blurring the box, then a photo added before the first write has come back) both stay.
  parseInput(checklistItemInputSchema.partial(), change);
  return db.transaction('rw', [db.venues, db.attachments, db.auditPages], async () => {
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
      await writeAudit({
        entity: 'venue',
        entityId: venueId,
        branchId: before.branchId,
        action: 'update',
        summary: `阵地「${before.name}」七有“${sevenHaveLabel(key)}”：${changes.join('，')}`,
      });
    }
    return { venue, warning: venueChecklistWarnings(venue)[key] };
  });
}

/** Records a 阵地复查; the next due date, when given, must come after the check. */
export async function addVenueCheck(venueId: string, input: VenueCheckInput): Promise<VenueCheck> {
  const fields = parseInput(venueCheckInputSchema, input);
  return db.transaction('rw', [db.venues, db.venueChecks, db.auditPages], async () => {
    const venue = await db.venues.get(venueId);
    if (!venue) throw new NotFoundError('阵地', venueId);
    const at = nowIso();
    const check: VenueCheck = {
      ...fields,
      nextDueDate: fields.nextDueDate ?? '',
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

/** The records (会议/活动) held at a venue, latest first. */
export async function meetingsAtVenue(branchId: string, venueId: string, limit = 20): Promise<Meeting[]> {
  // The venue's list in the search postings (since v5 there is no [branchId+venueId+date] index).
  return (await listMeetings(branchId, { venueId }, undefined, limit)).items;
}
