// Reads the rows of a 党员名册 sheet into member inputs: repairs what it can, and lists every bad row with its reasons.
import { z } from 'zod';
import { personNameKey, tidyPersonName } from '../names';
import { memberInputSchema, type MemberInput } from '../schemas/entities';
import { EXAMPLE_MARK, ROSTER_COLUMNS, type RosterColumnKey } from './columns';
import { repairDate } from './dates';

/** What the parser must know about the branch the roster goes into. */
export interface RosterContext {
  partyGroups: readonly { id: string; name: string }[];
  /** Members already on the branch's roster (including those who left): a person is their name and birth date. */
  existing: readonly { name: string; birthDate: string }[];
}

export interface RosterRowError {
  /** The spreadsheet row number as Excel shows it (the header row counts). */
  row: number;
  name: string;
  reasons: string[];
}

/** A repair made to a valid row, shown in the import preview so the secretary knows what will be stored. */
export interface RosterRowNote {
  row: number;
  message: string;
}

export interface RosterParseResult {
  valid: MemberInput[];
  errors: RosterRowError[];
  /** Names tidied on the way in (「王  芳」 → 「王芳」), for the rows that will be imported. */
  notes: RosterRowNote[];
  /** Set when the sheet as a whole cannot be read (no recognisable header); valid and errors are then empty. */
  fileError?: string;
}

/** How far down the first sheet a title block may push the header row. */
const HEADER_SEARCH_ROWS = 10;

/** Header text without spaces, required-marks and notes in brackets: 「* 出生日期（必填）」 → 「出生日期」. */
function normaliseHeader(text: string): string {
  return text.replace(/[\s*＊]/g, '').replace(/[（(][^）)]*[）)]/g, '');
}

const HEADER_KEYS = new Map<string, RosterColumnKey>(
  ROSTER_COLUMNS.flatMap((c) => [c.header, ...c.aliases].map((h) => [h, c.key] as const)),
);

const LABELS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(ROSTER_COLUMNS.map((c) => [c.key, c.header])),
  partyGroupId: '党小组',
};

type HeaderMap = Partial<Record<RosterColumnKey, number>>;

function findHeader(rows: readonly (readonly string[])[]): { index: number; columns: HeaderMap } | string {
  for (let index = 0; index < Math.min(rows.length, HEADER_SEARCH_ROWS); index++) {
    const columns: HeaderMap = {};
    (rows[index] ?? []).forEach((cell, col) => {
      const key = HEADER_KEYS.get(normaliseHeader(cell ?? ''));
      if (key && columns[key] === undefined) columns[key] = col;
    });
    if (columns.name === undefined) continue;
    const missing = ROSTER_COLUMNS.filter((c) => c.required && columns[c.key] === undefined).map(
      (c) => `“${c.header}”`,
    );
    if (missing.length > 0)
      return `第${index + 1}行的表头缺少${missing.join('、')}列，请使用“下载导入模板”得到的表格填写`;
    return { index, columns };
  }
  return '没有找到表头：第一张工作表的前 10 行中应有一行写着“姓名”“性别”“出生日期”“入党日期”“类别”等列名，请使用“下载导入模板”得到的表格填写';
}

const GENDER_SYNONYMS: Readonly<Record<string, string>> = { 男性: '男', 女性: '女' };
const STATUS_SYNONYMS: Readonly<Record<string, string>> = { 正式党员: '正式', 预备党员: '预备' };

/** The message of a duplicate person, the same in the import report and in the repository's refusal. */
export function duplicateMemberMessage(name: string): string {
  return `已有同名且出生日期相同的党员“${name}”`;
}

/**
 * A person is their name and birth date; the name as personNameKey reads it, so 「王  芳」 and 「王芳」, or
 * 「阿依古丽•买买提」 and 「阿依古丽·买买提」, born the same day, are one person. The repository checks the same key.
 */
export const personKey = (name: string, birthDate: string) => `${personNameKey(name)}\u0000${birthDate}`;

/** Why the name stored differs from the cell (「姓名“王  芳”含空格，已去除，将导入为“王芳”」), or '' when it does not. */
function nameRepair(cell: string, tidy: string): string {
  if (cell === tidy) return '';
  const spaces = (text: string) => (text.match(/\s/gu) ?? []).join('');
  const visible = (text: string) => text.replace(/[\s\u200B-\u200D\u2060\uFEFF]/gu, '');
  const what = [
    spaces(cell) !== spaces(tidy) ? (spaces(tidy) ? '连续空格已合并为一个' : '含空格，已去除') : '',
    visible(cell) !== visible(tidy) ? '间隔号已统一为“·”' : '',
  ].filter(Boolean);
  return `姓名“${cell}”${what.length > 0 ? what.join('，') : '含不可见字符，已去除'}，将导入为“${tidy}”`;
}

