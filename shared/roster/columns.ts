// The columns of a 党员名册 spreadsheet: one list feeds the import template, the import parser and the export.

/** The member fields a roster column holds; 党小组 is a name in the sheet and an id in the database. */
export type RosterColumnKey =
  | 'name'
  | 'gender'
  | 'birthDate'
  | 'joinedDate'
  | 'fullMemberDate'
  | 'status'
  | 'partyGroup'
  | 'post'
  | 'phone'
  | 'motto'
  | 'joinedBranchDate';

export interface RosterColumn {
  key: RosterColumnKey;
  /** The header cell text, as written by the template and the export. */
  header: string;
  /** Other header texts people commonly use for the same column in their own sheets. */
  aliases: readonly string[];
  required: boolean;
  /** Column width in Excel character units. */
  width: number;
  /** One line for the 「填写说明」 sheet. */
  hint: string;
}

export const ROSTER_COLUMNS: readonly RosterColumn[] = [
  { key: 'name', header: '姓名', aliases: ['党员姓名'], required: true, width: 12, hint: '必填，不超过 20 个字。' },
  { key: 'gender', header: '性别', aliases: [], required: true, width: 8, hint: '必填，填“男”或“女”。' },
  {
    key: 'birthDate',
    header: '出生日期',
    aliases: ['出生年月日', '出生年月'],
    required: true,
    width: 14,
    hint: '必填，如 1985-05-01；也可写 1985.5.1、1985/5/1 或 1985年5月1日，或使用 Excel 的日期格式。',
  },
  {
    key: 'joinedDate',
    header: '入党日期',
    aliases: ['入党时间'],
    required: true,
    width: 14,
    hint: '必填，写法同出生日期，须晚于出生日期。',
  },
  {
    key: 'fullMemberDate',
    header: '转正日期',
    aliases: ['转正时间'],
    required: false,
    width: 14,
    hint: '选填，写法同出生日期，不能早于入党日期。',
  },
  {
    key: 'status',
    header: '类别',
    aliases: ['党员类别', '人员类别'],
    required: true,
    width: 8,
    hint: '必填，填“正式”或“预备”（也可写“正式党员”“预备党员”）。',
  },
  {
    key: 'partyGroup',
    header: '党小组',
    aliases: ['所在党小组', '所属党小组'],
    required: false,
    width: 16,
    hint: '选填，须与“支部概况”中已设置的党小组名称完全一致。',
  },
  { key: 'post', header: '职务', aliases: ['行政职务'], required: false, width: 14, hint: '选填，不超过 40 个字。' },
  {
    key: 'phone',
    header: '电话',
    aliases: ['联系电话', '手机', '手机号码'],
    required: false,
    width: 16,
    hint: '选填，只能包含数字、空格、+ 和 -。',
  },
  {
    key: 'motto',
    header: '格言',
    aliases: ['党员格言', '座右铭'],
    required: false,
    width: 30,
    hint: '选填，不超过 100 个字。',
  },
  // Last, so sheets filled in from an older template keep their columns where they were.
  {
    key: 'joinedBranchDate',
    header: '转入本支部日期',
    aliases: ['转入日期', '组织关系转入日期', '转入本支部时间'],
    required: false,
    width: 16,
    hint: '选填，从其他党组织转入的，填组织关系转入本支部的日期（写法同出生日期，不能早于入党日期）；在本支部入党的不填。',
  },
];

/** The template's example row starts its name with this mark; the parser skips such rows. */
export const EXAMPLE_MARK = '（示例）';
