// Shared set-up of the 学习与争创 repository tests: a branch with two members, one of whom has left.
import { type CampaignInput } from '../../../shared/schemas';
import { db } from '../../../renderer/src/db/db';
import { createBranch } from '../../../renderer/src/db/repositories/branches';
import { ValidationError } from '../../../renderer/src/db/repositories/errors';
import { createMember, markMemberLeft } from '../../../renderer/src/db/repositories/members';

export async function branchWithMembers() {
  const branch = await createBranch({ name: '机关第一党支部', termStart: '2023-03-01', termEnd: '2026-02-28' });
  const other = await createBranch({ name: '机关第二党支部', termStart: '2023-03-01', termEnd: '2026-02-28' });
  const base = { gender: '男', birthDate: '1980-01-01', joinedDate: '2005-07-01', status: '正式' } as const;
  const zhang = await createMember(branch.id, { ...base, name: '张三' });
  const li = await createMember(branch.id, { ...base, name: '李四' });
  await markMemberLeft(li.id, { leftDate: '2024-06-30', leftReason: '调出' });
  const stranger = await createMember(other.id, { ...base, name: '王五' });
  return { branch, other, zhang, li: (await db.members.get(li.id))!, stranger };
}

/** The Chinese messages of a ValidationError thrown by `run`, or fails if it does not throw one. */
export async function messagesOf(run: () => Promise<unknown>): Promise<string[]> {
  try {
    await run();
  } catch (error) {
    if (error instanceof ValidationError) return error.issues.map((i) => i.message);
    throw error;
  }
  throw new Error('expected a ValidationError');
}

export const PHASES: CampaignInput['phases'] = [
  { phase: '调查研究', start: '2024-03-01', end: '2024-03-31' },
  { phase: '动员部署', start: '2024-04-01', end: '2024-04-30' },
  { phase: '全面争创', start: '2024-05-01', end: '2024-10-31' },
  { phase: '完善提升', start: '2024-11-01', end: '2024-12-31' },
];
