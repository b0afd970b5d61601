// Renders the 迎检卷宗 and a 会议记录单 of a small branch-year and reads the PDFs back with poppler-utils.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractManifest } from '../../../shared/dossier/extract';
import { SECTION_TITLES, buildDossier, groupFingerprint } from '../../../shared/dossier/build';
import { EMPTY_TEXT, FONT_FILES, cnDate } from '../../../shared/dossier/layout';
import { sha256Hex, parseManifest, verifyManifest } from '../../../shared/dossier/manifest';
import { buildMeetingRecordDoc, recordSection } from '../../../shared/dossier/meetingRecord';
import { KEEP_WITH_HEADING } from '../../../shared/dossier/prebreak';
import { renderPdf } from '../../../shared/dossier/render';
import { MEMBER_NAMES, makeDossierData, recordContextOf } from './factory';
import { hasPoppler } from './poppler';

const OPTS = { year: 2025, generatedAt: '2026-01-05T01:00:00.000Z', appVersion: '0.1.0', schemaVersion: 1 };
const dir = mkdtempSync(join(tmpdir(), 'dossier-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const writeTemp = (name: string, bytes: Uint8Array) => {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
};
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
let fonts: Record<string, Uint8Array>;

beforeAll(() => {
  // The fonts are ~40 MB: read once for every render of the file.
  fonts = Object.fromEntries(FONT_FILES.map((f) => [f, new Uint8Array(readFileSync(join('resources/fonts', f)))]));
});

describe.skipIf(!hasPoppler)('迎检卷宗 (needs poppler-utils)', () => {
  const data = makeDossierData();
  const built = buildDossier(data, OPTS);
  let pdf: string;
  let text: string;
  let pages: number;

  beforeAll(async () => {
    const bytes = await renderPdf(built.docDefinition, fonts);
    pdf = join(dir, 'dossier.pdf');
    writeFileSync(pdf, bytes);
    text = run('pdftotext', ['-layout', pdf, '-']);
    pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [pdf]))![1]);
  }, 60_000);

  it('prints every section, every topic, every attendee and the fingerprint', () => {
    for (const title of Object.values(SECTION_TITLES)) expect(text).toContain(title);
    for (const m of data.meetings) expect(text).toContain(m.topic);
    for (const name of MEMBER_NAMES) expect(text).toContain(name);
    expect(text).toContain(groupFingerprint(built.fingerprint).slice(0, 26));
    expect(text).toContain('补录');
    expect(text).toContain('更正出席人数笔误');
  });

  it('numbers pages 第 N 页 共 M 页 across the whole volume, and the 目录 points at the right pages', () => {
    expect(pages).toBeGreaterThan(10);
    const perPage = text.split('\f');
    expect(perPage[0]).toContain(`第 1 页 共 ${pages} 页`);
    expect(perPage[pages - 1]).toContain(`第 ${pages} 页 共 ${pages} 页`);
    // The 目录 line of 三、工作有记录 names the page that really starts with that heading.
    const tocLine = perPage[1]!.split('\n').find((l) => l.includes(SECTION_TITLES.records))!;
    const target = Number(/(\d+)\s*$/.exec(tocLine)![1]);
    expect(perPage[target - 1]).toContain(SECTION_TITLES.records);
    // The record index of the 附录 as well: the 补录 党课 is on the page it names.
    const lecture = data.meetings.find((m) => m.backfilled)!;
    const indexLine = perPage
      .slice(2)
      .find((p) => p.includes('记录索引'))!
      .split('\n')
      .find((l) => l.includes(lecture.topic))!;
    const lecturePage = Number(/(\d+)\s*$/.exec(indexLine)![1]);
    expect(perPage[lecturePage - 1]).toContain(lecture.topic);
    // The 佐证记录 of a scored item name the page their record is on — every page reference is resolved, none is
    // left as pdfmake's 00000 placeholder (a reference on a wrapped line used to be).
    expect(text).not.toContain('00000');
    const evidence = data.meetings.find((m) => m.id === 'mt2')!;
    const label = `${cnDate(evidence.date)} ${evidence.kind}第${evidence.seq}次`;
    const evidenceLine = perPage
      .slice(2)
      .find((p) => p.includes('佐证记录') && p.includes(label))!
      .split('\n')
      .find((l) => l.includes(label))!;
    const evidencePage = Number(/(\d+)\s*$/.exec(evidenceLine)![1]);
    expect(perPage[evidencePage - 1]).toContain(evidence.topic);
  });

  it('embeds the Noto fonts', () => {
    const lines = run('pdffonts', [pdf]).split('\n').slice(2).filter(Boolean);
    expect(lines.some((l) => /NotoSerifSC/.test(l))).toBe(true);
    expect(lines.some((l) => /NotoSansSC/.test(l))).toBe(true);
    for (const l of lines) expect(l.split(/\s+/).at(-5)).toBe('yes');
  });

  it('declares PDF/A-3B in its XMP', () => {
    const xmp = run('pdfinfo', ['-meta', pdf]);
    expect(xmp).toMatch(/<pdfaid:part>3<\/pdfaid:part>/);
    expect(xmp).toMatch(/<pdfaid:conformance>B<\/pdfaid:conformance>/);
  });

  it('embeds the manifest, whose SHA-256 is the printed fingerprint', () => {
    expect(run('pdfdetach', ['-list', pdf])).toContain('dossier-manifest.json');
    const out = join(dir, 'manifest.json');
    run('pdfdetach', ['-save', '1', '-o', out, pdf]);
    const bytes = new Uint8Array(readFileSync(out));
    expect(sha256Hex(bytes)).toBe(built.fingerprint);
    const manifest = parseManifest(bytes);
    expect(manifest.records.filter((r) => r.table === 'meetings')).toHaveLength(data.meetings.length);
    expect(verifyManifest(manifest, data)).toEqual([]);
    const edited = {
      ...data,
      meetings: data.meetings.map((m, i) => (i === 2 ? { ...m, content: `${m.content}（补充）` } : m)),
    };
    expect(verifyManifest(manifest, edited)).toEqual([
      { kind: 'changed', table: 'meetings', id: data.meetings[2]!.id },
    ]);
  });

  it("counts the manifest's records in the 附录 under Chinese names, never the stores' English ones", () => {
    const appendix = text.slice(text.lastIndexOf(SECTION_TITLES.appendix));
    const tally = appendix.slice(appendix.indexOf('数据类别'));
    const count = (label: string) => Number(new RegExp(`^\\s*${label}\\s+(\\d+)\\s*$`, 'm').exec(tally)?.[1]);
    const of = (table: string) => built.manifest.records.filter((r) => r.table === table).length;
    expect(count('会议记录')).toBe(data.meetings.length);
    expect(count('党员')).toBe(of('members'));
    expect(count('定稿后修改记录')).toBe(of('audit'));
    expect(of('audit')).toBeGreaterThan(0);
    expect(count('附件')).toBe(built.manifest.attachments.length);
    // 技能比武 is listed even when the year has none (the typical seed has none).
    expect(count('技能比武')).toBe(0);
    expect(appendix).not.toMatch(/\b(meetings|members|memberEvaluations|venueChecks|audit)\b/);
  });

  it('extractManifest reads the embedded manifest back from the PDF bytes (校验卷宗 in the app)', async () => {
    const result = await extractManifest(new Uint8Array(readFileSync(pdf)));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.fingerprint).toBe(built.fingerprint);
    expect(result.manifest.branchId).toBe(data.branch.id);
  });

  it('extractManifest refuses what is not a dossier, with a Chinese reason', async () => {
    expect(await extractManifest(new TextEncoder().encode('not a pdf'))).toEqual({ ok: false, reason: '文件不是 PDF' });
    const plain = await renderPdf({ content: ['无内嵌清单'], defaultStyle: { font: 'NotoSansSC' } }, fonts, {
      partsPerChunk: 0,
    });
    const result = await extractManifest(plain);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('不是本软件导出的迎检卷宗');
  });

  it('refuses a volume cut short (a viewer cannot open it) instead of calling it 一致', async () => {
    const bytes = new Uint8Array(readFileSync(pdf));
    expect((await extractManifest(bytes)).ok).toBe(true);
    // 3 kB off the end: pdf-lib still finds the manifest, poppler cannot read the cross-reference table.
    const cut = bytes.subarray(0, bytes.length - 3000);
    const result = await extractManifest(cut);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('文件不完整或已损坏');
    expect(() => execFileSync('pdfinfo', [writeTemp('cut.pdf', cut)], { stdio: 'pipe' })).toThrow();
  });
});

