// 换届选举 as the 支部概况 form applies it: 连任 keeps the row, 离任 gets 任职止, 新任 starts on the day, a move keeps
// the roster link; and what the dialog refuses or advises before applying it.
import { describe, expect, it } from 'vitest';
import {
  addableRoles,
  candidateProblem,
  applyElection,
  electionProblems,
  electionSummary,
  rosterNamesOn,
  rosterOptions,
  seatsOf,
  termEndFor,
  termYearsOf,
  type Seat,
} from '../../../renderer/src/features/branch/election';
import type { Member } from '../../../shared/schemas';

const committee = [
  { name: '张建国', role: '书记' as const, from: '2019-07-10', to: '2022-07-14' },
  { name: '罗雪', role: '书记' as const, from: '2022-07-15', memberId: 'luo' },
  { name: '胡桂兰', role: '副书记' as const, from: '2022-07-15', memberId: 'hu' },
  { name: '袁明哲', role: '组织委员' as const },
  { name: '蒋国栋', role: '宣传委员' as const, from: '2023-03-01' },
];

const seat = (key: string, role: Seat['role'], former: string, name: string): Seat => ({ key, role, former, name });

describe('seatsOf', () => {
  it('offers every post held now for its holder (连任) and the usual posts nobody holds, in the order of the posts', () => {
    expect(seatsOf(committee).map((s) => [s.role, s.former, s.name])).toEqual([
      ['书记', '罗雪', '罗雪'],
      ['副书记', '胡桂兰', '胡桂兰'],
      ['组织委员', '袁明哲', '袁明哲'],
      ['宣传委员', '蒋国栋', '蒋国栋'],
      ['纪检委员', '', ''],
    ]);
  });

  it('keys are distinct, so two 委员 are two seats', () => {
    const seats = seatsOf([...committee, { name: '王五', role: '委员' }, { name: '赵六', role: '委员' }]);
    expect(new Set(seats.map((s) => s.key)).size).toBe(seats.length);
    expect(seats.filter((s) => s.role === '委员').map((s) => s.name)).toEqual(['王五', '赵六']);
  });
});

describe('applyElection', () => {
  it('keeps the re-elected, ends the rest on the day, adds the new, and a move keeps its roster link', () => {
    const seats = [
      seat('a', '书记', '罗雪', '胡桂兰'),
      seat('b', '副书记', '胡桂兰', ''),
      seat('c', '组织委员', '袁明哲', '袁明哲'),
      seat('d', '宣传委员', '蒋国栋', '王玲'),
      seat('e', '纪检委员', '', '许庆丰'),
    ];
    expect(applyElection(committee, '2025-07-15', seats)).toEqual([
      committee[0],
      { ...committee[1], to: '2025-07-15' },
      { ...committee[2], to: '2025-07-15' },
      committee[3],
      { ...committee[4], to: '2025-07-15' },
      { name: '胡桂兰', role: '书记', from: '2025-07-15', memberId: 'hu' },
      { name: '王玲', role: '宣传委员', from: '2025-07-15' },
      { name: '许庆丰', role: '纪检委员', from: '2025-07-15' },
    ]);
  });

  it('with every seat as proposed, changes nothing', () => {
    expect(applyElection(committee, '2025-07-15', seatsOf(committee))).toEqual(committee);
  });

  it('reads names as the roster does: 「胡 桂兰」 is 胡桂兰 and is re-elected, not handed her own post', () => {
    const seats = seatsOf(committee).map((s) => (s.role === '副书记' ? { ...s, name: '胡 桂兰' } : s));
    expect(applyElection(committee, '2025-07-15', seats)).toEqual(committee);
  });
});

describe('electionSummary', () => {
  it('tells the re-elected, who moves post, who leaves and who is new', () => {
    const seats = [
      seat('a', '书记', '罗雪', '胡桂兰'),
      seat('b', '副书记', '胡桂兰', ''),
      seat('c', '组织委员', '袁明哲', '袁明哲'),
      seat('d', '宣传委员', '蒋国栋', '王玲'),
      seat('e', '纪检委员', '', '罗雪'),
    ];
    expect(electionSummary(committee, seats)).toEqual({
      staying: ['袁明哲（组织委员）'],
      moving: ['罗雪（书记→纪检委员）', '胡桂兰（副书记→书记）'],
      leaving: ['蒋国栋（宣传委员）'],
      joining: ['王玲（宣传委员）'],
      vacant: ['副书记'],
    });
  });
});

describe('the new term', () => {
  it('ends the day before the same date 3 or 5 years on; a 29 February start ends on 28 February', () => {
    expect(termEndFor('2025-07-15', 3)).toBe('2028-07-14');
    expect(termEndFor('2025-07-15', 5)).toBe('2030-07-14');
    expect(termEndFor('2024-02-29', 3)).toBe('2027-02-28');
    expect(termEndFor('2025-01-01', 5)).toBe('2029-12-31');
  });

  it('is as long as the term now, 3 years when that is unknown or neither', () => {
    expect(termYearsOf('2023-06-18', '2028-06-17')).toBe(5);
    expect(termYearsOf('2022-07-15', '2025-07-14')).toBe(3);
    expect(termYearsOf(undefined, '2025-07-14')).toBe(3);
    expect(termYearsOf('2022-07-15', '2026-07-14')).toBe(3);
  });
});

function member(name: string, extra: Partial<Member> = {}): Member {
  return {
    id: `m-${name}`,
    branchId: 'b',
    name,
    gender: '女',
    birthDate: '1980-01-01',
    joinedDate: '2005-07-01',
    status: '正式',
    partyGroupId: '',
    post: '',
    phone: '',
    motto: '',
    leftReason: '',
    createdAt: '2020-01-01T00:00:00.000Z',
    updatedAt: '2020-01-01T00:00:00.000Z',
    ...extra,
  } as Member;
}

