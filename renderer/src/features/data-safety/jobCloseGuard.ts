// Closing or reloading the window while a restore writes or 立即备份 runs asks first. The mask over a restore says
// 「完成前请勿关闭软件」, but the window's close button is outside the page: without this it closed at once, the
// restore stopped (the data stays as it was, docs/backup-format.md) and the user's wait was lost without a word.
// The page refuses the unload (leaveGuard's `beforeunload`); a browser then asks with its own words, and Electron's
// main asks with ours, for which it is told which job runs (`window:busy`).
import type { BusyJob } from '../../../../shared/ipc';
import { getElectronApi } from '../../host/electronHost';
import { setUnloadBlocker } from '../../ui/leaveGuard';
import { type DataJobs, getDataJobs, subscribeDataJobs } from './dataJobs';

/** The job to ask about: a restore only while it writes (checking a file first writes nothing and loses nothing). */
export function busyJobOf(jobs: DataJobs): BusyJob | null {
  if (jobs.restore.step === 'restoring') return 'restore';
  if (jobs.backup !== null) return 'backup';
  return null;
}

let stop: (() => void) | undefined;

/** Starts following the jobs. Call once at start-up, beside installLeaveGuard. */
export function installJobCloseGuard(): void {
  if (stop) return;
  // Said at start too: a page reloaded in the middle of a job (仍然关闭 on a reload) must clear what main was told.
  let told: BusyJob | null | undefined;
  const follow = () => {
    const job = busyJobOf(getDataJobs());
    if (job === told) return;
    told = job;
    setUnloadBlocker(job ?? undefined);
    // Main only chooses the words of its question with it; should the call fail, closing still asks (about edits).
    getElectronApi()
      ?.setBusyJob(job)
      .catch((error: unknown) => console.error('无法告知主进程正在进行的任务', error));
  };
  follow();
  stop = subscribeDataJobs(follow);
}

/** For tests. */
export function uninstallJobCloseGuard(): void {
  stop?.();
  stop = undefined;
  setUnloadBlocker(undefined);
}