describe.skipIf(!hasPoppler)('empty year and a single 会议记录单 (needs poppler-utils)', () => {
  it('prints 本年度无记录 in every empty section instead of dropping it', async () => {
    const built = buildDossier(makeDossierData(), { ...OPTS, year: 2019 });
    const pdf = join(dir, 'empty.pdf');
    writeFileSync(pdf, await renderPdf(built.docDefinition, fonts));
    // The body after the cover and the 目录, cut at each section title: every empty section says so.
    const body = run('pdftotext', ['-layout', pdf, '-']).split('\f').slice(2).join('\n');
    const titles = Object.values(SECTION_TITLES);
    for (const key of ['records', 'responsibility', 'standards', 'learning', 'appendix'] as const) {
      const start = body.indexOf(SECTION_TITLES[key]);
      expect(start, SECTION_TITLES[key]).toBeGreaterThanOrEqual(0);
      const next = titles.map((t) => body.indexOf(t, start + 1)).filter((i) => i > start);
      const section = body.slice(start, next.length ? Math.min(...next) : undefined);
      expect(section, SECTION_TITLES[key]).toContain(EMPTY_TEXT);
      // An empty 领导有责任 points to where the committee and its 分工 are printed.
      if (key === 'responsibility')
        expect(section.replace(/\s+/g, '')).toContain('支部委员会的组成与分工见第一部分“支部概况”');
    }
  }, 30_000);

  it('shows the topic, 第N次, the member on leave with the reason, and the 补录 mark', async () => {
    const data = makeDossierData();
    const meeting = data.meetings.find((m) => m.backfilled)!;
    const onLeave = meeting.attendance.find((a) => a.status === '请假')!;
    const doc = buildMeetingRecordDoc(meeting, recordContextOf(data));
    const pdf = join(dir, 'record.pdf');
    writeFileSync(pdf, await renderPdf(doc, fonts, { partsPerChunk: 0 }));
    const text = run('pdftotext', ['-layout', pdf, '-']);
    expect(text).toContain(meeting.topic);
    expect(text).toContain(`第 ${meeting.seq} 次`);
    expect(text).toMatch(new RegExp(`${onLeave.name}\\s+请假\\s+${onLeave.reason}`));
    expect(text).toContain('【补录】');
    expect(text).toContain(`${data.branch.name}${meeting.kind}记录`);
  }, 30_000);

  it('prints a 谈心谈话 as a 谈心谈话记录 signed by both parties, and leaves out sections with nothing in them', async () => {
    const data = makeDossierData();
    const ctx = recordContextOf(data);
    const render = async (name: string, meeting: (typeof data.meetings)[number]) => {
      const pdf = join(dir, name);
      writeFileSync(pdf, await renderPdf(buildMeetingRecordDoc(meeting, ctx), fonts, { partsPerChunk: 0 }));
      return run('pdftotext', ['-layout', pdf, '-']);
    };
    const talk = data.meetings.find((m) => m.kind === '谈心谈话')!;
    const [talker, other] = talk.talkParties.map((id) => data.members.find((m) => m.id === id)!.name);
    const text = await render('talk.pdf', { ...talk, content: '', resolutions: '' });
    expect(text).toContain(`${data.branch.name}谈心谈话记录`);
    expect(text).toMatch(new RegExp(`谈话人\\s+${talker}`));
    expect(text).toMatch(new RegExp(`谈话对象\\s+${other}`));
    // 谈话内容 is always there, saying so when it was left empty; 意见建议 comes from the 发言摘要.
    expect(text).toMatch(/谈话内容\s+未填写/);
    expect(text).toContain('意见建议');
    expect(text).toContain(talk.speeches.split('\n')[0]!.slice(0, 10));
    expect(text).toMatch(/谈话人（签字）：＿+\s+谈话对象（签字）：＿+/);
    for (const meetingOnly of [
      '应到',
      '实到',
      '出席情况',
      '会议主题',
      '决议及表决结果',
      '发言摘要',
      '主持人（签字）',
    ]) {
      expect(text).not.toContain(meetingOnly);
    }
    // A meeting keeps its form, but an empty section is left out rather than printed as a bare 「—」.
    const meeting = data.meetings.find((m) => m.kind === '支委会')!;
    const plain = await render('plain.pdf', { ...meeting, speeches: '', resolutions: '', content: '' });
    expect(plain).toContain('应到');
    expect(plain).toMatch(/会议内容\s+未填写/);
    expect(plain).not.toContain('发言摘要');
    expect(plain).not.toContain('决议及表决结果');
    expect(plain).not.toMatch(/^\s*—\s*$/m);
    expect(plain).toMatch(/主持人（签字）：＿+\s+记录人（签字）：＿+/);
  }, 30_000);

  it('prints what each 更正 replaced under its 更正记录 line, and still prints an older entry without values', async () => {
    const data = makeDossierData();
    const meeting = data.meetings.find((m) => m.status === '已定稿' && m.id !== 'mt3')!;
    const oldContent = '原记录的会议内容，定稿后被更正。'.repeat(40);
    const audit = [
      ...data.audit,
      {
        ...data.audit[0]!,
        id: 'au-old',
        entityId: meeting.id,
        at: '2025-03-01T02:00:00.000Z',
        reason: '补记出席情况',
        summary: '修改了出席情况',
      },
      {
        ...data.audit[0]!,
        id: 'au-new',
        entityId: meeting.id,
        at: '2025-04-01T02:00:00.000Z',
        reason: '记录人姓名写错，更正',
        summary: '修改了日期、记录人、会议内容',
        changes: [
          { field: 'date', label: '日期', before: '2025-09-30', after: '2025-09-26' },
          { field: 'recorder', label: '记录人', before: '胡桂兰', after: '袁明哲' },
          { field: 'host', label: '主持人', before: '', after: '王建国' },
          { field: 'content', label: '会议内容', before: oldContent },
        ],
      },
    ];
    const doc = buildMeetingRecordDoc(meeting, {
      branch: data.branch,
      members: data.members,
      venues: data.venues,
      attachments: data.attachments,
      audit,
    });
    const pdf = join(dir, 'amended.pdf');
    writeFileSync(pdf, await renderPdf(doc, fonts, { partsPerChunk: 0 }));
    const text = run('pdftotext', ['-layout', pdf, '-']).replace(/\s+/g, '');
    expect(text).toContain('理由：补记出席情况（修改了出席情况）');
    expect(text).toContain('理由：记录人姓名写错，更正（修改了日期、记录人、会议内容）');
    expect(text).toContain('日期：原2025年9月30日→现2025年9月26日');
    expect(text).toContain('记录人：原胡桂兰→现袁明哲');
    expect(text).toContain('主持人：原（空）→现王建国');
    expect(text).toContain(`会议内容（修改前原文）：${oldContent}`);
    // In the order they were made.
    expect(text.indexOf('补记出席情况')).toBeLessThan(text.indexOf('记录人：原胡桂兰'));
  }, 30_000);

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      renderPdf(buildDossier(makeDossierData(), OPTS).docDefinition, fonts, { signal: controller.signal }),
    ).rejects.toThrow('已取消');
  });
});

