// One branch's volume data gathered while a backup file is read: what `npm run dossier` builds a volume from
// (scripts/dossier.ts), and what the tests compare the app's own reading (loadDossierJob) with.
import type { ReadHandlers } from '../backup/reader';
import { BRANCH_DATA_TABLES, type BackupTableName } from '../backup/tables';
import { RULE_PACK_SETTING, rulePackIdOf } from '../rules/packs';
import type { AttachmentMeta, Branch } from '../schemas/entities';
import type { DossierData } from './data';
import { imageMime } from './layout';

const BRANCH_TABLES: ReadonlySet<string> = new Set(BRANCH_DATA_TABLES);
/** Photos the volume prints: the original bytes (the app downscales with OffscreenCanvas, which Node does not have). */
const PRINTABLE_MIME = new Set(['image/jpeg', 'image/png']);

export interface BranchVolumeCollector {
  /** For `readBackup`: keeps the branch's rows (and the shared standards), its attachments and printable photos. */
  handlers: Pick<ReadHandlers, 'onRows' | 'onAttachment'>;
  /** After a successful read: the data and the rule pack the backup's settings chose, or undefined without the branch. */
  result(): { data: DossierData; rulePackId: string } | undefined;
}

export function branchVolumeCollector(branchId: string): BranchVolumeCollector {
  const rows: Partial<Record<BackupTableName, Record<string, unknown>[]>> = {};
  let rulePack: unknown;
  const attachments: AttachmentMeta[] = [];
  const images = new Map<string, Uint8Array>();
  const mine = (table: BackupTableName, row: Record<string, unknown>) =>
    table === 'branches'
      ? row.id === branchId
      : table === 'standards' || (BRANCH_TABLES.has(table) && row.branchId === branchId);
  return {
    handlers: {
      onRows: (table, batch) => {
        if (table === 'settings') rulePack = batch.find((row) => row.key === RULE_PACK_SETTING)?.value ?? rulePack;
        const list = (rows[table] ??= []);
        for (const row of batch) if (mine(table, row)) list.push(row);
      },
      onAttachment: (meta, bytes) => {
        if (meta.branchId !== branchId) return;
        attachments.push(meta);
        if (PRINTABLE_MIME.has(meta.mime) && imageMime(bytes) && !images.has(meta.sha256)) {
          images.set(meta.sha256, bytes);
        }
      },
    },
    result() {
      const branch = rows.branches?.[0] as Branch | undefined;
      if (!branch) return undefined;
      // The reader validated every row with its table's schema; a list of DossierData is named as its backup table.
      const table = <K extends Exclude<keyof DossierData, 'branch' | 'attachments' | 'images'>>(name: K) =>
        (rows[name] ?? []) as unknown as DossierData[K];
      const data: DossierData = {
        branch,
        members: table('members'),
        venues: table('venues'),
        venueChecks: table('venueChecks'),
        meetings: table('meetings'),
        responsibilities: table('responsibilities'),
        standards: table('standards'),
        assessments: table('assessments'),
        memberEvaluations: table('memberEvaluations'),
        learning: table('learning'),
        campaigns: table('campaigns'),
        competitions: table('competitions'),
        audit: table('audit'),
        attachments,
        images,
      };
      return { data, rulePackId: rulePackIdOf(rulePack) };
    },
  };
}
