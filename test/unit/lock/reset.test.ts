// The --reset-app-lock switch: recognised in argv and carried to the page as a query on the same origin and path.
import { describe, expect, it } from 'vitest';
import { hasAppLockResetQuery, wantsAppLockReset, withAppLockResetQuery } from '../../../shared/lock/reset';

describe('app-lock reset request', () => {
  it('is recognised only as the exact switch', () => {
    expect(wantsAppLockReset(['/opt/branch-ledger/branch-ledger', '--reset-app-lock'])).toBe(true);
    expect(wantsAppLockReset(['/opt/branch-ledger/branch-ledger'])).toBe(false);
    expect(wantsAppLockReset(['--reset-app-lock-now'])).toBe(false);
  });

  it('keeps the origin and path of the start URL', () => {
    const url = new URL(withAppLockResetQuery('app://ledger/index.html'));
    expect(url.origin + url.pathname).toBe(new URL('app://ledger/index.html').origin + '/index.html');
    expect(hasAppLockResetQuery(url.search)).toBe(true);
    expect(hasAppLockResetQuery('')).toBe(false);
    expect(hasAppLockResetQuery('?other=1')).toBe(false);
  });
});
