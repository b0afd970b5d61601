// Prepares a backup's branch data for the restore modes that add to this computer's data (作为新支部导入, 替换本机的同一
// 支部): rows keep their ids, except ids another branch here already uses, which get new ones with every reference. Pure.
import { BRANCH_DATA_TABLES, type BackupTableName } from '../../../../shared/backup/tables';

export type Row = Record<string, unknown>;
export type StagedTables = Record<BackupTableName, Row[]>;

/*
 * Why ids are kept: ids are UUIDs, so a branch id of the file that is already here means the same branch (the restore
 * offers 「替换本机的同一支部」 then, and 作为新支部导入 is refused), and one that is not here brings rows no other branch
 * can have. Kept ids let a 卷宗 generated from the file be checked (校验卷宗 looks the branch and every record up by the
 * ids in the volume's manifest) and let a second import of the same file be recognised. Before, every id was renewed:
 * the same backup imported twice became two identical branches, and their 卷宗 could not be checked.
 * Renumbering is still needed where a row's id is used here by ANOTHER branch's row (a hand-edited file, or a file
 * whose rows were copied from another branch's backup): primary keys must stay unique, so those rows, and only those,
 * get new ids, and every reference to them follows. Audit and learning entries are not renumbered: they are stored
 * packed (packed.ts), their ids are no keys, and a clash harms nothing. Nor are 党小组 ids, which live inside their
 * branch. Standards are shared templates: they keep their ids, and one already here is kept as it is.
 */

/**
 * Tables whose rows may get new ids (the whole set when `buildIdMap` is given no clashes to limit it to): the branches
 * and their data. Standards are shared templates, not branch data: they keep their ids. Settings are this computer's,
 * not imported.
 */
export const REMAPPED_TABLES: readonly BackupTableName[] = ['branches', ...BRANCH_DATA_TABLES];

const isObject = (v: unknown): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v);
const objects = (v: unknown): Row[] => (Array.isArray(v) ? v.filter(isObject) : []);

/**
 * The id map of a dataset: every row id of the remapped tables, and every 党小组 id, to a fresh id; with `only`, just
 * the ids in it (the clashes with rows here).
 */
export function buildIdMap(
  tables: Partial<StagedTables>,
  newId: () => string,
  only?: ReadonlySet<string>,
): Map<string, string> {
  const map = new Map<string, string>();
  const add = (id: unknown) => {
    if (typeof id === 'string' && id !== '' && !map.has(id) && (!only || only.has(id))) map.set(id, newId());
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
 * Tables whose rows have their id as primary key: an id of the file used here by another branch must be renewed. All
 * branch data but audit and learning entries, which are stored packed (their ids are no keys).
 */
export const KEYED_TABLES: readonly BackupTableName[] = BRANCH_DATA_TABLES.filter(
  (t) => t !== 'audit' && t !== 'learning',
);

/**
 * The branch data of a file as this computer takes it: no settings (they belong to this computer), and only the audit
 * entries of the file's branches (entries without a branch describe the other computer's shared data).
 */
export function branchDataOf(tables: Partial<StagedTables>): Partial<StagedTables> {
  const branchIds = new Set((tables.branches ?? []).map((b) => String(b.id)));
  return {
    ...tables,
    settings: [],
    audit: (tables.audit ?? []).filter((row) => branchIds.has(String(row.branchId))),
  };
}

/**
 * The rows 作为新支部导入 and 替换本机的同一支部 write: `branchDataOf(tables)` with its ids kept, except `clashes` (ids
 * of the file that rows of other branches here already have), which get new ids with every reference to them.
 */
export function prepareImport(
  tables: Partial<StagedTables>,
  clashes: ReadonlySet<string>,
  newId: () => string,
): { tables: Partial<StagedTables>; idMap: Map<string, string> } {
  const kept = branchDataOf(tables);
  if (clashes.size === 0) return { tables: kept, idMap: new Map() };
  const idMap = buildIdMap(kept, newId, clashes);
  return { tables: remapTables(kept, idMap), idMap };
}
