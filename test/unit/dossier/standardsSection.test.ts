// The 迎检卷宗's 「四、领导有责任」 and 「五、评价有标准」: what each 考评 item's 佐证 names (a venue, a leader's list, a
// learning entry, a record of another year, one deleted since), how a score was reached, the grade bands, which of two
// same-year 考评 counts, and the order of the leaders and of the 民主评议 table. Read from the document definition.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECTION_TITLES, buildDossier } from '../../../shared/dossier/build';
import { FONT_FILES } from '../../../shared/dossier/layout';
import { renderPdf } from '../../../shared/dossier/render';
import type { DossierData } from '../../../shared/dossier/data';
import { learningAnchor, responsibilityAnchor, venueAnchor } from '../../../shared/dossier/evidence';
import { recordAnchor } from '../../../shared/dossier/meetingRecord';
import type { Assessment, AuditEntry, Responsibility } from '../../../shared/schemas/entities';
import { makeDossierData } from './factory';
import { hasPoppler } from './poppler';

const OPTS = { year: 2025, generatedAt: '2026-01-05T01:00:00.000Z', appVersion: '0.1.0', schemaVersion: 1 };
const T = '2025-01-05T02:00:00.000Z';

/** Every text of a node, in order. */
function textsOf(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') out.push(node);
  else if (Array.isArray(node)) for (const child of node) textsOf(child, out);
  else if (node && typeof node === 'object') for (const value of Object.values(node)) textsOf(value, out);
  return out;
}

/** Every object node of a tree that satisfies `test`. */
function nodesWhere(node: unknown, test: (o: Record<string, unknown>) => boolean, out: Record<string, unknown>[] = []) {
  if (Array.isArray(node)) for (const child of node) nodesWhere(child, test, out);
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (test(o)) out.push(o);
    for (const value of Object.values(o)) nodesWhere(value, test, out);
  }
  return out;
}

/** The page-starting part (a top-level content node) that holds a section's heading. */
function sectionPart(content: unknown, title: string): unknown {
  const parts = content as unknown[];
  // The 目录 names every section too: the part is the one with the section's heading.
  const found = parts.find((p) => nodesWhere(p, (o) => o.style === 'h1' && o.text === title).length > 0);
  expect(found).toBeDefined();
  return found;
}

/** The code in a row's 编号 cell: 「A1」, or 「A1（续）」 on a row its 佐证 go on in. */
const codeOf = (row: unknown[]) => {
  const cell = row[0];
  return typeof cell === 'string' ? cell : ((cell as { text: string }).text ?? '');
};

/**
 * The rows of each 考评's item table, by item code (an item's own row and the rows its 佐证 go on in), in the order
 * the volume prints the 考评.
 */
function itemRows(part: unknown): Map<string, unknown[][]>[] {
  const tables = nodesWhere(part, (o) => {
    const body = (o.table as { body?: unknown[][] } | undefined)?.body;
    return !!body && textsOf(body[0]).includes('评语与佐证');
  });
  return tables.map((t) => {
    const rows = new Map<string, unknown[][]>();
    for (const row of (t.table as { body: unknown[][] }).body.slice(1)) {
      const code = codeOf(row).replace(/（续）$/, '');
      rows.set(code, [...(rows.get(code) ?? []), row]);
    }
    return rows;
  });
}

const deletion: AuditEntry = {
  id: 'au-del',
  // 01:30 on 28 November in China.
  at: '2025-11-27T17:30:00.000Z',
  branchId: 'b1',
  entity: 'meeting',
  entityId: 'gone1',
  action: 'delete',
  reason: '',
  summary: '删除了支委会草稿「研究第四季度工作」（2025-09-30）',
};

