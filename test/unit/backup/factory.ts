// Builds realistic, schema-valid ledger data (one branch with members, venue, meetings, a real PNG) and backups of it.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { zlibSync } from 'fflate';
import { type BackupAttachmentSource, type BackupSource, writeBackup } from '../../../shared/backup/writer';
import { BACKUP_TABLES, type BackupTableName, TABLE_NAMES } from '../../../shared/backup/tables';
import { Crc32 } from '../../../shared/backup/zip';

export type Rows = Record<BackupTableName, Record<string, unknown>[]>;

export interface Dataset {
  tables: Rows;
  /** sha256 → bytes and optional thumbnail: the attachment files. */
  files: Map<string, { bytes: Uint8Array; thumbnail?: Uint8Array }>;
}

export interface DatasetOptions {
  members?: number;
  meetings?: number;
  /** Extra attachments (beyond the PNG) of pseudo-random bytes, each this many bytes. */
  extraAttachments?: number[];
  /** Mixed into every free-text field, to exercise Chinese, emoji, quotes and control characters. */
  text?: (i: number) => string;
  thumbnails?: boolean;
  /**
   * The optional fields schema 7 added: last year's 组织生活会 held in January for that year (所属年度, `forYear`),
   * and a member who transferred in (`joinedBranchDate`).
   */
  schema7Fields?: boolean;
  /** The optional field schema 8 added: a 主题党日 held away from the branch's 阵地 says where (其他地点, `place`). */
  schema8Fields?: boolean;
}

const T0 = '2025-03-18T02:00:00.000Z';

const ascii = (s: string) => new TextEncoder().encode(s);

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(ascii(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, new Crc32().update(out.subarray(4, 8 + data.length)).digest());
  return out;
}

