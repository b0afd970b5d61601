// The 组织生活落实情况 of a volume that is a date range, not a calendar year: a rule with no whole period inside the
// range says it is not counted (never 「0 / 0 —」 beside a 组织生活会 printed in the same volume), and the sentence under
// the table names the whole months, quarters and years counted and the days whose records are in the volume but not
// in the table. A calendar year prints as before. Read from the document definition, and once from the PDF.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDossier } from '../../../shared/dossier/build';
import type { DossierData, DossierOptions } from '../../../shared/dossier/data';
import { FONT_FILES } from '../../../shared/dossier/layout';
import { renderPdf } from '../../../shared/dossier/render';
import type { Meeting } from '../../../shared/schemas/entities';
import { makeDossierData } from './factory';
import { hasPoppler } from './poppler';

const BASE = { generatedAt: '2026-11-28T01:00:00.000Z', appVersion: '0.1.0', schemaVersion: 6 };

type Json = Record<string, unknown>;

/** Every string of a node, in order. */
function textOf(node: unknown): string {
  if (typeof node === 'string') return node;
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (node && typeof node === 'object') {
    const o = node as Json;
    if (o.text !== undefined) return textOf(o.text);
    if (o.stack !== undefined) return textOf(o.stack);
  }
  return '';
}

/** The 组织生活落实情况 rows as text (label → [达标期数, 未达标期间]) and the sentence under the table. */
function compliance(data: DossierData, options: Partial<DossierOptions>) {
  const content = buildDossier(data, { ...BASE, ...options }).docDefinition.content;
  let body: unknown[][] | undefined;
  let note: string | undefined;
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Json;
    const rows = (o.table as Json | undefined)?.body as unknown[][] | undefined;
    if (rows && textOf(rows[0]).includes('达标期数')) body ??= rows.slice(1);
    if (typeof o.text === 'string' && o.text.includes('频次规则：')) note ??= o.text;
    for (const v of Object.values(o)) if (v && typeof v === 'object') walk(v);
  };
  walk(content);
  if (!body || note === undefined) throw new Error('no 组织生活落实情况 in the volume');
  const rows = new Map(body.map((r) => [textOf(r[0]), [textOf(r[2]), textOf(r[3])]] as const));
  return { rows, note };
}

/** The factory's 2025 with 主题党日 on 21 March, 21 April and 5 September, and a second 党课 on 20 May. */
function data(): DossierData {
  const base = makeDossierData();
  const themeDay = base.meetings.find((m) => m.kind === '主题党日')!;
  const lecture = base.meetings.find((m) => m.kind === '党课')!;
  const copy = (m: Meeting, id: string, date: string): Meeting => ({ ...m, id, date, attachmentIds: [] });
  return {
    ...base,
    meetings: [
      ...base.meetings,
      copy(themeDay, 'td-0321', '2025-03-21'),
      copy(themeDay, 'td-0421', '2025-04-21'),
      copy(themeDay, 'td-0905', '2025-09-05'),
      copy(lecture, 'lc-0520', '2025-05-20'),
    ],
  };
}

const ANNUAL = ['党课（书记讲）', '组织生活会', '民主评议党员', '谈心谈话'];

describe('a volume of the year still running', () => {
  it('says 未到期 of a rule with nothing due yet, never 0 / 0', () => {
    // Exported on 30 June, before the year's 组织生活会 and 民主评议党员.
    const held = data();
    const yearEnd = new Set(['组织生活会', '民主评议党员']);
    const early = { ...held, meetings: held.meetings.filter((m) => !yearEnd.has(m.kind)) };
    const { rows } = compliance(early, { year: 2025, generatedAt: '2025-06-30T02:00:00.000Z' });
    expect(rows.get('组织生活会')).toEqual(['未到期', '待 2025年']);
    const cells = [...rows.values()];
    expect(cells.filter(([count]) => count === '0 / 0')).toEqual([]);
    const notDue = cells.filter(([count]) => count === '未到期');
    expect(notDue.length).toBeGreaterThan(0);
    // Each says which period is still open.
    for (const [, open] of notDue) expect(open).toMatch(/^待 /);
  });
});

describe('a branch that began its ledger during the year', () => {
  it('says from when, where earlier gaps are counted as not held; and nothing of it otherwise', () => {
    const base = data();
    const late = { ...base, branch: { ...base.branch, createdAt: '2025-06-10T02:00:00.000Z' } };
    expect(compliance(late, { year: 2025 }).note).toContain(
      '本支部于2025年6月10日开始使用本台账，此前的期间如未补录，均按未开展统计。',
    );
    expect(compliance(base, { year: 2025 }).note).not.toContain('开始使用本台账');
  });
});