/** The factory's branch-year with a 考评 whose items cite every kind of record, and a second 自评 of the year. */
function scenario(): DossierData {
  const base = makeDossierData();
  const lastYear = { ...base.meetings.find((m) => m.id === 'mt2')!, id: 'mt0', date: '2024-12-30', seq: 12 };
  const own = base.assessments[0]!;
  const snapshot: Assessment['standardSnapshot'] = {
    ...own.standardSnapshot,
    totalScore: 10,
    items: [
      {
        code: 'A1',
        dimension: '领导班子好、战斗力强',
        content: '支委会每月召开1次',
        method: '',
        maxScore: 2,
        rule: {
          kind: 'frequency',
          meetingKind: '支委会',
          tiers: [{ label: '每月1次', per: 'month', minCount: 1, score: 2 }],
        },
      },
      {
        code: 'A2',
        dimension: '领导班子好、战斗力强',
        content: '书记抓党建',
        method: '',
        maxScore: 4,
        rule: { kind: 'manual' },
      },
      {
        code: 'A3',
        dimension: '活动有阵地',
        content: '党员活动阵地达到“七有”标准',
        method: '',
        maxScore: 4,
        rule: { kind: 'checklist', source: 'sevenHaves' },
      },
    ],
    grades: [
      { label: '较差', minScore: 0 },
      { label: '优秀', minScore: 9 },
      { label: '良好', minScore: 7.5 },
    ],
  };
  const selfAssessment: Assessment = {
    ...own,
    standardSnapshot: snapshot,
    scores: [
      {
        code: 'A1',
        score: 1,
        auto: true,
        autoScore: 2,
        overrideReason: '第二季度两次会议只是传达文件',
        comment: '',
        explanation: '12 个月中 12 个月有记录，达到「每月1次」档，得 2 分',
        evidenceIds: ['mt2', 'mt0', 'gone1', 'mt3'],
      },
      {
        code: 'A2',
        score: 3.5,
        auto: false,
        overrideReason: '',
        comment: '述职材料齐全',
        evidenceIds: ['v1', 'r1', 'l1'],
      },
      {
        code: 'A3',
        score: 3.43,
        auto: true,
        autoScore: 3.43,
        overrideReason: '',
        comment: '',
        explanation: '主阵地“机关党员活动室”“七有” 7 项中达到 6 项，得 3.43 分',
        evidenceIds: ['v1'],
      },
    ],
    total: 7.93,
    grade: '良好',
  };
  // A second 自评 of the year, scored later against another standard: the one 历年考评得分 counts.
  const later: Assessment = {
    ...selfAssessment,
    id: 'as2',
    standardSnapshot: { ...snapshot, name: '机关党支部标准化规范化建设考评标准' },
    total: 9,
    grade: '优秀',
    date: '2026-01-10',
  };
  const higher: Assessment = { ...selfAssessment, id: 'as3', kind: '上级评定', date: '2026-01-12' };
  const leader = (id: string, role: Responsibility['role'], holderName: string): Responsibility => ({
    ...base.responsibilities[0]!,
    id,
    role,
    holderName,
    holderMemberId: '',
    duties: ['抓好分管领域党建工作'],
    tasks: [],
    reports: [],
  });
  const first = base.responsibilities[0]!;
  const evaluation = (id: string, memberId: string, grade: '' | '优秀' | '合格' | '基本合格') => ({
    ...base.memberEvaluations[0]!,
    id,
    memberId,
    grade,
    createdAt: T,
  });
  return {
    ...base,
    meetings: [lastYear, ...base.meetings],
    audit: [...base.audit, deletion],
    assessments: [later, selfAssessment, higher],
    // Stored as they were entered: 分管 first, the 第一责任人 in the middle.
    responsibilities: [
      leader('r3', '分管', '周海涛'),
      { ...first, tasks: [{ ...first.tasks[0]!, evidenceMeetingIds: ['mt5', 'gone1'] }] },
      leader('r2', '直接责任人', '李春梅'),
      leader('r4', '分管', '陈志强'),
    ],
    memberEvaluations: [
      evaluation('me5', 'm5', '合格'),
      base.memberEvaluations[0]!,
      evaluation('me9', 'm9', '基本合格'),
      evaluation('me7', 'm7', ''),
    ],
  };
}

