// The restore preview of a file written by an older version says so, and what the file cannot carry.
import { describe, expect, it } from 'vitest';
import { olderVersionNote, regroupedNote } from '../../../renderer/src/db/backup/olderVersion';
import { SCHEMA_VERSION } from '../../../renderer/src/db/AppDB';

describe('olderVersionNote', () => {
  it('names the versions and everything added since the file’s', () => {
    const v1 = olderVersionNote(1)!;
    expect(v1).toContain(`数据版本 1，本软件为数据版本 ${SCHEMA_VERSION}`);
    expect(v1).toContain('技能比武');
    expect(v1).toContain('所属年度');
    expect(v1).toContain('本机已填写的这些内容会丢失');
    expect(v1).toContain('党小组会将按党小组分别编号');
    const v6 = olderVersionNote(6)!;
    expect(v6).toContain('转入本支部日期');
    expect(v6).not.toContain('技能比武');
    expect(v6).not.toContain('党小组会');
  });

  it('says nothing for a file of this version', () => {
    expect(olderVersionNote(SCHEMA_VERSION)).toBeUndefined();
    expect(regroupedNote(SCHEMA_VERSION)).toBe('');
    expect(regroupedNote(5)).toContain('数据版本 5');
  });
});
