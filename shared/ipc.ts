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
}

export interface FileFilter {
  name: string;
  extensions: string[];
}

export const fileFilterSchema = z.object({
  name: z.string().min(1).max(60),
  extensions: z.array(z.string().regex(/^[a-z0-9]{1,10}$/i)).min(1).max(10),
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
  | { ok: true; name: string; data: Uint8Array }
  | { ok: false; canceled: true }
  | { ok: false; error: string };

/** Every invoke channel: `domain:verb` → (request) → Promise<response>. */
export interface InvokeMap {
  'app:info': (request: undefined) => Promise<AppInfo>;
  'file:save': (request: SaveFileRequest) => Promise<SaveFileResult>;
  'file:open': (request: OpenFileRequest) => Promise<OpenFileResult>;
}
export type Channel = keyof InvokeMap;
export type RequestOf<K extends Channel> = Parameters<InvokeMap[K]>[0];
export type ResponseOf<K extends Channel> = Awaited<ReturnType<InvokeMap[K]>>;

/** Payload schemas main validates before a handler runs. */
export const requestSchemas = {
  'app:info': z.undefined(),
  'file:save': saveFileRequestSchema,
  'file:open': openFileRequestSchema,
} satisfies { [K in Channel]: z.ZodType<unknown> };

/** What the preload exposes as `window.api`; the renderer's type of it is this, never written twice. */
export interface AppApi {
  appInfo(): Promise<AppInfo>;
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  openFile(request: OpenFileRequest): Promise<OpenFileResult>;
}

/** The custom scheme the UI is served from. Chosen once for the product's life: IndexedDB is keyed by this origin. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'ledger';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
