// Root component once the database is open: providers, the shell, and the notice when another window upgrades the db.
import { AppLockGate } from '../features/app-lock/AppLockGate';
import { AppShell } from './AppShell';
import { AppProviders } from './providers';
import { VersionChangedNotice } from './VersionChangedNotice';

export function App({ versionChanged }: Readonly<{ versionChanged: boolean }>) {
  return (
    <AppProviders>
      <AppLockGate>
        <AppShell />
      </AppLockGate>
      <VersionChangedNotice open={versionChanged} />
    </AppProviders>
  );
}