describe('dossier 评价有标准: 佐证', () => {
  const built = buildDossier(scenario(), OPTS);
  const content = built.docDefinition.content;
  const part = sectionPart(content, SECTION_TITLES.standards);
  const [self] = itemRows(part);

  it('names a cited venue, leader’s list and learning entry with the page they are printed on', () => {
    const a2 = self!.get('A2');
    const texts = textsOf(a2);
    expect(texts).toContain('阵地：机关党员活动室');
    expect(texts).toContain('责任清单：王建国（第一责任人，2025年度）');
    expect(texts).toContain('学习：2025年5月10日 张卫东 月写一篇：学习心得体会');
    expect(texts).not.toContain('（不在本卷期间内的记录）');
    const refs = nodesWhere(a2, (o) => typeof o.pageReference === 'string').map((o) => o.pageReference);
    expect(refs).toEqual([venueAnchor('v1'), responsibilityAnchor('r1'), learningAnchor('l1')]);
    // Each reference points at a node of the volume: the venue's heading, the leader's heading, the learning row.
    const ids = new Set(nodesWhere(content, (o) => typeof o.id === 'string').map((o) => o.id));
    for (const ref of refs) expect(ids).toContain(ref);
    // A 七有 item's evidence (the main venue) too.
    expect(textsOf(self!.get('A3'))).toContain('阵地：机关党员活动室');
  });

  it('tells a record of another year from one deleted since, and says the item’s score rests on a deleted one', () => {
    const a1 = self!.get('A1');
    const texts = textsOf(a1);
    expect(texts).toContain('（不在本卷期间内的记录：2024年12月30日 支委会第12次）');
    expect(texts).toContain('（该记录已于 2025年11月28日 删除）');
    expect(texts).toContain(deletion.summary);
    expect(texts).toContain('本项得分所依据的记录中有 1 条已删除，得分依据不完整');
    // The records in the volume keep their page; the other two have none.
    const refs = nodesWhere(a1, (o) => typeof o.pageReference === 'string').map((o) => o.pageReference);
    expect(refs).toEqual([recordAnchor('mt2'), recordAnchor('mt3')]);
    // Items whose records all exist carry no such warning.
    expect(textsOf(self!.get('A2')).join('\n')).not.toContain('已删除');
  });

  it('names the evidence of a leader’s task the same way, with the page it is on', () => {
    const part = sectionPart(content, SECTION_TITLES.responsibility);
    // The date and what the record was, a line breaking between them (never inside 「党课第1次」).
    const texts = textsOf(part);
    expect(texts[texts.indexOf('2025年3月3日 ') + 1]).toBe('党课第1次');
    expect(texts).toContain('（该记录已于 2025年11月28日 删除）');
    const refs = nodesWhere(part, (o) => typeof o.pageReference === 'string').map((o) => o.pageReference);
    expect(refs).toEqual([recordAnchor('mt5')]);
  });
});

describe('dossier 评价有标准: the item table over pages', () => {
  /** The item tables, in the order the 考评 are printed. */
  const tables = (data: DossierData) =>
    nodesWhere(sectionPart(buildDossier(data, OPTS).docDefinition.content, SECTION_TITLES.standards), (o) => {
      const body = (o.table as { body?: unknown[][] } | undefined)?.body;
      return !!body && textsOf(body[0]).includes('评语与佐证');
    }).map((t) => t.table as { keepWithHeaderRows?: number; dontBreakRows?: boolean; body: unknown[][] });

  it('goes on with an item citing a year of meetings in rows that name it (「A3（续）」), never breaking a row', () => {
    const data = scenario();
    const monthly = data.meetings.filter((m) => m.date.startsWith('2025')).map((m) => m.id);
    expect(monthly.length).toBeGreaterThan(8);
    const tall = {
      ...data,
      assessments: data.assessments.map((a) =>
        a.id === 'as2'
          ? { ...a, scores: a.scores.map((sc) => (sc.code === 'A3' ? { ...sc, evidenceIds: monthly } : sc)) }
          : a,
      ),
    };
    const [, second] = tables(tall);
    // A row that breaks over a page left the next page's 佐证 under an empty 编号: no row breaks now, and the header
    // row keeps with the first row (a third of a page at most).
    expect(second!.dontBreakRows).toBe(true);
    expect(second!.keepWithHeaderRows).toBe(1);
    // as2 is printed second (by 考评日期); its first item is A3 (活动有阵地 first).
    const codes = second!.body.slice(1).map(codeOf);
    const more = codes.filter((c) => c === 'A3（续）').length;
    expect(more).toBeGreaterThan(0);
    expect(codes.slice(0, 2 + more)).toEqual(['A3', ...Array<string>(more).fill('A3（续）'), 'A1']);
    // Every record in order, each with its page, however many rows they take.
    const a3 = second!.body.slice(1, 2 + more);
    const refs = nodesWhere(a3, (o) => typeof o.pageReference === 'string').map((o) => o.pageReference);
    expect(refs).toEqual(monthly.map(recordAnchor));
    // Citing one venue, A3 keeps its one row.
    for (const t of tables(data)) expect(t.body.slice(1).map(codeOf).slice(0, 2)).toEqual(['A3', 'A1']);
  });
});

