// The live app-lock status (undefined while loading), re-read whenever the settings row changes.
import { useLiveQuery } from 'dexie-react-hooks';
import { APP_LOCK_SETTING_KEY, appLockStatusOf, type AppLockStatus } from '../../../../shared/lock/record';
import { db } from '../../db/db';

export function useAppLockStatus(): AppLockStatus | undefined {
  return useLiveQuery(async () => appLockStatusOf((await db.settings.get(APP_LOCK_SETTING_KEY))?.value));
}
