// Lets pages inside the gate lock the app at once (the 立即锁定 button); absent outside the gate.
import { createContext, useContext } from 'react';

export interface AppLockControls {
  lockNow: () => void;
}

export const AppLockContext = createContext<AppLockControls | null>(null);

export function useAppLockControls(): AppLockControls | null {
  return useContext(AppLockContext);
}
