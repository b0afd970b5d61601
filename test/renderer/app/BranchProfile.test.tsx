// 支部概况 as read: each 支委会 member with 任职起止; a former 书记 kept after a 换届 is marked 已离任 and listed after
// those in office.
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Branch } from '../../../shared/schemas';
import { AppProviders } from '../../../renderer/src/app/providers';
import { BranchProfile } from '../../../renderer/src/features/branch/BranchProfile';

afterEach(cleanup);

const at = '2025-01-01T00:00:00.000Z';
const branch: Branch = {
  id: 'b1',
  name: '第一党支部',
  parentOrg: '',
  termStart: '2024-01-01',
  termEnd: '2027-01-01',
  committee: [
    { name: '罗雪', role: '书记', from: '2019-03-01', to: '2020-07-15' },
    { name: '胡桂兰', role: '书记', from: '2020-07-15' },
    { name: '袁明哲', role: '组织委员' },
  ],
  partyGroups: [],
  unitSpirit: '',
  deptPhilosophy: '',
  createdAt: at,
  updatedAt: at,
};

/** The 支委会成员 table of 支部概况 as read, a row per line. */
function committeeRowsShown(shown: Branch): (string | null)[] {
  render(
    <AppProviders>
      <BranchProfile branch={shown} />
    </AppProviders>,
  );
  const table = screen.getByRole('columnheader', { name: '任职起止' }).closest('table')!;
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.textContent);
}

describe('BranchProfile', () => {
  it('shows each member’s 任职起止, those in office first, a former 书记 after them marked 已离任', () => {
    const rows = committeeRowsShown(branch);
    expect(rows).toEqual(['书记胡桂兰2020-07-15 起', '组织委员袁明哲—', '书记罗雪已离任2019-03-01 至 2020-07-15']);
  });

  it('marks one whose 任职起 is still to come (a 换届 entered ahead) 待任, after those in office', () => {
    const ahead: Branch = {
      ...branch,
      committee: [
        { name: '胡桂兰', role: '书记', from: '2020-07-15', to: '2099-07-14' },
        { name: '苏明', role: '书记', from: '2099-07-14' },
        { name: '袁明哲', role: '组织委员' },
      ],
    };
    const rows = committeeRowsShown(ahead);
    expect(rows).toEqual(['书记胡桂兰2020-07-15 至 2099-07-14', '组织委员袁明哲—', '书记苏明待任2099-07-14 起']);
  });

  it('lists the 书记 first wherever the form has the row, and says 改任 of a former row of someone now in another post', () => {
    const elected: Branch = {
      ...branch,
      committee: [
        { name: '罗雪', role: '书记', from: '2022-07-15', to: '2025-07-15' },
        { name: '胡桂兰', role: '副书记', from: '2022-07-15', to: '2025-07-15' },
        { name: '袁明哲', role: '组织委员' },
        { name: '许庆丰', role: '纪检委员' },
        { name: '胡桂兰', role: '书记', from: '2025-07-15' },
        { name: '王文静', role: '宣传委员', from: '2025-07-15' },
      ],
    };
    const rows = committeeRowsShown(elected);
    expect(rows).toEqual([
      '书记胡桂兰2025-07-15 起',
      '组织委员袁明哲—',
      '纪检委员许庆丰—',
      '宣传委员王文静2025-07-15 起',
      '书记罗雪已离任2022-07-15 至 2025-07-15',
      '副书记胡桂兰改任书记2022-07-15 至 2025-07-15',
    ]);
  });
});
