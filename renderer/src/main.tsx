// Renderer entry: open the local database first, then show the app (or a Chinese error screen if it cannot open).
// First: installs React Fast Refresh in dev from a module, since the CSP refuses Vite's inline preamble script.
import '@vitejs/plugin-react/preamble';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { backupBeforeUpgrade } from './db/backup/preUpgrade';
import { openDatabase, settleActiveDatabase } from './db/db';
import { startAutoBackup } from './features/data-safety/autoBackup';
import { installJobCloseGuard } from './features/data-safety/jobCloseGuard';
import { App } from './app/App';
import { AppProviders } from './app/providers';
import { StartupError } from './app/StartupError';
import { reportError } from './host/errorLog';
import { installDialogTabCycle } from './ui/dialogTabCycle';
import { installLeaveGuard } from './ui/leaveGuard';
import { Loading } from './ui/Loading';

// Before React subscribes to the address: the guard must see every hash change first (ui/leaveGuard.ts).
installLeaveGuard();
// Closing the window mid-restore or mid-backup asks too (features/data-safety/jobCloseGuard.ts).
installJobCloseGuard();
// Tab goes round inside an open dialog, never out to the page behind it (ui/dialogTabCycle.ts).
installDialogTabCycle();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const root = createRoot(container);

let versionChanged = false;

function renderApp(): void {
  root.render(
    <StrictMode>
      <App versionChanged={versionChanged} />
    </StrictMode>,
  );
}

root.render(
  <AppProviders>
    <Loading tip="正在打开数据库…" />
  </AppProviders>,
);

// Which database is the app's (a 覆盖全部 restore may have switched it, db.ts) is settled first; then, in Electron, an
// older database is backed up before AppDB's open upgrades it (see db/backup/preUpgrade.ts); one written by a newer
// build is refused by openDatabase before Dexie touches it (db.ts), and StartupError says what to do.
settleActiveDatabase()
  .then(() => backupBeforeUpgrade())
  .then(() =>
    openDatabase({
      onVersionChange: () => {
        versionChanged = true;
        renderApp();
      },
    }),
  )
  .then(
    () => {
      renderApp();
      // Daily, checked hourly and whenever the window is shown again (features/data-safety/autoBackup.ts).
      startAutoBackup();
    },
    (error: unknown) => {
      console.error('openDatabase failed', error);
      // An installed build has no console: the administrator reads this in the log folder.
      reportError('startup', error);
      root.render(
        <AppProviders>
          <StartupError error={error} />
        </AppProviders>,
      );
    },
  );
