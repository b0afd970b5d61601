// The one IPC contract between main and renderer: channel → request → response, with the zod schema main checks.
import { z } from 'zod';

export interface AppInfo {
  name: string;
  productName: string;
  version: string;
  electron: string;
  chrome: string;
  platform: string;
  arch: string;
  userDataPath: string;
  /** Where main's error log is (logs/errors.log): what an administrator is asked for when reporting a problem. */
  logsPath: string;
}

export interface FileFilter {
  name: string;
  extensions: string[];
}

export const fileFilterSchema = z.object({
  name: z.string().min(1).max(60),
  extensions: z
    .array(z.string().regex(/^[a-z0-9]{1,10}$/i))
    .min(1)
    .max(10),
});

/** Largest file the renderer may hand to main or read through main (backups with photos can be large). */
export const MAX_IPC_FILE_BYTES = 2 * 1024 * 1024 * 1024;

export const saveFileRequestSchema = z.object({
  /** Only a file name: main joins it to the user's documents folder, never trusting a path. */
  suggestedName: z
    .string()
    .min(1)
    .max(200)
    .refine((n) => !/[\\/]/.test(n) && n !== '..' && n !== '.', '文件名不能包含路径'),
  filters: z.array(fileFilterSchema).max(10).default([]),
  data: z.instanceof(Uint8Array).refine((d) => d.byteLength <= MAX_IPC_FILE_BYTES, '文件过大'),
});
export type SaveFileRequest = z.input<typeof saveFileRequestSchema>;
export type SaveFileResult = { ok: true; path: string } | { ok: false; canceled: true } | { ok: false; error: string };

export const openFileRequestSchema = z.object({
  filters: z.array(fileFilterSchema).max(10).default([]),
  maxBytes: z.number().int().positive().max(MAX_IPC_FILE_BYTES).optional(),
});
export type OpenFileRequest = z.input<typeof openFileRequestSchema>;
export type OpenFileResult =
  { ok: true; name: string; data: Uint8Array } | { ok: false; canceled: true } | { ok: false; error: string };

// ── Automatic backups (Electron only): files in userData/backups, written and rotated by main ──────────────────

export const BACKUP_KINDS = ['daily', 'pre-upgrade', 'manual'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

/**
 * The only names main writes and reads in the backups folder: `<kind>-<YYYYMMDD>-<HHmmss>[-n].zip` (China time).
 * Anything else (a path, `..`, a temp file) is refused before it reaches the file system.
 */
export const BACKUP_FILE_NAME_RE = /^(daily|pre-upgrade|manual)-(\d{8})-(\d{6})(?:-(\d{1,3}))?\.zip$/;

export const backupWriteRequestSchema = z.object({
  kind: z.enum(BACKUP_KINDS, { error: '备份类型无效' }),
  data: z
    .instanceof(Uint8Array)
    .refine((d) => d.byteLength > 0, '备份内容为空')
    .refine((d) => d.byteLength <= MAX_IPC_FILE_BYTES, '文件过大'),
});
export type BackupWriteRequest = z.input<typeof backupWriteRequestSchema>;
export interface BackupWriteResult {
  path: string;
  bytes: number;
}

export interface BackupFileInfo {
  name: string;
  kind: BackupKind;
  bytes: number;
  /** ISO instant, from the name (China time). */
  createdAt: string;
}

export const backupNameSchema = z.string().max(80).regex(BACKUP_FILE_NAME_RE, '备份文件名无效');

export interface BackupStatus {
  /** China date (YYYY-MM-DD) of the newest daily backup, or null when there is none. */
  lastDailyDate: string | null;
  /** Free bytes on the disk of the backups folder, or null when the OS cannot say. */
  freeBytes: number | null;
  /** Free space below LOW_DISK_BYTES: backups (and the database itself) may soon fail. */
  lowDisk: boolean;
  dir: string;
}

/** Below this much free space the 数据安全 page warns. */
export const LOW_DISK_BYTES = 500 * 1024 * 1024;

// ── Error log (Electron only): failures the page met, appended by main to logs/errors.log ─────────────────────────

/** What failed: the database at start-up (StartupError's cases) or a daily automatic backup. */
export const LOG_SOURCES = ['startup', 'auto-backup'] as const;
export type LogSource = (typeof LOG_SOURCES)[number];

/** The error's own text only (no records): bounded, so a page cannot fill the disk faster than the log rotates. */
export const logWriteRequestSchema = z.object({
  source: z.enum(LOG_SOURCES),
  message: z.string().min(1).max(8000),
});
export type LogWriteRequest = z.input<typeof logWriteRequestSchema>;

// ── The window (Electron only): what main must know to ask before the window closes ─────────────────────────────

/**
 * A job whose interruption the user should be asked about before the window closes or reloads: a restore that is
 * writing (it would stop half-way through the user's wait, and the data would be the old or, at its last step, the
 * new), 立即备份 (the file would not be written). The page says when one starts and ends; null when none runs.
 */
export const BUSY_JOBS = ['restore', 'backup'] as const;
export type BusyJob = (typeof BUSY_JOBS)[number];
export const busyJobSchema = z.enum(BUSY_JOBS).nullable();

/** Every invoke channel: `domain:verb` → (request) → Promise<response>. */
export interface InvokeMap {
  'app:info': (request: undefined) => Promise<AppInfo>;
  'file:save': (request: SaveFileRequest) => Promise<SaveFileResult>;
  'file:open': (request: OpenFileRequest) => Promise<OpenFileResult>;
  'backup:write': (request: BackupWriteRequest) => Promise<BackupWriteResult>;
  'backup:list': (request: undefined) => Promise<BackupFileInfo[]>;
  'backup:read': (request: string) => Promise<Uint8Array>;
  'backup:status': (request: undefined) => Promise<BackupStatus>;
  'log:write': (request: LogWriteRequest) => Promise<void>;
  'window:busy': (request: BusyJob | null) => Promise<void>;
}
export type Channel = keyof InvokeMap;
export type RequestOf<K extends Channel> = Parameters<InvokeMap[K]>[0];
export type ResponseOf<K extends Channel> = Awaited<ReturnType<InvokeMap[K]>>;

/** Payload schemas main validates before a handler runs. */
export const requestSchemas = {
  'app:info': z.undefined(),
  'file:save': saveFileRequestSchema,
  'file:open': openFileRequestSchema,
  'backup:write': backupWriteRequestSchema,
  'backup:list': z.undefined(),
  'backup:read': backupNameSchema,
  'backup:status': z.undefined(),
  'log:write': logWriteRequestSchema,
  'window:busy': busyJobSchema,
} satisfies { [K in Channel]: z.ZodType<unknown> };

/** What the preload exposes as `window.api`; the renderer's type of it is this, never written twice. */
export interface AppApi {
  appInfo(): Promise<AppInfo>;
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  openFile(request: OpenFileRequest): Promise<OpenFileResult>;
  writeBackup(request: BackupWriteRequest): Promise<BackupWriteResult>;
  listBackups(): Promise<BackupFileInfo[]>;
  readBackup(name: string): Promise<Uint8Array>;
  backupStatus(): Promise<BackupStatus>;
  writeLog(request: LogWriteRequest): Promise<void>;
  /** Says which job runs (null: none), so closing the window asks about that job. */
  setBusyJob(job: BusyJob | null): Promise<void>;
}

/** The custom scheme the UI is served from. Chosen once for the product's life: IndexedDB is keyed by this origin. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'ledger';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
