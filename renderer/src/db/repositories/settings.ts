// Settings: small key → value preferences of this installation, such as the current branch.
import { db } from '../db';
import { SETTING_CURRENT_BRANCH } from '../settingKeys';
import { NotFoundError } from './errors';

// Settings are preferences, not records: they are not audited (switching branches would flood the log).

export async function getSetting<T>(key: string): Promise<T | undefined> {
  const row = await db.settings.get(key);
  return row?.value as T | undefined;
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  await db.settings.put({ key, value });
}

/** The current branch's id, or undefined when none is set or it points at a branch that no longer exists. */
export async function getCurrentBranchId(): Promise<string | undefined> {
  const id = await getSetting<unknown>(SETTING_CURRENT_BRANCH);
  if (typeof id !== 'string') return undefined;
  return (await db.branches.get(id)) ? id : undefined;
}

export async function setCurrentBranchId(id: string): Promise<void> {
  await db.transaction('rw', [db.branches, db.settings], async () => {
    if (!(await db.branches.get(id))) throw new NotFoundError('支部', id);
    await db.settings.put({ key: SETTING_CURRENT_BRANCH, value: id });
  });
}
