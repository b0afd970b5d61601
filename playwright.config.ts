// Playwright: the renderer as a web page in Chromium (test/e2e) and the Electron shell (test/electron, skipped when
// no Electron binary is installed). Chromium: Debian's /usr/bin/chromium when present, else Playwright's own download.
import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { ELECTRON_SKIP_REASON, findElectron } from './test/electron/findElectron';

const systemChromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const executablePath = existsSync(systemChromium) ? systemChromium : undefined;
const port = Number(process.env.E2E_PORT ?? 4173);

// The list reporter shows a skipped test only as "-": say once, in the CI log, why the Electron tests are skipped.
if (!findElectron()) console.log(`[electron] ${ELECTRON_SKIP_REASON}`);

export default defineConfig({
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      testDir: 'test/e2e',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath,
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
    { name: 'electron', testDir: 'test/electron' },
  ],
  webServer: {
    command: `npx vite preview --config renderer/vite.config.ts --port ${port} --strictPort`,
    url: `http://localhost:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