describe('a volume of 2025-03-15 to 2025-09-14', () => {
  const { rows, note } = compliance(data(), { from: '2025-03-15', to: '2025-09-14' });

  it('says the annual rules are not counted, instead of 0 / 0 with no gap', () => {
    for (const label of ANNUAL) expect(rows.get(label)).toEqual(['不统计', '本卷未含完整年度']);
  });

  it('counts the whole months and quarter as before', () => {
    // April's 主题党日 meets; the 21 March and 5 September ones lie in months the range cuts.
    expect(rows.get('主题党日')).toEqual(['1 / 5', '5月、6月、7月、8月']);
    expect(rows.get('支部党员大会')).toEqual(['1 / 1', '—']);
  });

  it('names the whole periods counted and the days whose records are in the volume but not in the table', () => {
    expect(note).toContain('本卷按 2025年4月—8月 5 个完整月、2025年第二季度 1 个完整季度统计，未含完整年度。');
    expect(note).toContain(
      '3月15日—31日、9月1日—14日的支委会、党小组会、主题党日，' +
        '3月15日—31日、7月1日—9月14日的支部党员大会，' +
        '以及本卷期间的党课、组织生活会、民主评议党员、谈心谈话，记录已收入本卷，但不计入上表。',
    );
    expect(note).not.toContain('跨出本卷期间');
  });
});

describe('a volume of 2025-07-01 to 2026-06-30', () => {
  const { rows, note } = compliance(data(), { from: '2025-07-01', to: '2026-06-30' });

  it('says the annual rules are not counted', () => {
    for (const label of ANNUAL) expect(rows.get(label)).toEqual(['不统计', '本卷未含完整年度']);
  });

  it('names twelve whole months and four whole quarters, across the two years', () => {
    expect(note).toContain(
      '本卷按 2025年7月—2026年6月 12 个完整月、2025年第三季度—2026年第二季度 4 个完整季度统计，未含完整年度。' +
        '本卷期间的党课、组织生活会、民主评议党员、谈心谈话，记录已收入本卷，但不计入上表。',
    );
  });
});

describe('a 党课 rule per half-year (地方规定)', () => {
  it('is counted in a volume of the first half and not in one without a whole half', () => {
    const half = compliance(data(), { from: '2025-01-01', to: '2025-06-30', rulePackId: 'local-lecture-half' });
    expect(half.rows.get('党课（书记讲）')).toEqual(['1 / 1', '—']);
    expect(half.note).toContain('、2025年上半年 1 个完整半年统计，未含完整年度。');
    const cut = compliance(data(), { from: '2025-03-15', to: '2025-09-14', rulePackId: 'local-lecture-half' });
    expect(cut.rows.get('党课（书记讲）')).toEqual(['不统计', '本卷未含完整半年']);
    expect(cut.note).toContain('统计，未含完整半年、年度。');
  });
});

describe('a volume without one whole month', () => {
  it('says nothing is counted, and no 合计 of 0 / 0', () => {
    const { rows, note } = compliance(data(), { from: '2025-03-15', to: '2025-04-10' });
    expect(rows.get('支委会')).toEqual(['不统计', '本卷未含完整月份']);
    expect(rows.get('支部党员大会')).toEqual(['不统计', '本卷未含完整季度']);
    expect(note).toMatch(/^本卷未含完整的月份、季度、年度，上表各项均不统计。本卷期间的支部党员大会、支委会、/);
    expect(note).not.toContain('合计达标');
  });
});

describe('volumes that count every day they hold', () => {
  it('prints a calendar year as before', () => {
    const { rows, note } = compliance(data(), { year: 2025 });
    expect(rows.get('组织生活会')).toEqual(['1 / 1', '—']);
    expect(note).toBe(
      '合计达标 22 / 65 期，统计截至 2025年12月31日。其中 1 条记录尚未定稿（草稿），按已召开计入。' +
        '频次规则：条例默认——2018年《中国共产党支部工作条例（试行）》规定的频次。',
    );
  });

  it('says nothing of whole periods in a range of whole years', () => {
    const { note } = compliance(data(), { from: '2024-01-01', to: '2025-12-31' });
    expect(note).not.toContain('本卷按');
    expect(note).not.toContain('不计入上表');
    expect(note).not.toContain('跨出本卷期间');
  });
});

const dir = mkdtempSync(join(tmpdir(), 'dossier-range-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!hasPoppler)('the printed range volume', () => {
  it('prints 不统计 on the annual rows and the span counted under the table', async () => {
    const fonts = Object.fromEntries(
      FONT_FILES.map((f) => [f, new Uint8Array(readFileSync(join('resources/fonts', f)))]),
    );
    const pdf = join(dir, 'range.pdf');
    const definition = buildDossier(data(), { ...BASE, from: '2025-03-15', to: '2025-09-14' }).docDefinition;
    writeFileSync(pdf, await renderPdf(definition, fonts));
    const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    const table = text.slice(text.indexOf('组织生活落实情况'), text.indexOf('频次规则'));
    expect(table).toMatch(/组织生活会.*不统计本卷未含完整年度/);
    expect(table).toMatch(/谈心谈话.*不统计本卷未含完整年度/);
    expect(table).not.toContain('0/0');
    expect(table).toContain('本卷按2025年4月—8月5个完整月、2025年第二季度1个完整季度统计');
    expect(table).toContain('3月15日—31日、9月1日—14日的支委会');
  });
});
