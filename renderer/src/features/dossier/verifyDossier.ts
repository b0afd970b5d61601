// 校验卷宗: compares a dossier PDF's embedded manifest with the ledger as it is now.
import { extractManifest } from '../../../../shared/dossier/extract';
import { manifestTableLabel, verifyManifest, type ManifestChange } from '../../../../shared/dossier/manifest';
import { loadDossierJob } from '../../db/printData';
import { db } from '../../db/db';

export type VerifyOutcome =
  | { ok: false; reason: string }
  | {
      ok: true;
      branchName: string;
      period: { from: string; to: string };
      exportedAt: string;
      fingerprint: string;
      changes: (ManifestChange & { label: string })[];
    };

export const CHANGE_LABELS: Record<ManifestChange['kind'], string> = {
  changed: '导出后被修改',
  added: '导出后新增',
  removed: '导出后被删除',
};

export async function verifyDossierPdf(bytes: Uint8Array): Promise<VerifyOutcome> {
  const extracted = await extractManifest(bytes);
  if (!extracted.ok) return extracted;
  const { manifest } = extracted;
  const branch = await db.branches.get(manifest.branchId);
  if (!branch) return { ok: false, reason: '本机没有这份卷宗所属的支部，无法校验（可先从备份恢复该支部）' };
  const job = await loadDossierJob(branch.id, {
    from: manifest.period.from,
    to: manifest.period.to,
    generatedAt: manifest.exportedAt,
    appVersion: manifest.appVersion,
    schemaVersion: manifest.schemaVersion,
  });
  if (job.kind !== 'dossier') return { ok: false, reason: '内部错误：读取数据失败' };
  const changes = verifyManifest(manifest, job.data);
  const topics = new Map(job.data.meetings.map((m) => [m.id, `${m.date} ${m.kind}「${m.topic}」`]));
  const names = new Map(job.data.members.map((m) => [m.id, m.name]));
  return {
    ok: true,
    branchName: branch.name,
    period: manifest.period,
    exportedAt: manifest.exportedAt,
    fingerprint: extracted.fingerprint,
    changes: changes.map((c) => ({
      ...c,
      label: `${manifestTableLabel(c.table)}：${topics.get(c.id) ?? names.get(c.id) ?? c.id}`,
    })),
  };
}
