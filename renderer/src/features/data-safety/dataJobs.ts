// The 数据安全 jobs that outlive the page: 立即备份, the check of a chosen backup file, and the restore. Their state is
// kept here rather than in the page, so that leaving 数据安全 neither loses a running job nor lets a second one start
// beside it; the shell says one is running (DataJobStatus), and a restore that is writing blocks the window
// (RestoreBlocker), since whatever were edited meanwhile the restore would replace.
import { useSyncExternalStore } from 'react';
import { routeFromHash } from '../../app/useHashRoute';
import type { RestoreFlowState } from './useRestoreFlow';

/** 立即备份 while it runs: the bar, the step, and the branch when only the current one is saved. */
export interface BackupJob {
  percent: number;
  text: string;
  only?: string;
}

export interface DataJobs {
  restore: RestoreFlowState;
  backup: BackupJob | null;
}

/** Toasts of a job that may end after the page that started it is gone (antd's App message of the whole app). */
export interface JobNotices {
  success(text: string): unknown;
  error(text: string): unknown;
}

const IDLE: DataJobs = { restore: { step: 'idle' }, backup: null };
let jobs: DataJobs = IDLE;
const listeners = new Set<() => void>();

export function getDataJobs(): DataJobs {
  return jobs;
}

export function updateDataJobs(change: Partial<DataJobs>): void {
  jobs = { ...jobs, ...change };
  for (const listener of listeners) listener();
}

export function subscribeDataJobs(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useDataJobs(): DataJobs {
  return useSyncExternalStore(subscribeDataJobs, getDataJobs);
}

/**
 * One job at a time: two exports at once doubled the time and the files (and, in the desktop app, the save dialogs),
 * a check beside a restore reported on a file while another was being written, and a backup taken while a restore
 * writes would read a database being filled or replaced.
 */
export function isJobRunning(state: DataJobs = jobs): boolean {
  return state.backup !== null || state.restore.step === 'checking' || state.restore.step === 'restoring';
}

/** Whether the user is on 数据安全, which shows a job's outcome itself (elsewhere a toast says it). */
export function onDataSafetyPage(): boolean {
  return routeFromHash(window.location.hash) === 'security';
}

/** For tests: forget every job (a test that ends with one running would leave the next one blocked). */
export function __resetDataJobsForTests(): void {
  updateDataJobs(IDLE);
}
