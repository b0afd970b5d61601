// Table rows taller than a page in the 迎检卷宗: pdfmake drops such a row unless prebreak.ts cuts it into pieces.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECTION_TITLES, buildDossier } from '../../../shared/dossier/build';
import { parseFontMetrics } from '../../../shared/dossier/fontMetrics';
import { CONTENT_WIDTH, DEFAULT_STYLE, FONT_FILES, STYLES, dataTable, formTable } from '../../../shared/dossier/layout';
import { prebreakDocument } from '../../../shared/dossier/prebreak';
import { renderPdf } from '../../../shared/dossier/render';
import type { Member } from '../../../shared/schemas/entities';
import { makeCompetition, makeDossierData } from './factory';
import { hasPoppler } from './poppler';

type Json = Record<string, unknown>;

const fonts = Object.fromEntries(
  FONT_FILES.map((f) => [f, new Uint8Array(readFileSync(join('resources/fonts', f)))]),
) as Record<string, Uint8Array>;

/** `text` repeated, cut at `n` characters. */
const repeatTo = (text: string, n: number) => [...text.repeat(Math.ceil(n / [...text].length))].slice(0, n).join('');

const SELF =
  '本人一年来认真学习习近平新时代中国特色社会主义思想，按时参加“三会一课”，积极完成支部交办的各项任务。' +
  '在工作中能够坚持原则、团结同志，发挥了党员先锋模范作用。不足之处：理论学习深度不够，联系群众还不够紧密。' +
  '今后将加强学习，改进作风，努力做一名合格党员。';
const FINDING =
  '经检查，活动室桌椅摆放整齐，党旗悬挂规范，制度上墙，资料柜内台账齐全。发现问题：部分学习资料更新不及时，' +
  '电教设备投影仪灯泡老化。整改措施：指定专人负责每月更新学习资料，已报后勤更换灯泡。';

