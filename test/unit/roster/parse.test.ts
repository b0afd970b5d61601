// parseRosterRows: good rows, each kind of bad row with its exact Chinese reason, repaired dates and 第N行 numbering.
import { describe, expect, it } from 'vitest';
import { EXAMPLE_MARK, ROSTER_COLUMNS, parseRosterRows, type RosterContext } from '../../../shared/roster';

const HEADER = ROSTER_COLUMNS.map((c) => c.header);
const context: RosterContext = {
  partyGroups: [
    { id: 'g1', name: '第一党小组' },
    { id: 'g2', name: '第二党小组' },
  ],
  existing: [{ name: '老党员', birthDate: '1960-01-01' }],
};

/** A good row in template column order; fields overridden by header name. */
function row(overrides: Partial<Record<string, string>> = {}): string[] {
  const base: Record<string, string> = {
    姓名: '王芳',
    性别: '女',
    出生日期: '1985-05-01',
    入党日期: '2008-07-01',
    转正日期: '2009-07-01',
    类别: '正式',
    党小组: '第一党小组',
    职务: '科长',
    电话: '010-12345678',
    格言: '为人民服务',
  };
  const merged = { ...base, ...overrides };
  return HEADER.map((h) => merged[h] ?? '');
}

describe('parseRosterRows', () => {
  it('reads a good row into a member input with the party group id', () => {
    const result = parseRosterRows([HEADER, row()], context);
    expect(result.errors).toEqual([]);
    expect(result.valid).toEqual([
      {
        name: '王芳',
        gender: '女',
        birthDate: '1985-05-01',
        joinedDate: '2008-07-01',
        fullMemberDate: '2009-07-01',
        status: '正式',
        partyGroupId: 'g1',
        post: '科长',
        phone: '010-12345678',
        motto: '为人民服务',
        leftReason: '',
      },
    ]);
  });

  it('reads 转入本支部日期 of a member who transferred in, and refuses one before 入党日期', () => {
    const result = parseRosterRows(
      [HEADER, row({ 转入本支部日期: '2016.3.1' }), row({ 姓名: '李强', 转入本支部日期: '2001-01-01' })],
      context,
    );
    expect(result.valid.map((m) => [m.name, m.joinedBranchDate])).toEqual([['王芳', '2016-03-01']]);
    expect(result.errors).toEqual([{ row: 3, name: '李强', reasons: ['转入本支部日期不能早于入党日期'] }]);
  });

  it('finds 转入本支部日期 under the other names people give it', () => {
    const header = HEADER.map((h) => (h === '转入本支部日期' ? '组织关系转入日期' : h));
    const result = parseRosterRows([header, row({ 转入本支部日期: '2016-03-01' })], context);
    expect(result.valid[0]!.joinedBranchDate).toBe('2016-03-01');
  });

  it.each([
    ['2020.7.1', '2020-07-01'],
    ['2020-07-01', '2020-07-01'],
    ['2020/7/1', '2020-07-01'],
    ['2020年7月1日', '2020-07-01'],
    [' 2020 年 7 月 1 日 ', '2020-07-01'],
    ['20200701', '2020-07-01'],
    ['44013', '2020-07-01'], // an Excel date serial whose cell lost its date format
  ])('repairs the date %j to %s', (written, stored) => {
    const result = parseRosterRows([HEADER, row({ 入党日期: written, 转正日期: '' })], context);
    expect(result.errors).toEqual([]);
    expect(result.valid[0]?.joinedDate).toBe(stored);
  });

  it.each([
    ['missing 姓名', { 姓名: '' }, ['请填写姓名']],
    ['bad 性别', { 性别: '未知' }, ['请选择性别']],
    ['missing 出生日期', { 出生日期: '' }, ['出生日期：请填写日期']],
    ['missing 入党日期', { 入党日期: '' }, ['入党日期：请填写日期']],
    ['unreadable 入党日期', { 入党日期: '2008年' }, ['入党日期“2008年”不是可识别的日期，请写成 2020-07-01 这样的格式']],
    [
      'impossible 出生日期',
      { 出生日期: '1985.2.30' },
      ['出生日期“1985.2.30”不是可识别的日期，请写成 2020-07-01 这样的格式'],
    ],
    ['入党 before birth', { 出生日期: '2010-01-01' }, ['入党日期必须晚于出生日期']],
    ['转正 before 入党', { 转正日期: '2008-01-01' }, ['转正日期不能早于入党日期']],
    ['bad 类别', { 类别: '群众' }, ['请选择党员类别']],
    [
      'unknown 党小组',
      { 党小组: '第九党小组' },
      ['党小组“第九党小组”不存在，请先在“支部信息”中添加该党小组，或改为已有的党小组'],
    ],
    ['bad 电话', { 电话: '打办公室' }, ['电话号码只能包含数字、空格、+ 和 -']],
    [
      'existing member',
      { 姓名: '老党员', 出生日期: '1960-01-01', 入党日期: '1985-07-01' },
      ['已有同名且出生日期相同的党员“老党员”'],
    ],
  ] as const)('rejects a row with %s, with the exact reason', (_what, overrides, reasons) => {
    const result = parseRosterRows([HEADER, row(overrides)], context);
    expect(result.valid).toEqual([]);
    expect(result.errors).toEqual([{ row: 2, name: overrides['姓名' as keyof typeof overrides] ?? '王芳', reasons }]);
  });

  it('lists every problem of a row, not only the first', () => {
    const result = parseRosterRows([HEADER, row({ 性别: '', 入党日期: '', 党小组: '无' })], context);
    expect(result.errors[0]?.reasons).toEqual([
      '党小组“无”不存在，请先在“支部信息”中添加该党小组，或改为已有的党小组',
      '请选择性别',
      '入党日期：请填写日期',
    ]);
  });

  it('numbers rows as Excel does (header is row 1, title rows and blank rows count) and skips blank and example rows', () => {
    const rows = [
      ['第一党支部党员名册'],
      [],
      HEADER,
      row({ 姓名: `${EXAMPLE_MARK}张三` }),
      row({ 姓名: '甲' }),
      [],
      row({ 姓名: '乙', 入党日期: '' }),
      HEADER.map(() => '  '),
      row({ 姓名: '丙', 性别: '男性', 类别: '预备党员', 转正日期: '' }),
    ];
    const result = parseRosterRows(rows, context);
    expect(result.valid.map((m) => [m.name, m.gender, m.status])).toEqual([
      ['甲', '女', '正式'],
      ['丙', '男', '预备'],
    ]);
    expect(result.errors).toEqual([{ row: 7, name: '乙', reasons: ['入党日期：请填写日期'] }]);
  });

  it('flags the later of two rows with the same name and birth date', () => {
    const result = parseRosterRows([HEADER, row(), row({ 职务: '副科长' }), row({ 出生日期: '1986-05-01' })], context);
    expect(result.valid.map((m) => m.birthDate)).toEqual(['1985-05-01', '1986-05-01']);
    expect(result.errors).toEqual([{ row: 3, name: '王芳', reasons: ['与第2行重复（姓名和出生日期相同）'] }]);
  });

  it('stores a name padded for alignment without its spaces, and says so in the preview', () => {
    const result = parseRosterRows(
      [
        HEADER,
        row({ 姓名: '王  芳' }),
        row({ 姓名: '赵\u3000四', 出生日期: '1980-02-02', 入党日期: '2003-07-01', 转正日期: '' }),
        row({ 姓名: '阿依古丽.买买提', 出生日期: '1988-08-08', 入党日期: '2010-07-01', 转正日期: '' }),
        row({ 姓名: 'Li  Na', 出生日期: '1990-01-01', 入党日期: '2015-07-01', 转正日期: '' }),
        row({ 姓名: '张三', 出生日期: '1970-01-01', 入党日期: '1995-07-01', 转正日期: '' }),
      ],
      context,
    );
    expect(result.errors).toEqual([]);
    expect(result.valid.map((m) => m.name)).toEqual(['王芳', '赵四', '阿依古丽·买买提', 'Li Na', '张三']);
    expect(result.notes).toEqual([
      { row: 2, message: '姓名“王  芳”含空格，已去除，将导入为“王芳”' },
      { row: 3, message: '姓名“赵\u3000四”含空格，已去除，将导入为“赵四”' },
      { row: 4, message: '姓名“阿依古丽.买买提”间隔号已统一为“·”，将导入为“阿依古丽·买买提”' },
      { row: 5, message: '姓名“Li  Na”连续空格已合并为一个，将导入为“Li Na”' },
    ]);
  });

  it('takes a padded or differently dotted name as the same person, in the file and on the roster', () => {
    const roster: RosterContext = {
      ...context,
      existing: [
        { name: '王\u3000\u3000芳', birthDate: '1977-01-10' },
        { name: '阿依古丽·买买提', birthDate: '1988-08-08' },
      ],
    };
    const result = parseRosterRows(
      [
        HEADER,
        row({ 姓名: '王芳', 出生日期: '1977-01-10', 入党日期: '2000-07-01', 转正日期: '' }),
        row({ 姓名: '阿依古丽•买买提', 出生日期: '1988-08-08', 入党日期: '2010-07-01', 转正日期: '' }),
        row({ 姓名: '李 娜', 出生日期: '1985-05-01' }),
        row({ 姓名: '李娜', 出生日期: '1985-05-01' }),
      ],
      roster,
    );
    expect(result.valid.map((m) => m.name)).toEqual(['李娜']);
    expect(result.errors).toEqual([
      { row: 2, name: '王芳', reasons: ['已有同名且出生日期相同的党员“王\u3000\u3000芳”'] },
      { row: 3, name: '阿依古丽•买买提', reasons: ['已有同名且出生日期相同的党员“阿依古丽·买买提”'] },
      { row: 5, name: '李娜', reasons: ['与第4行重复（姓名和出生日期相同）'] },
    ]);
  });

  it('finds columns by header name in any order, with marks and aliases, and leaves absent optional columns empty', () => {
    const rows = [
      ['* 姓名', '党员类别', '出生年月', '入党时间（必填）', '性别', '联系电话'],
      ['李四', '预备党员', '1990.1.2', '2024.6.30', '男', '13800138000'],
    ];
    const result = parseRosterRows(rows, context);
    expect(result.errors).toEqual([]);
    expect(result.valid[0]).toMatchObject({
      name: '李四',
      status: '预备',
      birthDate: '1990-01-02',
      joinedDate: '2024-06-30',
      gender: '男',
      phone: '13800138000',
      partyGroupId: '',
      post: '',
    });
  });

  it.each([
    ['an empty sheet', [], '没有找到表头'],
    [
      'a sheet of something else',
      [
        ['序号', '金额'],
        ['1', '200'],
      ],
      '没有找到表头',
    ],
    [
      'a header missing required columns',
      [['姓名', '性别', '电话']],
      '第1行的表头缺少“出生日期”、“入党日期”、“类别”列',
    ],
  ])('refuses %s with a clear file error', (_what, rows, message) => {
    const result = parseRosterRows(rows, context);
    expect(result.fileError).toContain(message);
    expect(result.valid).toEqual([]);
    expect(result.errors).toEqual([]);
  });
});
