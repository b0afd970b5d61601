// 校验卷宗: whether a dossier PDF is still the file exported, and how its embedded manifest compares with the ledger now.
import type { DossierData } from '../../../../shared/dossier/data';
import {
  describeChanges,
  groupChanges,
  groupSummary,
  type DescribedChange,
} from '../../../../shared/dossier/describeChange';
import { extractManifest } from '../../../../shared/dossier/extract';
import { verifyManifest, type ManifestChange } from '../../../../shared/dossier/manifest';
import {
  ALTERED,
  NOT_COMPARED,
  fileVerdict,
  fingerprintLine,
  volumeText,
} from '../../../../shared/dossier/verifyReport';
import { loadDossierJob } from '../../db/printData';
import { db } from '../../db/db';
import { listAuditSince } from '../../db/repositories/audit';
import { listLearning } from '../../db/repositories/learning';

export type VerifyOutcome =
  | { ok: false; reason: string }
  /**
   * The file's own fingerprints (cover, 文档属性, XMP) are not its embedded manifest's: the file was changed after the
   * export, and its manifest is not compared with the ledger. `details` say which fingerprint is where.
   */
  | { ok: false; reason: typeof ALTERED; details: string[] }
  | {
      ok: true;
      branchName: string;
      period: { from: string; to: string };
      /** The volume as its cover names it: 「…党支部，2025年度，第 1 卷，2026年1月5日 10:00 导出」. */
      volumeName: string;
      exportedAt: string;
      fingerprint: string;
      /** 「数据指纹：SHA-256 …（与封面、文档属性、XMP 元数据中的指纹相同）」. */
      fingerprintLine: string;
      /** Set when some of the file's data fails its checksum: which pages may show half blank (verifyReport). */
      damage?: string;
      /** How many records and attachments the volume lists. */
      listed: { records: number; attachments: number };
      /** Per category, e.g. 「会议记录：已修改 2、新增 1」, in the volume's order. */
      summary: string[];
      /** By category, then kind; `record` names the record (「编号 …」 once it is deleted). */
      changes: DescribedChange[];
    };

export const CHANGE_LABELS: Record<ManifestChange['kind'], string> = {
  changed: '导出后被修改',
  added: '导出后新增',
  outOfPeriod: '不再属于本卷期间',
  removed: '导出后被删除',
};

/**
 * The rows the volume listed that the period's data no longer holds, looked up in the whole branch: found ones were
 * moved out of the period (a meeting re-dated to another year), not deleted, and are described from what they say now.
 */
async function withRowsOutsidePeriod(
  branchId: string,
  data: DossierData,
  missing: readonly ManifestChange[],
): Promise<DossierData> {
  const ids = (table: ManifestChange['table']) => missing.filter((c) => c.table === table).map((c) => c.id);
  const ofBranch = <T extends { branchId?: string }>(rows: readonly (T | undefined)[]) =>
    rows.filter((r): r is T => r !== undefined && (!r.branchId || r.branchId === branchId));
  const byId = <T extends { id: string }>(rows: readonly T[], wanted: readonly string[]) => {
    const set = new Set(wanted);
    return rows.filter((r) => set.has(r.id));
  };
  const extraMeetings = ofBranch(await db.meetings.bulkGet(ids('meetings')));
  // An amendment left the volume with its meeting; both are named, so load the meetings the missing entries amend.
  const extraAudit = ids('audit').length
    ? byId(await listAuditSince(branchId, ''), ids('audit')).filter((e) => e.branchId === branchId || !e.branchId)
    : [];
  const known = new Set([...data.meetings.map((m) => m.id), ...ids('meetings')]);
  const amendedMeetings = ofBranch(
    await db.meetings.bulkGet([...new Set(extraAudit.map((e) => e.entityId))].filter((id) => !known.has(id))),
  );
  const learning = ids('learning').length
    ? byId(await listLearning(branchId, '0000-01-01', '9999-12-31'), ids('learning'))
    : [];
  const attachments = ofBranch(await db.attachments.bulkGet(ids('attachments'))).map(
    ({ blob: _blob, thumbnail: _thumbnail, ...meta }) => meta,
  );
  return {
    ...data,
    venueChecks: [...data.venueChecks, ...ofBranch(await db.venueChecks.bulkGet(ids('venueChecks')))],
    meetings: [...data.meetings, ...extraMeetings, ...amendedMeetings],
    responsibilities: [
      ...data.responsibilities,
      ...ofBranch(await db.responsibilities.bulkGet(ids('responsibilities'))),
    ],
    // Standards belong to no branch.
    standards: [...data.standards, ...(await db.standards.bulkGet(ids('standards'))).filter((s) => s !== undefined)],
    assessments: [...data.assessments, ...ofBranch(await db.assessments.bulkGet(ids('assessments')))],
    memberEvaluations: [
      ...data.memberEvaluations,
      ...ofBranch(await db.memberEvaluations.bulkGet(ids('memberEvaluations'))),
    ],
    learning: [...data.learning, ...learning],
    audit: [...data.audit, ...extraAudit],
    attachments: [...data.attachments, ...attachments],
  };
}

export async function verifyDossierPdf(bytes: Uint8Array): Promise<VerifyOutcome> {
  const extracted = await extractManifest(bytes);
  if (!extracted.ok) return extracted;
  const { manifest } = extracted;
  const file = fileVerdict(extracted.fingerprint, extracted.integrity);
  if (file.kind === 'altered') {
    return { ok: false, reason: ALTERED, details: [`卷宗：${volumeText(manifest)}`, ...file.lines, NOT_COMPARED] };
  }
  const branch = await db.branches.get(manifest.branchId);
  if (!branch) {
    const fingerprint = fingerprintLine(extracted.fingerprint, file.confirmedBy);
    return { ok: false, reason: `本机没有这份卷宗所属的支部，无法校验（可先从备份恢复该支部）。${fingerprint}` };
  }
  const job = await loadDossierJob(branch.id, {
    from: manifest.period.from,
    to: manifest.period.to,
    generatedAt: manifest.exportedAt,
    appVersion: manifest.appVersion,
    schemaVersion: manifest.schemaVersion,
  });
  if (job.kind !== 'dossier') return { ok: false, reason: '内部错误：读取数据失败' };
  // The period's data says what is gone from the volume; the whole branch says whether it is gone from the ledger.
  let data = job.data;
  let changes = verifyManifest(manifest, data);
  const missing = changes.filter((c) => c.kind === 'removed');
  if (missing.length > 0) {
    data = await withRowsOutsidePeriod(branch.id, data, missing);
    changes = verifyManifest(manifest, data);
  }
  const described = describeChanges(changes, data, manifest.period);
  return {
    ok: true,
    branchName: branch.name,
    period: manifest.period,
    volumeName: volumeText(manifest),
    exportedAt: manifest.exportedAt,
    fingerprint: extracted.fingerprint,
    fingerprintLine: fingerprintLine(extracted.fingerprint, file.confirmedBy),
    ...(file.kind === 'damaged' ? { damage: file.text } : {}),
    listed: { records: manifest.records.length, attachments: manifest.attachments.length },
    summary: groupChanges(described).map(groupSummary),
    changes: described,
  };
}
