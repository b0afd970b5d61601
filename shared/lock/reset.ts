// The administrator's way back in when the app-lock password is forgotten: a command-line switch passed on to the page.

/** Start the desktop app with this switch to be asked whether to remove the app lock. */
export const RESET_APP_LOCK_SWITCH = '--reset-app-lock';
/** Main process → renderer: the switch travels as this query parameter of the (fixed) start URL. */
export const RESET_APP_LOCK_QUERY = 'reset-app-lock';

export function wantsAppLockReset(argv: readonly string[]): boolean {
  return argv.includes(RESET_APP_LOCK_SWITCH);
}

/** The start URL with the reset request added (same origin and path, so the app's origin never changes). */
export function withAppLockResetQuery(url: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set(RESET_APP_LOCK_QUERY, '1');
  return parsed.toString();
}

/** True when the page's query string carries the reset request. */
export function hasAppLockResetQuery(search: string): boolean {
  return new URLSearchParams(search).has(RESET_APP_LOCK_QUERY);
}