/**
 * Parses a sheet given as rows of cell texts (rows[0] is spreadsheet row 1). Rows before the header, empty rows and
 * the template's example row are ignored. A row is valid when it passes memberInputSchema, names an existing 党小组,
 * and is neither a repeat of an earlier row of the file nor of a member already on the roster.
 */
export function parseRosterRows(rows: readonly (readonly string[])[], context: RosterContext): RosterParseResult {
  const header = findHeader(rows);
  if (typeof header === 'string') return { valid: [], errors: [], notes: [], fileError: header };

  const groupIds = new Map(context.partyGroups.map((g) => [g.name.trim(), g.id]));
  // By key, to the name as stored: the message names the member as the roster shows them.
  const existing = new Map(context.existing.map((m) => [personKey(m.name, m.birthDate), m.name.trim()]));
  const firstRowOf = new Map<string, number>();
  const valid: MemberInput[] = [];
  const errors: RosterRowError[] = [];
  const notes: RosterRowNote[] = [];

  for (let index = header.index + 1; index < rows.length; index++) {
    const row = rows[index] ?? [];
    const cell = (key: RosterColumnKey): string => {
      const col = header.columns[key];
      return col === undefined ? '' : (row[col] ?? '').trim();
    };
    if (ROSTER_COLUMNS.every((c) => cell(c.key) === '')) continue;
    const typedName = cell('name');
    if (typedName.startsWith(EXAMPLE_MARK)) continue;
    // Stored tidy, as the 新增党员 form stores it: a name padded for alignment in the sheet loses its spaces.
    const name = tidyPersonName(typedName);

    const rowNumber = index + 1;
    const reasons: string[] = [];
    const reported = new Set<string>();

    const date = (key: 'birthDate' | 'joinedDate' | 'fullMemberDate' | 'joinedBranchDate'): string | undefined => {
      const text = cell(key);
      if (text === '') return key === 'fullMemberDate' || key === 'joinedBranchDate' ? '' : undefined;
      const repaired = repairDate(text);
      if (repaired) return repaired;
      reasons.push(`${LABELS[key]}“${text}”不是可识别的日期，请写成 2020-07-01 这样的格式`);
      reported.add(key);
      return text;
    };

    let partyGroupId = '';
    const groupName = cell('partyGroup');
    if (groupName !== '') {
      const id = groupIds.get(groupName);
      if (id === undefined) {
        reasons.push(`党小组“${groupName}”不存在，请先在“支部信息”中添加该党小组，或改为已有的党小组`);
        reported.add('partyGroupId');
      } else {
        partyGroupId = id;
      }
    }

    const gender = cell('gender');
    const status = cell('status');
    const input = {
      name,
      gender: GENDER_SYNONYMS[gender] ?? (gender || undefined),
      birthDate: date('birthDate'),
      joinedDate: date('joinedDate'),
      fullMemberDate: date('fullMemberDate'),
      // Only a member who transferred in has one (stored only when given, as the form does).
      ...(cell('joinedBranchDate') !== '' ? { joinedBranchDate: date('joinedBranchDate') } : {}),
      status: STATUS_SYNONYMS[status] ?? (status || undefined),
      partyGroupId,
      post: cell('post'),
      phone: cell('phone'),
      motto: cell('motto'),
    };

    const parsed = memberInputSchema.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? '');
        if (reported.has(key)) continue;
        const label = LABELS[key] ?? '';
        const reason = !label || issue.message.includes(label) ? issue.message : `${label}：${issue.message}`;
        if (!reasons.includes(reason)) reasons.push(reason);
      }
    }

    // A person is identified by name and birth date; the check needs both to be readable.
    const birthDate = input.birthDate;
    if (name !== '' && birthDate && z.iso.date().safeParse(birthDate).success) {
      const key = personKey(name, birthDate);
      const first = firstRowOf.get(key);
      if (first !== undefined) reasons.push(`与第${first}行重复（姓名和出生日期相同）`);
      else firstRowOf.set(key, rowNumber);
      const stored = existing.get(key);
      if (stored !== undefined) reasons.push(duplicateMemberMessage(stored));
    }

    if (reasons.length > 0 || !parsed.success) errors.push({ row: rowNumber, name: typedName, reasons });
    else {
      valid.push(parsed.data);
      const repair = nameRepair(typedName, name);
      if (repair) notes.push({ row: rowNumber, message: repair });
    }
  }
  return { valid, errors, notes };
}
