// Idle detection for the app lock: calls onIdle once no activity has been reported for the given time.

export interface IdleTimer {
  /** Reports user activity; cheap enough to call on every mouse move (it only records the time). */
  activity(): void;
  stop(): void;
}

export interface IdleTimerOptions {
  timeoutMs: number;
  onIdle: () => void;
  now?: () => number;
}

/**
 * One pending timeout at a time: when it fires it checks the last activity and either reports idle or sleeps for
 * the remainder, so frequent activity never churns timers.
 */
export function startIdleTimer({ timeoutMs, onIdle, now = () => Date.now() }: IdleTimerOptions): IdleTimer {
  let lastActivity = now();
  let handle: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const schedule = (delay: number) => {
    handle = setTimeout(check, delay);
  };
  function check(): void {
    if (stopped) return;
    const idleFor = now() - lastActivity;
    if (idleFor >= timeoutMs) {
      stopped = true;
      onIdle();
    } else {
      schedule(timeoutMs - idleFor);
    }
  }
  schedule(timeoutMs);

  return {
    activity() {
      if (!stopped) lastActivity = now();
    },
    stop() {
      stopped = true;
      if (handle !== undefined) clearTimeout(handle);
    },
  };
}

export const minutesToMs = (minutes: number): number => minutes * 60_000;
