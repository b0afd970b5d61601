// 学习记录 → 完成情况 of a year lists the members on the roster at some point of that year (as 民主评议 does): one who
// left in an earlier year has no row there, but keeps his rows in the years he was in the branch.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../../renderer/src/app/providers';
import { createMember, markMemberLeft } from '../../../renderer/src/db/repositories/members';
import { LearningTab } from '../../../renderer/src/features/learning/LearningTab';
import { setChinaNow } from '../meetings/fixtures';
import { branchWithMembers } from './fixtures';

beforeEach(() => setChinaNow('2026-03-01T09:00:00'));
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const rowNames = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) => r.querySelector('td')?.textContent)
    .sort();

describe('完成情况 of a year', { timeout: 40_000 }, () => {
  it('leaves out members who left before the year, and those who joined after it', async () => {
    // 张三 all along; 李四 left on 2024-06-30; 赵六 joined in 2026 and left on 2026-01-31 (a row in 2026 only).
    const { branch } = await branchWithMembers();
    const zhao = await createMember(branch.id, {
      name: '赵六',
      gender: '男',
      birthDate: '1990-01-01',
      joinedDate: '2026-01-01',
      status: '预备',
    });
    await markMemberLeft(zhao.id, { leftDate: '2026-01-31', leftReason: '调出' });
    render(
      <AppProviders>
        <LearningTab branchId={branch.id} />
      </AppProviders>,
    );
    const table = await screen.findByRole('table', { name: '党员学习完成率' }, { timeout: 10_000 });
    await waitFor(() => expect(rowNames(table)).toEqual(['张三', '赵六'].sort()));
    const matrix = screen.getByRole('table', { name: '月写一篇完成矩阵' });
    expect(rowNames(matrix)).toEqual(['张三', '赵六'].sort());

    // 2024: 李四 was in the branch until June; 赵六 had not joined.
    const card = screen.getByText('完成情况').closest('.ant-card') as HTMLElement;
    fireEvent.mouseDown(within(card).getByLabelText('年度'));
    const options = await screen.findAllByTitle('2024年');
    fireEvent.click(options[options.length - 1]!);
    await waitFor(() =>
      expect(rowNames(screen.getByRole('table', { name: '党员学习完成率' }))).toEqual(['张三', '李四'].sort()),
    );
  });
});
