// 技能比武 in the 迎检卷宗: printed under 六、学习与争创 after 争创活动, counted in the 附录, hashed into the manifest
// (format version 2) and named by 校验卷宗; a version-1 volume, which never carried them, does not see them as 新增.
// Read from the document definition and the manifest, no PDF rendered.
import { describe, expect, it } from 'vitest';
import { SECTION_TITLES, buildDossier } from '../../../shared/dossier/build';
import { periodHasRecords, selectForPeriod, type DossierData } from '../../../shared/dossier/data';
import { changeSentence, describeChanges } from '../../../shared/dossier/describeChange';
import { EMPTY_TEXT } from '../../../shared/dossier/layout';
import {
  MANIFEST_FORMAT_VERSION,
  buildManifest,
  manifestBytes,
  parseManifest,
  verifyManifest,
  type DossierManifest,
} from '../../../shared/dossier/manifest';
import { makeCompetition, makeDossierData } from './factory';

const OPTS = { generatedAt: '2026-01-05T01:00:00.000Z', appVersion: '0.1.0', schemaVersion: 6 };
const period = { from: '2025-01-01', to: '2025-12-31' };
const stamp = { appVersion: 'test', schemaVersion: 6, exportedAt: '2026-01-05T01:00:00.000Z', volume: 1 };

/** The printed strings of a node, in order: its text, its stack's and its table's (not its style names). */
function textsOf(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') out.push(node);
  else if (Array.isArray(node)) for (const child of node) textsOf(child, out);
  else if (node && typeof node === 'object') {
    for (const key of ['text', 'stack', 'table', 'body']) textsOf((node as Record<string, unknown>)[key], out);
  }
  return out;
}

/** Every object node of the definition, depth first. */
function nodesOf(node: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(node)) for (const child of node) nodesOf(child, out);
  else if (node && typeof node === 'object') {
    out.push(node as Record<string, unknown>);
    for (const value of Object.values(node)) nodesOf(value, out);
  }
  return out;
}

/** The texts of 六、学习与争创, from its heading to the 附录's (both come after their 目录 lines). */
function learningTexts(content: unknown): string[] {
  const texts = textsOf(content);
  return texts.slice(texts.lastIndexOf(SECTION_TITLES.learning), texts.lastIndexOf(SECTION_TITLES.appendix));
}

/** The rows of the data table whose header starts with `firstHeader`, each as its cells' texts. */
function tableRows(content: unknown, firstHeader: string): string[][] {
  const table = nodesOf(content)
    .map((n) => n.table as { body?: unknown[][] } | undefined)
    .find((t) => t?.body && textsOf(t.body[0]?.[0])[0] === firstHeader);
  if (!table?.body) throw new Error(`no table headed ${firstHeader}`);
  return table.body.slice(1).map((row) => row.map((cell) => textsOf(cell).join('')));
}

const withCompetition = (): DossierData => ({ ...makeDossierData(), competitions: [makeCompetition()] });

