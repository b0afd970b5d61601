// The dossier's 活动有阵地 section: the 七有 table is printed for a 党员活动室 only; a 宣传栏 says the standard does not
// apply instead of printing 「0 / 7 项」 and seven 未达标 rows. Read from the document definition, no PDF rendered.
import { describe, expect, it } from 'vitest';
import { buildDossier } from '../../../shared/dossier/build';
import { makeDossierData } from './factory';

const OPTS = { year: 2025, generatedAt: '2026-01-05T01:00:00.000Z', appVersion: '0.1.0', schemaVersion: 1 };

/** Every text of the document, in order. */
function textsOf(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') out.push(node);
  else if (Array.isArray(node)) for (const child of node) textsOf(child, out);
  else if (node && typeof node === 'object') for (const value of Object.values(node)) textsOf(value, out);
  return out;
}

/** The texts from one venue's heading to the next venue's (or the next section). */
function venuePart(texts: string[], name: string): string[] {
  const start = texts.findIndex((t) => /^（[一二三四五六七八九十]+）/.test(t) && t.endsWith(name));
  expect(start).toBeGreaterThanOrEqual(0);
  const end = texts.findIndex((t, i) => i > start && (/^（?[一二三四五六七八九十]+[、）]/.test(t) || t === '阵地复查'));
  return texts.slice(start, end < 0 ? undefined : end);
}

describe('dossier 活动有阵地 and 七有', () => {
  it('prints the 七有 table for the 党员活动室 and not for a 宣传栏', () => {
    const base = makeDossierData();
    const room = base.venues[0]!;
    const noticeBoard: (typeof base.venues)[number] = {
      ...room,
      id: 'v2',
      name: '党建宣传栏',
      kind: '党建宣传栏',
      areaM2: 4.8,
      checklist: room.checklist.map((c) => ({ ...c, ok: false, note: '', attachmentIds: [] })),
    };
    const data = { ...base, venues: [...base.venues, noticeBoard] };
    const texts = textsOf(buildDossier(data, OPTS).docDefinition.content);

    const roomPart = venuePart(texts, '机关党员活动室');
    expect(roomPart).toContain('七有达标');
    expect(roomPart).toContain('6 / 7 项');
    expect(roomPart).toContain('“七有”建设情况');

    const board = venuePart(texts, '党建宣传栏');
    expect(board).toContain('七有标准');
    expect(board).toContain('七有标准适用于党员活动室，本阵地不适用');
    expect(board).not.toContain('七有达标');
    expect(board).not.toContain('“七有”建设情况');
    expect(board).not.toContain('未达标');
  });

  it('numbers venues （一）（二） under 二、活动有阵地, the 党员活动室 first', () => {
    const base = makeDossierData();
    const room = base.venues[0]!;
    // Registered first, a 宣传栏 still comes after the room.
    const noticeBoard = {
      ...room,
      id: 'v0',
      name: '党建宣传栏',
      kind: '党建宣传栏' as const,
      createdAt: '2000-01-01T00:00:00.000Z',
    };
    const texts = textsOf(buildDossier({ ...base, venues: [noticeBoard, ...base.venues] }, OPTS).docDefinition.content);
    expect(texts.filter((t) => /^（[一二]）/.test(t) && /党员活动室|宣传栏/.test(t))).toEqual([
      `（一）${room.name}`,
      '（二）党建宣传栏',
    ]);
  });
});