describe('dossier 评价有标准: how a score was reached', () => {
  const part = sectionPart(buildDossier(scenario(), OPTS).docDefinition.content, SECTION_TITLES.standards);
  const [self] = itemRows(part);

  it('prints an adjusted automatic score as 「自动得分 … 调整为 …，理由」, never as 按记录自动计分', () => {
    const texts = textsOf(self!.get('A1')).join('\n');
    expect(texts).toContain('自动得分 2 分，调整为 1 分，理由：第二季度两次会议只是传达文件');
    expect(texts).toContain('12 个月中 12 个月有记录，达到「每月1次」档，得 2 分');
    expect(texts).not.toContain('按记录自动计分');
    expect(texts).not.toContain('调整理由');
  });

  it('prints an automatic item’s stored calculation, and a manual item’s comment', () => {
    const a3 = textsOf(self!.get('A3')).join('\n');
    expect(a3).toContain('主阵地“机关党员活动室”“七有” 7 项中达到 6 项，得 3.43 分');
    expect(a3).not.toContain('按记录自动计分');
    expect(a3).not.toContain('调整');
    expect(textsOf(self!.get('A2'))).toContain('述职材料齐全');
  });

  it('lists the standard’s grade bands, highest first, under each 考评’s summary', () => {
    const texts = textsOf(part);
    expect(texts.filter((t) => t === '等次：优秀 ≥ 9；良好 ≥ 7.5；较差 < 7.5')).toHaveLength(3);
  });

  it('says which of two 自评 of one year the 历年考评得分 counts: the later by 考评日期', () => {
    const texts = textsOf(part);
    const notes = texts.filter((t) => t.startsWith('2025年度共有'));
    // In date order: the earlier one first.
    expect(notes).toEqual([
      '2025年度共有 2 份自评，历年考评得分以考评日期为 2026年1月10日 的一份（机关党支部标准化规范化建设考评标准，9 分）为准，本份不计入。',
      '2025年度共有 2 份自评，历年考评得分以考评日期最晚的本份为准。',
    ]);
    // The only 上级评定 of the year needs no note.
    expect(texts.join('\n')).not.toContain('份上级评定');
  });

  it('on one 考评日期, counts the one saved later', () => {
    const data = scenario();
    const sameDay = {
      ...data,
      assessments: data.assessments.map((a) =>
        a.id === 'as2' ? { ...a, date: '2025-12-25', createdAt: '2025-12-25T09:00:00.000Z' } : a,
      ),
    };
    const texts = textsOf(sectionPart(buildDossier(sameDay, OPTS).docDefinition.content, SECTION_TITLES.standards));
    // Printed by 考评日期, then in a fixed order.
    expect(texts.filter((t) => t.startsWith('2025年度共有'))).toEqual([
      '2025年度共有 2 份自评，历年考评得分以同一考评日期（2025年12月25日）后保存的一份（机关党支部标准化规范化建设考评标准，9 分）为准，本份不计入。',
      '2025年度共有 2 份自评，历年考评得分以同一考评日期中后保存的本份为准。',
    ]);
  });
});

