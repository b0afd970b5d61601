// Rate limiting of wrong unlock attempts: after 5 wrong passwords wait 30 s, doubling with each further wrong one.
export const FREE_ATTEMPTS = 5;
export const FIRST_WAIT_SECONDS = 30;
/** One hour: long enough to make guessing pointless, short enough that a user who mistyped is not locked out a day. */
export const MAX_WAIT_SECONDS = 3600;

export interface AttemptState {
  /** Wrong passwords since the last successful unlock. */
  failures: number;
  /** Epoch ms before which no attempt is accepted; 0 when none is pending. */
  blockedUntil: number;
}

export const initialAttemptState: AttemptState = { failures: 0, blockedUntil: 0 };

/** The wait that follows the n-th consecutive wrong password (0 for the free ones). */
export function waitSecondsAfter(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_WAIT_SECONDS, FIRST_WAIT_SECONDS * 2 ** (failures - FREE_ATTEMPTS));
}

export function registerFailure(state: AttemptState, now: number): AttemptState {
  const failures = state.failures + 1;
  const wait = waitSecondsAfter(failures);
  return { failures, blockedUntil: wait > 0 ? now + wait * 1000 : 0 };
}

export function registerSuccess(): AttemptState {
  return initialAttemptState;
}

/** Whole seconds still to wait before the next attempt (rounded up, so the countdown never shows 0 while blocked). */
export function remainingWaitSeconds(state: AttemptState, now: number): number {
  return state.blockedUntil > now ? Math.ceil((state.blockedUntil - now) / 1000) : 0;
}

export function tooManyAttemptsMessage(seconds: number): string {
  return `密码错误次数过多，请 ${seconds} 秒后再试`;
}
