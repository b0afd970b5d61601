// Idle lock timer with fake timers: fires after the idle time, activity postpones it, stop cancels it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { minutesToMs, startIdleTimer } from '../../../shared/lock/idle';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('startIdleTimer', () => {
  it('calls onIdle once after the idle time without activity', () => {
    const onIdle = vi.fn();
    startIdleTimer({ timeoutMs: minutesToMs(5), onIdle });
    vi.advanceTimersByTime(minutesToMs(5) - 1);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(minutesToMs(60));
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('measures the idle time from the last activity', () => {
    const onIdle = vi.fn();
    const timer = startIdleTimer({ timeoutMs: 10_000, onIdle });
    vi.advanceTimersByTime(8_000);
    timer.activity();
    vi.advanceTimersByTime(8_000);
    expect(onIdle).not.toHaveBeenCalled();
    timer.activity();
    vi.advanceTimersByTime(9_999);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('never fires after stop', () => {
    const onIdle = vi.fn();
    const timer = startIdleTimer({ timeoutMs: 1_000, onIdle });
    timer.stop();
    vi.advanceTimersByTime(10_000);
    expect(onIdle).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });
});
