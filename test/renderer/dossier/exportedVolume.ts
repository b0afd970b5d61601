// The manifest a branch's 2029 volume carries, exported as the app exports it: what the mocked extractManifest hands
// back to 校验卷宗 in the verify tests.
import { selectForPeriod } from '../../../shared/dossier/data';
import { buildManifest, type DossierManifest } from '../../../shared/dossier/manifest';
import { loadDossierJob } from '../../../renderer/src/db/printData';

export const PERIOD_2029 = { from: '2029-01-01', to: '2029-12-31' };

export async function manifestOf2029(branchId: string): Promise<DossierManifest> {
  const job = await loadDossierJob(branchId, {
    year: 2029,
    generatedAt: '2030-01-05T02:00:00.000Z',
    appVersion: '0.1.0',
    schemaVersion: 5,
  });
  if (job.kind !== 'dossier') throw new Error('no dossier job');
  return buildManifest(selectForPeriod(job.data, PERIOD_2029), PERIOD_2029, {
    appVersion: '0.1.0',
    schemaVersion: 5,
    exportedAt: '2030-01-05T02:00:00.000Z',
    volume: 1,
  });
}
