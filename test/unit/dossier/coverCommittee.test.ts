// The 卷宗's cover and 支委会 table say who held office in the volume's period (after a 换届 both 书记, with dates),
// and a long official branch name keeps the cover on one page and the running header on one line.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDossier, coverTitleSize, coverTitleText, dossierHeaderLine } from '../../../shared/dossier/build';
import type { DossierData } from '../../../shared/dossier/data';
import { FONT_FILES } from '../../../shared/dossier/layout';
import { renderPdf } from '../../../shared/dossier/render';
import { makeDossierData } from './factory';
import { hasPoppler } from './poppler';

const OPTS = { year: 2025, generatedAt: '2026-01-05T01:00:00.000Z', appVersion: '0.1.0', schemaVersion: 1 };
const dir = mkdtempSync(join(tmpdir(), 'dossier-cover-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The factory's branch-year after a 换届 in July: 王建国 handed over to 赵立平, who is today's 书记. */
function afterHandover(): DossierData {
  const base = makeDossierData();
  return {
    ...base,
    branch: {
      ...base.branch,
      committee: [
        { name: '赵立平', role: '书记', from: '2025-07-15' },
        { name: '王建国', role: '书记', memberId: 'm1', from: '2021-03-01', to: '2025-07-15' },
        ...base.branch.committee.filter((c) => c.role !== '书记'),
        { name: '钱卫国', role: '纪检委员', to: '2024-12-31' },
      ],
    },
  };
}

/** The words of a node tree without its style names. */
const words = (node: unknown) => texts(node).filter((t) => !['th', '*', 'center', 'h2'].includes(t));

function texts(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') out.push(node);
  else if (Array.isArray(node)) for (const c of node) texts(c, out);
  else if (node && typeof node === 'object') for (const v of Object.values(node)) texts(v, out);
  return out;
}

async function pdfText(data: DossierData, name: string): Promise<string[]> {
  const built = buildDossier(data, { ...OPTS, volume: 1 });
  const fonts = Object.fromEntries(
    FONT_FILES.map((f) => [f, new Uint8Array(readFileSync(join('resources/fonts', f)))]),
  );
  const file = join(dir, name);
  writeFileSync(file, await renderPdf(built.docDefinition, fonts));
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f');
}

describe('who held office in the period', () => {
  it('the cover names both 书记 of a year with a 换届, each with the months; the table adds a 任职 column', () => {
    const content = buildDossier(afterHandover(), { ...OPTS, volume: 1 }).docDefinition.content as unknown[];
    const cover = texts(content[0]);
    expect(cover).toContain('王建国（至7月15日）、赵立平（7月15日起）');
    const all = words(content).join('\n');
    // The 纪检委员 who left before 2025 is not in the 2025 table; the others served the whole year.
    expect(all).not.toContain('钱卫国');
    expect(all).toMatch(/任职\n书记\n王建国\n至7月15日\n书记\n赵立平\n7月15日起\n组织委员\n李春梅\n全期/);
  });

  it("without dates the cover and table are as before: today's 书记, two columns", () => {
    const content = buildDossier(makeDossierData(), { ...OPTS, volume: 1 }).docDefinition.content as unknown[];
    expect(texts(content[0])).toContain('王建国');
    expect(words(content).join('\n')).toMatch(/职务\n姓名\n书记\n王建国\n组织委员/);
  });
});

describe('the 届期 of the period', () => {
  /** The factory's branch after a 换届 on 2025-07-15, logged as the app logs it: the old term in `changes`. */
  const reelected = (logged: boolean): DossierData => {
    const base = makeDossierData();
    const branch = { ...base.branch, termStart: '2025-07-15', termEnd: '2028-07-14' };
    const entry = {
      id: 'au-term',
      at: '2025-07-16T02:00:00.000Z',
      branchId: branch.id,
      entity: 'branch',
      entityId: branch.id,
      action: 'update' as const,
      reason: '',
      summary: '修改了届期开始日期、届期结束日期',
      changes: [
        { field: 'termStart', label: '届期开始日期', before: '2022-07-15', after: '2025-07-15' },
        { field: 'termEnd', label: '届期结束日期', before: '2025-07-14', after: '2028-07-14' },
      ],
    };
    return { ...base, branch, audit: logged ? [...base.audit, entry] : base.audit };
  };
  const termLine = (data: DossierData, options: object) => {
    const content = buildDossier(data, { ...OPTS, volume: 1, ...options }).docDefinition.content;
    const all = words(content)
      .filter((t) => t !== 'label')
      .join('');
    return /(本届任期|届期)(.*?)党员人数/.exec(all)?.slice(1, 3).join('|');
  };

  it('prints the term of the period, not today’s: the old one for 2024, both for the year of the 换届', () => {
    expect(termLine(reelected(true), { year: 2024 })).toBe('本届任期|2022年7月15日至2025年7月14日');
    expect(termLine(reelected(true), { year: 2025 })).toBe(
      '届期|2022年7月15日至2025年7月14日；2025年7月15日至2028年7月14日',
    );
  });

  it('says what it does not know when the log has no earlier term', () => {
    expect(termLine(reelected(false), { year: 2024 })).toBe(
      '本届任期|本卷期间的届期未登记（现任届期 2025年7月15日至2028年7月14日）',
    );
    expect(termLine(reelected(false), { year: 2025 })).toBe(
      '本届任期|2025年7月15日至2028年7月14日（2025年7月15日换届，此前的届期未登记）',
    );
  });
});

describe('the branch name on the cover', () => {
  it('stays on one line when it fits, and is broken where a reader would when it does not', () => {
    expect(coverTitleText('市财政局机关第一党支部', 30)).toBe('市财政局机关第一党支部');
    // pdfmake filled the first line and left 「支部」 alone: 「市发展和改革委员会机关第二党 / 支部」.
    expect(coverTitleText('市发展和改革委员会机关第二党支部', 30)).toBe('市发展和改革委员会机关\n第二党支部');
    // No 「第…」 to break before: after an organisation's word, the two lines as even as that allows.
    expect(coverTitleText('市发展和改革委员会机关综合处党支部', 30)).toBe('市发展和改革委员会机关\n综合处党支部');
    // Each line fits the text width as drawn, character spacing included (13 characters at 30 pt).
    for (const line of coverTitleText('某某某某某某某某某某某某某某某某某某某某某某', 30).split('\n')) {
      expect(Array.from(line).length).toBeLessThanOrEqual(13);
    }
  });

  it.skipIf(!hasPoppler)(
    'prints the name in two lines on the cover, whole in the 支部概况, and a rank whole in the 名册 (read back)',
    async () => {
      const base = makeDossierData();
      const name = '市发展和改革委员会机关第二党支部';
      const members = base.members.map((m, i) =>
        // A member who left in the year adds the 期内变动 column, which narrowed 职务 to five characters.
        i === 1 ? { ...m, post: '四级主任科员', leftDate: '2025-09-30', leftReason: '调离' } : m,
      );
      const pages = await pdfText({ ...base, branch: { ...base.branch, name }, members }, 'names.pdf');
      const lines = pages.join('\n').split('\n');
      const cover = pages[0]!.split('\n').map((l) => l.replace(/\s+/g, ''));
      const first = cover.findIndex((l) => l === '市发展和改革委员会机关');
      expect(first).toBeGreaterThan(-1);
      expect(cover.slice(first + 1).find((l) => l)).toBe('第二党支部');
      expect(lines.some((l) => new RegExp(`支部名称\\s+${name}\\s*$`).test(l))).toBe(true);
      expect(lines.some((l) => /上级党组织\s+\S/.test(l))).toBe(true);
      expect(lines.some((l) => l.includes('四级主任科员'))).toBe(true);
    },
    60_000,
  );

  it('leaves a name of more than two lines to pdfmake', () => {
    const long = '中共某某省某某市某某区某某街道办事处某某社区居民委员会机关第一党支部委员会';
    expect(coverTitleText(long, 30)).toBe(long);
  });
});

describe('a long official branch name', () => {
  const long = '中共某某省某某市某某区某某街道办事处某某社区居民委员会机关第一党支部委员会';

  it('sizes the cover title to two lines and the running header to one', () => {
    expect(coverTitleSize('市财政局机关第一党支部')).toBe(30);
    expect(coverTitleSize(long)).toBeLessThan(30);
    expect(dossierHeaderLine('市财政局机关第一党支部', '2025年度')).toEqual({
      text: '市财政局机关第一党支部 · 2025年度 迎检卷宗',
      fontSize: 9,
    });
    const sixty = long + '某某某某某某某某某某某某某某某某某某某某某某';
    const header = dossierHeaderLine(sixty, '2025年1月1日至2025年12月31日');
    expect(header.fontSize).toBe(7);
    expect(header.text).toMatch(/^中共.+… · 2025年1月1日至2025年12月31日 迎检卷宗$/);
  });

  it.skipIf(!hasPoppler)(
    'keeps the signature lines and the fingerprint on the cover (read back from the PDF)',
    async () => {
      const base = makeDossierData();
      const pages = await pdfText({ ...base, branch: { ...base.branch, name: long } }, 'long.pdf');
      expect(pages[0]).toContain('数据指纹');
      expect(pages[0]).toContain('审核人');
      // Page 2 starts with the one-line running header, then the 目录.
      expect(pages[1]!.trimStart().split('\n')[0]).toContain(`${long} · 2025年度 迎检卷宗`);
      expect(pages[1]).toContain('目');
    },
    60_000,
  );
});
