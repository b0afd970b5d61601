// exceljs round trip: the template filled in like a user would (text, Date cells, numbers) parses into members; export reads back.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ROSTER_COLUMNS, parseRosterRows } from '../../../shared/roster';
import type { Member } from '../../../shared/schemas';
import {
  buildRosterExport,
  buildRosterTemplate,
  readRosterSheet,
  RosterFileError,
} from '../../../renderer/src/features/members/excel';

const groups = [
  { id: 'g1', name: '第一党小组', leaderName: '' },
  { id: 'g2', name: '第二党小组', leaderName: '' },
];
const context = { partyGroups: groups, existing: [] };

describe('roster Excel', () => {
  it('template → filled rows → parse gives the members, skipping the example row', async () => {
    const template = await buildRosterTemplate(groups.map((g) => g.name));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['党员名册', '填写说明']);
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(ROSTER_COLUMNS.map((c) => c.header));
    expect(sheet.getColumn(1).width).toBeGreaterThan(0);

    // A Date cell, an Excel serial number, text dates and a numeric phone, as people really fill sheets in.
    sheet.addRow([
      '李明',
      '男',
      new Date(Date.UTC(1990, 0, 2)),
      '2015.7.1',
      43000,
      '正式',
      '第二党小组',
      '',
      13800138000,
    ]);
    sheet.addRow(['赵丽', '女', '1992年3月4日', '2024-06-30', '', '预备', '', '', '']);
    sheet.addRow(['钱多', '男', '1980-01-01', '', '', '正式', '第九党小组']);
    const filled = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);

    const rows = await readRosterSheet(filled);
    const result = parseRosterRows(rows, context);
    expect(result.valid).toEqual([
      expect.objectContaining({
        name: '李明',
        birthDate: '1990-01-02',
        joinedDate: '2015-07-01',
        fullMemberDate: '2017-09-22',
        partyGroupId: 'g2',
        phone: '13800138000',
      }),
      expect.objectContaining({ name: '赵丽', birthDate: '1992-03-04', status: '预备', partyGroupId: '' }),
    ]);
    expect(result.errors).toEqual([
      {
        row: 5,
        name: '钱多',
        reasons: [
          '党小组“第九党小组”不存在，请先在“支部信息”中添加该党小组，或改为已有的党小组',
          '入党日期：请填写日期',
        ],
      },
    ]);
  });

  it('export has the same columns, so it reads back as the same people', async () => {
    const at = '2024-01-01T00:00:00.000Z';
    const base = { branchId: 'b', createdAt: at, updatedAt: at, post: '', phone: '', motto: '', leftReason: '' };
    const members: Member[] = [
      {
        ...base,
        id: '1',
        name: '王芳',
        gender: '女',
        birthDate: '1985-05-01',
        joinedDate: '2008-07-01',
        fullMemberDate: '2009-07-01',
        joinedBranchDate: '2016-03-01',
        status: '正式',
        partyGroupId: 'g1',
        motto: '为人民服务',
      },
      {
        ...base,
        id: '2',
        name: '李明',
        gender: '男',
        birthDate: '1990-01-02',
        joinedDate: '2024-06-30',
        status: '预备',
        partyGroupId: '',
      },
    ];
    const rows = await readRosterSheet(await buildRosterExport(members, groups));
    const result = parseRosterRows(rows, context);
    expect(result.errors).toEqual([]);
    expect(result.valid.map((m) => [m.name, m.partyGroupId, m.fullMemberDate, m.motto, m.joinedBranchDate])).toEqual([
      ['王芳', 'g1', '2009-07-01', '为人民服务', '2016-03-01'],
      ['李明', '', '', '', undefined],
    ]);
  });

  it('refuses bytes that are not an xlsx with a clear message', async () => {
    const notXlsx = new TextEncoder().encode('姓名,性别\n王芳,女\n');
    await expect(readRosterSheet(notXlsx)).rejects.toBeInstanceOf(RosterFileError);
    await expect(readRosterSheet(notXlsx)).rejects.toThrow('请选择 Excel 工作簿（.xlsx）');
  });
});
