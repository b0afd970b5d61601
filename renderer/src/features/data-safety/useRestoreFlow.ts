// The steps of 「从备份恢复」: choose a file → validate → preview → choose a mode → write → result (or the reasons).
import { useEffect, useState } from 'react';
import {
  type BackupPreview,
  inspectBackupFile,
  type RestoreMode,
  type RestoreProgress,
  type RestoreResult,
  restoreBackup,
} from '../../db/backup/restore';
import { announceDatabaseSwitch } from '../../db/db';
import { backUpAfterRestore } from './autoBackup';

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

export interface RestoreFlow {
  state: RestoreFlowState;
  busy: boolean;
  inspect(name: string, file: Blob): Promise<void>;
  restore(mode: RestoreMode): Promise<void>;
  reset(): void;
}

/** The result of a 覆盖全部, kept across the remount that follows it (the app switched to the restored database). */
let carried: RestoreFlowState | undefined;

export function useRestoreFlow(): RestoreFlow {
  // Read in the initializer (pure: StrictMode may call it twice), forgotten once mounted.
  const [state, setState] = useState<RestoreFlowState>(() => carried ?? { step: 'idle' });
  useEffect(() => {
    carried = undefined;
  }, []);

  const inspect = async (name: string, file: Blob) => {
    const progress = changesOnly(setState);
    progress({ step: 'checking', name, percent: 0 });
    const result = await inspectBackupFile(file, {
      onProgress: (p) => progress({ step: 'checking', name, percent: percentOf(p) }),
    });
    setState(
      result.ok
        ? { step: 'preview', name, file, preview: result.preview }
        : { step: 'refused', name, errors: result.errors },
    );
  };

  const restore = async (mode: RestoreMode) => {
    if (state.step !== 'preview') return;
    const { name, file, preview } = state;
    const progress = changesOnly(setState);
    progress({ step: 'restoring', name, mode, percent: 0, text: '正在读取并校验备份数据…' });
    const result = await restoreBackup(file, mode, {
      // The preview's branch list lets a doomed 作为新支部导入 be refused before the file is read again.
      expectedBranches: preview.branches,
      onProgress: (p) =>
        progress({ step: 'restoring', name, mode, percent: percentOf(p, mode), text: textOf(p, mode) }),
    });
    // The restored data's first copy on this PC, when today has no automatic backup yet (autoBackup.ts).
    if (result.ok) backUpAfterRestore();
    if (result.ok && result.mode === 'replace') {
      carried = { step: 'done', name, result };
      announceDatabaseSwitch();
      return;
    }
    setState(result.ok ? { step: 'done', name, result } : { step: 'failed', name, errors: result.errors });
  };

  return {
    state,
    busy: state.step === 'checking' || state.step === 'restoring',
    inspect,
    restore,
    reset: () => setState({ step: 'idle' }),
  };
}
