// What an inspector's read of the 迎检卷宗 asked for (second review): a volume of two years says which year each 民主评议
// row and 考评 belongs to, and which year a missed month is of; the roster and counts show who joined and left; drafts
// are marked; a 考评 item's 佐证 go on under its code; a long 自评 fills its pages; dates do not break inside; a
// leader's task names the page of its 佐证. Rendered and read back with poppler-utils.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECTION_TITLES, buildDossier, textPieces } from '../../../shared/dossier/build';
import type { DossierData } from '../../../shared/dossier/data';
import { parseFontMetrics } from '../../../shared/dossier/fontMetrics';
import { CONTENT_WIDTH, DEFAULT_STYLE, FONT_FILES, PAGE_MARGINS, STYLES } from '../../../shared/dossier/layout';
import { prebreakDocument } from '../../../shared/dossier/prebreak';
import { recordAnchor } from '../../../shared/dossier/meetingRecord';
import { renderPdf } from '../../../shared/dossier/render';
import type { Assessment, Member, MemberEvaluation } from '../../../shared/schemas/entities';
import { MEMBER_NAMES, makeDossierData } from './factory';
import { hasPoppler } from './poppler';

const STAMP = { generatedAt: '2026-01-05T01:00:00.000Z', appVersion: '0.1.0', schemaVersion: 1 };
const T = '2025-01-05T02:00:00.000Z';
const A4_HEIGHT = 841.89;

