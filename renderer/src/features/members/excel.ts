// 党员名册 as .xlsx with exceljs: the import template, reading a filled sheet into cell texts, and the roster export.
import type { Cell, Workbook, Worksheet } from 'exceljs';
import type { Member, PartyGroup } from '../../../../shared/schemas';
import { EXAMPLE_MARK, ROSTER_COLUMNS, type RosterColumnKey } from '../../../../shared/roster';

export const XLSX_FILTER = { name: 'Excel 工作簿', extensions: ['xlsx'] };

/** Thrown when the bytes are not a readable .xlsx workbook; its message is shown to the user as it is. */
export class RosterFileError extends Error {
  override readonly name = 'RosterFileError';
}

// exceljs is large: loaded on first use so that the app starts without it.
async function newWorkbook(): Promise<Workbook> {
  const { default: ExcelJS } = await import('exceljs');
  return new ExcelJS.Workbook();
}

function writeHeader(sheet: Worksheet): void {
  sheet.columns = ROSTER_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center' };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4E4' } };
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  // Dates, phone numbers and group names are kept as text so that Excel neither reformats nor drops leading zeros.
  for (const column of sheet.columns) column.numFmt = '@';
}

async function toBytes(workbook: Workbook): Promise<Uint8Array<ArrayBuffer>> {
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** The import template: header row, one example row (skipped on import) and a 「填写说明」 sheet. */
export async function buildRosterTemplate(partyGroupNames: readonly string[]): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = await newWorkbook();
  const sheet = workbook.addWorksheet('党员名册');
  writeHeader(sheet);
  const example: Record<RosterColumnKey, string> = {
    name: `${EXAMPLE_MARK}张三`,
    gender: '男',
    birthDate: '1985-05-01',
    joinedDate: '2008-07-01',
    fullMemberDate: '2009-07-01',
    joinedBranchDate: '',
    status: '正式',
    partyGroup: partyGroupNames[0] ?? '',
    post: '科长',
    phone: '010-12345678',
    motto: '不忘初心，牢记使命',
  };
  sheet.addRow(example).font = { italic: true, color: { argb: 'FF888888' } };

  const notes = workbook.addWorksheet('填写说明');
  notes.columns = [
    { header: '列名', key: 'header', width: 12 },
    { header: '填写要求', key: 'hint', width: 90 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const c of ROSTER_COLUMNS) notes.addRow({ header: c.header, hint: c.hint });
  notes.addRow({});
  for (const line of [
    `第 2 行是示例，姓名以“${EXAMPLE_MARK}”开头的行导入时会被忽略，可以删除。`,
    '每位党员填一行；只读取第一张工作表，表头必须保留。',
    '姓名和出生日期都相同的，视为同一人：与名册中已有党员或表中前面的行重复的，不会导入。',
    partyGroupNames.length > 0
      ? `本支部的党小组：${partyGroupNames.join('、')}。`
      : '本支部尚未设置党小组，“党小组”一列请留空。',
    '导入前会逐行检查并列出有问题的行和原因，确认后才写入名册；有问题的行不会导入，改正后可再次导入。',
  ]) {
    notes.addRow({ header: '', hint: line });
  }
  return toBytes(workbook);
}

/** The text a cell shows, whatever exceljs made of it; date cells become YYYY-MM-DD. */
function cellText(cell: Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  // exceljs reads Excel dates as UTC midnight of the calendar day, so UTC fields give the day written.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) {
      const result = value.result;
      if (result instanceof Date) return result.toISOString().slice(0, 10);
      return result === undefined || typeof result === 'object' ? '' : String(result);
    }
    if ('error' in value) return '';
  }
  return String(value);
}

/**
 * The first worksheet as rows of cell texts, rows[0] being spreadsheet row 1 (blank rows kept, so that row
 * numbers in the import report match what Excel shows).
 */
export async function readRosterSheet(bytes: Uint8Array): Promise<string[][]> {
  const workbook = await newWorkbook();
  try {
    // A copy: exceljs may keep a view on the buffer, and the caller's bytes may be a view of a larger one.
    await workbook.xlsx.load(bytes.slice().buffer);
  } catch {
    throw new RosterFileError(
      '无法读取该文件：请选择 Excel 工作簿（.xlsx）。旧版 .xls 或 WPS 格式请先“另存为” .xlsx 再导入。',
    );
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new RosterFileError('该 Excel 文件中没有工作表');
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
      cells[colNumber - 1] = cellText(cell);
    });
    rows[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
  });
  return Array.from(rows, (r) => r ?? []);
}

/** The roster as .xlsx with the template's columns; members who left get their date and reason in two more columns. */
export async function buildRosterExport(
  members: readonly Member[],
  partyGroups: readonly PartyGroup[],
): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = await newWorkbook();
  const sheet = workbook.addWorksheet('党员名册');
  writeHeader(sheet);
  const withLeft = members.some((m) => m.leftDate);
  if (withLeft) {
    sheet.getColumn(ROSTER_COLUMNS.length + 1).width = 14;
    sheet.getColumn(ROSTER_COLUMNS.length + 2).width = 24;
    sheet.getRow(1).getCell(ROSTER_COLUMNS.length + 1).value = '离开日期';
    sheet.getRow(1).getCell(ROSTER_COLUMNS.length + 2).value = '离开原因';
  }
  const groupName = new Map(partyGroups.map((g) => [g.id, g.name]));
  for (const m of members) {
    const values: Record<RosterColumnKey, string> = {
      name: m.name,
      gender: m.gender,
      birthDate: m.birthDate,
      joinedDate: m.joinedDate,
      fullMemberDate: m.fullMemberDate ?? '',
      joinedBranchDate: m.joinedBranchDate ?? '',
      status: m.status,
      partyGroup: groupName.get(m.partyGroupId) ?? '',
      post: m.post,
      phone: m.phone,
      motto: m.motto,
    };
    const row = sheet.addRow(values);
    if (withLeft) {
      row.getCell(ROSTER_COLUMNS.length + 1).value = m.leftDate ?? '';
      row.getCell(ROSTER_COLUMNS.length + 2).value = m.leftReason;
    }
  }
  return toBytes(workbook);
}
