// Long loops of the backup codec give the event loop a turn now and then, so a page stays responsive while they run.

type Now = () => number;

const defaultNow: Now = typeof performance === 'object' ? () => performance.now() : () => Date.now();

interface TurnGlobals {
  setImmediate?: (callback: () => void) => unknown;
}

let channel: { port: MessagePort; waiting: (() => void)[] } | undefined;

/**
 * Resolves in a later task of the event loop, not a microtask: rendering, input, timers and I/O callbacks (an
 * IndexedDB commit, a worker's reply) run first. Node: setImmediate. Browsers: a MessageChannel message. Not
 * setTimeout, which is clamped to 4 ms when nested and to a second in a hidden page; not Chromium's scheduler.yield,
 * whose continuations go before rendering: frames were then 100–160 ms apart while a large backup was checked.
 */
export function nextTurn(): Promise<void> {
  const g = globalThis as TurnGlobals;
  if (typeof g.setImmediate === 'function') {
    const immediate = g.setImmediate;
    return new Promise((resolve) => void immediate(resolve));
  }
  if (typeof MessageChannel === 'function') {
    if (!channel) {
      const { port1, port2 } = new MessageChannel();
      const waiting: (() => void)[] = [];
      port1.onmessage = () => waiting.shift()?.();
      channel = { port: port2, waiting };
    }
    const { port, waiting } = channel;
    return new Promise((resolve) => {
      waiting.push(resolve);
      port.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Work between two turns: short enough that a frame or a click is never kept waiting long. */
export const SLICE_MS = 30;
/** Calls of `due` between two looks at the clock (a row costs microseconds; reading the clock, tens of nanoseconds). */
const CALLS_PER_LOOK = 16;

/**
 * Cuts a long loop into slices: call `due()` once per step and await what it returns, if anything. It returns a turn
 * of the event loop (nextTurn) once the slice has run `sliceMs`, else undefined, so a step that need not yield costs no
 * await.
 */
export class TimeSlicer {
  private started: number;
  private calls = 0;

  constructor(
    private readonly sliceMs = SLICE_MS,
    private readonly now: Now = defaultNow,
    private readonly turn: () => Promise<void> = nextTurn,
  ) {
    this.started = now();
  }

  due(): Promise<void> | undefined {
    if (++this.calls < CALLS_PER_LOOK) return undefined;
    this.calls = 0;
    if (this.now() - this.started < this.sliceMs) return undefined;
    return this.turn().then(() => {
      this.started = this.now();
    });
  }
}
