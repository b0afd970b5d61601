// Who held which 支委会 post during a period: a mid-year change of 书记 lists both, each with their 任职起止, in the
// order 书记, 副书记, then the others as stored; the cover's line says who served when.
import { describe, expect, it } from 'vitest';
import {
  committeeDuring,
  committeeOn,
  secretariesDuring,
  secretariesLine,
  servesDuring,
  tenureNote,
  tenureText,
  tenuresClash,
} from '../../../shared/branch/committee';
import { branchSchema, committeeMemberSchema, type CommitteeMember } from '../../../shared/schemas/entities';

// 2025年7月15日换届: 罗雪 hands the post to 胡桂兰 and stays on as 副书记; 蒋国栋 left the committee in 2024.
const committee: CommitteeMember[] = [
  { name: '袁明哲', role: '组织委员' },
  { name: '胡桂兰', role: '书记', from: '2025-07-15' },
  { name: '罗雪', role: '副书记', from: '2025-07-15' },
  { name: '蒋国栋', role: '宣传委员', to: '2024-06-30' },
  { name: '罗雪', role: '书记', from: '2022-03-01', to: '2025-07-15' },
  { name: '唐娜', role: '纪检委员' },
  { name: '孙伟', role: '副书记', to: '2025-07-15' },
];
const names = (rows: readonly CommitteeMember[]) => rows.map((m) => `${m.role} ${m.name}`);

describe('committeeDuring', () => {
  it('lists everyone in office at some time in the period, 书记 then 副书记 by tenure, then the others as stored', () => {
    expect(names(committeeDuring(committee, '2025-01-01', '2025-12-31'))).toEqual([
      '书记 罗雪',
      '书记 胡桂兰',
      '副书记 孙伟',
      '副书记 罗雪',
      '组织委员 袁明哲',
      '纪检委员 唐娜',
    ]);
  });

  it('prints the holders of one post together, earlier first, wherever the form put the later one', () => {
    const elected: CommitteeMember[] = [
      { name: '罗雪', role: '书记', from: '2022-07-15' },
      { name: '袁明哲', role: '组织委员', to: '2025-07-15' },
      { name: '蒋国栋', role: '宣传委员' },
      { name: '许庆丰', role: '纪检委员' },
      { name: '王五', role: '委员' },
      { name: '苏明', role: '组织委员', from: '2025-07-15' },
      { name: '赵六', role: '委员' },
    ];
    expect(names(committeeDuring(elected, '2025-01-01', '2025-12-31'))).toEqual([
      '书记 罗雪',
      '组织委员 袁明哲',
      '组织委员 苏明',
      '宣传委员 蒋国栋',
      '纪检委员 许庆丰',
      '委员 王五',
      '委员 赵六',
    ]);
  });

  it('keeps each member as stored, dates included', () => {
    const [first] = committeeDuring(committee, '2025-01-01', '2025-12-31');
    expect(first).toEqual({ name: '罗雪', role: '书记', from: '2022-03-01', to: '2025-07-15' });
  });

  it('leaves out whoever left before the period or came after it; undated members are always there', () => {
    expect(names(committeeDuring(committee, '2024-01-01', '2024-12-31'))).toEqual([
      '书记 罗雪',
      '副书记 孙伟',
      '组织委员 袁明哲',
      '宣传委员 蒋国栋',
      '纪检委员 唐娜',
    ]);
    expect(names(committeeDuring(committee, '2026-01-01', '2026-12-31'))).toEqual([
      '书记 胡桂兰',
      '副书记 罗雪',
      '组织委员 袁明哲',
      '纪检委员 唐娜',
    ]);
  });

  it('counts the first and last day in office as in the period', () => {
    expect(names(committeeDuring(committee, '2024-06-30', '2024-06-30'))).toContain('宣传委员 蒋国栋');
    expect(names(committeeDuring(committee, '2024-07-01', '2024-07-01'))).not.toContain('宣传委员 蒋国栋');
    expect(names(committeeOn(committee, '2025-07-15'))).toEqual([
      '书记 罗雪',
      '书记 胡桂兰',
      '副书记 孙伟',
      '副书记 罗雪',
      '组织委员 袁明哲',
      '纪检委员 唐娜',
    ]);
    expect(names(committeeOn(committee, '2025-07-16')).slice(0, 2)).toEqual(['书记 胡桂兰', '副书记 罗雪']);
  });

  it('stored rows without any dates (every branch before 任职起止) read as the committee of every period', () => {
    const old: CommitteeMember[] = [
      { name: '李四', role: '组织委员' },
      { name: '张三', role: '书记' },
    ];
    expect(names(committeeDuring(old, '2019-01-01', '2019-12-31'))).toEqual(['书记 张三', '组织委员 李四']);
    // '' is how the form stores a cleared date: the same as none.
    expect(servesDuring({ from: '', to: '' }, '2019-01-01', '2019-12-31')).toBe(true);
  });
});

