// 活动阵地 end to end: a venue, 七有 items ticked with photo evidence, the full-size viewer, a re-check, reload;
// a text file renamed .jpg is refused in Chinese and nothing is stored.
import { expect, test, type Page } from '@playwright/test';
import { chooseOption, expectSaved, fillBranchBasics, fillDate, openSection, save } from './helpers';

const IMAGES = 'test/fixtures/images';

/** A China-local date `days` from today, as the app stores dates. */
function chinaDate(days: number): string {
  return new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** Counts rows of a table straight from IndexedDB: what is stored, not what the page shows. */
async function storedCount(page: Page, table: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('branch-ledger');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(name).objectStore(name).count();
          request.onsuccess = () => {
            resolve(request.result);
            open.result.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
    table,
  );
}

/** The stored thumbnail of the only attachment: its type and pixel size, decoded in the page. */
async function storedThumbnail(page: Page): Promise<{ type: string; width: number; height: number } | null> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('branch-ledger');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('attachments').objectStore('attachments').getAll();
          request.onerror = () => reject(request.error);
          request.onsuccess = async () => {
            open.result.close();
            const thumbnail = (request.result[0] as { thumbnail?: Blob } | undefined)?.thumbnail;
            if (!thumbnail) return resolve(null);
            const bitmap = await createImageBitmap(thumbnail);
            resolve({ type: thumbnail.type, width: bitmap.width, height: bitmap.height });
          };
        };
      }),
  );
}

test('a venue’s 七有 items are ticked with photo evidence and a re-check is recorded; all survive reload', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: '新建支部' }).click();
  await fillBranchBasics(page, { name: '第一党支部', termStart: '2024-01-15', termEnd: '2027-01-14' });
  await save(page);
  await expectSaved(page);

  await openSection(page, '活动阵地');
  await expect(page.getByText('尚未登记活动阵地')).toBeVisible();
  await page.getByRole('button', { name: '新增阵地' }).click();
  await page.getByLabel('阵地名称', { exact: true }).fill('机关党员活动室');
  await chooseOption(page, '阵地类型', '党员活动室');
  await page.getByLabel('地址', { exact: true }).fill('办公楼三层 305 室');
  await page.getByLabel('面积（㎡）', { exact: true }).fill('15');
  await page.getByLabel('容纳人数', { exact: true }).fill('30');
  await page.getByLabel('管理人', { exact: true }).fill('李四');
  await save(page);

  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 3, name: '机关党员活动室' })).toBeVisible();
  await expect(main.getByText('已具备 0/7')).toBeVisible();

  // 固定场所 ticked on 15 ㎡: saved, with a warning rather than a refusal.
  const place = page.getByRole('group', { name: '有固定场所（面积不少于20㎡）' });
  // Saved on click; the box reflects the stored value once the write lands.
  await place.getByRole('checkbox', { name: '已具备' }).click();
  await expect(place.getByRole('checkbox', { name: '已具备' })).toBeChecked();
  await expect(place.getByText('不足 20 ㎡')).toBeVisible();

  const signs = page.getByRole('group', { name: '有党旗、入党誓词、党员权利义务标牌' });
  await signs.getByRole('checkbox', { name: '已具备' }).click();
  await expect(signs.getByRole('checkbox', { name: '已具备' })).toBeChecked();
  await signs.getByLabel('说明', { exact: true }).fill('党旗、入党誓词悬挂于正面墙');
  await signs.getByLabel('说明', { exact: true }).blur();
  await signs.getByLabel('佐证照片', { exact: true }).setInputFiles(`${IMAGES}/venue-room.jpg`);
  const thumbnail = signs.getByRole('img', { name: 'venue-room.jpg（缩略图）' });
  await expect(thumbnail).toBeVisible();
  await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expect(main.getByText('已具备 2/7')).toBeVisible();

  // The full-size viewer shows the original, not the 320 px thumbnail.
  await signs.getByRole('button', { name: '查看大图 venue-room.jpg' }).click();
  const viewer = page.getByRole('dialog', { name: 'venue-room.jpg' });
  const original = viewer.getByRole('img', { name: 'venue-room.jpg（原图）' });
  await expect(original).toBeVisible();
  await expect.poll(() => original.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(480);
  // The footer's 关闭 (the corner × has the same name).
  await viewer.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
  await expect(viewer).toBeHidden();

  // Stored: one attachment, with a JPEG thumbnail no larger than 320 px.
  expect(await storedCount(page, 'attachments')).toBe(1);
  // The 480×320 photo's thumbnail is scaled to 320 px on its longest side.
  expect(await storedThumbnail(page)).toEqual({ type: 'image/jpeg', width: 320, height: 213 });

  // A re-check whose next date is before it is refused under the field; a good one is listed.
  const checkForm = page.getByRole('form', { name: '登记复查' });
  const checkDate = chinaDate(-200);
  const dueDate = chinaDate(-10);
  await fillDate(checkForm, '复查日期', checkDate);
  await checkForm.getByLabel('检查人', { exact: true }).fill('张三');
  await fillDate(checkForm, '下次复查日期', chinaDate(-300));
  await checkForm.getByRole('button', { name: '登记复查' }).click();
  await expect(checkForm.getByText('下次复查日期必须晚于本次复查日期')).toBeVisible();
  await fillDate(checkForm, '下次复查日期', dueDate);
  await checkForm.getByLabel('检查情况', { exact: true }).fill('七有基本齐全，宣传栏需更新');
  await checkForm.getByRole('button', { name: '登记复查' }).click();
  const checkRow = main.getByRole('row').filter({ hasText: '七有基本齐全，宣传栏需更新' });
  await expect(checkRow).toContainText(checkDate);
  await expect(checkRow).toContainText('张三');
  await expect(checkRow.getByText('已逾期 10 天')).toBeVisible();

  await page.reload();
  await expect(main.getByRole('heading', { level: 3, name: '机关党员活动室' })).toBeVisible();
  await expect(main.getByText('已具备 2/7')).toBeVisible();
  await expect(signs.getByRole('checkbox', { name: '已具备' })).toBeChecked();
  await expect(signs.getByLabel('说明', { exact: true })).toHaveValue('党旗、入党誓词悬挂于正面墙');
  await expect(signs.getByRole('img', { name: 'venue-room.jpg（缩略图）' })).toBeVisible();
  await expect(main.getByRole('row').filter({ hasText: '七有基本齐全，宣传栏需更新' })).toContainText(dueDate);

  // The list: the venue's card with its 七有 progress and the overdue re-check in red.
  await page.getByRole('button', { name: '返回阵地列表' }).click();
  await expect(main.getByText('有 1 处阵地到期需要复查')).toBeVisible();
  const card = main.locator('.ant-card').filter({ hasText: '机关党员活动室' });
  await expect(card).toContainText('2/7');
  await expect(card).toContainText('15 ㎡');
  await expect(card.getByText('已逾期 10 天')).toBeVisible();
});

