// The first volume of a branch that has just started its ledger (a roster, a venue, a meeting or two, no 学习记录, no
// 格言): what it prints where there is little or nothing to print. Read from the document definition, no PDF rendered.
import { describe, expect, it } from 'vitest';
import { buildDossier } from '../../../shared/dossier/build';
import type { DossierData } from '../../../shared/dossier/data';
import { makeDossierData } from './factory';

const OPTS = { year: 2025, generatedAt: '2026-01-05T01:00:00.000Z', appVersion: '0.1.0', schemaVersion: 1 };

/** Every text of the document, in order. */
function textsOf(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') out.push(node);
  else if (Array.isArray(node)) for (const child of node) textsOf(child, out);
  else if (node && typeof node === 'object') for (const value of Object.values(node)) textsOf(value, out);
  return out;
}

/** The factory's branch-year as a new branch has it: no learning entry, no member's 格言, no campaign. */
function sparse(): DossierData {
  const base = makeDossierData();
  return { ...base, learning: [], members: base.members.map((m) => ({ ...m, motto: '' })), campaigns: [] };
}

interface Leaf {
  text: string;
  style: unknown;
  /** The innermost unbreakable block the node is in (its index among them), or -1. */
  block: number;
}

/** The text nodes of the page flow in order, each with the unbreakable block that holds it. */
function leaves(node: unknown, out: Leaf[] = [], block = -1, counter = { n: 0 }): Leaf[] {
  if (Array.isArray(node)) for (const n of node) leaves(n, out, block, counter);
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    const inner = o.unbreakable ? counter.n++ : block;
    if (typeof o.text === 'string') out.push({ text: o.text, style: o.style, block: inner });
    for (const [k, v] of Object.entries(o)) if (k !== 'text') leaves(v, out, inner, counter);
  }
  return out;
}

describe('the first, sparse 卷宗', () => {
  it('says no 学习记录 was entered instead of a completion matrix of zeros, with the targets', () => {
    const texts = textsOf(buildDossier(sparse(), OPTS).docDefinition.content);
    const flat = texts.join('');
    expect(flat).toContain('本年度未登记党员学习。');
    expect(flat).toContain('学习目标：日阅一文每月至少 20 天有阅读记录');
    expect(flat).toContain('半年一讲每半年至少 1 讲');
    // No rate built only from zeros, no 「0/3 0.0%」 cells, and no 学习记录 heading over 「本年度无记录」.
    expect(flat).not.toContain('全支部学习完成率');
    expect(flat).not.toMatch(/\d+\/\d+ 0\.0%/);
    const h3 = (d: DossierData) =>
      leaves(buildDossier(d, OPTS).docDefinition.content)
        .filter((l) => l.style === 'h3')
        .map((l) => l.text);
    expect(h3(sparse())).not.toContain('学习记录');

    // One entry is enough for the matrix and the list, as before.
    const full = textsOf(buildDossier(makeDossierData(), OPTS).docDefinition.content);
    expect(full.some((t) => t.startsWith('全支部学习完成率'))).toBe(true);
    expect(h3(makeDossierData())).toContain('学习记录');
    expect(full.join('')).not.toContain('未登记党员学习');
  });

  it('in a volume of several years, says so for a year without entries and counts the year with them', () => {
    const base = makeDossierData();
    const texts = textsOf(
      buildDossier(base, { ...OPTS, year: undefined, from: '2024-01-01', to: '2025-12-31' }).docDefinition.content,
    );
    expect(texts).toContain('2024年度未登记党员学习');
    expect(texts.some((t) => t.startsWith('2024年度全支部学习完成率'))).toBe(false);
    expect(texts.some((t) => t.startsWith('2025年度全支部学习完成率'))).toBe(true);
  });

  it('keeps every heading with the empty note under it, never the heading alone at the foot of a page', () => {
    const flow = leaves(buildDossier(sparse(), OPTS).docDefinition.content);
    const pairs = flow.flatMap((l, i) =>
      /^h[123]$/.test(String(l.style)) && flow[i + 1]?.style === 'empty' ? [{ heading: l, note: flow[i + 1]! }] : [],
    );
    // 人人有格言 over 「党员尚未填写格言」, 争创活动 and 技能比武 over 「本年度无记录」.
    expect(pairs.map((p) => p.heading.text)).toEqual(expect.arrayContaining(['人人有格言', '争创活动', '技能比武']));
    const apart = pairs.filter((p) => p.heading.block < 0 || p.heading.block !== p.note.block);
    expect(apart.map((p) => `${p.heading.text} / ${p.note.text}`)).toEqual([]);
  });

  it('says 「党员尚未填写格言」 under 人人有格言 when no member has one', () => {
    const flow = leaves(buildDossier(sparse(), OPTS).docDefinition.content);
    const at = flow.findIndex((l) => l.text === '人人有格言');
    expect(flow[at + 1]).toMatchObject({ text: '党员尚未填写格言', style: 'empty' });
  });

  it('captions each 七有 photo with the item it proves, the file name smaller under it', () => {
    const base = makeDossierData();
    const photo = base.attachments.find((a) => a.id === 'att2')!;
    const phone = { ...photo, id: 'att9', name: 'IMG_20261120_153045.jpg' };
    const venue = base.venues[0]!;
    const data: DossierData = {
      ...base,
      attachments: [...base.attachments, phone],
      venues: [
        {
          ...venue,
          checklist: venue.checklist.map((c) => (c.key === 'equipment' ? { ...c, attachmentIds: ['att9'] } : c)),
        },
      ],
    };
    const flow = leaves(buildDossier(data, OPTS).docDefinition.content);
    const captions = flow.filter((l) => /^（\d）有/.test(l.text)).map((l) => l.text);
    // In the order of the table: item 2's photo, then the phone's, attached to item 7.
    expect(captions).toEqual(['（2）有党旗、入党誓词、党员权利义务标牌', '（7）有电教设备']);
    // The file name is no longer the caption: it follows the item, in a smaller, lighter type.
    const nodes: Record<string, unknown>[] = [];
    const find = (n: unknown): void => {
      if (Array.isArray(n)) n.forEach(find);
      else if (n && typeof n === 'object') {
        if ((n as { text?: unknown }).text === 'IMG_20261120_153045') nodes.push(n as Record<string, unknown>);
        Object.values(n).forEach(find);
      }
    };
    find(buildDossier(data, OPTS).docDefinition.content);
    expect(nodes).toHaveLength(1);
    expect(nodes[0]!.fontSize).toBeLessThan(9);
  });
});