/** A genuine PNG (8-bit RGB, width × height, a red-to-blue gradient) that image viewers open. */
export function makePng(width: number, height: number): Uint8Array {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 2, 0, 0, 0], 8);
  const raw = new Uint8Array(height * (1 + width * 3));
  for (let y = 0; y < height; y++) {
    const row = y * (1 + width * 3);
    for (let x = 0; x < width; x++) raw.set([(x * 255) / width, 40, (y * 255) / height], row + 1 + x * 3);
  }
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', zlibSync(raw)),
    pngChunk('IEND', new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Deterministic pseudo-random bytes (xorshift), incompressible like a photo. */
export function noise(size: number, seed: number): Uint8Array {
  const out = new Uint8Array(size);
  let s = seed | 1;
  for (let i = 0; i < size; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    out[i] = s & 0xff;
  }
  return out;
}

export const hex = (bytes: Uint8Array): string => bytesToHex(sha256(bytes));

const schemaOf = (table: BackupTableName) => BACKUP_TABLES.find((t) => t.name === table)!.schema;

/** Rows in their stored (schema output) form, which is what restore must give back. */
function canonical(table: BackupTableName, input: Record<string, unknown>): Record<string, unknown> {
  return schemaOf(table).parse(input);
}

export function makeDataset(options: DatasetOptions = {}): Dataset {
  const text = options.text ?? (() => '');
  const memberCount = options.members ?? 3;
  const meetingCount = options.meetings ?? 2;
  const stamps = { createdAt: T0, updatedAt: T0 };
  const branchId = 'b-1';
  const tables = Object.fromEntries(TABLE_NAMES.map((t) => [t, []])) as unknown as Rows;
  const add = (table: BackupTableName, row: Record<string, unknown>) => tables[table].push(canonical(table, row));
  const files: Dataset['files'] = new Map();

  add('branches', {
    id: branchId,
    ...stamps,
    name: `机关第一党支部${text(0)}`,
    parentOrg: '机关党委',
    termStart: '2023-01-01',
    termEnd: '2026-01-01',
    committee: [{ name: '张书记', role: '书记', memberId: 'm-0' }],
    partyGroups: [{ id: 'g-1', name: '第一党小组', leaderName: '李组长' }],
    unitSpirit: `忠诚 干净 担当${text(1)}`,
  });
  const members: string[] = [];
  for (let i = 0; i < memberCount; i++) {
    const id = `m-${i}`;
    members.push(id);
    add('members', {
      id,
      ...stamps,
      branchId,
      name: `党员${i}${text(i)}`.slice(0, 20),
      gender: i % 2 ? '女' : '男',
      birthDate: '1985-06-01',
      joinedDate: '2010-07-01',
      ...(options.schema7Fields && i === memberCount - 1 ? { joinedBranchDate: '2015-03-01' } : {}),
      status: i % 3 === 2 ? '预备' : '正式',
      partyGroupId: 'g-1',
      motto: `格言：${text(i + 7)}`,
    });
  }
  add('venues', {
    id: 'v-1',
    ...stamps,
    branchId,
    name: '党员活动室',
    kind: '党员活动室',
    areaM2: 36.5,
    capacity: 40,
    checklist: [{ key: 'place', ok: true, note: text(3), attachmentIds: ['a-1'] }],
  });
  add('venueChecks', { id: 'vc-1', ...stamps, branchId, venueId: 'v-1', date: '2025-03-01', inspector: '王检查' });

  const png = makePng(4, 3);
  const pngSha = hex(png);
  files.set(pngSha, { bytes: png, ...(options.thumbnails === false ? {} : { thumbnail: makePng(2, 2) }) });
  add('attachments', {
    id: 'a-1',
    ...stamps,
    branchId,
    name: '现场照片.png',
    mime: 'image/png',
    size: png.length,
    sha256: pngSha,
  });
  (options.extraAttachments ?? []).forEach((size, i) => {
    const bytes = noise(size, i + 11);
    const sha = hex(bytes);
    files.set(sha, { bytes });
    add('attachments', {
      id: `a-x${i}`,
      ...stamps,
      branchId,
      name: `扫描件${i}.pdf`,
      mime: 'application/pdf',
      size,
      sha256: sha,
    });
  });

  for (let i = 0; i < meetingCount; i++) {
    const attendance = members.map((memberId, j) => ({
      memberId,
      name: `党员${j}`,
      status: j === 1 ? '请假' : '出席',
      reason: j === 1 ? '出差' : '',
    }));
    add('meetings', {
      id: `mt-${i}`,
      ...stamps,
      branchId,
      kind: i % 2 ? '党课' : '支委会',
      topic: `学习贯彻会议精神（第${i + 1}次）${text(i + 2)}`,
      date: '2025-03-10',
      startTime: '09:00',
      endTime: '10:30',
      venueId: i % 2 ? '' : 'v-1',
      attendance,
      content: `会议内容：${text(i + 4)}\n第二段"引号"\\反斜杠`,
      attachmentIds: i === 0 ? ['a-1'] : [],
      seq: i + 1,
      status: i === 0 ? '已定稿' : '草稿',
      ...(i === 0 ? { finalizedAt: T0 } : {}),
      backfilled: false,
      attendeeIds: attendance.filter((a) => a.status === '出席').map((a) => a.memberId),
      terms: ['学习', '贯彻'],
    });
  }
  if (options.schema7Fields) {
    add('meetings', {
      id: 'mt-year-end',
      ...stamps,
      branchId,
      kind: '组织生活会',
      topic: '2024年度组织生活会',
      date: '2025-01-15',
      forYear: 2024,
      attendance: [],
      seq: 1,
      status: '已定稿',
      finalizedAt: T0,
      backfilled: true,
      attendeeIds: [],
    });
  }
  if (options.schema8Fields) {
    add('meetings', {
      id: 'mt-away',
      ...stamps,
      branchId,
      kind: '主题党日',
      topic: '参观革命历史纪念馆',
      date: '2025-03-05',
      place: '市革命历史纪念馆',
      attendance: [],
      seq: 1,
      status: '已定稿',
      finalizedAt: T0,
      backfilled: false,
      attendeeIds: [],
    });
  }
  add('responsibilities', {
    id: 'r-1',
    ...stamps,
    branchId,
    year: 2025,
    holderName: '张书记',
    role: '第一责任人',
    duties: ['抓党建工作'],
  });
  const standard = {
    name: '五好五强',
    version: 1,
    totalScore: 10,
    items: [
      { code: '1.1', dimension: '领导班子好', content: '支委会按期召开', maxScore: 10, rule: { kind: 'manual' } },
    ],
    grades: [{ label: '优秀', minScore: 9 }],
  };
  add('standards', { id: 's-1', ...stamps, ...standard });
  add('assessments', {
    id: 'as-1',
    ...stamps,
    branchId,
    standardId: 's-1',
    standardSnapshot: standard,
    periodStart: '2025-01-01',
    periodEnd: '2025-12-31',
    kind: '自评',
    scores: [{ code: '1.1', score: 9 }],
    total: 9,
    assessor: '张书记',
    date: '2025-12-31',
  });
  if (memberCount > 0) {
    add('memberEvaluations', { id: 'me-1', ...stamps, branchId, year: 2025, memberId: 'm-0', grade: '优秀' });
    add('learning', {
      id: 'l-1',
      ...stamps,
      branchId,
      memberId: 'm-0',
      kind: '日阅一文',
      title: `读书${text(5)}`,
      date: '2025-03-02',
    });
  }
  add('campaigns', {
    id: 'c-1',
    ...stamps,
    branchId,
    name: '争做机关先锋',
    phases: [{ phase: '调查研究', start: '2025-01-01', end: '2025-02-01' }],
  });
  add('audit', {
    id: 'au-1',
    at: T0,
    branchId,
    entity: 'meetings',
    entityId: 'mt-0',
    action: 'finalize',
    summary: text(6),
  });
  add('settings', { key: 'currentBranchId', value: branchId });
  add('settings', { key: 'ui', value: { theme: 'light', note: text(8), list: [1, 2, null] } });
  return { tables, files };
}

async function* chunked(bytes: Uint8Array, size: number): AsyncIterable<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

export function sourceOf(data: Dataset): BackupSource {
  const attachments: BackupAttachmentSource[] = [...data.files].map(([sha, f]) => ({
    sha256: sha,
    size: f.bytes.length,
    chunks: chunked(f.bytes, 1000),
    ...(f.thumbnail ? { thumbnail: f.thumbnail } : {}),
  }));
  return { tables: data.tables, attachments };
}

export async function writeToBytes(data: Dataset, createdAt = T0, schemaVersion = 1): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  await writeBackup(sourceOf(data), (c) => void parts.push(c), { schemaVersion, appVersion: '0.1.0', createdAt });
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** An `open` for the reader that hands the bytes over in chunks of the given size (new iterable per call). */
export const opener =
  (bytes: Uint8Array, chunkSize = 4096) =>
  () =>
    chunked(bytes, Math.max(1, chunkSize));

/** Reads a backup back into tables and files, as restore would receive it. */
export async function readAll(bytes: Uint8Array, chunkSize = 4096) {
  const { readBackup } = await import('../../../shared/backup/reader');
  const tables = Object.fromEntries(TABLE_NAMES.map((t) => [t, []])) as unknown as Rows;
  const files = new Map<string, { bytes: Uint8Array; thumbnail?: Uint8Array }>();
  const result = await readBackup(opener(bytes, chunkSize), {
    batchSize: 2,
    onRows: (table, rows) => void tables[table].push(...rows),
    onAttachment: (meta, data, thumbnail) => {
      tables.attachments.push(meta);
      files.set(meta.sha256, { bytes: data, ...(thumbnail ? { thumbnail } : {}) });
    },
  });
  return { result, data: { tables, files } satisfies Dataset };
}
