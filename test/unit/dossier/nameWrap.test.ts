// Names in the printed PDF wrap only between their parts: an attendance table's 「阿卜杜·热合曼」 after its 「·」, never
// 「阿卜杜·热合 / 曼」, read back from a real 会议记录单.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FONT_FILES, nameList, personName } from '../../../shared/dossier/layout';
import { buildMeetingRecordDoc } from '../../../shared/dossier/meetingRecord';
import { renderPdf } from '../../../shared/dossier/render';
import { makeDossierData, recordContextOf } from './factory';
import { hasPoppler } from './poppler';

describe('personName and nameList', () => {
  it('keeps the parts of a name whole, and leaves a name without parts as text', () => {
    expect(personName('张三')).toBe('张三');
    expect(personName('阿卜杜·热合曼')).toEqual({
      text: [
        { text: '阿卜杜·', noWrap: true },
        { text: '热合曼', noWrap: true },
      ],
    });
    // A part longer than a narrow column may still wrap inside.
    expect(personName('木合塔尔·阿不都热合曼·买买提明')).toEqual({
      text: [{ text: '木合塔尔·', noWrap: true }, { text: '阿不都热合曼·' }, { text: '买买提明', noWrap: true }],
    });
    expect(nameList(['张三', '曾子豪'])).toEqual([
      { text: '张三、', noWrap: true },
      { text: '曾子豪', noWrap: true },
    ]);
  });
});

describe.skipIf(!hasPoppler)('a 会议记录单 with long names, read back (needs poppler-utils)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'name-wrap-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('wraps 「阿卜杜·热合曼」 and 「阿依古丽·买买提」 after the dot, not inside a part', async () => {
    const data = makeDossierData();
    const base = data.meetings.find((m) => m.kind === '支部党员大会')!;
    const long = ['阿卜杜·热合曼', '阿依古丽·买买提', '古丽娜尔·吐尔逊'];
    const meeting = {
      ...base,
      attendance: base.attendance.map((a, i) => (i < long.length ? { ...a, name: long[i]! } : a)),
    };
    const fonts = Object.fromEntries(
      FONT_FILES.map((f) => [f, new Uint8Array(readFileSync(join('resources/fonts', f)))]),
    );
    const pdf = join(dir, 'record.pdf');
    writeFileSync(pdf, await renderPdf(buildMeetingRecordDoc(meeting, recordContextOf(data)), fonts));
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    // Each part whole on its line; no part cut (「热合」 without 「曼」, 「买」 without 「买提」).
    for (const part of ['阿卜杜·', '热合曼', '阿依古丽·', '买买提', '古丽娜尔·', '吐尔逊'])
      expect(text).toContain(part);
    expect(text).not.toMatch(/热合\s*$/m);
    expect(text).not.toMatch(/·买\s*$/m);
    expect(text).not.toMatch(/·吐\s*$/m);
  });
});
