// The real Electron shell: title, blocked navigation and pop-ups, single instance. Skipped without an Electron binary.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, expect, test, type ElectronApplication } from '@playwright/test';
import { ELECTRON_SKIP_REASON, findElectron } from './findElectron';

const repoRoot = join(import.meta.dirname, '..', '..');
const mainEntry = join(repoRoot, 'out', 'main', 'index.cjs');

const electronPath = findElectron();

test.skip(!electronPath, ELECTRON_SKIP_REASON);

/**
 * Each test gets its own appData, so its userData (appData/branch-ledger) is fresh: Linux reads XDG_CONFIG_HOME,
 * Windows APPDATA. The app itself has no test-only switch for this.
 */
function isolatedEnv(appData: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && key !== 'VITE_DEV_SERVER_URL') env[key] = value;
  }
  return { ...env, XDG_CONFIG_HOME: appData, APPDATA: appData };
}

let appData: string;
let electronApp: ElectronApplication | null = null;

test.beforeEach(async () => {
  appData = mkdtempSync(join(tmpdir(), 'ledger-electron-'));
  electronApp = await _electron.launch({
    executablePath: electronPath ?? undefined,
    args: [mainEntry],
    env: isolatedEnv(appData),
  });
});

test.afterEach(async () => {
  await electronApp?.close();
  electronApp = null;
  rmSync(appData, { recursive: true, force: true });
});

test('opens one window titled 支部标准化台账 on app://ledger', async () => {
  const page = await electronApp!.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  const title = await electronApp!.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle());
  expect(title).toBe('支部标准化台账');
  expect(page.url()).toMatch(/^app:\/\/ledger\//);
  const userData = await electronApp!.evaluate(({ app }) => app.getPath('userData'));
  expect(userData).toBe(join(appData, 'branch-ledger'));
});

test('a navigation away from the app is blocked', async () => {
  const page = await electronApp!.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  const before = page.url();
  await page.evaluate(() => {
    window.location.href = 'https://example.com';
  });
  await page.waitForTimeout(1000);
  expect(page.url()).toBe(before);
  expect(page.url()).toMatch(/^app:\/\/ledger\//);
});

test('window.open returns null and opens no window', async () => {
  const page = await electronApp!.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  const opened = await page.evaluate(() => window.open('https://example.com') === null);
  expect(opened).toBe(true);
  const count = await electronApp!.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length);
  expect(count).toBe(1);
});

test('a second instance exits and brings the first window back', async () => {
  const page = await electronApp!.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  await electronApp!.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.minimize());
  await expect
    .poll(() => electronApp!.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.isMinimized()))
    .toBe(true);

  const second = spawn(electronPath!, [mainEntry], { env: isolatedEnv(appData), stdio: 'ignore' });
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    const timer = setTimeout(() => {
      second.kill();
      reject(new Error('第二个实例没有退出'));
    }, 30_000);
    second.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
  expect(exitCode).toBe(0);

  await expect
    .poll(() => electronApp!.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.isMinimized()))
    .toBe(false);
  const count = await electronApp!.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length);
  expect(count).toBe(1);
});
