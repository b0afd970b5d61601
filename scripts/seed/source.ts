// The demo data as a backup source: the three sizes, and every table as a lazy pass over branch-years, so even the
// organ size streams through writeBackup without ever holding more than one branch-year in memory.
import { createHash } from 'node:crypto';
import type { BackupAttachmentSource, BackupSink, BackupSource } from '../../shared/backup/writer';
import { writeBackup } from '../../shared/backup/writer';
import type { BackupManifest } from '../../shared/backup/manifest';
import { SUPPORTED_SCHEMA_VERSIONS } from '../../shared/backup/tables';
import type { AttachmentMeta, Standard } from '../../shared/schemas/entities';
import { ymd } from './calendar';
import { makePhoto } from './png';
import { planBranch, type BranchPlan, type PhotoPlan, type SeedSpec } from './roster';
import { makeStandard } from './standard';
import { type BriefCache, withDerived, YearPlan } from './year';

export const SIZES = {
  /** One branch, the whole of 2025: what a branch secretary has after a year of use. */
  typical: { branches: 1, fromYear: 2025, toYear: 2025, photos: 'full' },
  /** The same branch over ten years (2016–2025): the long history the dossier and search must handle. */
  decade: { branches: 1, fromYear: 2016, toYear: 2025, photos: 'full' },
  /** A 机关党委 that imported 30 branches' backups, ten years each: the stress case. */
  organ: { branches: 30, fromYear: 2016, toYear: 2025, photos: 'sparse' },
} as const satisfies Record<string, Omit<SeedSpec, 'seed'>>;

export type SizeName = keyof typeof SIZES;
export const SIZE_NAMES = Object.keys(SIZES) as SizeName[];
export const DEFAULT_SEED = 1;
export const APP_VERSION = '0.1.0';

export function specOf(size: SizeName, seed = DEFAULT_SEED, years?: { fromYear: number; toYear: number }): SeedSpec {
  return { ...SIZES[size], ...years, seed };
}

/** Fixed, so the same arguments give a byte-identical file: mid-January after the last year, when backups are made. */
export function backupCreatedAt(spec: SeedSpec): string {
  return `${ymd(spec.toYear + 1, 1, 20)}T02:00:00.000Z`;
}

function* perYear<T>(
  branches: readonly BranchPlan[],
  spec: SeedSpec,
  standard: Standard,
  briefs: BriefCache,
  rows: (p: YearPlan) => Iterable<T>,
): Generator<T> {
  for (let year = spec.fromYear; year <= spec.toYear; year++) {
    for (const branch of branches) yield* rows(new YearPlan(branch, year, standard, briefs));
  }
}

/** Photo bytes drawn for the attachment rows, kept for the attachment files up to a fixed budget. */
const PHOTO_CACHE_BYTES = 32 * 1024 * 1024;

class PhotoBytes {
  private readonly kept = new Map<string, Uint8Array>();
  private keptBytes = 0;

  /** Draws a photo for its row (size and SHA-256) and keeps the bytes while the budget allows. */
  forRow(photo: PhotoPlan): AttachmentMeta {
    const bytes = makePhoto(photo.id, photo.serial, photo.scene);
    if (this.keptBytes + bytes.length <= PHOTO_CACHE_BYTES) {
      this.kept.set(photo.id, bytes);
      this.keptBytes += bytes.length;
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return {
      id: photo.id,
      branchId: photo.branchId,
      name: photo.name,
      mime: 'image/png',
      size: bytes.length,
      sha256,
      createdAt: photo.createdAt,
      updatedAt: photo.createdAt,
    };
  }

  /** The bytes for the attachment file: kept ones are handed over once; the rest are drawn again (same bytes). */
  forFile(photo: PhotoPlan): BackupAttachmentSource {
    const kept = this.kept.get(photo.id);
    if (kept) {
      this.kept.delete(photo.id);
      this.keptBytes -= kept.length;
    }
    const bytes = kept ?? makePhoto(photo.id, photo.serial, photo.scene);
    return { sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, chunks: [bytes] };
  }
}

export function seedSource(spec: SeedSpec): BackupSource {
  const branches = Array.from({ length: spec.branches }, (_, i) => planBranch(spec, i));
  const standard = makeStandard(spec.seed, branches[0]!.setupAt);
  // The meetings table comes first in the file; the tables after it reuse its briefs instead of rebuilding meetings.
  const briefs: BriefCache = new Map();
  const photos = new PhotoBytes();
  const each = <T>(rows: (p: YearPlan) => Iterable<T>) => perYear(branches, spec, standard, briefs, rows);
  return {
    tables: {
      branches: branches.map((b) => b.row),
      members: branches.flatMap((b) => b.members.map((m) => m.row)),
      venues: branches.flatMap((b) => [b.activityRoom, b.board]),
      venueChecks: each((p) => p.venueChecks),
      meetings: each((p) => p.meetingSection.meetings.map(withDerived)),
      responsibilities: each((p) => p.responsibilities),
      standards: [standard],
      assessments: each((p) => [p.assessment]),
      memberEvaluations: each((p) => p.evaluations),
      learning: each((p) => p.learning),
      campaigns: each((p) => [p.campaign]),
      // Photos are drawn here for their size and SHA-256; the bytes wait (within a budget) for the files below.
      attachments: each((p) => p.photos.map((photo) => photos.forRow(photo))),
      audit: (function* () {
        yield {
          id: `${standard.id}-audit`,
          at: standard.createdAt,
          branchId: '',
          entity: 'standard',
          entityId: standard.id,
          action: 'create',
          reason: '',
          summary: `新建评价标准「${standard.name}」`,
        };
        yield* each((p) => p.audit);
      })(),
      settings: [{ key: 'currentBranchId', value: branches[0]!.row.id }],
    },
    attachments: each((p) => p.photos.map((photo) => photos.forFile(photo))),
  };
}

/** Writes the demo backup of `spec` to `sink` (awaited between chunks: backpressure) and returns its manifest. */
export function writeSeedBackup(spec: SeedSpec, sink: BackupSink): Promise<BackupManifest> {
  return writeBackup(seedSource(spec), sink, {
    schemaVersion: Math.max(...SUPPORTED_SCHEMA_VERSIONS),
    appVersion: APP_VERSION,
    createdAt: backupCreatedAt(spec),
  });
}
