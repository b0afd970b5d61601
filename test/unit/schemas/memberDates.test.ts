// 转入本支部日期 (joinedBranchDate) of a member who transferred in: optional, so stored rows and backups without it load;
// not before 入党日期 and not after 离开支部日期, said in Chinese on the field.
import { describe, expect, it } from 'vitest';
import { memberInputSchema, memberSchema } from '../../../shared/schemas/entities';

const wangFang = {
  name: '王芳',
  gender: '女',
  birthDate: '1985-05-01',
  joinedDate: '2010-07-01',
  status: '正式',
} as const;

const issues = (input: object) => {
  const parsed = memberInputSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => [i.path.join('.'), i.message]);
};

describe('转入本支部日期', () => {
  it('is kept when given, and may be left out or empty', () => {
    const parsed = memberInputSchema.parse({ ...wangFang, joinedBranchDate: '2025-06-01' });
    expect(parsed.joinedBranchDate).toBe('2025-06-01');
    expect(issues(wangFang)).toEqual([]);
    expect(issues({ ...wangFang, joinedBranchDate: '' })).toEqual([]);
    // The day of 入党 itself is allowed (one who joined here and filled it in anyway).
    expect(issues({ ...wangFang, joinedBranchDate: '2010-07-01' })).toEqual([]);
  });

  it('may not be before 入党日期 nor after 离开支部日期', () => {
    expect(issues({ ...wangFang, joinedBranchDate: '2009-12-31' })).toEqual([
      ['joinedBranchDate', '转入本支部日期不能早于入党日期'],
    ]);
    expect(issues({ ...wangFang, joinedBranchDate: '2025-06-01', leftDate: '2025-05-31', leftReason: '调离' })).toEqual(
      [['joinedBranchDate', '转入本支部日期不能晚于离开支部日期']],
    );
    expect(issues({ ...wangFang, joinedBranchDate: '2025-06-01', leftDate: '2025-06-01', leftReason: '调离' })).toEqual(
      [],
    );
    expect(issues({ ...wangFang, joinedBranchDate: '2025-6-1' })).toEqual([
      ['joinedBranchDate', '无法识别的日期“2025-6-1”，请按 2025-03-05 的格式填写'],
    ]);
  });

  it('a stored row from before the field still loads', () => {
    const at = '2025-01-05T02:00:00.000Z';
    const row = {
      ...wangFang,
      id: 'm1',
      branchId: 'b1',
      fullMemberDate: '',
      partyGroupId: '',
      post: '',
      phone: '',
      motto: '',
      leftReason: '',
      createdAt: at,
      updatedAt: at,
    };
    const parsed = memberSchema.parse(row);
    expect(parsed.joinedBranchDate).toBeUndefined();
  });
});
