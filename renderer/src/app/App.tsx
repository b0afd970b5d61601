// Root component once the database is open: providers, the shell, and the notice when another window upgrades the db.
import { useEffect, useState } from 'react';
import { onDatabaseSwitched } from '../db/db';
import { AppLockGate } from '../features/app-lock/AppLockGate';
import { AppShell } from './AppShell';
import { AppProviders } from './providers';
import { VersionChangedNotice } from './VersionChangedNotice';

export function App({ versionChanged }: Readonly<{ versionChanged: boolean }>) {
  // After 覆盖全部 the app works on another database (db.ts switchDatabase): a new key remounts every live query.
  const [generation, setGeneration] = useState(0);
  useEffect(() => onDatabaseSwitched(() => setGeneration((g) => g + 1)), []);
  return (
    <AppProviders>
      <AppLockGate key={generation}>
        <AppShell />
      </AppLockGate>
      <VersionChangedNotice open={versionChanged} />
    </AppProviders>
  );
}