describe('electionProblems', () => {
  const roster = [
    member('罗雪'),
    member('胡桂兰'),
    member('袁明哲'),
    member('蒋国栋'),
    member('王玲', { status: '预备', joinedDate: '2025-03-01' }),
    member('苏明', { leftDate: '2025-06-30', leftReason: '组织关系转出' }),
    member('许庆丰', { joinedDate: '2024-01-01', fullMemberDate: '2025-01-01', status: '正式' }),
  ];

  it('asks for the date, and refuses one before the 任职起 of someone it ends', () => {
    expect(electionProblems(committee, undefined, seatsOf(committee), roster).date).toBe('请填写换届日期');
    expect(electionProblems(committee, '2025-13-01', seatsOf(committee), roster).date).toBeTruthy();
    const seats = seatsOf(committee).map((s) => (s.role === '宣传委员' ? { ...s, name: '王玲' } : s));
    expect(electionProblems(committee, '2023-01-01', seats, roster).date).toBe(
      '换届日期不能早于蒋国栋的任职起（2023-03-01）',
    );
    // Re-elected, 蒋国栋's row is not ended: the same day is no problem.
    expect(electionProblems(committee, '2023-01-01', seatsOf(committee), roster).date).toBeUndefined();
  });

  it('refuses a 预备党员, one who had left, and the 书记 as 副书记; advises on a name not on the roster and on 兼任', () => {
    const seats = [
      seat('a', '书记', '罗雪', '罗雪'),
      seat('b', '副书记', '胡桂兰', '罗雪'),
      seat('c', '组织委员', '袁明哲', '苏明'),
      seat('d', '宣传委员', '蒋国栋', '王玲'),
      seat('e', '纪检委员', '', '许庆丰'),
      seat('f', '委员', '', '李不在'),
      seat('g', '青年委员', '', '许庆丰'),
    ];
    const { notes, seats: refused, date } = electionProblems(committee, '2025-07-15', seats, roster);
    expect(date).toBeUndefined();
    expect(refused).toEqual({
      b: '已当选书记，书记和副书记不能由一人兼任',
      c: '已于2025-06-30离开本支部，不能任职',
      d: '2025-07-15为预备党员，没有被选举权',
    });
    expect(notes).toEqual({
      f: '党员名册中没有此人，请核对姓名',
      g: '同时当选纪检委员，将记为兼任',
    });
  });

  it('refuses an election on or before the start of the 本届 now: a typo of the year', () => {
    expect(electionProblems(committee, '2018-07-15', seatsOf(committee), roster, '2023-06-18').date).toBe(
      '换届日期须晚于本届开始日期（2023-06-18），请核对年份',
    );
    expect(electionProblems(committee, '2025-07-15', seatsOf(committee), roster, '2023-06-18').date).toBeUndefined();
  });

  it('says who joins before the day they came is not yet on the roll', () => {
    const late = [...roster, member('新来', { joinedDate: '2024-01-01', joinedBranchDate: '2025-09-01' })];
    expect(candidateProblem('新来', '2025-07-15', late)).toEqual({
      error: '2025-07-15尚未在本支部党员名册中，不能任职',
    });
    expect(candidateProblem('新来', '2025-09-01', late)).toEqual({});
    expect(candidateProblem('新来', undefined, late)).toEqual({});
    expect(candidateProblem('谁', '2025-07-15', [])).toEqual({});
  });

  it('gives no roster advice to a branch without a roster, refuses a name over 20 characters, and notes a missing 书记', () => {
    const seats = [
      seat('a', '书记', '罗雪', ''),
      seat('b', '委员', '', '某'.repeat(21)),
      seat('c', '委员', '', '李四'),
    ];
    const problems = electionProblems(committee, '2025-07-15', seats, []);
    expect(problems.seats).toEqual({ b: '姓名不能超过 20 个字' });
    expect(problems.notes).toEqual({});
    expect(problems.general).toEqual(['未填写书记：书记暂缺的，选出后请在支委会成员中添加，任职起填选出的日期。']);
  });
});

describe('addableRoles', () => {
  it('offers 委员 always and another post only while no seat has it', () => {
    const roles = addableRoles(seatsOf(committee));
    expect(roles).toContain('委员');
    expect(roles).toContain('青年委员');
    expect(roles).not.toContain('书记');
    expect(roles).not.toContain('纪检委员');
  });
});

describe('rosterNamesOn', () => {
  it('lists those on the roll on the day, each name once, in name order; everyone still on it without a day', () => {
    const roster = [
      member('赵敏'),
      member('王芳', { joinedDate: '2025-08-01' }),
      member('李四', { leftDate: '2025-06-30', leftReason: '转出' }),
      member('艾米'),
      { ...member('赵 敏'), id: 'm-zhao-2' },
    ];
    expect(rosterNamesOn(roster, '2025-07-15')).toEqual(['艾米', '赵敏']);
    expect(rosterNamesOn(roster, undefined)).toEqual(['艾米', '王芳', '赵敏']);
  });
});

describe('rosterOptions', () => {
  it('marks a 预备党员 of the day, and no longer once they are 正式', () => {
    const roster = [
      member('梁飞', { status: '正式', joinedDate: '2024-09-01', fullMemberDate: '2025-09-01' }),
      member('艾米'),
    ];
    expect(rosterOptions(roster, '2025-07-15')).toEqual([
      { value: '艾米', label: '艾米' },
      { value: '梁飞', label: '梁飞（预备党员）' },
    ]);
    expect(rosterOptions(roster, '2025-10-01').map((o) => o.label)).toEqual(['艾米', '梁飞']);
  });
});