describe('secretariesDuring and the cover line', () => {
  it('names both 书记 of a year with a change, earlier first, each with when', () => {
    expect(secretariesDuring(committee, '2025-01-01', '2025-12-31').map((m) => m.name)).toEqual(['罗雪', '胡桂兰']);
    expect(secretariesLine(committee, '2025-01-01', '2025-12-31')).toBe('罗雪（至7月15日）、胡桂兰（7月15日起）');
  });

  it('names the one 书记 of a year without a change plainly', () => {
    expect(secretariesLine(committee, '2024-01-01', '2024-12-31')).toBe('罗雪');
    expect(secretariesLine(committee, '2026-01-01', '2026-12-31')).toBe('胡桂兰');
    expect(secretariesLine([{ name: '袁明哲', role: '组织委员' }], '2026-01-01', '2026-12-31')).toBe('');
  });

  it('says when a tenure began and ended inside the period, to the day, with the year when the period spans two', () => {
    expect(tenureNote({ from: '2025-03-10', to: '2025-07-15' }, '2025-01-01', '2025-12-31')).toBe('3月10日至7月15日');
    expect(tenureNote({ from: '2025-03-10' }, '2024-07-01', '2025-06-30')).toBe('2025年3月10日起');
    expect(tenureNote({ from: '2025-01-01', to: '2025-12-31' }, '2025-01-01', '2025-12-31')).toBe('');
    expect(tenureNote({}, '2025-01-01', '2025-12-31')).toBe('');
    expect(tenureText({ from: '2022-03-01', to: '2025-07-15' })).toBe('2022-03-01 至 2025-07-15');
    expect(tenureText({ from: '2025-07-15', to: '' })).toBe('2025-07-15 起');
    expect(tenureText({ to: '2024-06-30' })).toBe('至 2024-06-30');
    expect(tenureText({})).toBe('');
  });
});

describe('tenuresClash', () => {
  it('lets one holder hand over to the next on a day, and refuses any longer overlap', () => {
    expect(tenuresClash({ to: '2025-07-15' }, { from: '2025-07-15' })).toBe(false);
    expect(tenuresClash({ to: '2025-07-15' }, { from: '2025-07-16' })).toBe(false);
    expect(tenuresClash({ from: '2025-07-16' }, { to: '2025-07-15' })).toBe(false);
    expect(tenuresClash({ to: '2025-07-16' }, { from: '2025-07-15' })).toBe(true);
    expect(tenuresClash({}, {})).toBe(true);
    expect(tenuresClash({ to: '2025-07-15' }, {})).toBe(true);
    expect(tenuresClash({ from: '', to: '' }, { from: '2025-07-15' })).toBe(true);
  });
});

describe('committee member schema', () => {
  it('keeps loading rows without 任职起止, and keeps the dates of rows with them', () => {
    expect(committeeMemberSchema.parse({ name: '张三', role: '书记' })).toEqual({ name: '张三', role: '书记' });
    expect(committeeMemberSchema.parse({ name: '罗雪', role: '书记', from: '2022-03-01', to: '2025-07-15' })).toEqual({
      name: '罗雪',
      role: '书记',
      from: '2022-03-01',
      to: '2025-07-15',
    });
    const at = '2025-01-01T00:00:00.000Z';
    const stored = {
      id: 'b1',
      name: '甲支部',
      parentOrg: '',
      termStart: '2024-01-01',
      termEnd: '2027-01-01',
      committee: [{ name: '张三', role: '书记' }],
      partyGroups: [],
      unitSpirit: '',
      deptPhilosophy: '',
      createdAt: at,
      updatedAt: at,
    };
    expect(branchSchema.parse(stored)).toEqual(stored);
  });

  it('refuses an end before the start, in Chinese, on 任职止, together with the row’s other problems', () => {
    const result = committeeMemberSchema.safeParse({ name: '', role: '书记', from: '2025-07-15', to: '2025-07-01' });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['name', '请填写委员姓名'],
      ['to', '任职止不能早于任职起'],
    ]);
    expect(
      committeeMemberSchema.safeParse({ name: '罗雪', role: '书记', from: '2025-07-15', to: '2025-07-15' }).success,
    ).toBe(true);
  });
});
