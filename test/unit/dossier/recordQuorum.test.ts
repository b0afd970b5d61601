// A 支部党员大会 and a 支委会 as printed: the title says 支部 once, and the 法定人数 line of the screen is on paper too.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDossier } from '../../../shared/dossier/build';
import { FONT_FILES } from '../../../shared/dossier/layout';
import { buildMeetingRecordDoc, recordTitle } from '../../../shared/dossier/meetingRecord';
import { renderPdf } from '../../../shared/dossier/render';
import type { AttendanceStatus } from '../../../shared/domain/vocab';
import type { Meeting } from '../../../shared/schemas/entities';
import { makeDossierData, recordContextOf } from './factory';
import { hasPoppler } from './poppler';

describe('recordTitle', () => {
  it('says 支部 once when a branch named …支部 holds its 支部党员大会', () => {
    const branch = { name: '市发展和改革委员会机关第二党支部' };
    expect(recordTitle({ kind: '支部党员大会' }, branch)).toBe('市发展和改革委员会机关第二党支部党员大会记录');
    expect(recordTitle({ kind: '支委会' }, branch)).toBe('市发展和改革委员会机关第二党支部支委会记录');
    expect(recordTitle({ kind: '主题党日' }, branch)).toBe('市发展和改革委员会机关第二党支部主题党日记录');
  });

  it('keeps the kind whole after a name that does not end in 支部', () => {
    expect(recordTitle({ kind: '支部党员大会' }, { name: '第一联合党小组' })).toBe('第一联合党小组支部党员大会记录');
  });
});

/** Every string of a definition, in order. */
function textOf(node: unknown): string {
  if (typeof node === 'string') return node;
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    return ['text', 'stack', 'columns', 'table', 'body', 'ul', 'ol'].map((k) => textOf(o[k])).join('');
  }
  return '';
}

describe.skipIf(!hasPoppler)('the 法定人数 line on paper (needs poppler-utils)', () => {
  const data = makeDossierData();
  const ctx = recordContextOf(data);
  // The factory's roster: ten members, the last a 预备党员 (no vote).
  const probationary = data.members.filter((m) => m.status === '预备');
  const base = data.meetings.find((m) => m.kind === '支部党员大会')!;
  /** Everyone listed; the first `onLeave` 正式党员 on leave. */
  const assembly = (onLeave: number): Meeting => {
    let left = onLeave;
    return {
      ...base,
      attendance: data.members.map((m) => {
        const away = m.status === '正式' && left-- > 0;
        const status: AttendanceStatus = away ? '请假' : '出席';
        return { memberId: m.id, name: m.name, status, reason: away ? '出差' : '' };
      }),
    };
  };
  let dir: string;
  let fonts: Record<string, Uint8Array>;
  const printed = async (name: string, meeting: Meeting) => {
    const pdf = join(dir, name);
    writeFileSync(pdf, await renderPdf(buildMeetingRecordDoc(meeting, ctx), fonts));
    return execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'record-quorum-'));
    fonts = Object.fromEntries(FONT_FILES.map((f) => [f, new Uint8Array(readFileSync(join('resources/fonts', f)))]));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints who may vote and how many came, beside 应到 that counts the 预备党员 too', async () => {
    expect(probationary).toHaveLength(1);
    const voters = data.members.length - probationary.length;
    const text = await printed('met.pdf', assembly(2));
    expect(text).toContain(`${data.branch.name.replace(/支部$/, '')}支部党员大会记录`);
    expect(text).not.toContain('支部支部党员大会');
    expect(text).toContain(`法定人数：有表决权的正式党员${voters}人，到会${voters - 2}人，符合半数以上要求`);
  }, 30_000);

  it('prints a missed quorum in the same words as the screen', async () => {
    const voters = data.members.length - probationary.length;
    const onLeave = voters - Math.floor(voters / 2); // exactly half left: not more than half
    const text = await printed('missed.pdf', assembly(onLeave));
    expect(text).toContain(
      `法定人数：有表决权的正式党员${voters}人，到会${voters - onLeave}人，未超过半数（至少需${Math.floor(voters / 2) + 1}人），不能进行表决`,
    );
  }, 30_000);

  it('is in the 卷宗 for every 支部党员大会 and 支委会, and for no other kind', () => {
    const content = buildDossier(data, {
      year: 2025,
      generatedAt: '2026-11-28T01:00:00.000Z',
      appVersion: '0.1.0',
      schemaVersion: 7,
    }).docDefinition.content;
    const all = textOf(content);
    const counted = data.meetings.filter(
      (m) => m.date.startsWith('2025-') && (m.kind === '支部党员大会' || m.kind === '支委会'),
    ).length;
    expect(counted).toBeGreaterThan(1);
    expect(all.match(/法定人数：/g) ?? []).toHaveLength(counted);
  });
});
