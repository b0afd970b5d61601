// 卷宗导出 before the volume is made: the period's records not yet 定稿 are listed, each a link to its record, and the
// warning goes once they are 定稿 or the period chosen has none.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../../renderer/src/app/providers';
import { createMeeting, finalizeMeeting, getMeeting } from '../../../renderer/src/db/repositories/meetings';
import { DossierPage } from '../../../renderer/src/features/dossier/DossierPage';
import { meetingInput, present, seed, setChinaNow } from '../meetings/fixtures';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('卷宗导出 and records not yet 定稿', () => {
  it('lists the drafts of the chosen period with links to them, and drops each once it is 定稿', async () => {
    setChinaNow('2030-06-15T10:00:00');
    const { branch, zhang, li } = await seed();
    const attendance = present(zhang, li);
    const first = await createMeeting(
      branch.id,
      meetingInput({ date: '2030-03-10', topic: '研究部署季度工作', attendance }),
    );
    const second = await createMeeting(
      branch.id,
      meetingInput({ kind: '党小组会', partyGroupId: 'g1', date: '2030-04-14', topic: '学习交流', attendance }),
    );
    // A draft of another year is not this volume's.
    await createMeeting(branch.id, meetingInput({ date: '2029-11-03', topic: '上一年度的草稿', attendance }));
    render(
      <AppProviders>
        <DossierPage />
      </AppProviders>,
    );
    await screen.findByRole('heading', { name: '卷宗导出' });
    const warning = await screen.findByText('本卷有 2 条记录尚未定稿');
    const alert = warning.closest('.ant-alert') as HTMLElement;
    expect(alert.textContent).toContain('卷中这些记录标有【草稿】');
    const seqOf = async (id: string) => (await getMeeting(id))!.seq;
    const links = within(alert).getAllByRole('link');
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      [`2030年3月10日 支委会第${await seqOf(first.id)}次「研究部署季度工作」`, `#/records?id=${first.id}`],
      [`2030年4月14日 党小组会第一党小组第${await seqOf(second.id)}次「学习交流」`, `#/records?id=${second.id}`],
    ]);
    expect(alert.textContent).not.toContain('上一年度的草稿');

    await finalizeMeeting(first.id);
    expect(await screen.findByText('本卷有 1 条记录尚未定稿')).toBeTruthy();
    await finalizeMeeting(second.id);
    await waitFor(() => expect(screen.queryByText(/条记录尚未定稿/)).toBeNull());

    // 2029's volume has its own draft.
    fireEvent.mouseDown(screen.getByLabelText('年度'));
    fireEvent.click(await screen.findByTitle('2029年'));
    expect(await screen.findByText('本卷有 1 条记录尚未定稿')).toBeTruthy();
    expect(screen.getByRole('link', { name: /上一年度的草稿/ })).toBeTruthy();
  });
});
