// Standard (评价标准) repository: built-in templates seeded once, 「复制后修改」 (the copy is made when the edited copy is
// saved), and versions — a copy already used by an assessment is never changed under it: editing it makes version+1,
// and the assessment keeps its snapshot.
import {
  standardInputSchema,
  type Standard,
  type StandardFields,
  type StandardInput,
} from '../../../../shared/schemas/entities';
import { BUILT_IN_STANDARDS, standardInputIssues } from '../../../../shared/standards';
import { newId, nowIso } from '../clock';
import { db } from '../db';
import { writeAudit } from './audit';
import { compareZh, parseInput } from './common';
import { NotFoundError, ValidationError } from './errors';

export const lineageOf = (s: Pick<Standard, 'id' | 'lineageId'>): string => s.lineageId || s.id;

/** The fields an assessment snapshots: the standard without its row stamps. */
export function standardFieldsOf(standard: Standard): StandardFields {
  const { id: _id, createdAt: _c, updatedAt: _u, ...fields } = standard;
  return fields;
}

/**
 * Adds each built-in template that is not in the database yet (found by builtInKey), with its fixed id. Idempotent:
 * safe on every start and from several windows — a second call adds nothing.
 */
export async function ensureBuiltInStandards(): Promise<void> {
  // Read first, outside a write transaction, so that merely opening the page does not contend for a write lock.
  const present = await db.standards
    .where('builtInKey')
    .anyOf(BUILT_IN_STANDARDS.map((s) => s.fields.builtInKey))
    .keys();
  if (present.length >= BUILT_IN_STANDARDS.length) return;
  await db.transaction('rw', [db.standards, db.auditPages], async () => {
    for (const builtIn of BUILT_IN_STANDARDS) {
      const existing = await db.standards.where('builtInKey').equals(builtIn.fields.builtInKey).count();
      if (existing > 0 || (await db.standards.get(builtIn.id))) continue;
      const at = nowIso();
      await db.standards.add({ ...structuredClone(builtIn.fields), id: builtIn.id, createdAt: at, updatedAt: at });
      await writeAudit({
        entity: 'standard',
        entityId: builtIn.id,
        action: 'create',
        summary: `载入内置评价标准「${builtIn.fields.name}」`,
      });
    }
  });
}

/** The current standards (the latest version of each), built-ins first, then by name. Read-only (live queries). */
export async function listStandards(): Promise<Standard[]> {
  const all = await db.standards.toArray();
  const latest = new Map<string, Standard>();
  for (const s of all) {
    const key = lineageOf(s);
    const seen = latest.get(key);
    if (!seen || s.version > seen.version) latest.set(key, s);
  }
  return [...latest.values()].sort(
    (a, b) =>
      Number(Boolean(b.builtInKey)) - Number(Boolean(a.builtInKey)) ||
      compareZh(a.name, b.name) ||
      a.id.localeCompare(b.id),
  );
}

/** Every version of a standard's lineage, oldest first. */
export async function listVersions(id: string): Promise<Standard[]> {
  const standard = await db.standards.get(id);
  if (!standard) return [];
  const lineage = lineageOf(standard);
  const all = await db.standards.toArray();
  return all.filter((s) => lineageOf(s) === lineage).sort((a, b) => a.version - b.version);
}

export async function getStandard(id: string): Promise<Standard | undefined> {
  return db.standards.get(id);
}

/** How many assessments were scored against exactly this version. */
export async function assessmentsUsing(id: string): Promise<number> {
  return db.assessments.where('standardId').equals(id).count();
}

/** 「复制后修改」 without changes: a new, editable standard (version 1) with the source's items and bands. */
export async function copyStandard(sourceId: string, name?: string): Promise<Standard> {
  return addCopy(sourceId, (source) => ({ name: name?.trim() || `${source.name}（副本）` }));
}

/**
 * 「复制后修改」 as the editor saves it: the copy (version 1, based on the source) is created only now, already with
 * the edits, so a copy abandoned in the editor never reaches the 标准库. Validated like updateStandard.
 */
export async function saveCopyOfStandard(sourceId: string, input: StandardInput): Promise<Standard> {
  const fields = parseStandardInput(input);
  return addCopy(sourceId, () => fields);
}