test('a text file renamed .jpg is refused in Chinese and nothing is stored', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: '新建支部' }).click();
  await fillBranchBasics(page, { name: '第二党支部', termStart: '2024-01-15', termEnd: '2027-01-14' });
  await save(page);
  await expectSaved(page);

  await openSection(page, '活动阵地');
  await page.getByRole('button', { name: '新增阵地' }).click();
  // A 党员活动室: the 七有 items (and their photos) are those of a 党员活动室; a 宣传栏 says 七有 does not apply.
  await page.getByLabel('阵地名称', { exact: true }).fill('二楼党员活动室');
  await chooseOption(page, '阵地类型', '党员活动室');
  await page.getByLabel('面积（㎡）', { exact: true }).fill('26');
  await page.getByLabel('容纳人数', { exact: true }).fill('20');
  await save(page);
  await expect(page.getByRole('main').getByRole('heading', { level: 3, name: '二楼党员活动室' })).toBeVisible();

  const honors = page.getByRole('group', { name: '有荣誉栏' });
  // A real photo and the impostor chosen together: the photo goes in, the impostor is refused by name.
  await honors
    .getByLabel('佐证照片', { exact: true })
    .setInputFiles([`${IMAGES}/not-a-photo.jpg`, `${IMAGES}/venue-room.png`]);
  await expect(honors.getByRole('alert')).toContainText(
    '“not-a-photo.jpg” 的内容不是真正的 JPG、PNG、WebP 图片或 PDF 文件（可能只是改了扩展名），不能上传',
  );
  await expect(honors.getByRole('img', { name: 'venue-room.png（缩略图）' })).toBeVisible();
  await expect(honors.getByRole('img', { name: /not-a-photo/ })).toHaveCount(0);
  expect(await storedCount(page, 'attachments')).toBe(1);

  // Removing the photo asks first; 保留 keeps it, 移除 takes it off the item.
  await honors.getByRole('button', { name: '移除 venue-room.png' }).click();
  const ask = page.getByRole('dialog', { name: '移除这张佐证照片？' });
  await ask.getByRole('button', { name: '保留' }).click();
  await expect(ask).toHaveCount(0);
  await expect(honors.getByRole('img', { name: 'venue-room.png（缩略图）' })).toBeVisible();
  await honors.getByRole('button', { name: '移除 venue-room.png' }).click();
  await page.getByRole('dialog', { name: '移除这张佐证照片？' }).getByRole('button', { name: '移除' }).click();
  await expect(honors.getByRole('img', { name: /缩略图/ })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { level: 3, name: '二楼党员活动室' })).toBeVisible();
  await expect(page.getByRole('group', { name: '有荣誉栏' }).getByRole('img', { name: /缩略图/ })).toHaveCount(0);
});
