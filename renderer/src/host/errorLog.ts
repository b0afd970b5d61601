// Hands a failure the page met to main's error log (desktop app only), where an administrator can read it later.
import type { LogSource } from '../../../shared/ipc';
import { getElectronApi } from './electronHost';

/** The longest message main accepts (shared/ipc.ts logWriteRequestSchema). */
const MAX_MESSAGE = 8000;

/** The error's name and message and those of its causes: what it says, nothing from the records. */
export function errorLogText(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 5; depth++) {
    if (current instanceof Error) {
      parts.push(current.name && current.name !== 'Error' ? `${current.name}: ${current.message}` : current.message);
      current = current.cause;
    } else {
      parts.push(String(current));
      current = undefined;
    }
  }
  const text = parts.join('\n原因：') || '（没有错误信息）';
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE - 1)}…` : text;
}

/**
 * Logs `error` under `source` in the desktop app; does nothing in a browser. Never throws and never waits: a log that
 * cannot be written must not turn into a failure of its own.
 */
export function reportError(source: LogSource, error: unknown): void {
  try {
    const api = getElectronApi();
    void api?.writeLog({ source, message: errorLogText(error) }).catch(() => undefined);
  } catch {
    // An older preload without writeLog, or a bridge that is gone: nothing to log to.
  }
}
