// The app's fixed identity: the folder its data lives in and the name users see. Changing either loses user data.

/** userData folder name under appData. ASCII on purpose: never derived from the Chinese productName. */
export const USER_DATA_DIR_NAME = 'branch-ledger';

/** The name users see in the title bar and dialogs. */
export const PRODUCT_NAME = '支部标准化台账';