const dir = mkdtempSync(join(tmpdir(), 'dossier-review-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A rendered volume: its text per page (-layout), in reading order without whitespace (-raw), and word boxes. */
interface Read {
  pages: string[];
  flat: string;
  /** Per page, the lowest bottom edge of any word above the footer, in points from the page's top. */
  lowest: number[];
}

async function render(name: string, data: DossierData, options: Parameters<typeof buildDossier>[1]): Promise<Read> {
  const fonts = Object.fromEntries(
    FONT_FILES.map((f) => [f, new Uint8Array(readFileSync(join('resources/fonts', f)))]),
  );
  const pdf = join(dir, `${name}.pdf`);
  writeFileSync(pdf, await renderPdf(buildDossier(data, options).docDefinition, fonts));
  const run = (args: string[]) =>
    execFileSync('pdftotext', [...args, pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const footerTop = A4_HEIGHT - PAGE_MARGINS[3];
  const lowest = run(['-bbox'])
    .split('<page ')
    .slice(1)
    .map((page) =>
      Math.max(0, ...[...page.matchAll(/yMax="([\d.]+)"/g)].map((m) => Number(m[1])).filter((y) => y < footerTop)),
    );
  return {
    pages: run(['-layout']).split('\f'),
    flat: run(['-raw'])
      .split('\n')
      .filter((l) => !/迎检卷宗$|^第 \d+ 页 共 \d+ 页$/.test(l.trim()))
      .join('')
      .replace(/\s+/g, ''),
    lowest,
  };
}

const squeeze = (s: string) => s.replace(/\s+/g, '');

/** A 民主评议 row of the factory's kind for `memberId` in `year`, with texts of a realistic length. */
function evaluation(memberId: string, year: number, i: number, selfResult?: string): MemberEvaluation {
  return {
    id: `ev${year}-${memberId}`,
    branchId: 'b1',
    createdAt: T,
    updatedAt: T,
    year,
    memberId,
    selfResult: selfResult ?? `对照“五带头、五标兵”标准进行自评，自评等次：合格。${year}年度第${i + 1}份。`,
    peerResult: `党员互评：优秀${i}票，合格${20 - i}票。`,
    collectiveResult: '经支部委员会提出建议、支部党员大会评定，评定为合格。',
    grade: i === 2 ? '基本合格' : i % 3 ? '合格' : '优秀',
    exemplars: [],
  };
}

describe.skipIf(!hasPoppler)('a volume of two years (2024–2025)', () => {
  const data = makeDossierData();
  const self = data.assessments[0]!;
  const lastYear: Assessment = {
    ...self,
    id: 'as2024',
    periodStart: '2024-01-01',
    periodEnd: '2024-12-31',
    date: '2024-12-26',
    total: 3,
  };
  data.assessments = [lastYear, self];
  data.memberEvaluations = [2024, 2025].flatMap((year) =>
    data.members.slice(0, 4).map((m, i) => evaluation(m.id, year, i)),
  );
  let read: Read;
  beforeAll(async () => {
    read = await render('two-years', data, { ...STAMP, from: '2024-01-01', to: '2025-12-31' });
  }, 60_000);

  it('prints each year’s 民主评议 under its own heading, with that year’s figures right after its table', () => {
    const { flat } = read;
    const at = (s: string, from = 0) => flat.indexOf(s, from);
    const h2024 = at('2024年度民主评议党员', at(SECTION_TITLES.standards));
    const h2025 = at('2025年度民主评议党员', h2024);
    expect(h2024).toBeGreaterThan(0);
    expect(h2025).toBeGreaterThan(h2024);
    // Each year's rows between its heading and its figures; the figures before the next year's heading.
    const rows2024 = at('2024年度第1份', h2024);
    const sum2024 = at('2024年度参评4人', h2024);
    expect(rows2024).toBeGreaterThan(h2024);
    expect(sum2024).toBeGreaterThan(at('2024年度第4份', h2024));
    expect(sum2024).toBeLessThan(h2025);
    expect(at('2025年度第1份', h2025)).toBeGreaterThan(h2025);
    expect(at('2025年度参评4人', h2025)).toBeGreaterThan(at('2025年度第4份', h2025));
    // No 2025 row before its heading.
    expect(at('2025年度第1份', h2024)).toBeGreaterThan(h2025);
  });

  it('names the year of each 考评 in its heading', () => {
    const name = self.standardSnapshot.name;
    expect(read.flat).toContain(`2024年度${name}（自评）`);
    expect(read.flat).toContain(`2025年度${name}（自评）`);
  });

  it('names the year of every missed month in the compliance table', () => {
    // The factory's 支委会 meet in January, February and May of 2025 only: all of 2024 is missed, and 2025's March.
    const page = read.pages.find((p) => p.includes('组织生活落实情况'))!;
    const row = squeeze(page.slice(page.indexOf('支委会'), page.indexOf('党小组会')));
    expect(row).toContain('2024年1月、');
    expect(row).toContain('2025年3月');
    // Before, the first year's months were printed bare: 「1月、2月…、2025年3月」.
    expect(squeeze(page)).not.toMatch(/(^|[^年\d])\d{1,2}月、/);
  });
});

describe.skipIf(!hasPoppler)('a branch-year with members who came and went, a draft and long texts', () => {
  const data = makeDossierData();
  // 黄秀英 transferred out in July; 许晨 joined the Party in March.
  const left = 'm8';
  data.members = [
    ...data.members.map((m) =>
      m.id === left ? { ...m, leftDate: '2025-07-15', leftReason: '交流任职，组织关系转至区人大常委会机关党支部' } : m,
    ),
    {
      ...data.members[9]!,
      id: 'm11',
      name: '许晨',
      joinedDate: '2025-03-11',
      fullMemberDate: '',
      status: '预备',
      partyGroupId: 'g2',
      motto: '',
    } satisfies Member,
  ];
  // The 谈心谈话 of June is between the 书记 and 刘晓燕 only: everyone else, 黄秀英 and 许晨 among them, has none.
  data.meetings = data.meetings.map((m) =>
    m.kind === '谈心谈话' ? { ...m, attendance: m.attendance.filter((a) => m.talkParties.includes(a.memberId)) } : m,
  );
  // A term whose dates are long: 「2023年12月18日至2028年12月17日」 is wider than half the 概况 form.
  data.branch = { ...data.branch, termStart: '2023-12-18', termEnd: '2028-12-17' };
  // A 570-character 自评 among ordinary ones.
  const longSelf = `${'对照“五带头、五标兵”标准逐条进行了自我检查。一是在带头学习提高方面，坚持日阅一文、月写一篇，但学习的系统性和深度还不够；二是在带头服务大局方面，能够围绕中心工作开展服务保障，但主动谋划还不够。'.repeat(6)}（自评完）`;
  data.memberEvaluations = data.members.map((m, i) => evaluation(m.id, 2025, i, i === 1 ? longSelf : undefined));
  // A1 cites every record of the year, and 支部党员大会第2次 (a label wider than its column).
  const allMeetings = data.meetings.map((m) => m.id);
  const self = data.assessments[0]!;
  data.assessments = [
    {
      ...self,
      scores: self.scores.map((s) =>
        s.code === 'A1' ? { ...s, evidenceIds: [...allMeetings, ...allMeetings, ...allMeetings] } : s,
      ),
    },
  ];
  const built = buildDossier(data, { ...STAMP, year: 2025 });
  let read: Read;
  beforeAll(async () => {
    read = await render('movements', data, { ...STAMP, year: 2025 });
  }, 60_000);

  it('counts the members at the end of the year, with who joined and who left', () => {
    const profile = squeeze(read.pages.find((p) => p.includes(SECTION_TITLES.profile) && p.includes('党员人数'))!);
    expect(profile).toContain('期末10人（正式8人，预备2人）；期内新入党1人，转出1人');
    // The 党小组 counts are of the year's end: 第二党小组 lost 黄秀英 and gained 许晨.
    expect(profile).toMatch(/第二党小组杨丽华5人/);
  });

  it('marks in the roster who transferred out (with why) and who joined the Party during the year', () => {
    const roster = read.flat.slice(read.flat.indexOf('党员名册（摘要）'), read.flat.indexOf('支部文化'));
    expect(roster).toContain('期内变动');
    expect(roster).toMatch(/黄秀英.*2025年7月15日转出交流任职，组织关系转至区人大常委会机关党支部/);
    expect(roster).toMatch(/许晨.*预备.*2025年3月11日入党/);
    // Who left speaks no more for the branch's mottos.
    const mottos = read.flat.slice(read.flat.indexOf('人人有格言'), read.flat.indexOf(SECTION_TITLES.venues));
    expect(mottos).not.toContain('黄秀英');
  });

  it('says in the compliance table why a member who joined had no 谈心谈话, and asks none of one who left', () => {
    const compliance = read.flat.slice(read.flat.indexOf('组织生活落实情况'), read.flat.indexOf('合计达标'));
    expect(compliance).toContain('许晨（2025年3月11日入党）：2025年');
    expect(compliance).toContain('陈志强：2025年');
    // Transferred out in July without a talk recorded: no longer the branch's to talk with at the year's end, so not
    // one of the 10 the line counts (the 期末 count of the 名册).
    expect(compliance).not.toContain('黄秀英');
    expect(compliance).toMatch(/每名党员每年谈心谈话一般不少于1次2\/10/);
  });

  it('lists the drafts for the CLI and the app, marks them in the 记录索引 and explains them', () => {
    expect(built.drafts).toEqual([{ id: 'mt12', label: '2025年12月3日 民主评议党员第1次' }]);
    const index = read.flat.slice(read.flat.indexOf('序号日期类型次序主题页码'), read.flat.indexOf('数据指纹本卷内嵌'));
    expect(index).toContain('年度民主评议党员（草稿）');
    expect(index.match(/（草稿）/g)).toHaveLength(1);
    expect(read.flat).toContain('本卷有1条记录尚未定稿，在记录索引中标注“草稿”');
    expect(read.flat).toContain('其中1条记录尚未定稿（草稿），按已召开计入。');
  });

  it('never breaks a date in the 概况 form or the 考评期间, nor a 佐证 inside its name', () => {
    const profile = read.pages.find((p) => p.includes('本届任期'))!;
    expect(profile).toContain('2023年12月18日至2028年12月17日');
    const assessment = read.pages.find((p) => p.includes('考评期间'))!;
    expect(assessment).toMatch(/考评期间\s+2025年1月1日至\s/);
    expect(assessment).toMatch(/^\s+2025年12月31日\s/m);
    const standards = read.pages.filter((p) => p.includes('评语与佐证')).join('\n');
    // 「2025年4月3日 支部党员大会第2次」 is wider than its column: it breaks after the date.
    expect(standards).toMatch(/^\s+支部党员大会第2次\s*$/m);
    expect(standards).not.toMatch(/日\s+支部党员大\s*$/m);
    // No line of these pages ends inside a date.
    const broken = [profile, assessment, ...read.pages.filter((p) => p.includes('任务清单'))]
      .flatMap((p) => p.split('\n'))
      .filter((l) => /\d{4}年(\d{1,2}月)?\s*$/.test(l));
    expect(broken).toEqual([]);
  });

  it('carries the item’s code onto every row of its 佐证, so each page of the table starts with one', () => {
    const tablePages = read.pages.filter((p) => p.includes('评语与佐证'));
    expect(tablePages.length).toBeGreaterThan(2);
    for (const page of tablePages) {
      const lines = page.split('\n');
      const first = lines.slice(lines.findIndex((l) => l.includes('评语与佐证')) + 1).find((l) => l.trim())!;
      expect(first, first).toMatch(/^\s*A\d（续）|^\s*A\d\s/);
    }
    expect(read.flat).toContain('A1（续）佐证记录（续）页码');
    // Every record is still named, each with the page it is on.
    const refs = JSON.stringify(built.docDefinition.content).match(/"pageReference":"rec-mt\d+"/g) ?? [];
    expect(refs.length).toBeGreaterThanOrEqual(3 * allMeetings.length);
  });

  it('prints a long 自评 across the width under its member, leaving no page of the table a third empty', () => {
    const { flat, pages, lowest } = read;
    const first = pages.findIndex((p) => p.includes('等次与评选'));
    const last = pages.findLastIndex((p) => p.includes('等次与评选'));
    expect(last).toBeGreaterThan(first);
    const top = PAGE_MARGINS[1];
    const height = A4_HEIGHT - PAGE_MARGINS[1] - PAGE_MARGINS[3];
    // Every page the table runs over is at least two thirds full.
    for (let p = first; p < last; p++) expect((lowest[p]! - top) / height, `第 ${p + 1} 页`).toBeGreaterThan(2 / 3);
    // In its column the 自评 was some 70 lines in pieces beside four empty cells: the table took six pages.
    expect(last - first + 1).toBeLessThanOrEqual(4);
    const start = flat.indexOf('民主评议党员姓名自评');
    const table = flat.slice(start, flat.indexOf('参评', start));
    const pieces = table.replace(/姓名自评互评组织评定等次与评选/g, '').replace(/李春梅（续）/g, '');
    expect(pieces).toContain(`李春梅见下`);
    expect(pieces).toContain(`自评：${longSelf}`);
  });

  it('builds the next volume as the first, though pdfmake rewrote the widths of the tables it rendered', () => {
    // The volume above is rendered by now; its tables' widths (shared constants) must not have become { width }.
    const widths = (JSON.stringify(buildDossier(data, { ...STAMP, year: 2025 }).docDefinition.content).match(
      /"widths":\[[^\]]*\]/g,
    ) ?? []) as string[];
    expect(widths.length).toBeGreaterThan(10);
    expect(widths.filter((w) => w.includes('{'))).toEqual([]);
  });

  it('names the page of each of a leader’s 佐证记录', () => {
    const page = read.pages.find((p) => p.includes('任务清单'))!;
    // The factory's task cites the 党课 of 3 March.
    const line = page.split('\n').find((l) => l.includes('2025年3月3日'))!;
    const cited = Number(/(\d+)\s*$/.exec(line)![1]);
    expect(read.pages[cited - 1]).toContain('书记讲党课：坚定理想信念');
    const refs = JSON.stringify(built.docDefinition.content);
    expect(refs).toContain(`"pageReference":"${recordAnchor('mt5')}"`);
  });
});

describe('textPieces', () => {
  const text = '一二三四五六七八九十。'.repeat(40);

  it('cuts a long text into pieces of about equal length at sentence ends, losing nothing', () => {
    const pieces = textPieces(text, 95, 5);
    expect(pieces.join('')).toBe(text);
    expect(pieces.length).toBeGreaterThan(3);
    for (const p of pieces.slice(0, -1)) expect(p.endsWith('。')).toBe(true);
    const lengths = pieces.map((p) => p.length);
    expect(Math.max(...lengths) - Math.min(...lengths)).toBeLessThanOrEqual(11);
  });

  it('leaves a short text whole', () => {
    expect(textPieces(MEMBER_NAMES.join(''), 400, 3)).toEqual([MEMBER_NAMES.join('')]);
  });
});

describe('佐证 lists in table cells, as prebreak.ts measures them', () => {
  type Json = Record<string, unknown>;
  const fonts = Object.fromEntries(
    FONT_FILES.map((f) => [f, new Uint8Array(readFileSync(join('resources/fonts', f)))]),
  );
  const metrics = (font: string, bold: boolean) => parseFontMetrics(fonts[`${font}-${bold ? 'Bold' : 'Regular'}.ttf`]!);
  const setup = { metrics, lineHeight: () => 1.448, contentWidth: CONTENT_WIDTH, contentHeight: 600 };
  const prebroken = (content: unknown[]) =>
    prebreakDocument({ content: content as never, defaultStyle: DEFAULT_STYLE, styles: STYLES }, setup)
      .content as unknown as Json[];
  /** The 任务清单 table of a leader whose `n` tasks each cite the year's records. */
  const taskTable = (n: number): Json => {
    const data = makeDossierData();
    const task = data.responsibilities[0]!.tasks[0]!;
    data.responsibilities = [
      {
        ...data.responsibilities[0]!,
        tasks: Array.from({ length: n }, (_, i) => ({
          ...task,
          id: `t${i}`,
          evidenceMeetingIds: data.meetings.slice(0, 4).map((m) => m.id),
        })),
      },
    ];
    const content = buildDossier(data, { ...STAMP, year: 2025 }).docDefinition.content;
    const found: Json[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        const o = node as Json;
        if (o.table && JSON.stringify((o.table as Json).body).includes('佐证记录与页码')) found.push(o);
        else Object.values(o).forEach(walk);
      }
    };
    walk(content);
    return found[0]!;
  };
  const heading = { text: '任务清单', style: 'h3' };

  it('keeps the 任务清单 heading with the table’s first row, whose 佐证 cell holds a table of its own', () => {
    const [kept, table] = prebroken([heading, taskTable(3)]);
    // keptWithTable: the heading in an unbreakable block that reserves the first rows' height.
    expect(kept!.unbreakable).toBe(true);
    expect((kept!.stack as Json[])[0]!.text).toBe('任务清单');
    expect(table!.table).toBeDefined();
  });

  it('lets an unbreakable block with more 佐证 than a page holds break, rather than lose its end', () => {
    const [block] = prebroken([{ stack: [heading, taskTable(20)], unbreakable: true }]);
    expect(block!.unbreakable).toBeUndefined();
    const [short] = prebroken([{ stack: [heading, taskTable(1)], unbreakable: true }]);
    expect(short!.unbreakable).toBe(true);
  });
});
