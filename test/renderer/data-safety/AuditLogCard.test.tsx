// 操作日志: every kind of record is named in Chinese, and entries past the first 30 can be shown.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../../renderer/src/app/providers';
import { db } from '../../../renderer/src/db/db';
import { writeAudit } from '../../../renderer/src/db/repositories/audit';
import { AuditLogCard } from '../../../renderer/src/features/data-safety/AuditLogCard';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** n entries a minute apart (the clock faked so that their order is certain), the last one a 技能比武. */
async function logEntries(branchId: string, n: number) {
  vi.useFakeTimers({ toFake: ['Date'] });
  await db.transaction('rw', db.auditPages, async () => {
    for (let i = 0; i < n; i++) {
      vi.setSystemTime(Date.UTC(2026, 0, 5, 1, i));
      await writeAudit({
        entity: i === n - 1 ? 'competition' : 'member',
        entityId: `e-${i}`,
        action: 'create',
        branchId,
        summary: `第 ${i + 1} 条`,
      });
    }
  });
}

describe('AuditLogCard', () => {
  it('shows the newest 30, names 技能比武 in Chinese, and shows the older ones on request', async () => {
    await logEntries('b-1', 35);
    render(
      <AppProviders>
        <AuditLogCard branchId="b-1" branchName="第一党支部" />
      </AppProviders>,
    );
    const table = await screen.findByRole('table');
    expect(await within(table).findByText('第 35 条')).toBeTruthy();
    expect(within(table).getByText('技能比武')).toBeTruthy();
    expect(within(table).queryByText('competition')).toBeNull();
    expect(within(table).queryByText('第 5 条')).toBeNull();
    expect(screen.getByText('操作日志（第一党支部，最近 30 条）')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '显示更早的 100 条' }));
    expect(await within(table).findByText('第 1 条')).toBeTruthy();
    expect(screen.getByText('操作日志（第一党支部，最近 35 条）')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '显示更早的 100 条' })).toBeNull();
  });

  it('names the 会议记录 a 定稿, 修改 or 更正 entry is about', async () => {
    await db.meetings.put({
      id: 'mt-1',
      branchId: 'b-2',
      date: '2025-05-07',
      kind: '支委会',
      topic: '研究年中党课安排',
    } as never);
    await db.transaction('rw', db.auditPages, () =>
      writeAudit({
        entity: 'meeting',
        entityId: 'mt-1',
        action: 'amend',
        branchId: 'b-2',
        summary: '序号由第4次调整为第5次',
      }),
    );
    render(
      <AppProviders>
        <AuditLogCard branchId="b-2" branchName="第二党支部" />
      </AppProviders>,
    );
    expect(await screen.findByText('2025-05-07 支委会「研究年中党课安排」：序号由第4次调整为第5次')).toBeTruthy();
  });
});

describe('auditEntityLabel', () => {
  it('reads a table name as its record and anything unknown as 其他记录, never as English', async () => {
    const { auditEntityLabel } = await import('../../../renderer/src/features/data-safety/format');
    expect(auditEntityLabel('meeting')).toBe('会议记录');
    expect(auditEntityLabel('meetings')).toBe('会议记录');
    expect(auditEntityLabel('memberEvaluations')).toBe('民主评议');
    expect(auditEntityLabel('somethingElse')).toBe('其他记录');
  });
});
