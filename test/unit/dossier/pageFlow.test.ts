// How the 迎检卷宗 of a realistic branch-year falls onto pages: no heading is left alone at the foot of a page.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDossier } from '../../../shared/dossier/build';
import type { DossierData } from '../../../shared/dossier/data';
import { FONT_FILES } from '../../../shared/dossier/layout';
import { photoCaption } from '../../../shared/dossier/meetingRecord';
import { SEVEN_HAVES } from '../../../shared/domain/vocab';
import { renderPdf } from '../../../shared/dossier/render';
import { specOf } from '../../../scripts/seed/source';
import { inspectBackupFile, readBranchData } from '../../../scripts/dossier';
import { seedBytes } from '../seed/helpers';
import { hasPoppler } from './poppler';

/** The text of every heading node (h1–h3, record titles) of a definition, whitespace removed. */
function headings(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const n of node) headings(n, out);
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (typeof o.style === 'string' && /^(h[123]|recordTitle)$/.test(o.style) && typeof o.text === 'string') {
      out.add(o.text.replace(/\s+/g, ''));
    }
    for (const v of Object.values(o)) headings(v, out);
  }
  return out;
}

describe.skipIf(!hasPoppler)('page flow of the typical branch-year (needs poppler-utils)', () => {
  let pages: string[][];
  let layoutText: string;
  let titles: Set<string>;
  let data: DossierData;
  let header: string;
  let dir: string;

  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dossier-flow-'));
    const backup = join(dir, 'typical.zip');
    writeFileSync(backup, await seedBytes(specOf('typical')));
    const { branches } = await inspectBackupFile(backup);
    data = await readBranchData(backup, branches[0]!.id);
    const built = buildDossier(data, {
      from: '2025-01-01',
      to: '2025-12-31',
      volume: 1,
      generatedAt: '2026-01-05T01:00:00.000Z',
      appVersion: '0.1.0',
      schemaVersion: 5,
    });
    titles = headings(built.docDefinition.content);
    const fonts = Object.fromEntries(
      FONT_FILES.map((f) => [f, new Uint8Array(readFileSync(join('resources/fonts', f)))]),
    );
    const pdf = join(dir, 'dossier.pdf');
    writeFileSync(pdf, await renderPdf(built.docDefinition, fonts));
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    layoutText = text;
    header = `${data.branch.name}·2025年1月1日至2025年12月31日迎检卷宗`;
    pages = text.split('\f').map((p) =>
      p
        .split('\n')
        .map((l) => l.replace(/\s+/g, ''))
        .filter((l) => l && !/^第\d+页共\d+页$/.test(l)),
    );
  }, 120_000);

  it('has headings, and none of them is the last line of a page', () => {
    expect(pages.length).toBeGreaterThan(100);
    expect(titles.has('附件与现场照片')).toBe(true);
    const orphans = pages.flatMap((lines, i) => {
      const last = lines[lines.length - 1];
      return last && titles.has(last) ? [`第 ${i + 1} 页：${last}`] : [];
    });
    expect(orphans).toEqual([]);
  });

  it("starts a record's 会议内容 on the page its 出席情况 ends on when two lines fit there", () => {
    // The first 支委会 of the year: its 出席情况 leaves about a third of the page. Kept whole, the 会议内容 block
    // moved to the next page and left that third blank; now its heading and first lines fill it.
    const first = pages.findIndex(
      (lines) => lines.some((l) => l.includes('研究制定本年度支部党建工作计划等事项')) && lines.includes('出席情况'),
    );
    expect(first).toBeGreaterThan(0);
    const page = pages[first]!;
    expect(page).toContain('会议内容');
    expect(page.indexOf('会议内容')).toBeLessThan(page.length - 2);
    // … and the rest of it continues at the top of the next page, no line lost.
    expect(pages[first + 1]![0]).not.toBe('会议内容');
  });

  it('keeps every date in a table on one line', () => {
    // A date column narrower than 「2025年12月28日」 put the 日 on a line of its own (learning list, 任务期限, 附录).
    expect(layoutText).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
    const broken = layoutText.split('\n').filter((l) => /\d{4}年\d{1,2}月\d{1,2}(?![\d日])/.test(l));
    expect(broken).toEqual([]);
  });

  /** Lines that close a record: its 记录状态 and amendment notes and the 签字 line. */
  const closing = (l: string) => /^(记录状态：|补录说明：|更正记录：)/.test(l) || /（签字）：/.test(l);

  it('never prints the 记录状态 or the 签字 line on a page of their own, apart from the record they close', () => {
    const signed = pages.map((lines, i) => ({ lines, page: i + 1 })).filter(({ lines }) => lines.some(closing));
    expect(signed.length).toBeGreaterThan(50);
    const alone = signed
      .filter(({ lines }) => lines.every((l) => l === header || closing(l)))
      .map(({ page, lines }) => `第 ${page} 页：${lines.join(' / ')}`);
    expect(alone).toEqual([]);
    // The 签字 line always follows its 记录状态 on the same page.
    const split = pages.flatMap((lines, i) => {
      const sig = lines.findIndex((l) => /（签字）：/.test(l));
      return sig >= 0 && !lines.slice(0, sig).some((l) => l.startsWith('记录状态：')) ? [`第 ${i + 1} 页`] : [];
    });
    expect(split.filter((p) => !p.startsWith('第 1 页'))).toEqual([]);
  });

  it('leaves out a section with nothing in it instead of printing a bare 「—」 under its heading', () => {
    const bare = pages.flatMap((lines, i) =>
      lines.flatMap((l, k) =>
        l === '—' && k > 0 && titles.has(lines[k - 1]!) ? [`第 ${i + 1} 页：${lines[k - 1]}`] : [],
      ),
    );
    expect(bare).toEqual([]);
  });

  it('prints a 谈心谈话 as a 谈心谈话记录: 谈话人 and 谈话对象, no attendance grid or 决议, signed by both', () => {
    const talks = data.meetings.filter((m) => m.kind === '谈心谈话' && m.date.startsWith('2025'));
    expect(talks.length).toBeGreaterThan(0);
    const text = pages.map((lines) => lines.filter((l) => l !== header).join('\n')).join('\n');
    const title = `${data.branch.name}谈心谈话记录`;
    const starts = [...text.matchAll(new RegExp(title, 'g'))].map((m) => m.index);
    expect(starts).toHaveLength(talks.length);
    for (const start of starts) {
      // One record: from its title to the next record title (or the next part of the volume).
      const rest = text.slice(start + title.length);
      const end = rest.search(/记录\n（\d{4}年度第\d+次）|四、领导有责任/);
      const record = rest.slice(0, end < 0 ? undefined : end);
      expect(record).toMatch(/谈话人/);
      expect(record).toMatch(/谈话对象/);
      expect(record).toContain('谈话内容');
      for (const meetingOnly of ['应到实到请假缺席列席', '会议主题', '决议及表决结果', '发言摘要', '主持人（签字）']) {
        expect(record).not.toContain(meetingOnly);
      }
      expect(record).toContain('谈话人（签字）');
      expect(record).toContain('谈话对象（签字）');
    }
  });

  it('prints photos in the order they were attached, captioned without the file extension', () => {
    const png = /\.(png|jpe?g)$/i;
    const caption = (name: string) => photoCaption(name).replace(/\s+/g, '');
    const flat = pages.map((lines) => lines.join('\n')).join('\n');
    const printed = data.attachments.filter((a) => png.test(a.name));
    for (const a of printed) expect(flat).not.toContain(a.name.replace(/\s+/g, ''));
    const inOrder = (names: string[]) => {
      // A caption may wrap under its photo: where its longest printed beginning is (its first line).
      const at = names.map((n) => {
        const c = caption(n);
        for (let len = c.length; len >= 12; len--) {
          const i = flat.indexOf(c.slice(0, len));
          if (i >= 0) return i;
        }
        return -1;
      });
      expect(
        at.every((x) => x >= 0),
        names.join('，'),
      ).toBe(true);
      expect(at, names.join('，')).toEqual([...at].sort((x, y) => x - y));
    };
    const nameOf = (id: string) => data.attachments.find((a) => a.id === id)?.name ?? '';
    const several = data.meetings.filter(
      (m) => m.date.startsWith('2025') && m.attachmentIds.filter((id) => png.test(nameOf(id))).length > 1,
    );
    expect(several.length).toBeGreaterThan(0);
    for (const m of several) inOrder(m.attachmentIds.map(nameOf).filter((n) => png.test(n)));
    // 七有 photos: in the order of the numbered 七有 table above them, each captioned with its item 「（1）有固定场所」
    // (the file name follows in smaller type, wrapped under it: the item is what orders them).
    const room = data.venues.find((v) => v.kind === '党员活动室')!;
    const items = SEVEN_HAVES.flatMap((s, k) =>
      room.checklist.find((c) => c.key === s.key)?.attachmentIds.length ? [`（${k + 1}）${s.label.slice(0, 4)}`] : [],
    );
    expect(items.length).toBeGreaterThan(1);
    const at = items.map((c) => flat.indexOf(c));
    expect(at.every((x) => x >= 0)).toBe(true);
    expect(at).toEqual([...at].sort((x, y) => x - y));
  });

  it('never splits a table row over two pages: each 民主评议 page starts with a member, not the tail of a text', () => {
    const names = data.members.map((m) => m.name);
    const headerLine = '姓名自评互评组织评定等次与评选';
    const tablePages = pages.filter((lines) => lines.includes(headerLine));
    expect(tablePages.length).toBeGreaterThan(1);
    for (const lines of tablePages) {
      const first = lines[lines.indexOf(headerLine) + 1]!;
      expect(
        names.some((n) => first.startsWith(n)),
        first,
      ).toBe(true);
    }
  });

  it("prints a 党小组会's number with its group, since each group counts its own", () => {
    const flat = layoutText.replace(/\s+/g, '');
    for (const group of data.branch.partyGroups) expect(flat).toContain(`（2025年度${group.name}第1次）`);
    expect(flat).not.toMatch(/党小组会记录（2025年度第\d+次）/);
  });
});