describe.skipIf(!hasPoppler)('rows taller than a page in a rendered volume (needs poppler-utils)', () => {
  const SURNAMES = '赵钱孙李周吴郑冯褚卫蒋沈韩朱秦尤许何吕施孔曹严华金魏陶姜戚谢';
  const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛超秀霞平刚桂';
  const data = makeDossierData();
  // (c) 60 members and no 谈心谈话 yet: the compliance row names every one of them.
  const extra: Member[] = Array.from({ length: 50 }, (_, i) => ({
    ...data.members[1]!,
    id: `x${i}`,
    name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[i % GIVEN.length]}${GIVEN[(i * 7 + 3) % GIVEN.length]}`,
  }));
  data.members = [...data.members, ...extra];
  data.meetings = data.meetings.filter((m) => m.kind !== '谈心谈话');
  // (a) a 400-character 自评 for three members, a short one for everyone else.
  const longSelf = (name: string) => `${repeatTo(SELF, 400)}（${name}自评完）`;
  data.memberEvaluations = data.members.map((m, i) => ({
    ...data.memberEvaluations[0]!,
    id: `me${i}`,
    memberId: m.id,
    selfResult: i < 3 ? longSelf(m.name) : `${m.name}自评合格`,
  }));
  // (b) a 1,995-character 检查情况, numbered so that every piece of it can be found.
  let findings = '';
  for (let i = 1; [...findings].length < 1990; i++) findings += `第${i}条：${FINDING}`;
  findings = `${[...findings].slice(0, 1990).join('')}（检查完）`;
  data.venueChecks = [{ ...data.venueChecks[0]!, findings }];
  const numbers = [...findings.matchAll(/第(\d+)条/g)].map((m) => m[1]!);
  // Blocks kept whole around a table or a list, more than a page together: eight 500-character 职责 of a leader, a
  // 2,000-character 比武说明 in its form.
  const duty = (i: number) => `${repeatTo(`职责${i}：${FINDING}`, 496)}职责${i}完。`;
  data.responsibilities = [{ ...data.responsibilities[0]!, duties: Array.from({ length: 8 }, (_, i) => duty(i)) }];
  data.competitions = [makeCompetition({ notes: `${repeatTo(FINDING, 1995)}说明完。` })];

  let dir: string;
  /** The volume's text in content order (pdftotext -raw), running headers, footers and list markers left out. */
  let flat: string;
  const section = (from: string, to: string) => flat.slice(flat.indexOf(from), flat.indexOf(to, flat.indexOf(from)));

  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dossier-tall-'));
    const built = buildDossier(data, {
      year: 2025,
      generatedAt: '2026-01-05T01:00:00.000Z',
      appVersion: '0.1.0',
      schemaVersion: 1,
    });
    const pdf = join(dir, 'tall.pdf');
    writeFileSync(pdf, await renderPdf(built.docDefinition, fonts));
    const raw = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    flat = raw
      .split('\n')
      // A list's markers come where their item's line is in reading order (「1.」 between its first two lines).
      .filter((l) => !/迎检卷宗$|^第 \d+ 页 共 \d+ 页$|^\d+\.$/.test(l.trim()))
      .join('')
      .replace(/\s+/g, '');
  }, 120_000);

  it('prints every member of the 民主评议 table, with all of a 400-character 自评', () => {
    const table = section('民主评议党员姓名自评', SECTION_TITLES.learning);
    for (const m of data.members) expect(table, m.name).toContain(m.name);
    for (const m of data.members.slice(3)) expect(table).toContain(`${m.name}自评合格`);
    for (const m of data.members.slice(0, 3)) {
      // The text across the width under the member's row (whose 自评 cell says 「见下」), in pieces each under
      // 「姓名（续）」 (on a new page, under the header).
      const text = table
        .replaceAll('姓名自评互评组织评定等次与评选', '')
        .replaceAll(`${m.name}（续）`, '')
        .replaceAll('优秀', '');
      expect(text).toContain(`${m.name}见下自评：${longSelf(m.name)}`);
    }
  });

  it('prints the 阵地复查 with all of its 1,995-character 检查情况', () => {
    const checks = section('阵地复查日期检查人检查情况下次复查', SECTION_TITLES.records);
    expect(checks).toContain('张卫东');
    expect(checks).toContain('（检查完）');
    expect(numbers.length).toBeGreaterThan(10);
    // Every numbered part, in order.
    let at = -1;
    for (const n of numbers) {
      const next = checks.indexOf(`第${n}条`, at + 1);
      expect(next, `第${n}条`).toBeGreaterThan(at);
      at = next;
    }
  });

  it("prints all of a leader's eight long 职责 and a long 比武说明", () => {
    for (let i = 0; i < 8; i++) expect(flat).toContain(duty(i));
    const notes = section('比武类型', '数据指纹').replace(/说明（续）/g, '');
    expect(notes).toContain(`说明${repeatTo(FINDING, 1995)}说明完。`);
  });

  it('prints the 谈心谈话 row of the compliance table, naming every member', () => {
    const compliance = section('组织生活落实情况', '合计达标');
    expect(compliance).toContain('谈心谈话每名党员每年谈心谈话一般不少于1次0/60');
    const names = compliance.replaceAll('项目规定达标期数未达标期间人数未过半', '').replaceAll('谈心谈话（续）', '');
    for (const m of data.members) expect(names, m.name).toContain(`${m.name}：`);
  });
});

describe('rows taller than a page in the definition (prebreak.ts)', () => {
  const metrics = (font: string, bold: boolean) => parseFontMetrics(fonts[`${font}-${bold ? 'Bold' : 'Regular'}.ttf`]!);
  const setup = { metrics, lineHeight: () => 1.448, contentWidth: CONTENT_WIDTH, contentHeight: 600 };
  const doc = (content: Content[]): TDocumentDefinitions => ({ content, defaultStyle: DEFAULT_STYLE, styles: STYLES });
  const out = (content: Content[]) => prebreakDocument(doc(content), setup).content as unknown as Json[];
  /** The text of a cell as written or pre-broken (its lines joined). */
  const cellText = (cell: unknown): string => {
    if (typeof cell === 'string') return cell;
    const o = cell as Json;
    return typeof o.text === 'string' ? o.text : ((o.stack as Json[] | undefined) ?? []).map(cellText).join('');
  };
  const long = repeatTo(FINDING, 2000);
  const rows = (body: unknown[][]) => body.slice(1);

  it('cuts a row taller than a page into rows of at most half a page, the first cell marked 「（续）」', () => {
    const table = dataTable(
      ['日期', '检查人', '检查情况', '下次复查'],
      [
        ['2025年6月30日', { text: '张卫东', id: 'anchor' }, long, '2025年12月31日'],
        ['2025年7月1日', '李春梅', '正常', ''],
      ],
      [72, 50, '*', 72],
    );
    const [node] = out([table]);
    const t = node!.table as Json;
    expect(t.dontBreakRows).toBe(true);
    const body = rows(t.body as unknown[][]);
    expect(body.length).toBeGreaterThan(4);
    const pieces = body.slice(0, -1);
    // The first piece is the row as it was (anchor included), the others continue it.
    expect(pieces[0]!.map(cellText)).toEqual(['2025年6月30日', '张卫东', expect.any(String), '2025年12月31日']);
    expect(JSON.stringify(pieces[0])).toContain('"anchor"');
    for (const p of pieces.slice(1)) {
      expect(cellText(p[0])).toBe('2025年6月30日（续）');
      expect([cellText(p[1]), cellText(p[3])]).toEqual(['', '']);
      expect(JSON.stringify(p)).not.toContain('"anchor"');
    }
    // Nothing lost, nothing repeated.
    expect(pieces.map((p) => cellText(p[2])).join('')).toBe(long);
    // Pieces of about the same length, each under half a page of lines (9.5 pt at 1.35 line height).
    const lengths = pieces.map((p) => [...cellText(p[2])].length);
    expect(Math.max(...lengths) - Math.min(...lengths.slice(0, -1))).toBeLessThan(40);
    expect(body.at(-1)!.map(cellText)).toEqual(['2025年7月1日', '李春梅', '正常', '']);
  });

  it('cuts a long value of a form the same way, under its label', () => {
    const [node] = out([formTable([['说明', long]], 1)]);
    const body = (node!.table as Json).body as unknown[][];
    expect(body.length).toBeGreaterThan(2);
    expect(body.slice(1).every((r) => cellText(r[0]) === '说明（续）')).toBe(true);
    expect(body.slice(1).every((r) => (r[0] as Json).style === 'label')).toBe(true);
    expect(body.map((r) => cellText(r[1])).join('')).toBe(long);
  });

  it('leaves rows shorter than a page whole', () => {
    const table = dataTable(['姓名', '自评'], [['甲', repeatTo(FINDING, 500)]], [60, '*']);
    const [node] = out([table]);
    expect(rows((node!.table as Json).body as unknown[][])).toHaveLength(1);
  });

  it('lets a table break inside its rows where a row too tall for a page cannot be cut', () => {
    const rich = { text: [{ text: long }, { text: '（补录）', color: '#b00000' }] };
    const [node] = out([dataTable(['姓名', '主题'], [['甲', rich]], [60, '*'])]);
    const t = node!.table as Json;
    expect(t.dontBreakRows).toBeUndefined();
    expect(rows(t.body as unknown[][])).toHaveLength(1);
  });

  it('lets an unbreakable block taller than a page break, the heading still kept with the first rows', () => {
    const heading = { text: '阵地复查', style: 'h3' };
    const table = dataTable(
      ['日期', '检查人', '检查情况', '下次复查'],
      [['2025年6月30日', '张卫东', long, '']],
      [72, 50, '*', 72],
    );
    const nodes = out([{ stack: [heading, table], unbreakable: true }]);
    expect(nodes).toHaveLength(1);
    const block = nodes[0]!;
    expect(block.unbreakable).toBeUndefined();
    // keptWithTable: the heading travels with the space the header row and first piece take.
    const [kept, rest] = block.stack as Json[];
    expect(kept!.unbreakable).toBe(true);
    expect(((kept!.stack as Json[])[0] as Json).text).toBe('阵地复查');
    expect(rows((rest!.table as Json).body as unknown[][]).length).toBeGreaterThan(2);
    // Also without a row to cut: seven 七有 rows with long notes are more than a page together.
    const notes = dataTable(
      ['序号', '项目', '情况', '说明'],
      Array.from({ length: 7 }, (_, i) => [String(i + 1), '有场地', '已达标', repeatTo(FINDING, 200)]),
      [26, '*', 44, 120],
    );
    const [seven] = out([{ stack: [heading, notes], unbreakable: true }]);
    expect(seven!.unbreakable).toBeUndefined();
    // Or a list: a leader's eight long 职责.
    const duties = { ol: Array.from({ length: 8 }, () => ({ text: repeatTo(FINDING, 500) })) };
    const [listed] = out([{ stack: [{ text: '职责', style: 'h3' }, duties], unbreakable: true }]);
    expect(listed!.unbreakable).toBeUndefined();
    const [fewDuties] = out([
      { stack: [{ text: '职责', style: 'h3' }, { ol: duties.ol.slice(0, 1) }], unbreakable: true },
    ]);
    expect(fewDuties!.unbreakable).toBe(true);
    // A short block stays whole.
    const few = dataTable(['序号', '说明'], [['1', '投影仪待更换']], [26, '*']);
    const [short] = out([{ stack: [heading, few], unbreakable: true }]);
    expect(short!.unbreakable).toBe(true);
  });
});
