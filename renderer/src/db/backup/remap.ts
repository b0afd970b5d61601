// Gives the branches of a backup new ids for 「作为新支部导入」: every id and every reference to it, consistently. Pure.
import type { BackupTableName } from '../../../../shared/backup/tables';

export type Row = Record<string, unknown>;
export type StagedTables = Record<BackupTableName, Row[]>;

/**
 * Tables whose rows get new ids. Standards are shared templates, not branch data: they keep their ids, so importing
 * a second branch that uses the same standard does not duplicate it. Settings are this computer's, not imported.
 */
export const REMAPPED_TABLES: readonly BackupTableName[] = [
  'branches',
  'members',
  'venues',
  'venueChecks',
  'meetings',
  'responsibilities',
  'assessments',
  'memberEvaluations',
  'learning',
  'campaigns',
  'competitions',
  'attachments',
  'audit',
];

const isObject = (v: unknown): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v);
const objects = (v: unknown): Row[] => (Array.isArray(v) ? v.filter(isObject) : []);

/** The id map of a dataset: every row id of the remapped tables, and every 党小组 id, to a fresh id. */
export function buildIdMap(tables: Partial<StagedTables>, newId: () => string): Map<string, string> {
  const map = new Map<string, string>();
  const add = (id: unknown) => {
    if (typeof id === 'string' && id !== '' && !map.has(id)) map.set(id, newId());
  };
  for (const table of REMAPPED_TABLES) for (const row of tables[table] ?? []) add(row.id);
  for (const branch of tables.branches ?? []) for (const group of objects(branch.partyGroups)) add(group.id);
  return map;
}

/**
 * Rewrites a dataset with `map`. A reference is rewritten when its target was renamed; an empty optional reference
 * stays empty; a reference to something outside the dataset (a standard) stays as it is.
 */
export function remapTables(tables: Partial<StagedTables>, map: ReadonlyMap<string, string>): Partial<StagedTables> {
  const id = (v: unknown): unknown => (typeof v === 'string' ? (map.get(v) ?? v) : v);
  const ids = (v: unknown): unknown => (Array.isArray(v) ? v.map(id) : v);
  const each = <T>(v: unknown, fn: (row: Row) => T): unknown =>
    Array.isArray(v) ? v.map((x) => (isObject(x) ? fn(x) : x)) : v;
  const owned = (row: Row): Row => ({ ...row, id: id(row.id), branchId: id(row.branchId) });

  const rewrite: Partial<Record<BackupTableName, (row: Row) => Row>> = {
    branches: (row) => ({
      ...row,
      id: id(row.id),
      partyGroups: each(row.partyGroups, (g) => ({ ...g, id: id(g.id) })),
      committee: each(row.committee, (c) => (c.memberId === undefined ? c : { ...c, memberId: id(c.memberId) })),
    }),
    members: (row) => ({ ...owned(row), partyGroupId: id(row.partyGroupId) }),
    venues: (row) => ({
      ...owned(row),
      checklist: each(row.checklist, (c) => ({ ...c, attachmentIds: ids(c.attachmentIds) })),
    }),
    venueChecks: (row) => ({ ...owned(row), venueId: id(row.venueId) }),
    meetings: (row) => ({
      ...owned(row),
      venueId: id(row.venueId),
      partyGroupId: id(row.partyGroupId),
      talkParties: ids(row.talkParties),
      attendance: each(row.attendance, (a) => ({ ...a, memberId: id(a.memberId) })),
      attendeeIds: ids(row.attendeeIds),
      attachmentIds: ids(row.attachmentIds),
    }),
    responsibilities: (row) => ({
      ...owned(row),
      holderMemberId: id(row.holderMemberId),
      tasks: each(row.tasks, (t) => ({ ...t, evidenceMeetingIds: ids(t.evidenceMeetingIds) })),
    }),
    assessments: (row) => ({
      ...owned(row),
      scores: each(row.scores, (s) => ({ ...s, evidenceIds: ids(s.evidenceIds) })),
    }),
    memberEvaluations: (row) => ({ ...owned(row), memberId: id(row.memberId) }),
    learning: (row) => ({ ...owned(row), memberId: id(row.memberId), attachmentIds: ids(row.attachmentIds) }),
    campaigns: (row) => ({
      ...owned(row),
      linkedMeetingIds: ids(row.linkedMeetingIds),
      assessmentId: id(row.assessmentId),
      commitments: each(row.commitments, (c) => ({ ...c, memberId: id(c.memberId) })),
      awards: each(row.awards, (a) => (a.memberId ? { ...a, memberId: id(a.memberId) } : a)),
    }),
    competitions: (row) => ({
      ...owned(row),
      participants: each(row.participants, (p) => ({ ...p, memberId: id(p.memberId) })),
    }),
    attachments: owned,
    // The history travels with the branch: the entry names the renamed record and branch.
    audit: (row) => ({ ...row, id: id(row.id), branchId: id(row.branchId), entityId: id(row.entityId) }),
  };

  const out: Partial<StagedTables> = {};
  for (const [table, rows] of Object.entries(tables) as [BackupTableName, Row[]][]) {
    const fn = rewrite[table];
    out[table] = fn ? rows.map(fn) : rows.map((r) => ({ ...r }));
  }
  return out;
}

/**
 * The rows 「作为新支部导入」 adds: the branch data with new ids; audit entries of the file's branches only (entries
 * without a branch describe the other computer's shared data); no settings (they belong to this computer).
 */
export function prepareAsNewBranches(
  tables: Partial<StagedTables>,
  newId: () => string,
): { tables: Partial<StagedTables>; idMap: Map<string, string> } {
  const branchIds = new Set((tables.branches ?? []).map((b) => String(b.id)));
  const kept: Partial<StagedTables> = { ...tables, settings: [] };
  kept.audit = (tables.audit ?? []).filter((row) => branchIds.has(String(row.branchId)));
  const idMap = buildIdMap(kept, newId);
  return { tables: remapTables(kept, idMap), idMap };
}
