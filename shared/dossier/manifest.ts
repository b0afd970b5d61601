// The volume's manifest: canonical JSON of every printed row, SHA-256 hashes, the fingerprint, and 校验卷宗's diff.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { BackupTableName } from '../backup/tables';
import { TABLE_LABELS } from '../domain/vocab';
import { attachmentIdsOf, selectForPeriod, type DossierData, type DossierPeriod, type DossierSelection } from './data';

export const MANIFEST_FORMAT = 'branch-ledger-dossier-manifest';
/** 2: carries 技能比武 (competitions). Version 1 volumes are still read and verified. */
export const MANIFEST_FORMAT_VERSION = 2;
/** Every format version this app can verify. */
export type ManifestFormatVersion = 1 | typeof MANIFEST_FORMAT_VERSION;
export const MANIFEST_FILE_NAME = 'dossier-manifest.json';

/**
 * The tables a record line can carry (names as in the backup format), in the order the volume prints them. Not derived
 * from the backup's list: what a volume hashes is this format's own, versioned (TABLE_SINCE) — attachments have lines
 * of their own, settings are never printed, and a table added to backups joins volumes only by a decision here.
 */
export const MANIFEST_TABLES = [
  'branches',
  'members',
  'venues',
  'venueChecks',
  'meetings',
  'responsibilities',
  'standards',
  'assessments',
  'memberEvaluations',
  'learning',
  'campaigns',
  'competitions',
  'audit',
] as const satisfies readonly BackupTableName[];
export type ManifestTable = (typeof MANIFEST_TABLES)[number];

/** The format version that first carried each table; the others were there from version 1. */
const TABLE_SINCE: Partial<Record<ManifestTable, ManifestFormatVersion>> = { competitions: 2 };

/** Whether a manifest of `formatVersion` hashed `table`: a table it did not carry cannot have changed since. */
export function manifestCarries(formatVersion: ManifestFormatVersion, table: ManifestTable): boolean {
  return (TABLE_SINCE[table] ?? 1) <= formatVersion;
}

/**
 * How the 附录, 校验卷宗 and `dossier:verify` name a manifest's tables. The volume's `audit` lines are only the
 * amendments of 已定稿 records, not the whole 操作日志.
 */
export function manifestTableLabel(table: ManifestTable | 'attachments'): string {
  return table === 'audit' ? '定稿后修改记录' : TABLE_LABELS[table];
}

export interface ManifestRecord {
  table: ManifestTable;
  id: string;
  /** SHA-256 (hex) of the canonical JSON of the row. */
  sha256: string;
  /**
   * What the record was when exported (「2025-12-22 主题党日「…」」), so 校验卷宗 can still name it once deleted.
   * Format 2 only; not part of the comparison (it reads other rows: a renamed member relabels their entries).
   */
  label?: string;
}

export interface ManifestAttachment {
  id: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
}

export interface DossierManifest {
  format: typeof MANIFEST_FORMAT;
  /** Always MANIFEST_FORMAT_VERSION when built; a volume exported by an earlier app may carry an older one. */
  formatVersion: ManifestFormatVersion;
  appVersion: string;
  schemaVersion: number;
  exportedAt: string;
  branchId: string;
  branchName: string;
  period: DossierPeriod;
  volume: number;
  records: ManifestRecord[];
  attachments: ManifestAttachment[];
}

/**
 * JSON with object keys sorted at every level and no whitespace, so equal data always gives equal bytes.
 * `undefined` members are dropped (as JSON.stringify does); non-finite numbers are refused rather than nulled.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('规范化 JSON 不能包含无穷大或非数字');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.keys(value as Record<string, unknown>)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  throw new Error(`规范化 JSON 不支持该类型：${typeof value}`);
}

export function sha256Hex(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes));
}

/** Content hash of one row: SHA-256 of its canonical JSON. */
export function rowHash(row: unknown): string {
  return sha256Hex(utf8ToBytes(canonicalJson(row)));
}

