// Keys of the settings table, in one place so invariants and repositories agree.

/** The branch the user is working on (a branch id). */
export const SETTING_CURRENT_BRANCH = 'currentBranchId';
