// What a backup written by an older version of the app lacks, said before and after it is restored: the user sees
// 「数据版本 1」 and nothing else told them the file is older, that it is converted, or that fields added since (所属年度,
// 转入本支部日期, 技能比武) come back empty — and replacing newer data with it loses those.
import { SCHEMA_VERSION } from '../AppDB';

/** What each data version added that an older file cannot carry, for the user (docs/backup-format.md). */
const ADDED: readonly { version: number; what: string }[] = [
  { version: 2, what: '技能比武' },
  { version: 7, what: '会议的“所属年度”、党员的“转入本支部日期”' },
  { version: 8, what: '会议的“其他地点”' },
];

/** The preview's note for a file of an older data version, or undefined for a file of this one. */
export function olderVersionNote(schemaVersion: number): string | undefined {
  if (schemaVersion >= SCHEMA_VERSION) return undefined;
  const missing = ADDED.filter((a) => a.version > schemaVersion).map((a) => a.what);
  return [
    `此备份由旧版本软件生成（数据版本 ${schemaVersion}，本软件为数据版本 ${SCHEMA_VERSION}），恢复时自动转换为当前格式，记录内容不变。`,
    missing.length > 0
      ? `旧版本没有${missing.join('，以及')}，这些内容恢复后为空；用它替换本机数据时，本机已填写的这些内容会丢失。`
      : '',
    schemaVersion < 6 ? '党小组会将按党小组分别编号（第N次），与旧版本打印的序号可能不同。' : '',
  ].join('');
}

/** Appended to the 操作日志's restore entry of a file before v6: its 党小组会 were renumbered per 党小组. */
export function regroupedNote(schemaVersion: number): string {
  return schemaVersion < 6 ? `；备份为数据版本 ${schemaVersion}，党小组会已改为按党小组分别编号` : '';
}
