// Closing or reloading the window while a restore writes or 立即备份 runs is refused until the user says so, and main
// is told which job runs, so that its question names it (electron/main/window.ts).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppApi } from '../../../shared/ipc';
import { __resetDataJobsForTests, updateDataJobs } from '../../../renderer/src/features/data-safety/dataJobs';
import { installJobCloseGuard, uninstallJobCloseGuard } from '../../../renderer/src/features/data-safety/jobCloseGuard';
import { installLeaveGuard, uninstallLeaveGuard } from '../../../renderer/src/ui/leaveGuard';

/** Whether the page refuses to unload: what a browser asks about and Electron reports as will-prevent-unload. */
function refusesUnload(): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

const restoring = {
  step: 'restoring',
  name: 'daily-20261128-090000.zip',
  mode: 'replace',
  percent: 42,
  text: '正在读取、校验并写入备份数据…',
} as const;

let setBusyJob: ReturnType<typeof vi.fn<AppApi['setBusyJob']>>;

beforeEach(() => {
  setBusyJob = vi.fn<AppApi['setBusyJob']>().mockResolvedValue(undefined);
  // The preload's bridge is the boundary: the fake stands for main.
  (window as { api?: Partial<AppApi> }).api = { setBusyJob };
  installLeaveGuard();
  installJobCloseGuard();
});
afterEach(() => {
  uninstallJobCloseGuard();
  uninstallLeaveGuard();
  __resetDataJobsForTests();
  delete (window as { api?: unknown }).api;
});

describe('closing the window during a data job', () => {
  it('is refused while a restore writes, and allowed again once it ended', () => {
    expect(refusesUnload()).toBe(false);
    updateDataJobs({ restore: restoring });
    expect(refusesUnload()).toBe(true);
    updateDataJobs({ restore: { step: 'failed', name: restoring.name, errors: ['磁盘空间不足'] } });
    expect(refusesUnload()).toBe(false);
    expect(setBusyJob.mock.calls).toEqual([[null], ['restore'], [null]]);
  });

  it('is refused during 立即备份, but not while a chosen file is only being checked (nothing to lose)', () => {
    updateDataJobs({ restore: { step: 'checking', name: 'a.zip', percent: 10 } });
    expect(refusesUnload()).toBe(false);
    updateDataJobs({ restore: { step: 'idle' }, backup: { percent: 5, text: '正在读取会议记录…' } });
    expect(refusesUnload()).toBe(true);
    // Progress of the same job does not tell main again.
    updateDataJobs({ backup: { percent: 60, text: '正在写入照片…' } });
    updateDataJobs({ backup: null });
    expect(refusesUnload()).toBe(false);
    expect(setBusyJob.mock.calls).toEqual([[null], ['backup'], [null]]);
  });

  it('outside Electron (no bridge) the page still refuses, and the browser asks in its own words', () => {
    uninstallJobCloseGuard();
    delete (window as { api?: unknown }).api;
    installJobCloseGuard();
    updateDataJobs({ restore: restoring });
    expect(refusesUnload()).toBe(true);
  });
});
