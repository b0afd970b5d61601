// Shared steps of the Chromium e2e tests: filling antd date pickers and selects, and creating a branch the way a user does.
import { execFileSync } from 'node:child_process';
import { expect, type Locator, type Page } from '@playwright/test';

/** Types a date into an antd DatePicker (found by its visible label) and confirms it, as a keyboard user would. */
export async function fillDate(scope: Page | Locator, label: string, value: string): Promise<void> {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(value);
  await input.press('Enter');
  await expect(input).toHaveValue(value);
}

/** Picks an option of a searchable antd Select (found by its visible label) by typing its text and pressing Enter. */
export async function chooseOption(scope: Page | Locator, label: string, option: string): Promise<void> {
  const combo = scope.getByLabel(label, { exact: true });
  await combo.click();
  await combo.fill(option);
  await combo.press('Enter');
}

export interface BranchSpec {
  name: string;
  parentOrg?: string;
  termStart: string;
  termEnd: string;
}

/** Fills the basic fields of the open 支部概况 form. */
export async function fillBranchBasics(page: Page, spec: BranchSpec): Promise<void> {
  await page.getByLabel('支部名称', { exact: true }).fill(spec.name);
  if (spec.parentOrg !== undefined) await page.getByLabel('上级党组织', { exact: true }).fill(spec.parentOrg);
  await fillDate(page, '本届开始日期', spec.termStart);
  await fillDate(page, '本届结束日期', spec.termEnd);
}

export async function save(page: Page): Promise<void> {
  await page.getByRole('button', { name: '保存', exact: true }).click();
}

export async function openSection(page: Page, label: string): Promise<void> {
  await page.getByRole('menuitem', { name: label }).click();
  await expect(page.getByRole('heading', { level: 2, name: label })).toBeVisible();
}

/**
 * The 「已保存」 toast of the latest save. antd keeps an earlier toast on screen for a few seconds, so after two quick
 * saves there are two: the newest is the last one.
 */
export async function expectSaved(page: Page): Promise<void> {
  await expect(page.getByText('已保存', { exact: true }).last()).toBeVisible();
}

/** Whether poppler-utils are installed: PDFs are read back with pdftotext when they are, else only their header. */
export function hasPoppler(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A China date n days from today (negative: past), as the app counts them. */
export function chinaDate(offset = 0): string {
  return new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Test-only: puts the roster straight into the app's IndexedDB (as the repositories write it) — into the branch named
 * `branchName`, else the first — then reloads; returns the members' ids in the order of `names`.
 */
export async function seedRoster(page: Page, names: string[], branchName?: string): Promise<string[]> {
  const ids = await page.evaluate(
    async ({ names, branchName }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('branch-ledger');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const branches = await new Promise<{ id: string; name: string }[]>((resolve, reject) => {
        const request = db.transaction('branches').objectStore('branches').getAll();
        request.onsuccess = () => resolve(request.result as { id: string; name: string }[]);
        request.onerror = () => reject(request.error);
      });
      const branch = branchName === undefined ? branches[0] : branches.find((b) => b.name === branchName);
      if (!branch) throw new Error(`no branch ${branchName ?? ''} to seed`);
      const at = new Date().toISOString();
      const members = names.map((name) => ({
        branchId: branch.id,
        createdAt: at,
        updatedAt: at,
        id: crypto.randomUUID(),
        name,
        gender: '男',
        birthDate: '1980-01-01',
        joinedDate: '2005-07-01',
        fullMemberDate: '',
        status: '正式',
        partyGroupId: '',
        post: '',
        phone: '',
        motto: '',
        leftDate: '',
        leftReason: '',
      }));
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('members', 'readwrite');
        for (const member of members) tx.objectStore('members').put(member);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
      return members.map((m) => m.id);
    },
    { names, branchName },
  );
  await page.reload();
  return ids;
}
