// Seeds for the meeting tests: two branches, a roster, a venue, and a builder of valid meeting input.
import { vi } from 'vitest';
import { type MeetingInput, type Member, type Venue } from '../../../shared/schemas/entities';
import { db } from '../../../renderer/src/db/db';
import { createBranch } from '../../../renderer/src/db/repositories/branches';
import { createMember } from '../../../renderer/src/db/repositories/members';

/** Freezes only Date (IndexedDB in fake-indexeddb needs real timers) at an instant given in China time. */
export function setChinaNow(isoWithoutZone: string): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(`${isoWithoutZone}+08:00`));
}

/** A 正式党员 as createMember takes one: what most tests need of a member besides the name. */
export function memberInput(name: string, gender: '男' | '女' = '男') {
  return { name, gender, birthDate: '1980-01-01', joinedDate: '2005-07-01', status: '正式' as const };
}

export async function seed() {
  const branch = await createBranch({
    name: '甲支部',
    termStart: '2029-01-01',
    termEnd: '2031-12-31',
    committee: [
      { name: '张三', role: '书记' },
      { name: '李四', role: '组织委员' },
    ],
    partyGroups: [{ id: 'g1', name: '第一党小组' }],
  });
  const other = await createBranch({
    name: '乙支部',
    termStart: '2029-01-01',
    termEnd: '2031-12-31',
    partyGroups: [{ id: 'g9', name: '乙党小组' }],
  });
  const zhang = await createMember(branch.id, memberInput('张三'));
  const li = await createMember(branch.id, memberInput('李四'));
  const wang = await createMember(branch.id, memberInput('王五'));
  const chen = await createMember(other.id, memberInput('陈静'));
  const at = new Date().toISOString();
  const venue: Venue = {
    id: 'v1',
    branchId: branch.id,
    name: '党员活动室',
    kind: '党员活动室',
    address: '',
    areaM2: 40,
    capacity: 30,
    manager: '',
    checklist: [],
    createdAt: at,
    updatedAt: at,
  };
  await db.venues.add(venue);
  return { branch, other, zhang, li, wang, chen, venue };
}

export function present(...members: Member[]): NonNullable<MeetingInput['attendance']> {
  return members.map((m) => ({ memberId: m.id, name: m.name, status: '出席' as const }));
}

export function meetingInput(overrides: Partial<MeetingInput> = {}): MeetingInput {
  return {
    kind: '支委会',
    topic: '研究部署季度工作',
    date: '2030-03-10',
    content: '会议传达了上级文件精神。',
    ...overrides,
  };
}