/** Names a record of the selection for its manifest line (describeChange.ts supplies it; absent: no labels). */
export type RecordLabeler = (table: ManifestTable, id: string) => string | undefined;

function recordsOf(sel: DossierSelection, labelOf?: RecordLabeler): ManifestRecord[] {
  const lines: ManifestRecord[] = [];
  const add = (table: ManifestTable, rows: readonly { id: string }[]) => {
    for (const row of rows) {
      const label = labelOf?.(table, row.id);
      lines.push({ table, id: row.id, sha256: rowHash(row), ...(label ? { label } : {}) });
    }
  };
  add('branches', [sel.branch]);
  add('members', sel.members);
  add('venues', sel.venues);
  add('venueChecks', sel.venueChecks);
  add('meetings', sel.meetings);
  add('responsibilities', sel.responsibilities);
  add('standards', sel.standards);
  add('assessments', sel.assessments);
  add('memberEvaluations', sel.memberEvaluations);
  add('learning', sel.learning);
  add('campaigns', sel.campaigns);
  add('competitions', sel.competitions);
  add('audit', sel.amendments);
  return lines.sort((a, b) =>
    a.table < b.table ? -1 : a.table > b.table ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
}

export interface ManifestStamp {
  appVersion: string;
  schemaVersion: number;
  exportedAt: string;
  volume: number;
}

export function buildManifest(
  sel: DossierSelection,
  period: DossierPeriod,
  stamp: ManifestStamp,
  labelOf?: RecordLabeler,
): DossierManifest {
  return {
    format: MANIFEST_FORMAT,
    formatVersion: MANIFEST_FORMAT_VERSION,
    appVersion: stamp.appVersion,
    schemaVersion: stamp.schemaVersion,
    exportedAt: stamp.exportedAt,
    branchId: sel.branch.id,
    branchName: sel.branch.name,
    period: { from: period.from, to: period.to },
    volume: stamp.volume,
    records: recordsOf(sel, labelOf),
    attachments: sel.attachments.map((a) => ({ id: a.id, name: a.name, mime: a.mime, size: a.size, sha256: a.sha256 })),
  };
}

/** The exact bytes embedded in the PDF as dossier-manifest.json. */
export function manifestBytes(manifest: DossierManifest): Uint8Array {
  return utf8ToBytes(canonicalJson(manifest));
}

/** The volume's fingerprint: SHA-256 hex of the exact manifest bytes. */
export function manifestFingerprint(manifest: DossierManifest): string {
  return sha256Hex(manifestBytes(manifest));
}

/** Reads an embedded manifest back; refuses what is not one, with the reason. */
export function parseManifest(bytes: Uint8Array): DossierManifest {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new Error('卷宗清单不是有效的 JSON');
  }
  const m = value as Partial<DossierManifest> | null;
  if (!m || m.format !== MANIFEST_FORMAT) throw new Error('这不是本软件生成的卷宗清单');
  if (m.formatVersion !== 1 && m.formatVersion !== MANIFEST_FORMAT_VERSION) {
    throw new Error(`不支持的卷宗清单版本：${String(m.formatVersion)}`);
  }
  if (!Array.isArray(m.records) || !Array.isArray(m.attachments) || !m.period || !m.branchId) {
    throw new Error('卷宗清单缺少必要的内容');
  }
  return m as DossierManifest;
}

/**
 * changed, added or removed since the export; outOfPeriod: the record still exists but no longer belongs to the
 * volume's selection (a member whose 离开日期 now falls before the period, a meeting re-dated into another year).
 */
export type ChangeKind = 'changed' | 'added' | 'removed' | 'outOfPeriod';

export interface ManifestChange {
  kind: ChangeKind;
  table: ManifestTable | 'attachments';
  id: string;
  /** A removed record's label from the manifest (format 2), when it has one. */
  label?: string;
}

