// When another window upgrades the database, this window stops and asks for a reload instead of working on stale data.
import { expect, test } from '@playwright/test';

test('an upgrade from elsewhere shows the reload notice', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 2, name: '工作台' })).toBeVisible();

  // Play the other window: open the same database at a higher version than the page holds.
  const upgradedTo = await page.evaluate(async () => {
    const name = 'branch-ledger';
    const current = await new Promise<number>((resolve, reject) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => {
        const version = req.result.version;
        req.result.close();
        resolve(version);
      };
      req.onerror = () => reject(req.error);
    });
    return new Promise<number>((resolve, reject) => {
      const req = indexedDB.open(name, current + 1);
      req.onsuccess = () => {
        req.result.close();
        resolve(current + 1);
      };
      req.onerror = () => reject(req.error);
      req.onblocked = () => reject(new Error('upgrade blocked: the page did not close its connection'));
    });
  });
  expect(upgradedTo).toBeGreaterThan(1);

  const notice = page.getByRole('dialog');
  await expect(notice.getByText('数据库已在其他窗口升级，请重新加载')).toBeVisible();
  await expect(notice.getByRole('button', { name: '重新加载' })).toBeVisible();
});
