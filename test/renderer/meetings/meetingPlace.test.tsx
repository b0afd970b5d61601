// 其他地点: a meeting held away from the branch's own 阵地 (a 主题党日 at a 红色教育基地) says where — typed in the form,
// stored only when given, one of 阵地 or 其他地点, shown on the record, named in a 更正.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../../renderer/src/app/providers';
import { db } from '../../../renderer/src/db/db';
import { ValidationError } from '../../../renderer/src/db/repositories/errors';
import {
  amendMeeting,
  createMeeting,
  finalizeMeeting,
  listAmendments,
} from '../../../renderer/src/db/repositories/meetings';
import { MeetingForm } from '../../../renderer/src/features/meetings/MeetingForm';
import type { Meeting } from '../../../shared/schemas';
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

const PLACE = '市革命历史纪念馆';

describe('其他地点', { timeout: 40_000 }, () => {
  it('is stored when given, not at all when empty, and never beside a 阵地', async () => {
    const { branch, venue } = await seed();
    const away = await createMeeting(branch.id, meetingInput({ kind: '主题党日', place: ` ${PLACE} ` }));
    expect((await db.meetings.get(away.id))!.place).toBe(PLACE);
    const here = await createMeeting(branch.id, meetingInput({ venueId: venue.id, place: '' }));
    expect('place' in (await db.meetings.get(here.id))!).toBe(false);
    const both = await createMeeting(branch.id, meetingInput({ venueId: venue.id, place: PLACE })).catch((e) => e);
    expect(both).toBeInstanceOf(ValidationError);
    expect((both as ValidationError).issues.map((i) => i.message)).toEqual(['已选择阵地，不需要再填写其他地点']);
  });

  it('is named in a 更正 with what it said before and after, and shown on the record', async () => {
    const { branch } = await seed();
    const draft = await createMeeting(branch.id, meetingInput({ kind: '主题党日', place: '社区服务中心' }));
    await finalizeMeeting(draft.id);
    await amendMeeting(draft.id, meetingInput({ kind: '主题党日', place: PLACE }), '地点写错，更正');
    const [amend] = (await listAmendments(draft.id)).filter((e) => e.action === 'amend');
    expect(amend!.changes).toEqual([{ field: 'place', label: '其他地点', before: '社区服务中心', after: PLACE }]);

    await renderMeetingView(draft.id, branch.id);
    expect(await screen.findByText(`${PLACE}（其他地点）`)).toBeTruthy();
  });

  it('is typed in the form, and is not for typing while a 阵地 is chosen', async () => {
    const { branch, venue } = await seed();
    const members = await db.members.where('branchId').equals(branch.id).toArray();
    const onSaved = vi.fn();
    const renderForm = (date: string) =>
      render(
        <AppProviders>
          <MeetingForm
            branch={branch}
            members={members}
            venues={[{ id: venue.id, name: venue.name }]}
            initialKind="主题党日"
            initialDate={date}
            onSaved={onSaved}
            onCancel={() => undefined}
          />
        </AppProviders>,
      );
    renderForm('2030-06-20');
    const place = (await screen.findByLabelText('其他地点')) as HTMLInputElement;
    expect(place.disabled).toBe(false);
    fireEvent.change(screen.getByLabelText('主题', { exact: true }), { target: { value: '参观学习' } });
    fireEvent.change(place, { target: { value: PLACE } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled(), { timeout: 5000 });
    expect((onSaved.mock.calls[0]![0] as Meeting).place).toBe(PLACE);
    cleanup();

    // A 阵地 chosen: the box is shown but closed, and what it held goes.
    renderForm('2030-06-21');
    const box = (await screen.findByLabelText('其他地点')) as HTMLInputElement;
    fireEvent.change(box, { target: { value: PLACE } });
    fireEvent.mouseDown(screen.getByLabelText('地点（阵地）', { exact: true }));
    fireEvent.click(await screen.findByTitle(venue.name));
    await waitFor(() => expect(box.disabled).toBe(true));
    expect(box.value).toBe('');
  });
});
