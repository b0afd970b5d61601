// A record's 更正记录 in a DOM: each 更正 shows what it replaced (原 → 现, the whole previous text of a long field);
// an entry written before values were kept still reads; a draft's 第N次 is marked provisional. From the keyboard:
// 定稿 and 删除草稿 ask on 取消, 更正 opens in its reason box, and after 保存 the focus is on the record's heading.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../renderer/src/db/db';
import { writeAudit } from '../../../renderer/src/db/repositories/audit';
import { amendMeeting, createMeeting, finalizeMeeting } from '../../../renderer/src/db/repositories/meetings';
import { meetingInput, seed, setChinaNow } from './fixtures';
import { renderMeetingView } from './views';

beforeEach(() => {
  setChinaNow('2030-12-31T10:00:00');
  window.history.replaceState(null, '', '#/records');
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const view = renderMeetingView;

// antd renders slowly in happy-dom on a busy machine: generous timeouts, no behaviour depends on them.
describe('更正记录', { timeout: 40_000 }, () => {
  it('shows 原 → 现 of each changed field and the previous text of a long one; older entries still read', async () => {
    const { branch } = await seed();
    const oldContent = `原来的会议内容第一段。\n${'原来的会议内容。'.repeat(200)}`;
    const draft = await createMeeting(branch.id, meetingInput({ recorder: '胡桂兰', content: oldContent }));
    await finalizeMeeting(draft.id);
    // As written before values were kept: field names only.
    await db.transaction('rw', [db.auditPages], () =>
      writeAudit({
        entity: 'meeting',
        entityId: draft.id,
        branchId: branch.id,
        action: 'amend',
        reason: '补记出席情况',
        summary: '修改了出席情况',
      }),
    );
    await amendMeeting(
      draft.id,
      meetingInput({ recorder: '袁明哲', host: '张三', content: '更正后的会议内容。' }),
      '记录人姓名写错，更正',
    );
    await view(draft.id, branch.id);

    const history = await screen.findByText('理由：记录人姓名写错，更正');
    const item = history.closest('li')!;
    const changes = within(item as HTMLElement).getByRole('list', { name: '修改内容' });
    expect(changes.textContent).toContain('主持人：原 （空） → 现 张三');
    expect(changes.textContent).toContain('记录人：原 胡桂兰 → 现 袁明哲');
    // The long text is kept whole, folded until asked for.
    const folded = within(changes).getByText(`查看修改前的原文（${Array.from(oldContent).length} 字）`);
    const details = folded.closest('details')!;
    expect(details.open).toBe(false);
    expect(details.textContent).toContain(oldContent);
    fireEvent.click(folded);
    expect(details.open).toBe(true);
    expect(screen.getByText('（此次更正早于保留原内容的版本，未记录修改前的内容）')).toBeTruthy();
  });

  it('marks a draft’s 第N次 as provisional, a finalised record’s not', async () => {
    const { branch } = await seed();
    const draft = await createMeeting(branch.id, meetingInput());
    await view(draft.id, branch.id);
    expect(await screen.findByText('支委会（本年度第1次，暂定：定稿时按日期排定）')).toBeTruthy();
    cleanup();
    await finalizeMeeting(draft.id);
    await view(draft.id, branch.id);
    expect(await screen.findByText('支委会（本年度第1次）')).toBeTruthy();
  });
});

describe('keyboard', { timeout: 40_000 }, () => {
  it.each([
    ['定稿', '确定定稿吗？'],
    ['删除草稿', '删除这份草稿？'],
  ])('the %s confirmation opens on 取消, so Enter twice does nothing irreversible', async (button, question) => {
    const { branch } = await seed();
    const draft = await createMeeting(branch.id, meetingInput());
    await view(draft.id, branch.id);
    fireEvent.click(await screen.findByRole('button', { name: button }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain(question);
    await waitFor(() => expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: '取消' })));
  });

  it('更正 opens with the cursor in 更正理由', async () => {
    const { branch } = await seed();
    const draft = await createMeeting(branch.id, meetingInput());
    await finalizeMeeting(draft.id);
    await view(draft.id, branch.id);
    fireEvent.click(await screen.findByRole('button', { name: '更正' }));
    const reason = await screen.findByLabelText('更正理由');
    await waitFor(() => expect(document.activeElement).toBe(reason));
  });

  it('after 保存 of an edit the focus is on the record’s heading, not dropped to the page', async () => {
    const { branch } = await seed();
    const draft = await createMeeting(branch.id, meetingInput({ topic: '研究部署工作' }));
    await view(draft.id, branch.id);
    fireEvent.click(await screen.findByRole('button', { name: '编辑' }));
    const save = await screen.findByRole('button', { name: '保存' });
    save.focus();
    fireEvent.click(save);
    const heading = await screen.findByRole('heading', { level: 3, name: '研究部署工作' }, { timeout: 10_000 });
    await waitFor(() => expect(document.activeElement).toBe(heading));
  });
});
