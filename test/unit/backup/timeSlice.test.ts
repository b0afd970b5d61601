// Reading a large backup lets the page run between slices of work: the UI must not freeze while a file is checked.
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { inspectBackup, readBackup } from '../../../shared/backup/reader';
import { BACKUP_TABLES } from '../../../shared/backup/tables';
import { nextTurn, SLICE_MS, TimeSlicer } from '../../../shared/backup/timeSlice';
import { type Dataset, makeDataset, opener, writeToBytes } from './factory';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/**
 * Counts the rows handed over between two turns of the event loop. A clock that advances 1 ms each time it is read
 * stands in for the work, so the slices do not depend on this machine's speed. The JavaScript inflater is used
 * (as where there is no DecompressionStream): in Chromium the native one hands its output over in microtasks, like
 * fflate here, while Node's zlib answers in tasks of its own, which would yield for the reader.
 */
async function rowsBetweenTurns(read: (onRow: () => void) => Promise<{ ok: boolean }>) {
  vi.stubGlobal('DecompressionStream', undefined);
  let clock = 0;
  const now = vi.spyOn(performance, 'now').mockImplementation(() => ++clock);
  let rows = 0;
  let most = 0;
  let turns = 0;
  let reading = true;
  const tick = () => {
    if (!reading) return;
    turns++;
    most = Math.max(most, rows);
    rows = 0;
    setImmediate(tick);
  };
  setImmediate(tick);
  const result = await read(() => rows++).finally(() => now.mockRestore());
  reading = false;
  return { result, turns, most: Math.max(most, rows) };
}

describe('reading a large backup gives the event loop turns', () => {
  let data: Dataset;
  let bytes: Uint8Array;
  beforeAll(async () => {
    data = makeDataset({ members: 300, meetings: 3000 });
    bytes = await writeToBytes(data);
  });

  test('inspectBackup lets other tasks run every few hundred rows, not only at the end', async () => {
    // Without handlers the reader delivers nothing: the rows are counted as their schemas check them.
    const { result, turns, most } = await rowsBetweenTurns((onRow) => {
      for (const { schema } of BACKUP_TABLES) {
        const check = schema.safeParse.bind(schema);
        vi.spyOn(schema, 'safeParse').mockImplementation((value) => {
          onRow();
          return check(value);
        });
      }
      return inspectBackup(opener(bytes, 64 * 1024));
    });
    expect(result.ok).toBe(true);
    expect(turns).toBeGreaterThanOrEqual(5);
    // A look at the clock every 16 rows, a turn once SLICE_MS (fake) milliseconds have passed.
    expect(most).toBeLessThanOrEqual(16 * (SLICE_MS + 2));
  });

  test('readBackup does the same while it delivers the rows, and batches large rows by their size', async () => {
    const batches: { rows: number; chars: number }[] = [];
    const events: string[] = [];
    const { result, turns, most } = await rowsBetweenTurns((onRow) =>
      readBackup(opener(bytes, 64 * 1024), {
        batchSize: 1000,
        batchChars: 20_000,
        onProgress: () => events.push('progress'),
        onRows: (table, rows) => {
          events.push(table);
          for (const _ of rows) onRow();
          if (table === 'meetings') batches.push({ rows: rows.length, chars: JSON.stringify(rows).length });
        },
        onAttachment: () => {},
      }),
    );
    expect(result.ok).toBe(true);
    expect(turns).toBeGreaterThanOrEqual(5);
    expect(most).toBeLessThanOrEqual(16 * (SLICE_MS + 2));
    // 3000 meetings in batches of about 20 000 characters (the row that crosses the limit ends its batch).
    expect(batches.length).toBeGreaterThan(3000 / 1000);
    const longestRow = Math.max(...data.tables.meetings.map((m) => JSON.stringify(m).length));
    for (const batch of batches) expect(batch.chars).toBeLessThan(20_000 + longestRow + batch.rows + 2);
    expect(batches.reduce((n, b) => n + b.rows, 0)).toBe(3000);
    // The bar moves while one table (one ZIP entry) is read, not only after it.
    const meetings = events.slice(events.indexOf('meetings'), events.lastIndexOf('meetings'));
    expect(meetings.filter((e) => e === 'progress').length).toBeGreaterThanOrEqual(3);
  });
});

describe('TimeSlicer', () => {
  test('yields a turn only once its slice has run, and starts a new slice after it', async () => {
    let now = 0;
    const turn = vi.fn(() => Promise.resolve());
    const slicer = new TimeSlicer(30, () => now, turn);
    const calls = (n: number) => Array.from({ length: n }, () => slicer.due()).filter((p) => p !== undefined);
    expect(calls(100)).toHaveLength(0);
    now = 29;
    expect(calls(100)).toHaveLength(0);
    now = 30;
    const due = calls(16);
    expect(due).toHaveLength(1);
    await due[0];
    expect(turn).toHaveBeenCalledTimes(1);
    now = 59;
    expect(calls(100)).toHaveLength(0);
    now = 60;
    expect(calls(16)).toHaveLength(1);
  });

  test('nextTurn resolves after a task queued before it (a macrotask, not a microtask)', async () => {
    const order: string[] = [];
    setImmediate(() => order.push('task'));
    void Promise.resolve().then(() => order.push('microtask'));
    await nextTurn();
    order.push('turn');
    expect(order).toEqual(['microtask', 'task', 'turn']);
  });
});