describe('dossier 领导有责任 and 民主评议党员: order', () => {
  const content = buildDossier(scenario(), OPTS).docDefinition.content;

  it('lists the leaders as the 领导责任 page does: 第一责任人 first, then by role and name', () => {
    const headings = nodesWhere(sectionPart(content, SECTION_TITLES.responsibility), (o) => o.style === 'h2').map(
      (o) => o.text,
    );
    expect(headings).toEqual([
      '王建国（第一责任人，2025年度）',
      '李春梅（直接责任人，2025年度）',
      '陈志强（分管，2025年度）',
      '周海涛（分管，2025年度）',
    ]);
  });

  it('says when each 第一责任人 held the post after a 年内换届, so that two do not read as side by side', () => {
    const data = scenario();
    const first = data.responsibilities.find((r) => r.role === '第一责任人')!;
    const handedOver: DossierData = {
      ...data,
      responsibilities: [
        ...data.responsibilities.map((r) => (r.id === first.id ? { ...r, to: '2025-07-15' } : r)),
        {
          ...first,
          id: 'resp-new',
          holderName: '胡桂兰',
          holderMemberId: '',
          from: '2025-07-15',
          tasks: [],
          reports: [],
        },
      ],
    };
    const part = sectionPart(buildDossier(handedOver, OPTS).docDefinition.content, SECTION_TITLES.responsibility);
    const headings = nodesWhere(part, (o) => o.style === 'h2').map((o) => o.text);
    expect(headings.slice(0, 2)).toEqual([
      '王建国（第一责任人，2025年度，至7月15日）',
      '胡桂兰（第一责任人，2025年度，7月15日起）',
    ]);
  });

  it('prints the 民主评议 rows in roster order, with the year’s figures per grade', () => {
    const texts = textsOf(sectionPart(content, SECTION_TITLES.standards));
    const table = nodesWhere(sectionPart(content, SECTION_TITLES.standards), (o) => {
      const body = (o.table as { body?: unknown[][] } | undefined)?.body;
      return !!body && textsOf(body[0]).includes('组织评定');
    })[0]!;
    const names = (table.table as { body: unknown[][] }).body.slice(1).map((row) => row[0]);
    // 一、支部概况 lists the members by 入党时间: 李春梅 (2001), 陈志强 (2004), 赵明远 (2006), 周海涛 (2008).
    expect(names).toEqual(['李春梅', '陈志强', '赵明远', '周海涛']);
    expect(texts).toContain('参评 3 人，优秀 1 人，合格 1 人，基本合格 1 人，不合格 0 人；另有 1 人未评定等次。');
  });
});

describe.skipIf(!hasPoppler)('dossier 评价有标准 in the PDF (needs poppler-utils)', () => {
  let pages: string[];
  const dir = mkdtempSync(join(tmpdir(), 'dossier-standards-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeAll(async () => {
    const fonts = Object.fromEntries(
      FONT_FILES.map((f) => [f, new Uint8Array(readFileSync(join('resources/fonts', f)))]),
    );
    const pdf = join(dir, 'dossier.pdf');
    writeFileSync(pdf, await renderPdf(buildDossier(scenario(), OPTS).docDefinition, fonts));
    pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).split(
      '\f',
    );
  }, 60_000);

  /** The page number a 佐证 line starting with `label` names (a long label wraps; its number is on its first line). */
  const citedPage = (label: string) => {
    const line = pages.flatMap((p) => p.split('\n')).find((l) => l.includes(label) && /\d+\s*$/.test(l));
    expect(line, label).toBeDefined();
    return Number(/(\d+)\s*$/.exec(line!)![1]);
  };

  it('names the page a cited venue, leader’s list and learning entry is printed on', () => {
    expect(pages[citedPage('阵地：机关党员活动室') - 1]).toContain('（一）机关党员活动室');
    expect(pages[citedPage('责任清单：王建国') - 1]).toContain('王建国（第一责任人，2025年度）');
    expect(pages[citedPage('学习：2025年5月10日') - 1]).toMatch(/2025年5月10日\s+张卫东\s+月写一篇\s+学习心得体会/);
    expect(pages.join('\f')).not.toContain('00000');
  });
});
