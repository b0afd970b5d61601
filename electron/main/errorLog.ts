// The error log an administrator asks for: failures appended to logs/errors.log, rotated at 1 MB, three files at most.
import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { app } from 'electron';

/**
 * The current file and its older siblings, newest first: `errors.log`, `errors.1.log`, `errors.2.log`. Each ends in
 * .log so that a double click opens it in Notepad (a `.log.1` would ask which program to use).
 */
export const LOG_FILE_NAMES = ['errors.log', 'errors.1.log', 'errors.2.log'] as const;

/** A file is rotated before it would pass this size: the log never takes more than 3 MB of the user's disk. */
export const MAX_LOG_FILE_BYTES = 1024 * 1024;

/** One entry is cut to this length: a runaway message must not push every earlier entry out at once. */
export const MAX_ENTRY_CHARS = 16 * 1024;

/**
 * The log folder: Electron's `logs` path, which on Windows and Linux is `<userData>/logs`
 * (`%APPDATA%\branch-ledger\logs`). Asked each time: userData is set at start-up, before anything is logged.
 */
export function logFolder(): string {
  return app.getPath('logs');
}

/** China time (UTC+8, no DST) as on the backup file names, whatever the machine's time zone. */
function chinaTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * What an error says: its name and message, its stack (file names inside the installed program, nothing of the
 * user's), and its causes. No records or settings are added: the log holds only what the error itself says.
 */
export function describeError(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 5; depth++) {
    if (depth > 0) parts.push('原因：');
    if (current instanceof Error) {
      const head = current.name && current.name !== 'Error' ? `${current.name}: ${current.message}` : current.message;
      const stack = current.stack?.split('\n').slice(1).join('\n');
      parts.push(stack ? `${head}\n${stack}` : head);
      current = current.cause;
    } else {
      parts.push(typeof current === 'string' ? current : (JSON.stringify(current) ?? String(current)));
      current = undefined;
    }
  }
  return parts.join('\n');
}

/** Renames errors.log → errors.1.log → errors.2.log; the oldest file goes. */
function rotate(folder: string): void {
  const paths = LOG_FILE_NAMES.map((name) => join(folder, name));
  rmSync(paths[paths.length - 1]!, { force: true });
  for (let i = paths.length - 2; i >= 0; i--) {
    try {
      renameSync(paths[i]!, paths[i + 1]!);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/**
 * Appends one entry — time, program version, `what` and the error — to the log, rotating first when the entry would
 * take the file past MAX_LOG_FILE_BYTES. Synchronous, so that an entry written just before `app.quit()` is on disk,
 * and it never throws: a log that cannot be written (no permission, full disk) must not add a failure of its own.
 * Returns the log folder, or null when nothing could be written.
 */
export function logError(what: string, error: unknown, now: Date = new Date()): string | null {
  try {
    const folder = logFolder();
    let entry = `${chinaTime(now)}（北京时间） 版本 ${app.getVersion()}  ${what}\n${describeError(error)}`;
    if (entry.length > MAX_ENTRY_CHARS) entry = `${entry.slice(0, MAX_ENTRY_CHARS)}…（以下省略）`;
    entry += '\n\n';
    mkdirSync(folder, { recursive: true });
    const current = join(folder, LOG_FILE_NAMES[0]);
    if (sizeOf(current) + Buffer.byteLength(entry) > MAX_LOG_FILE_BYTES) rotate(folder);
    appendFileSync(current, entry, 'utf8');
    return folder;
  } catch (failure) {
    console.error('无法写入错误日志', failure, '原错误：', error);
    return null;
  }
}
