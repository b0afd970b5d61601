// The steps of 「从备份恢复」: choose a file → validate → preview → choose a mode → write → result (or the reasons). The
// state is the app's, not the page's (dataJobs.ts): a check or a restore goes on when the user leaves 数据安全.
import { App } from 'antd';
import {
  type BackupPreview,
  compareBranches,
  inspectBackupFile,
  NOTHING_CHANGED,
  type RestoreMode,
  type RestoreProgress,
  type RestoreResult,
  restoreBackup,
} from '../../db/backup/restore';
import { announceDatabaseSwitch } from '../../db/db';
import { backUpAfterRestore } from './autoBackup';
import { getDataJobs, isJobRunning, type JobNotices, onDataSafetyPage, updateDataJobs, useDataJobs } from './dataJobs';

export type RestoreFlowState =
  | { step: 'idle' }
  | { step: 'checking'; name: string; percent: number }
  | { step: 'refused'; name: string; errors: string[] }
  | { step: 'preview'; name: string; file: Blob; preview: BackupPreview }
  | { step: 'restoring'; name: string; mode: RestoreMode; percent: number; text: string }
  | { step: 'done'; name: string; result: Extract<RestoreResult, { ok: true }> }
  | { step: 'failed'; name: string; errors: string[] };

/**
 * Share of the bar. The preview's check is its own bar. 覆盖全部 writes while it reads (replace.ts), so reading is
 * nearly all of it; 替换本机的同一支部 and 作为新支部导入 read everything first and then write in one transaction.
 */
function percentOf(p: RestoreProgress, mode?: RestoreMode): number {
  const readShare = mode === 'replace' ? 95 : 60;
  if (p.phase === 'writing') return readShare + Math.round((p.total ? p.done / p.total : 1) * (100 - readShare));
  const share = p.bytesTotal ? Math.min(1, p.bytesRead / p.bytesTotal) : 1;
  return Math.round(share * (p.phase === 'checking' ? 100 : readShare));
}

function textOf(p: RestoreProgress, mode?: RestoreMode): string {
  if (p.phase === 'writing') return p.label ? `正在写入数据库：${p.label}…` : '正在写入数据库…';
  if (p.phase === 'checking') return '正在逐项校验备份文件…';
  return mode === 'replace' ? '正在读取、校验并写入备份数据…' : '正在读取并校验备份数据…';
}

function sameProgress(a: RestoreFlowState, b: RestoreFlowState): boolean {
  if (a.step === 'checking' && b.step === 'checking') return a.name === b.name && a.percent === b.percent;
  if (a.step === 'restoring' && b.step === 'restoring') {
    return a.name === b.name && a.mode === b.mode && a.percent === b.percent && a.text === b.text;
  }
  return false;
}

/**
 * Progress comes per ZIP entry, thousands of times, and each new state rendered the whole 数据安全 page again (up to
 * ≈ 100 ms of the page's thread each): only a report that changes what is shown is passed on. Not setState's own
 * bail-out, which still rendered for nearly every report.
 */
function changesOnly(set: (state: RestoreFlowState) => void): (state: RestoreFlowState) => void {
  let last: RestoreFlowState | undefined;
  return (next) => {
    if (last && sameProgress(last, next)) return;
    last = next;
    set(next);
  };
}

/**
 * A job's progress reports until the job has ended: one arriving after it (work the job gave up on, finishing in the
 * background) must not put 数据安全 back to 「正在校验」 over the result.
 */
function untilEnded<T>(report: (state: T) => void): ((state: T) => void) & { end(): void } {
  let ended = false;
  return Object.assign((state: T) => ended || report(state), {
    end: () => {
      ended = true;
    },
  });
}

export interface RestoreFlow {
  state: RestoreFlowState;
  /** A job is running (this one, or 立即备份): nothing else may be started. */
  busy: boolean;
  /** `file` may be a read still to make (an automatic backup, read through the desktop app): it is part of the check. */
  inspect(name: string, file: Blob | (() => Promise<Blob>)): Promise<void>;
  restore(mode: RestoreMode): Promise<void>;
  reset(): void;
}

