// Root component once the database is open: providers, the shell (blocked while a restore writes), and the notice when
// another window upgrades the db.
import { useEffect, useState } from 'react';
import { onDatabaseSwitched } from '../db/db';
import { AppLockGate } from '../features/app-lock/AppLockGate';
import { RestoreBlocker } from '../features/data-safety/RestoreBlocker';
import { AppShell } from './AppShell';
import { AppProviders } from './providers';
import { VersionChangedNotice } from './VersionChangedNotice';

export function App({ versionChanged }: Readonly<{ versionChanged: boolean }>) {
  // After 覆盖全部 the app works on another database (db.ts switchDatabase): a new key remounts every live query.
  const [generation, setGeneration] = useState(0);
  useEffect(() => onDatabaseSwitched(() => setGeneration((g) => g + 1)), []);
  return (
    <AppProviders>
      {/* Outside the lock gate, which the switch to a restored database remounts. */}
      <RestoreBlocker>
        <AppLockGate key={generation}>
          <AppShell />
        </AppLockGate>
      </RestoreBlocker>
      <VersionChangedNotice open={versionChanged} />
    </AppProviders>
  );
}
