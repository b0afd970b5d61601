// 操作日志 narrowed: findAudit reads a year (China time) and/or only 更正/删除 across a branch's pages, newest first with
// the total; the card's 年份 and 「只看更正/删除/替换」 filters show just those, and say how many there are.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuditEntry } from '../../../shared/schemas/entities';
import { AppProviders } from '../../../renderer/src/app/providers';
import { db } from '../../../renderer/src/db/db';
import { packAudit } from '../../../renderer/src/db/packed';
import { findAudit } from '../../../renderer/src/db/repositories/audit';
import { AuditLogCard } from '../../../renderer/src/features/data-safety/AuditLogCard';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/**
 * 600 entries of 第一党支部 (three pages), one a day from 2019-12-01 China time at 00:30, so the first 31 fall in 2019;
 * every 10th a 更正 and every 25th a 删除. Another branch's 更正 in 2019 must never show.
 */
async function logOfYears(): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  for (let i = 0; i < 600; i++) {
    // 00:30 China time is 16:30 UTC of the day before: the year is China's, not UTC's.
    const at = new Date(Date.UTC(2019, 11, 1 + i, 0, 30) - 8 * 3_600_000).toISOString();
    const action = i % 10 === 9 ? 'amend' : i % 25 === 24 ? 'delete' : 'update';
    entries.push({
      id: `e-${String(i).padStart(3, '0')}`,
      at,
      entity: 'member',
      entityId: `m-${i}`,
      action,
      branchId: 'b-1',
      summary: `第 ${i + 1} 条`,
      ...(action === 'amend' ? { reason: `更正理由${i + 1}` } : {}),
    } as AuditEntry);
  }
  const foreign = { ...entries[9]!, id: 'x-1', branchId: 'b-2', summary: '别的支部' } as AuditEntry;
  await db.auditPages.bulkAdd(packAudit([...entries, foreign]));
  return entries;
}

const expected = (entries: AuditEntry[], test: (e: AuditEntry) => boolean) =>
  entries
    .filter(test)
    .map((e) => e.id)
    .reverse();

describe('findAudit', () => {
  it('reads a China year, only 更正 and 删除, or both, newest first, with the number that match', async () => {
    const entries = await logOfYears();
    expect((await db.auditPages.where('[branchId+page]').between(['b-1', 0], ['b-1', 99]).count()) > 1).toBe(true);
    const chinaYear = (e: AuditEntry) => new Date(Date.parse(e.at) + 8 * 3_600_000).getUTCFullYear();

    const y2019 = await findAudit('b-1', { year: 2019 }, 100);
    expect(y2019.total).toBe(31);
    expect(y2019.entries.map((e) => e.id)).toEqual(expected(entries, (e) => chinaYear(e) === 2019));

    const corrections = await findAudit('b-1', { actions: ['amend', 'delete'] }, 10);
    const all = expected(entries, (e) => e.action === 'amend' || e.action === 'delete');
    expect(corrections.total).toBe(all.length);
    expect(corrections.entries.map((e) => e.id)).toEqual(all.slice(0, 10));

    const both = await findAudit('b-1', { year: 2020, actions: ['amend'] }, 100);
    expect(both.entries.map((e) => e.id)).toEqual(
      expected(entries, (e) => chinaYear(e) === 2020 && e.action === 'amend'),
    );
    expect(both.total).toBe(both.entries.length);
    expect((await findAudit('b-1', { year: 2018 }, 100)).total).toBe(0);
  });

  it('with replacements, also the restores that replaced the branch, not those that added it', async () => {
    const entries = await logOfYears();
    const restore = (id: string, at: string, summary: string) =>
      ({ id, at, entity: 'branch', entityId: 'b-1', action: 'restore', branchId: 'b-1', summary }) as AuditEntry;
    await db.auditPages.bulkAdd(
      packAudit([
        restore('r-1', '2021-08-01T00:00:00.000Z', '从备份恢复（作为新支部导入，备份时间 2021-07-01 10:00）'),
        restore(
          'r-2',
          '2021-09-01T00:00:00.000Z',
          '用备份替换本支部数据（备份时间 2021-08-20 10:00；替换前本机：会议记录 708 条）',
        ),
        restore('r-3', '2021-10-01T00:00:00.000Z', '从备份恢复（覆盖全部，备份时间 2021-09-20 10:00）'),
      ]).map((page) => ({ ...page, page: page.page + 50 })),
    );
    const corrections = entries.filter((e) => e.action === 'amend' || e.action === 'delete').length;
    const found = await findAudit('b-1', { actions: ['amend', 'delete'], replacements: true }, 1000);
    expect(found.total).toBe(corrections + 2);
    expect(found.entries.filter((e) => e.action === 'restore').map((e) => e.id)).toEqual(['r-3', 'r-2']);
    expect((await findAudit('b-1', { actions: ['amend', 'delete'] }, 1000)).total).toBe(corrections);
  });
});