const setState = (restore: RestoreFlowState) => updateDataJobs({ restore });

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Checks a chosen file and keeps the preview (or the reasons) for 数据安全, also when the user left the page meanwhile:
 * then a toast says how it ended. Whatever happens, the check ends: a failure to read the file is a refusal.
 */
export async function inspectBackup(
  name: string,
  source: Blob | (() => Promise<Blob>),
  notices?: JobNotices,
): Promise<void> {
  if (isJobRunning()) return;
  const progress = untilEnded(changesOnly(setState));
  progress({ step: 'checking', name, percent: 0 });
  let ended: RestoreFlowState = { step: 'refused', name, errors: ['校验没有完成'] };
  try {
    const file = typeof source === 'function' ? await source() : source;
    const result = await inspectBackupFile(file, {
      onProgress: (p) => progress({ step: 'checking', name, percent: percentOf(p) }),
    });
    ended = result.ok
      ? { step: 'preview', name, file, preview: result.preview }
      : { step: 'refused', name, errors: result.errors };
  } catch (error) {
    ended = { step: 'refused', name, errors: [`无法读取该文件：${reasonOf(error)}`] };
  } finally {
    progress.end();
    setState(ended);
  }
  if (notices && !onDataSafetyPage()) {
    if (ended.step === 'preview') notices.success(`「${name}」已通过校验，请到「数据安全」选择恢复方式`);
    else notices.error(`「${name}」不能用于恢复，原因见「数据安全」。${NOTHING_CHANGED}`);
  }
}

/**
 * Restores the previewed file in `mode`. From here until it ends the window is blocked (RestoreBlocker): the state
 * leaves 'restoring' however the restore ends, an unexpected error included, so the block is always released.
 */
export async function restorePreviewed(mode: RestoreMode): Promise<void> {
  const state = getDataJobs().restore;
  if (state.step !== 'preview' || isJobRunning()) return;
  const { name, file, preview } = state;
  const progress = untilEnded(changesOnly(setState));
  progress({ step: 'restoring', name, mode, percent: 0, text: '正在读取并校验备份数据…' });
  let ended: RestoreFlowState = { step: 'failed', name, errors: ['恢复没有完成'] };
  try {
    const result = await restoreBackup(file, mode, {
      // The preview's branch list lets a doomed 作为新支部导入 be refused before the file is read again.
      expectedBranches: preview.branches,
      onProgress: (p) =>
        progress({ step: 'restoring', name, mode, percent: percentOf(p, mode), text: textOf(p, mode) }),
    });
    ended = result.ok ? { step: 'done', name, result } : { step: 'failed', name, errors: result.errors };
    // The restored data's first copy on this PC, when today has no automatic backup yet (autoBackup.ts).
    if (result.ok) backUpAfterRestore();
  } catch (error) {
    ended = { step: 'failed', name, errors: [`恢复时出错：${reasonOf(error)}`] };
  } finally {
    progress.end();
    setState(ended);
  }
  // 覆盖全部 switched the app to the restored database: the app remounts, the result stays here.
  if (ended.step === 'done' && ended.result.mode === 'replace') announceDatabaseSwitch();
}

/**
 * Back on 数据安全 with a preview made earlier: what this computer has may have changed since (a branch added or
 * edited), and the preview's warnings and the 覆盖全部 confirmation are read from it.
 */
export async function refreshPreview(): Promise<void> {
  const state = getDataJobs().restore;
  if (state.step !== 'preview') return;
  const here = await compareBranches(state.preview.branches);
  if (getDataJobs().restore === state) setState({ ...state, preview: { ...state.preview, here } });
}

export function useRestoreFlow(): RestoreFlow {
  const jobs = useDataJobs();
  const { message } = App.useApp();
  return {
    state: jobs.restore,
    busy: isJobRunning(jobs),
    inspect: (name, file) => inspectBackup(name, file, message),
    restore: restorePreviewed,
    reset: () => {
      if (!isJobRunning()) setState({ step: 'idle' });
    },
  };
}
