// 校验卷宗 of a branch that came in through 作为新支部导入: the volume names the branch's own ids, which the import
// keeps, so the check finds the branch and every record (before, every id was renewed and the check could not start).
import { describe, expect, it, vi } from 'vitest';
import { selectForPeriod } from '../../../shared/dossier/data';
import { extractManifest } from '../../../shared/dossier/extract';
import { buildManifest } from '../../../shared/dossier/manifest';
import { restoreBackup } from '../../../renderer/src/db/backup/restore';
import { __resetDatabaseForTests } from '../../../renderer/src/db/db';
import { loadDossierJob } from '../../../renderer/src/db/printData';
import { verifyDossierPdf } from '../../../renderer/src/features/dossier/verifyDossier';
import { backupBytes, branchOneRows, copyOfBranch, storeBranches } from './branchFixtures';
import { blobOf, installCloneableBlob } from './helpers';

vi.mock('../../../shared/dossier/extract', () => ({ extractManifest: vi.fn() }));

installCloneableBlob();

const period = { from: '2025-01-01', to: '2025-12-31' };

describe('校验卷宗 after 作为新支部导入', () => {
  it('says the imported branch’s volume matches, as the branch generated it from its own data', async () => {
    // The branch's computer: its 2025 volume and its backup.
    const rows = await branchOneRows();
    await storeBranches(rows);
    const job = await loadDossierJob('b-1', {
      year: 2025,
      generatedAt: '2026-01-05T02:00:00.000Z',
      appVersion: '0.1.0',
      schemaVersion: 6,
    });
    if (job.kind !== 'dossier') throw new Error('no dossier job');
    expect(job.data.meetings.length).toBeGreaterThan(0);
    const manifest = buildManifest(selectForPeriod(job.data, period), period, {
      appVersion: '0.1.0',
      schemaVersion: 6,
      exportedAt: '2026-01-05T02:00:00.000Z',
      volume: 1,
    });
    vi.mocked(extractManifest).mockResolvedValue({ ok: true, manifest, fingerprint: 'f'.repeat(64) });
    const bytes = await backupBytes();

    // The 机关党委's computer, with a branch of its own, imports that backup as a new branch.
    await __resetDatabaseForTests();
    await storeBranches(copyOfBranch(rows, 'organ', '机关党委办公室党支部'));
    expect((await restoreBackup(blobOf(bytes), 'addAsNewBranches')).ok).toBe(true);

    const outcome = await verifyDossierPdf(new Uint8Array([1]));
    expect(outcome).toMatchObject({ ok: true, branchName: '机关第一党支部', summary: [], changes: [] });
  });
});
