// What a record's form reads of the branch's other records: a second entry of the same meeting (same kind on the same
// day, or the same 主题 in the month) and the 阵地 last used.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../renderer/src/db/db';
import { createMeeting } from '../../../renderer/src/db/repositories/meetings';
import { lastVenueId, possibleDuplicates } from '../../../renderer/src/db/repositories/meetingNeighbours';
import { meetingInput, present, seed, setChinaNow } from './fixtures';

beforeEach(() => setChinaNow('2030-12-31T10:00:00'));
afterEach(() => vi.useRealTimers());

describe('possibleDuplicates', () => {
  it('finds a record of the same kind on the same day, and one with the same 主题 in the month', async () => {
    const { branch } = await seed();
    const first = await createMeeting(
      branch.id,
      meetingInput({ date: '2030-01-14', topic: '研究部署2030年度党建工作要点' }),
    );
    const sameTopic = await createMeeting(
      branch.id,
      meetingInput({ date: '2030-01-20', topic: '研究部署 2030 年度党建工作要点。' }),
    );
    // Not alike: another kind that day, the same 主题 the month after, another 主题 in the month.
    await createMeeting(
      branch.id,
      meetingInput({ kind: '支部党员大会', date: '2030-01-14', topic: '研究部署2030年度党建工作要点' }),
    );
    await createMeeting(branch.id, meetingInput({ date: '2030-02-14', topic: '研究部署2030年度党建工作要点' }));
    await createMeeting(branch.id, meetingInput({ date: '2030-01-28', topic: '学习传达上级会议精神' }));

    const found = await possibleDuplicates(branch.id, {
      kind: '支委会',
      date: '2030-01-14',
      topic: '研究部署2030年度党建工作要点',
    });
    // The same day first.
    expect(found.map((m) => m.id)).toEqual([first.id, sameTopic.id]);
    const otherTopic = await possibleDuplicates(branch.id, { kind: '支委会', date: '2030-01-14', topic: '另一件事' });
    expect(otherTopic.map((m) => m.id)).toEqual([first.id]);
    expect(await possibleDuplicates(branch.id, { kind: '支委会', date: '2030-01-15', topic: '另一件事' })).toEqual([]);
    // The record being edited is not its own duplicate.
    const editing = await possibleDuplicates(branch.id, {
      kind: '支委会',
      date: '2030-01-14',
      topic: '另一件事',
      excludeId: first.id,
    });
    expect(editing).toEqual([]);
  });

  it('tells apart two groups meeting on one day, and two talks with different members', async () => {
    const { branch, zhang, li, wang } = await seed();
    await db.branches.update(branch.id, {
      partyGroups: [
        { id: 'g1', name: '第一党小组', leaderName: '' },
        { id: 'g2', name: '第二党小组', leaderName: '' },
      ],
    });
    await createMeeting(
      branch.id,
      meetingInput({ kind: '党小组会', partyGroupId: 'g1', date: '2030-03-05', topic: '学习' }),
    );
    await createMeeting(
      branch.id,
      meetingInput({
        kind: '谈心谈话',
        talkParties: [zhang.id, li.id],
        date: '2030-03-05',
        topic: '谈心',
        attendance: present(zhang, li),
      }),
    );
    const group = (partyGroupId: string) =>
      possibleDuplicates(branch.id, { kind: '党小组会', date: '2030-03-05', topic: '其他', partyGroupId });
    expect(await group('g1')).toHaveLength(1);
    expect(await group('g2')).toHaveLength(0);
    const talk = (talkParties: string[]) =>
      possibleDuplicates(branch.id, { kind: '谈心谈话', date: '2030-03-05', topic: '其他', talkParties });
    expect(await talk([li.id, zhang.id])).toHaveLength(1);
    expect(await talk([zhang.id, wang.id])).toHaveLength(0);
  });

  it('reads only the branch’s own records', async () => {
    const { branch, other } = await seed();
    await createMeeting(other.id, meetingInput({ date: '2030-01-14' }));
    expect(await possibleDuplicates(branch.id, { kind: '支委会', date: '2030-01-14', topic: '研究' })).toEqual([]);
  });
});

describe('lastVenueId', () => {
  it('is the 阵地 of the latest record of the kind that names one, else of any kind', async () => {
    const { branch, venue } = await seed();
    const hall = { ...venue, id: 'v2', name: '会议室' };
    await db.venues.add(hall);
    expect(await lastVenueId(branch.id, '支委会')).toBeUndefined();
    await createMeeting(branch.id, meetingInput({ kind: '主题党日', date: '2030-05-01', venueId: hall.id }));
    expect(await lastVenueId(branch.id, '支委会')).toBe(hall.id);
    await createMeeting(branch.id, meetingInput({ date: '2030-03-10', venueId: venue.id }));
    // Entered later but held earlier, and without a place: the latest by date that names one.
    await createMeeting(branch.id, meetingInput({ date: '2030-04-10', venueId: '' }));
    await createMeeting(branch.id, meetingInput({ date: '2030-01-10', venueId: hall.id }));
    expect(await lastVenueId(branch.id, '支委会')).toBe(venue.id);
    expect(await lastVenueId(branch.id, '支部党员大会')).toBe(hall.id);
  });
});
