// A document's text made ready for the print fonts: invisible characters pasted from Word are not printed as boxes,
// soft returns break the line, and what the fonts cannot draw (𠮷, emoji) is reported with where it is — read back
// from a real 会议记录单 PDF.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FONT_FILES } from '../../../shared/dossier/layout';
import { buildMeetingRecordDoc } from '../../../shared/dossier/meetingRecord';
import { renderPdf } from '../../../shared/dossier/render';
import { prepareForPrint, printText, unprintableNotice } from '../../../shared/print/printText';
import { makeDossierData, recordContextOf } from '../dossier/factory';
import { hasPoppler } from '../dossier/poppler';

describe('printText', () => {
  it('drops zero-width and joining characters and makes soft returns line breaks', () => {
    expect(printText('甲\u200b乙\u200c丙\u200d丁\ufeff戊\u2060己\u00ad')).toBe('甲乙丙丁戊己');
    expect(printText('第一行\u000b第二行\u2028第三行\u2029第四行')).toBe('第一行\n第二行\n第三行\n第四行');
    expect(printText('✅\ufe0f')).toBe('✅');
    const plain = '　　会议由张三主持。';
    expect(printText(plain)).toBe(plain);
  });
});

describe('prepareForPrint', () => {
  it('cleans every printed string in place and reports what the fonts cannot draw, with where', () => {
    // As where no fallback block of 花園明朝 can be loaded: 𠮷 and 𡈼 are reported with the emoji.
    const doc = {
      content: [
        { text: '支部书记 𠮷野花', style: 'cover' },
        { table: { widths: ['*', 80], body: [['王𡈼', { text: '出席\u200b' }]] } },
        { stack: ['讨论热烈👍', { text: ['行内', { text: '𠮷野花', bold: true }] }] },
        { image: 'data:image/png;base64,AAAA', id: 'photo-𠮷' },
      ],
    };
    const found = prepareForPrint(doc, { fallback: new Set() });
    expect(found?.chars).toEqual(['𠮷', '𡈼', '👍']);
    // Each text once, inline runs as they are written.
    expect(found?.samples).toEqual(['支部书记 𠮷野花', '王𡈼', '讨论热烈👍', '𠮷野花']);
    expect(doc.content[1]).toEqual({ table: { widths: ['*', 80], body: [['王𡈼', { text: '出席' }]] } });
    // An id is no printed text: left as it is.
    expect(doc.content[3]).toEqual({ image: 'data:image/png;base64,AAAA', id: 'photo-𠮷' });
    expect(unprintableNotice(found!)).toBe(
      '“𠮷”“𡈼”“👍”在打印字体中没有，PDF 中显示为方框，复制或搜索时也会缺少这些字。见于：支部书记 𠮷野花；王𡈼；讨论热烈👍；𠮷野花。' +
        '生僻字可改用常用写法（如在姓名后注明），改后重新生成。',
    );
  });

  it('shortens a long text around the first character it cannot draw', () => {
    const doc = { content: [{ text: `${'会议'.repeat(20)}👍${'内容'.repeat(20)}` }] };
    expect(prepareForPrint(doc)?.samples).toEqual([`…${'会议'.repeat(6)}👍${'内容'.repeat(6)}…`]);
  });

  it('with the fallback blocks, reports only what none draws and names the blocks the document needs', () => {
    const doc = { content: [{ text: '支部书记 𠮷野花' }, { stack: ['王𡈼', '讨论热烈👍', '𠮷'] }] };
    const needs = new Set<string>();
    expect(prepareForPrint(doc, { needs })?.chars).toEqual(['👍']);
    expect([...needs].sort()).toEqual(['HanaMinB-ExtB-03.ttf', 'HanaMinB-ExtB-05.ttf']);
    // A block that cannot be loaded here leaves its characters reported.
    const only03 = new Set<string>();
    expect(prepareForPrint(doc, { fallback: new Set(['HanaMinB-ExtB-03.ttf']), needs: only03 })?.chars).toEqual([
      '𡈼',
      '👍',
    ]);
    expect([...only03]).toEqual(['HanaMinB-ExtB-03.ttf']);
  });

  it('never quotes half of a character outside the BMP beside the one it names', () => {
    // 12 UTF-16 units before 👍 fall between the two halves of 𠮷.
    const doc = { content: [{ text: `甲乙𠮷${'会'.repeat(11)}👍${'议'.repeat(11)}𡈼丙` }] };
    const [sample] = prepareForPrint(doc)!.samples;
    expect(sample).toBe(`…${'会'.repeat(11)}👍${'议'.repeat(11)}𡈼…`);
  });

  it('does not end the notice with two full stops when the last place quoted ends a sentence', () => {
    const found = prepareForPrint({ content: [{ text: '大家👍。' }] })!;
    expect(unprintableNotice(found)).toContain('见于：大家👍。生僻字');
  });

  it('reports nothing for a document it can print whole', () => {
    expect(prepareForPrint({ content: [{ text: '阿依古丽·买买提、王䶮、刘堃' }, '（2025年）'] })).toBeUndefined();
  });
});

describe.skipIf(!hasPoppler)('a 会议记录单 with pasted Word text, read back (needs poppler-utils)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'print-text-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the text around zero-width characters joined and a soft return as a new line', async () => {
    const data = makeDossierData();
    const base = data.meetings.find((m) => m.kind === '支委会')!;
    const meeting = { ...base, content: '传达\u200b学习\u000b研究部署\ufeff工作' };
    const doc = buildMeetingRecordDoc(meeting, recordContextOf(data));
    expect(prepareForPrint(doc)).toBeUndefined();
    const fonts = Object.fromEntries(
      FONT_FILES.map((f) => [f, new Uint8Array(readFileSync(join('resources/fonts', f)))]),
    );
    const pdf = join(dir, 'record.pdf');
    writeFileSync(pdf, await renderPdf(doc, fonts));
    const lines = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\n');
    expect(lines.some((l) => l.trim() === '传达学习')).toBe(true);
    expect(lines.some((l) => l.trim() === '研究部署工作')).toBe(true);
  });
});
