// Unlock rate limiting: five free wrong attempts, then 30 s, doubling, capped; a success clears it.
import { describe, expect, it } from 'vitest';
import {
  initialAttemptState,
  registerFailure,
  registerSuccess,
  remainingWaitSeconds,
  tooManyAttemptsMessage,
  waitSecondsAfter,
} from '../../../shared/lock/attempts';

describe('attempt limiter', () => {
  it('lets four wrong passwords pass without waiting, then blocks 30 s after the fifth', () => {
    let state = initialAttemptState;
    const now = 1_000_000;
    for (let i = 0; i < 4; i += 1) {
      state = registerFailure(state, now);
      expect(remainingWaitSeconds(state, now)).toBe(0);
    }
    state = registerFailure(state, now);
    expect(remainingWaitSeconds(state, now)).toBe(30);
    expect(remainingWaitSeconds(state, now + 29_001)).toBe(1);
    expect(remainingWaitSeconds(state, now + 30_000)).toBe(0);
  });

  it('doubles the wait with each further wrong password, up to one hour', () => {
    expect([5, 6, 7, 8].map(waitSecondsAfter)).toEqual([30, 60, 120, 240]);
    expect(waitSecondsAfter(40)).toBe(3600);
  });

  it('starts over after a successful unlock', () => {
    let state = initialAttemptState;
    for (let i = 0; i < 6; i += 1) state = registerFailure(state, 0);
    expect(remainingWaitSeconds(state, 0)).toBe(60);
    state = registerSuccess();
    expect(registerFailure(state, 0).blockedUntil).toBe(0);
  });

  it('words the countdown in Chinese', () => {
    expect(tooManyAttemptsMessage(25)).toBe('密码错误次数过多，请 25 秒后再试');
  });
});
