// The progress of a check or a restore re-renders the page only when what it shows changes.
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { InspectFileResult, RestoreOptions } from '../../../renderer/src/db/backup/restore';
import { useRestoreFlow } from '../../../renderer/src/features/data-safety/useRestoreFlow';
import { AppProviders } from '../../../renderer/src/app/providers';

vi.mock(import('../../../renderer/src/db/backup/restore'), async (importOriginal) => ({
  ...(await importOriginal()),
  // Progress as the reader gives it: once per ZIP entry (thousands in a large backup), each in a task of its own.
  inspectBackupFile: async (_file: Blob, options: RestoreOptions = {}): Promise<InspectFileResult> => {
    for (let bytesRead = 0; bytesRead <= 1000; bytesRead += 5) {
      options.onProgress?.({ phase: 'checking', bytesRead, bytesTotal: 1000 });
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    return { ok: false, errors: ['不是备份文件'] };
  },
  restoreBackup: vi.fn(),
}));

// Renders as the app has them, each in its own task: act() would hold them back and render only the last state.
const env = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
beforeEach(() => {
  env.IS_REACT_ACT_ENVIRONMENT = false;
});
afterEach(() => {
  cleanup();
  env.IS_REACT_ACT_ENVIRONMENT = true;
});

test('201 progress reports of a check render the page about once per percent shown, not 201 times', async () => {
  let renders = 0;
  const percents = new Set<number>();
  const { result } = renderHook(
    () => {
      renders++;
      const flow = useRestoreFlow();
      if (flow.state.step === 'checking') percents.add(flow.state.percent);
      return flow;
    },
    { wrapper: AppProviders },
  );
  void result.current.inspect('备份.zip', new Blob(['x']));
  await waitFor(() => expect(result.current.state.step).toBe('refused'), { timeout: 10_000 });
  expect(result.current.state).toEqual({ step: 'refused', name: '备份.zip', errors: ['不是备份文件'] });
  // 0 to 100 %, each reported twice (5-byte steps of 1000 bytes): the bar still moves through them.
  expect(percents.size).toBeGreaterThan(90);
  expect(renders).toBeLessThan(percents.size + 10);
});