describe('renumberings are no 更正', () => {
  const meetingEntry = (id: string, action: AuditEntry['action'], summary: string, extra: Partial<AuditEntry> = {}) =>
    ({
      id,
      at: `2025-03-0${id.slice(-1)}T02:00:00.000Z`,
      entity: 'meeting',
      entityId: 'mt-1',
      action,
      branchId: 'b-1',
      summary,
      ...extra,
    }) as AuditEntry;
  const log = [
    // An older build's renumbering: an 'amend' without changes, worded 「序号由第N次调整为第M次」.
    meetingEntry('a-1', 'amend', '序号由第3次调整为第4次', { reason: '2025年3月1日的支部委员会定稿' }),
    // Today's: an 'update' whose only change is the 序号.
    meetingEntry('a-2', 'update', '序号由第4次调整为第5次', {
      changes: [{ field: 'seq', label: '序号', before: '第4次', after: '第5次' }],
    }),
    meetingEntry('a-3', 'amend', '更正了主题', {
      reason: '笔误',
      changes: [{ field: 'topic', label: '主题', before: '甲', after: '乙' }],
    }),
  ];

  it('the 更正 filter leaves out renumberings, old-format ones included', async () => {
    await db.auditPages.bulkAdd(packAudit(log));
    const found = await findAudit('b-1', { actions: ['amend', 'delete'] }, 100);
    expect(found.entries.map((e) => e.id)).toEqual(['a-3']);
    expect((await findAudit('b-1', { actions: ['update'] }, 100)).entries.map((e) => e.id)).toEqual(['a-2', 'a-1']);
  });

  it('the card names a renumbering 调整序号, not 更正', async () => {
    await db.auditPages.bulkAdd(packAudit(log));
    render(
      <AppProviders>
        <AuditLogCard branchId="b-1" branchName="第一党支部" />
      </AppProviders>,
    );
    const table = await screen.findByRole('table');
    await within(table).findByText(/更正了主题/);
    const actions = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.querySelectorAll('td')[1]?.textContent);
    expect(actions).toEqual(['更正', '调整序号', '调整序号']);
  });
});

describe('AuditLogCard filters', { timeout: 40_000 }, () => {
  it('「只看更正/删除/替换」 and 年份 narrow the log and say how many entries match', async () => {
    await logOfYears();
    render(
      <AppProviders>
        <AuditLogCard branchId="b-1" branchName="第一党支部" />
      </AppProviders>,
    );
    const table = await screen.findByRole('table');
    expect(await within(table).findByText('第 599 条')).toBeTruthy();
    expect(screen.getByText('操作日志（第一党支部，最近 30 条）')).toBeTruthy();

    fireEvent.click(screen.getByRole('checkbox', { name: '只看更正/删除/替换' }));
    // 60 更正 and 12 删除: of the 24 entries that are every 25th, the 12 that are also every 10th are 更正.
    expect(await screen.findByText('操作日志（第一党支部，更正、删除和替换共 72 条）')).toBeTruthy();
    await waitFor(() => expect(within(table).queryByText('第 599 条')).toBeNull());
    expect(within(table).getByText('第 600 条（理由：更正理由600）')).toBeTruthy();
    expect(within(table).getByText('第 575 条')).toBeTruthy();
    expect(within(table).queryByText('别的支部')).toBeNull();

    fireEvent.mouseDown(screen.getByLabelText('年份'));
    await waitFor(() => expect(document.querySelector('.ant-select-item-option[title="2019年"]')).not.toBeNull());
    fireEvent.click(document.querySelector('.ant-select-item-option[title="2019年"]')!);
    // 2019: entries 1–31, of which the 10th, 20th, 30th are 更正 and the 25th a 删除.
    expect(await screen.findByText('操作日志（第一党支部，2019年的更正、删除和替换共 4 条）')).toBeTruthy();
    await waitFor(() =>
      expect(
        within(table)
          .getAllByRole('row')
          .slice(1)
          .map((r) => r.textContent),
      ).toEqual([
        expect.stringContaining('第 30 条'),
        expect.stringContaining('第 25 条'),
        expect.stringContaining('第 20 条'),
        expect.stringContaining('第 10 条'),
      ]),
    );
    expect(screen.queryByRole('button', { name: '显示更早的 100 条' })).toBeNull();
  });
});