describe('技能比武 in 六、学习与争创', () => {
  it('prints each event after 争创活动: name, kind, date and its participants', () => {
    const content = buildDossier(withCompetition(), { ...OPTS, year: 2025 }).docDefinition.content;
    const texts = learningTexts(content);
    const at = (t: string) => texts.indexOf(t);
    expect(at('争创活动')).toBeGreaterThan(0);
    expect(at('技能比武')).toBeGreaterThan(at('争创活动'));
    expect(at('公文写作比武')).toBeGreaterThan(at('技能比武'));
    expect(texts).toEqual(expect.arrayContaining(['比武类型', '岗位练兵', '日期', '2025年11月20日']));
    const participants = nodesOf(content)
      .map((n) => n.table as { body: unknown[][] } | undefined)
      .find((t) => t && textsOf(t.body[0]).join('/') === '姓名/成绩/名次/所获奖项')!;
    expect(participants.body.slice(1).map((row) => row.map((c) => textsOf(c).join('')))).toEqual([
      ['李春梅', '96.5', '1', '一等奖'],
      ['刘晓燕', '—', '—', '—'],
    ]);
  });

  it('keeps the 技能比武 heading with the first event and its short participants table', () => {
    const content = buildDossier(withCompetition(), { ...OPTS, year: 2025 }).docDefinition.content;
    const kept = nodesOf(content).filter((n) => n.unbreakable === true && textsOf(n).includes('公文写作比武'));
    expect(kept.length).toBeGreaterThan(0);
    expect(textsOf(kept.at(-1))).toEqual(expect.arrayContaining(['技能比武', '公文写作比武', '李春梅', '刘晓燕']));
  });

  it('prints only the events of the period, in date order, of this branch', () => {
    const data: DossierData = {
      ...makeDossierData(),
      competitions: [
        makeCompetition({ id: 'cp3', name: '知识竞赛决赛', date: '2025-11-20', kind: '知识竞赛' }),
        makeCompetition({ id: 'cp2', name: '上年度比武', date: '2024-12-30' }),
        makeCompetition(),
        makeCompetition({ id: 'cp4', name: '春季岗位练兵', date: '2025-03-02' }),
        makeCompetition({ id: 'cp5', name: '乙支部比武', branchId: 'b2' }),
      ],
    };
    expect(selectForPeriod(data, period).competitions.map((c) => c.id)).toEqual(['cp4', 'cp1', 'cp3']);
    const texts = learningTexts(buildDossier(data, { ...OPTS, year: 2025 }).docDefinition.content);
    expect(texts).not.toContain('上年度比武');
    expect(texts).not.toContain('乙支部比武');
    expect(texts.indexOf('春季岗位练兵')).toBeLessThan(texts.indexOf('公文写作比武'));
  });

  it('says 本年度无记录 under 技能比武 without one, and 本期间无记录 in a volume of part of a year', () => {
    const year = learningTexts(buildDossier(makeDossierData(), { ...OPTS, year: 2025 }).docDefinition.content);
    expect(year[year.indexOf('技能比武') + 1]).toBe(EMPTY_TEXT);
    const half = learningTexts(
      buildDossier(withCompetition(), { ...OPTS, from: '2025-01-01', to: '2025-06-30' }).docDefinition.content,
    );
    expect(half[half.indexOf('技能比武') + 1]).toBe('本期间无记录');
    expect(half).not.toContain('公文写作比武');
  });

  it('counts the events in the 附录 under 技能比武', () => {
    const built = buildDossier(withCompetition(), { ...OPTS, year: 2025 });
    const counts = new Map(
      tableRows(built.docDefinition.content, '数据类别').map(([label, n]) => [label, Number(n)] as const),
    );
    expect(counts.get('技能比武')).toBe(1);
    expect(counts.get('争创活动')).toBe(0);
  });

  it('makes a period with only a 技能比武 a period with records', () => {
    const empty = { from: '2019-01-01', to: '2019-12-31' };
    expect(periodHasRecords(makeDossierData(), empty)).toBe(false);
    const data = { ...makeDossierData(), competitions: [makeCompetition({ date: '2019-04-02' })] };
    expect(periodHasRecords(data, empty)).toBe(true);
  });
});

describe('技能比武 in the manifest and 校验卷宗', () => {
  const manifestOf = (data: DossierData) => buildManifest(selectForPeriod(data, period), period, stamp);

  it('hashes the period’s events, in format version 2', () => {
    const built = buildDossier(withCompetition(), { ...OPTS, year: 2025 });
    expect(MANIFEST_FORMAT_VERSION).toBe(2);
    expect(built.manifest.formatVersion).toBe(2);
    expect(built.manifest.records.filter((r) => r.table === 'competitions').map((r) => r.id)).toEqual(['cp1']);
  });

  it('reports an edited and a deleted event of a version-2 volume, named by date and name', () => {
    const data: DossierData = {
      ...withCompetition(),
      competitions: [makeCompetition(), makeCompetition({ id: 'cp2', name: '知识竞赛', date: '2025-04-08' })],
    };
    const manifest = manifestOf(data);
    const later: DossierData = {
      ...data,
      competitions: [
        makeCompetition({
          participants: [{ memberId: 'm2', name: '李春梅', score: 98, rank: 1, award: '一等奖' }],
        }),
      ],
    };
    const changes = verifyManifest(manifest, later);
    expect(changes).toEqual([
      { kind: 'changed', table: 'competitions', id: 'cp1' },
      { kind: 'removed', table: 'competitions', id: 'cp2' },
    ]);
    expect(describeChanges(changes, later, period).map((c) => [c.category, changeSentence(c)])).toEqual([
      ['技能比武', '已修改  2025-11-20 公文写作比武'],
      ['技能比武', '已删除（编号 cp2）'],
    ]);
  });

  it('does not report the events of a version-1 volume, which never carried them, as 新增', () => {
    const data = withCompetition();
    const v2 = manifestOf({ ...data, competitions: [] });
    // What an app before 技能比武 reached the 卷宗 embedded: the same lines, format version 1.
    const v1 = parseManifest(manifestBytes({ ...v2, formatVersion: 1 } as DossierManifest));
    expect(v1.formatVersion).toBe(1);
    expect(verifyManifest(v1, data)).toEqual([]);
    // Every other table is still compared.
    const later = { ...data, meetings: data.meetings.map((m, i) => (i === 0 ? { ...m, topic: '改过的议题' } : m)) };
    expect(verifyManifest(v1, later)).toEqual([{ kind: 'changed', table: 'meetings', id: data.meetings[0]!.id }]);
    // The same volume as version 2 would have printed none: the event is new since.
    expect(verifyManifest(v2, data)).toEqual([{ kind: 'added', table: 'competitions', id: 'cp1' }]);
  });

  it('refuses a manifest of a format version newer than this app knows', () => {
    const manifest = manifestOf(withCompetition());
    expect(() => parseManifest(manifestBytes({ ...manifest, formatVersion: 3 } as unknown as DossierManifest))).toThrow(
      '不支持的卷宗清单版本：3',
    );
  });
});
