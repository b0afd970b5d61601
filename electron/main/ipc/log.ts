// IPC handler of the `log:` domain: the page's failures (start-up, automatic backup) into main's error log.
import type { LogSource } from '../../../shared/ipc';
import { logError } from '../errorLog';
import { handle } from './handle';

/** The heading each entry gets, in the words an administrator reads the log in. */
const SOURCE_LABELS: Record<LogSource, string> = {
  startup: '页面启动失败（数据库）',
  'auto-backup': '自动备份没有完成',
};

export function registerLogHandlers(): void {
  handle('log:write', async ({ source, message }) => {
    logError(SOURCE_LABELS[source], message);
  });
}