/** The current rows of one manifest table, whatever their period. */
function rowsOfTable(data: DossierData, table: ManifestChange['table']): readonly { id: string; branchId?: string }[] {
  switch (table) {
    case 'branches':
      return [data.branch];
    case 'attachments':
      return data.attachments;
    default:
      return data[table];
  }
}

/**
 * Compares a volume's manifest with the data as it is now (same branch and period): records and attachments
 * changed, added or removed since the export. `currentData` may hold the whole branch: a record that is still there
 * but outside the volume's selection is reported as outOfPeriod, not removed. A table the manifest's format version
 * did not carry (技能比武 in a version-1 volume) is not compared: the volume never printed it, so its rows are not
 * 「新增」. An empty list means the volume still matches the ledger.
 */
export function verifyManifest(manifest: DossierManifest, currentData: DossierData): ManifestChange[] {
  if (currentData.branch.id !== manifest.branchId) throw new Error('卷宗清单属于另一个支部，无法校验');
  const current = buildManifest(selectForPeriod(currentData, manifest.period), manifest.period, {
    appVersion: manifest.appVersion,
    schemaVersion: manifest.schemaVersion,
    exportedAt: manifest.exportedAt,
    volume: manifest.volume,
  });
  const existing = new Map<ManifestChange['table'], Set<string>>();
  const stillExists = (table: ManifestChange['table'], id: string) => {
    let ids = existing.get(table);
    if (!ids) {
      // Rows of another branch are not this volume's, whatever their id; standards and old audit rows have none.
      const ofBranch = rowsOfTable(currentData, table).filter((r) => !r.branchId || r.branchId === manifest.branchId);
      ids = new Set(ofBranch.map((r) => r.id));
      if (table === 'attachments') {
        // A file left behind when its record was deleted (or taken off it) is gone from the ledger, not moved out
        // of the period: only one a record of the branch still uses counts as existing.
        const ofBranch = <T extends { branchId: string }>(rows: readonly T[]) =>
          rows.filter((r) => r.branchId === manifest.branchId);
        const used = new Set(
          attachmentIdsOf({
            meetings: ofBranch(currentData.meetings),
            venues: ofBranch(currentData.venues),
            learning: ofBranch(currentData.learning),
          }),
        );
        ids = new Set([...ids].filter((id) => used.has(id)));
      }
      existing.set(table, ids);
    }
    return ids.has(id);
  };
  const changes: ManifestChange[] = [];
  const diff = (
    table: ManifestChange['table'] | null,
    before: { id: string; sha256: string; table?: string; label?: string }[],
    after: typeof before,
  ) => {
    const key = (r: { id: string; table?: string }) => `${r.table ?? ''}\u0000${r.id}`;
    // The whole line but its label: a record's hash, or an attachment's hash and the name, type and size printed.
    const compared = ({ label: _label, ...line }: (typeof before)[number]) => canonicalJson(line);
    const then = new Map(before.map((r) => [key(r), r]));
    const now = new Map(after.map((r) => [key(r), r]));
    for (const [k, r] of then) {
      const n = now.get(k);
      const t = (table ?? r.table) as ManifestChange['table'];
      if (!n) {
        const kind = stillExists(t, r.id) ? 'outOfPeriod' : 'removed';
        // A deleted record can only be named by what the volume recorded of it.
        changes.push({ kind, table: t, id: r.id, ...(kind === 'removed' && r.label ? { label: r.label } : {}) });
      } else if (compared(n) !== compared(r)) changes.push({ kind: 'changed', table: t, id: r.id });
    }
    for (const [k, r] of now) {
      if (!then.has(k)) changes.push({ kind: 'added', table: (table ?? r.table) as ManifestChange['table'], id: r.id });
    }
  };
  diff(
    null,
    manifest.records,
    current.records.filter((r) => manifestCarries(manifest.formatVersion, r.table)),
  );
  diff('attachments', manifest.attachments, current.attachments);
  return changes;
}