describe("a record's closing", () => {
  /** The innermost unbreakable stack holding a node that satisfies `hit`, and the path of stacks down to it. */
  function unbreakableAround(node: unknown, hit: (n: Record<string, unknown>) => boolean): unknown[] | undefined {
    if (Array.isArray(node)) {
      for (const n of node) {
        const found = unbreakableAround(n, hit);
        if (found) return found;
      }
      return undefined;
    }
    if (!node || typeof node !== 'object') return undefined;
    const o = node as Record<string, unknown>;
    if (hit(o)) return [];
    for (const v of Object.values(o)) {
      const found = unbreakableAround(v, hit);
      if (found) return o.unbreakable === true && Array.isArray(o.stack) ? [o, ...found] : found;
    }
    return undefined;
  }
  const texts = (node: unknown): string =>
    JSON.stringify(node)
      .match(/"text":"[^"]*"/g)!
      .join('');

  it('keeps the 补录说明, 记录状态 and 签字 line in one unbreakable block with the last photo row', () => {
    const data = makeDossierData();
    const meeting = { ...data.meetings.find((m) => m.backfilled)!, attachmentIds: ['att1'] };
    const body = recordSection(meeting, { ...data, images: data.images });
    const path = unbreakableAround(body, (n) => Array.isArray(n.columns) && JSON.stringify(n).includes('（签字）'));
    expect(path?.length).toBeGreaterThan(0);
    // The outermost unbreakable block around the 签字 line also holds the notes and the photo.
    const block = path![0]!;
    expect(texts(block)).toContain('补录说明');
    expect(texts(block)).toContain('记录状态');
    expect(JSON.stringify(block)).toContain('"image"');
  });

  it("keeps the 签字 line with the last section's text when there is no photo", () => {
    const data = makeDossierData();
    const meeting = { ...data.meetings.find((m) => !m.backfilled && m.kind === '支委会')!, attachmentIds: [] };
    const body = recordSection(meeting, data);
    const last = body.at(-1) as unknown as Record<string, unknown>;
    // The last section (its heading and text) carries the closing block, which prebreak.ts keeps with its last lines.
    expect(last[KEEP_WITH_HEADING]).toBe(2);
    const stack = last.stack as Record<string, unknown>[];
    expect(stack).toHaveLength(3);
    expect(stack[2]!.unbreakable).toBe(true);
    expect(texts(stack[2])).toContain('记录状态');
    expect(JSON.stringify(stack[2])).toContain('主持人（签字）');
  });
});