async function addCopy(sourceId: string, edits: (source: Standard) => Partial<StandardFields>): Promise<Standard> {
  return db.transaction('rw', [db.standards, db.auditPages], async () => {
    const source = await db.standards.get(sourceId);
    if (!source) throw new NotFoundError('评价标准', sourceId);
    const id = newId();
    const at = nowIso();
    const copy: Standard = {
      ...structuredClone(standardFieldsOf(source)),
      ...edits(source),
      version: 1,
      builtInKey: '',
      basedOn: source.id,
      lineageId: id,
      id,
      createdAt: at,
      updatedAt: at,
    };
    await db.standards.add(copy);
    await writeAudit({
      entity: 'standard',
      entityId: id,
      action: 'create',
      summary: `由「${source.name}」（第${source.version}版）复制为「${copy.name}」`,
    });
    return copy;
  });
}

/**
 * Deletes a copied standard from the 标准库 (audited), with every version of it — e.g. a 「复制后修改」 copy that was
 * abandoned. Built-ins are refused, and so is a standard any version of which a 考评 was scored against: the 卷宗 lists
 * the standards its 考评 used.
 */
export async function deleteStandard(id: string): Promise<void> {
  await db.transaction('rw', [db.standards, db.assessments, db.auditPages], async () => {
    const standard = await db.standards.get(id);
    if (!standard) throw new NotFoundError('评价标准', id);
    if (standard.builtInKey) {
      throw new ValidationError([{ path: '', message: '内置评价标准不能删除' }]);
    }
    const lineage = lineageOf(standard);
    const versions = (await db.standards.toArray()).filter((s) => lineageOf(s) === lineage);
    const ids = versions.map((s) => s.id);
    const used = await db.assessments.where('standardId').anyOf(ids).count();
    if (used > 0) {
      throw new ValidationError([
        { path: '', message: `「${standard.name}」已被 ${used} 次考评采用，不能删除；如确需删除，请先删除这些考评` },
      ]);
    }
    await db.standards.bulkDelete(ids);
    for (const version of versions) {
      await writeAudit({
        entity: 'standard',
        entityId: version.id,
        action: 'delete',
        summary: `删除评价标准「${version.name}」（第${version.version}版）`,
      });
    }
  });
}

function parseStandardInput(
  input: StandardInput,
): Pick<StandardFields, 'name' | 'description' | 'totalScore' | 'items' | 'grades'> {
  // Every problem in one pass (schema and sums, codes, tiers, bands), as the editor checks before saving.
  const issues = standardInputIssues(input);
  if (issues.length > 0) throw new ValidationError(issues);
  return parseInput(standardInputSchema, input);
}

/**
 * Saves changes to a copied standard. Built-ins are refused (copy them first), and so is an older version. When an
 * assessment already uses this version, the change is saved as a new version (version+1, same lineage) and the old
 * row stays exactly as it was; otherwise the version is changed in place.
 */
export async function updateStandard(id: string, input: StandardInput): Promise<Standard> {
  const fields = parseStandardInput(input);
  return db.transaction('rw', [db.standards, db.assessments, db.auditPages], async () => {
    const before = await db.standards.get(id);
    if (!before) throw new NotFoundError('评价标准', id);
    if (before.builtInKey) {
      throw new ValidationError([{ path: '', message: '内置评价标准不能直接修改，请先“复制后修改”' }]);
    }
    const lineage = lineageOf(before);
    const newer = (await db.standards.toArray()).some((s) => lineageOf(s) === lineage && s.version > before.version);
    if (newer) throw new ValidationError([{ path: '', message: '这不是该标准的最新版本，请修改最新版本' }]);
    const used = await db.assessments.where('standardId').equals(id).count();
    const at = nowIso();
    if (used > 0) {
      const next: Standard = {
        ...before,
        ...fields,
        id: newId(),
        lineageId: lineage,
        version: before.version + 1,
        createdAt: at,
        updatedAt: at,
      };
      await db.standards.add(next);
      await writeAudit({
        entity: 'standard',
        entityId: next.id,
        action: 'create',
        summary: `「${next.name}」已被 ${used} 次考评使用，修改保存为第${next.version}版`,
      });
      return next;
    }
    const after: Standard = { ...before, ...fields, updatedAt: at };
    await db.standards.put(after);
    await writeAudit({ entity: 'standard', entityId: id, action: 'update', summary: `修改评价标准「${after.name}」` });
    return after;
  });
}
