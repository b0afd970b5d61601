// The headless dossier CLIs end to end: a seeded backup in, a real PDF out (read back with pdftotext), and its verification.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from '@cantoo/pdf-lib';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main as dossier } from '../../../scripts/dossier';
import { main as verify } from '../../../scripts/dossier-verify';
import { extractManifest } from '../../../shared/dossier/extract';
import { printedFingerprint } from '../../../shared/dossier/verifyReport';
import { withEditedManifest, withPageBytesFlipped, withPagesCut } from '../dossier/tamper';
import { capture, readAll, writeAll, writeTypicalBackup, type BackupContents } from './helpers';

let dir: string;
let backup: string;
let pdf: string;
let contents: BackupContents;
let firstRun: ReturnType<typeof capture>;
let firstCode: number;

const branchName = () => String(contents.tables.branches[0]!.name);
const meetings2025 = () => contents.tables.meetings.filter((m) => String(m.date).startsWith('2025'));
/** The folder's file names: a refused run must leave neither the PDF nor a temp file behind. */
const filesIn = async () => (await readdir(dir)).sort();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dossier-cli-'));
  backup = join(dir, 'typical.zip');
  pdf = join(dir, 'typical-2025.pdf');
  await writeTypicalBackup(backup);
  contents = await readAll(backup);
  firstRun = capture();
  firstCode = await dossier(['--backup', backup, '--year', '2025', '--out', pdf], firstRun.out);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npm run dossier', () => {
  it('writes the volume of the only branch: its name, its topics and 第 1 页 共 N 页 are in the text', async () => {
    // The seeded year has drafts: written all the same, with a warning (see below).
    expect(firstRun.stderr).toEqual([expect.stringMatching(/^注意：本卷有 \d+ 条记录尚未定稿：/)]);
    expect(firstCode).toBe(0);
    const bytes = new Uint8Array(await readFile(pdf));
    const pages = (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();
    expect(pages).toBeGreaterThan(50);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain(branchName());
    const topic = meetings2025()
      .map((m) => String(m.topic))
      .sort((a, b) => a.length - b.length)[0]!;
    expect(flat).toContain(topic.replace(/\s+/g, ''));
    expect(text).toMatch(new RegExp(`第 1 页 共 ${pages} 页`));
    expect(firstRun.stdout.join('\n')).toContain(`共 ${pages} 页`);
    expect(await filesIn()).toEqual(['typical-2025.pdf', 'typical.zip']);
  });

  it('warns on stderr of the records not yet 定稿, naming each as the volume cites it, and still exits 0', async () => {
    const drafts = meetings2025()
      .filter((m) => m.status === '草稿')
      .sort((a, b) => (String(a.date) < String(b.date) ? -1 : 1));
    expect(drafts.length).toBeGreaterThan(0);
    expect(firstCode).toBe(0);
    expect(firstRun.stderr).toHaveLength(1);
    const warning = firstRun.stderr[0]!;
    expect(warning).toMatch(new RegExp(`^注意：本卷有 ${drafts.length} 条记录尚未定稿：`));
    for (const m of drafts) {
      const [y, mo, d] = String(m.date).split('-').map(Number);
      expect(warning).toContain(`${y}年${mo}月${d}日 ${String(m.kind)}`);
      expect(warning).toContain(`第${String(m.seq)}次`);
    }
  });

  it('refuses a damaged backup with one Chinese line and writes nothing', async () => {
    const bytes = new Uint8Array(await readFile(backup));
    bytes.fill(0x41, 2000, 2400); // inside the first table's deflated data
    const damaged = join(dir, 'damaged.zip');
    await writeFile(damaged, bytes);
    const out = join(dir, 'damaged.pdf');
    const run = capture();
    const code = await dossier(['--backup', damaged, '--year', '2025', '--out', out], run.out);
    expect(code).not.toBe(0);
    expect(run.stderr).toHaveLength(1);
    expect(run.stderr[0]).toMatch(/^备份文件无效：/);
    expect(await filesIn()).not.toContain('damaged.pdf');
    await rm(damaged);
    expect(await filesIn()).toEqual(['typical-2025.pdf', 'typical.zip']);
  });

  it('refuses a foreign file', async () => {
    const foreign = join(dir, 'notes.zip');
    await writeFile(foreign, '这不是备份');
    const run = capture();
    const code = await dossier(['--backup', foreign, '--year', '2025', '--out', join(dir, 'x.pdf')], run.out);
    await rm(foreign);
    expect(code).not.toBe(0);
    expect(run.stderr).toHaveLength(1);
    expect(await filesIn()).toEqual(['typical-2025.pdf', 'typical.zip']);
  });

  it('refuses, before any work, to write over the backup, a name not ending in .pdf, a folder; and a folder as backup', async () => {
    const copy = join(dir, 'copy.zip');
    await writeFile(copy, await readFile(backup));
    const cases: [string[], RegExp][] = [
      [['--backup', copy, '--year', '2025', '--out', copy], /^输出文件应以 \.pdf 结尾/],
      [['--backup', copy, '--year', '2025', '--out', join(dir, 'noext')], /^输出文件应以 \.pdf 结尾/],
      [['--backup', join(dir, 'x.pdf'), '--year', '2025', '--out', join(dir, 'x.pdf')], /^输出文件不能是备份文件本身/],
      [
        ['--backup', copy, '--year', '2025', '--out', join(dir, 'nowhere', 'x.pdf')],
        /^无法写入输出文件 .*文件或所在文件夹不存在/,
      ],
      [['--backup', dir, '--year', '2025', '--out', join(dir, 'y.pdf')], /^这是一个文件夹，不是备份文件/],
    ];
    for (const [args, reason] of cases) {
      const run = capture();
      expect(await dossier(args, run.out)).not.toBe(0);
      expect(run.stderr).toHaveLength(1);
      expect(run.stderr[0]).toMatch(reason);
    }
    // The backup is still the backup.
    expect(Buffer.compare(await readFile(copy), await readFile(backup))).toBe(0);
    await rm(copy);
    expect(await filesIn()).toEqual(['typical-2025.pdf', 'typical.zip']);
  });

  it('says first of a ZIP of other things that it is not a backup', async () => {
    const foreign = join(dir, 'photos.zip');
    await writeFile(foreign, zipSync({ 'a.txt': new TextEncoder().encode('你好') }));
    const run = capture();
    const code = await dossier(['--backup', foreign, '--year', '2025', '--out', join(dir, 'x.pdf')], run.out);
    await rm(foreign);
    expect(code).not.toBe(0);
    expect(run.stderr[0]).toMatch(/^备份文件无效：缺少 manifest\.json：不是本软件的备份文件/);
  });

  it('refuses an unknown branch, naming the ones there are', async () => {
    const run = capture();
    const code = await dossier(
      ['--backup', backup, '--year', '2025', '--out', join(dir, 'x.pdf'), '--branch', '不存在的支部'],
      run.out,
    );
    expect(code).not.toBe(0);
    expect(run.stderr).toHaveLength(1);
    expect(run.stderr[0]).toContain('不存在的支部');
    expect(run.stderr[0]).toContain(branchName());
    expect(await filesIn()).toEqual(['typical-2025.pdf', 'typical.zip']);
  });

  it('accepts the branch by id or by name', async () => {
    const { parseDossierArgs, pickBranch } = await import('../../../scripts/dossier');
    const list = [{ id: String(contents.tables.branches[0]!.id), name: branchName() }];
    expect(pickBranch(list, list[0]!.id)).toEqual(list[0]);
    expect(pickBranch(list, branchName())).toEqual(list[0]);
    expect(parseDossierArgs(['--backup', 'a.zip', '--year', '25', '--out', 'x.pdf'])).toMatch(/年度/);
  });

  it('with several branches and no --branch, lists them (name and id) and writes nothing', async () => {
    const two = structuredClone(contents);
    two.tables.branches.push({ ...two.tables.branches[0]!, id: 'branch-second', name: '市人大机关第二党支部' });
    const file = join(dir, 'two.zip');
    await writeAll(file, two);
    const run = capture();
    const code = await dossier(['--backup', file, '--year', '2025', '--out', join(dir, 'x.pdf')], run.out);
    await rm(file);
    expect(code).not.toBe(0);
    const text = run.stderr.join('\n');
    expect(text).toContain('--branch');
    expect(text).toContain(`${branchName()}（编号 ${String(contents.tables.branches[0]!.id)}）`);
    expect(text).toContain('市人大机关第二党支部（编号 branch-second）');
    expect(await filesIn()).toEqual(['typical-2025.pdf', 'typical.zip']);
  });

  it('refuses a year without records of the branch', async () => {
    const run = capture();
    const code = await dossier(['--backup', backup, '--year', '2019', '--out', join(dir, 'x.pdf')], run.out);
    expect(code).not.toBe(0);
    expect(run.stderr).toHaveLength(1);
    expect(run.stderr[0]).toContain('2019 年度没有任何记录');
    expect(await filesIn()).toEqual(['typical-2025.pdf', 'typical.zip']);
  });

  it("measures records against the backup's chosen 频次规则, as 工作台 does", async () => {
    // The pack named under the 组织生活落实情况 table: 「合计达标 …，统计截至 …。频次规则：条例默认——依据…」.
    const packOf = (file: string) => {
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
      return /频次规则：(.+?)——/.exec(text.replace(/\s+/g, ''))?.[1];
    };
    expect(packOf(pdf)).toBe('条例默认');
    const sub = await mkdtemp(join(tmpdir(), 'dossier-cli-pack-'));
    try {
      const quarterly = join(sub, 'quarterly.zip');
      const settings = [...contents.tables.settings, { key: 'rulePackId', value: 'local-lecture-quarterly' }];
      await writeAll(quarterly, { ...contents, tables: { ...contents.tables, settings } });
      const out = join(sub, 'q.pdf');
      const run = capture();
      expect(await dossier(['--backup', quarterly, '--year', '2025', '--out', out], run.out)).toBe(0);
      expect(packOf(out)).toBe('地方规定：党课每季度');
    } finally {
      await rm(sub, { recursive: true, force: true });
    }
  });
});

describe('npm run dossier with 生僻字 and an emoji in the records', () => {
  it('draws 𠮷 from the fallback font, searchable in the PDF, and names on stderr only what no font has', async () => {
    const sub = await mkdtemp(join(tmpdir(), 'dossier-cli-rare-'));
    try {
      const target = meetings2025().find((m) => m.status === '已定稿')!;
      const meetings = contents.tables.meetings.map((m) =>
        m.id === target.id ? { ...m, topic: '学习𠮷野花同志先进事迹', content: '大家深受教育👍' } : m,
      );
      const rare = join(sub, 'rare.zip');
      await writeAll(rare, { ...contents, tables: { ...contents.tables, meetings } });
      const out = join(sub, 'rare.pdf');
      const run = capture();
      expect(await dossier(['--backup', rare, '--year', '2025', '--out', out], run.out)).toBe(0);
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', out, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
      expect(text.replace(/\s+/g, '')).toContain('学习𠮷野花同志先进事迹');
      expect(execFileSync('pdffonts', [out], { encoding: 'utf8' })).toContain('HanaMinB');
      const notice = run.stderr.find((line) => line.includes('在打印字体中没有'));
      expect(notice).toContain('“👍”');
      expect(notice).not.toContain('𠮷');
    } finally {
      await rm(sub, { recursive: true, force: true });
    }
  });
});

describe('npm run dossier:verify', () => {
  it('says 一致 for the backup the volume was made from', async () => {
    const run = capture();
    const code = await verify([pdf, '--backup', backup], run.out);
    expect(run.stderr).toEqual([]);
    expect(code).toBe(0);
    const fingerprint = (await extractManifest(new Uint8Array(await readFile(pdf)))) as { fingerprint: string };
    expect(run.stdout).toEqual([
      '一致：卷宗内嵌的数据清单与备份中的台账相同（本校验只核对数据，不核对页面上印出的内容）',
      expect.stringMatching(
        new RegExp(`^卷宗：${branchName()}，2025年度，第 1 卷，\\d{4}年\\d+月\\d+日 \\d\\d:\\d\\d 导出$`),
      ),
      expect.stringMatching(/^卷宗的 \d+ 条记录和 \d+ 个附件与备份中的数据完全相同。$/),
      `数据指纹：${printedFingerprint(fingerprint.fingerprint)}（与封面、文档属性、XMP 元数据中的指纹相同）`,
    ]);
  });

  it('reports a volume whose embedded manifest was edited as the file altered (exit 3), not as the ledger changed', async () => {
    const bytes = new Uint8Array(await readFile(pdf));
    const original = (await extractManifest(bytes)) as { fingerprint: string };
    const file = join(dir, 'edited-manifest.pdf');
    await writeFile(file, await withEditedManifest(bytes));
    const run = capture();
    const code = await verify([file, '--backup', backup], run.out);
    await rm(file);
    expect(code).toBe(3);
    expect(run.stderr).toEqual([]);
    expect(run.stdout[0]).toBe('卷宗内嵌数据清单与封面指纹不符，文件可能被改动');
    expect(run.stdout[1]).toContain('2025年度，第 1 卷');
    const hexOf = (line: string | undefined) => /SHA-256 ((?:[0-9a-f]{8} ?){8})$/.exec(line ?? '')?.[1];
    expect(run.stdout[2]).toMatch(/^内嵌数据清单的指纹：/);
    expect(run.stdout[3]).toMatch(/^封面、文档属性、XMP 元数据中记载的指纹：/);
    expect(hexOf(run.stdout[3])).toBe(printedFingerprint(original.fingerprint).slice(8));
    expect(hexOf(run.stdout[2])).not.toBe(hexOf(run.stdout[3]));
    expect(run.stdout.join('\n')).not.toMatch(/已修改|不一致/);
  });

  it('names a page whose bytes were damaged (exit 3) ahead of the data verdict, which still says what it covers', async () => {
    const file = join(dir, 'damaged-page.pdf');
    await writeFile(file, await withPageBytesFlipped(new Uint8Array(await readFile(pdf)), 12));
    const run = capture();
    const code = await verify([file, '--backup', backup], run.out);
    await rm(file);
    expect(code).toBe(3);
    expect(run.stdout.slice(0, 2)).toEqual([
      '卷宗文件已损坏：第 12 页的页面数据与其校验码不符，该页可能显示不全。请取得完整的原文件，或重新导出卷宗。',
      '一致：卷宗内嵌的数据清单与备份中的台账相同（本校验只核对数据，不核对页面上印出的内容）',
    ]);
    expect(run.stdout.at(-1)).toMatch(/^数据指纹：SHA-256 /);
  });

  it('reports a volume with pages cut out as damaged (exit 3): the cover still says how many it had', async () => {
    const bytes = new Uint8Array(await readFile(pdf));
    const pages = (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();
    const file = join(dir, 'cover-only.pdf');
    await writeFile(file, await withPagesCut(bytes, 1));
    const run = capture();
    const code = await verify([file, '--backup', backup], run.out);
    await rm(file);
    expect(code).toBe(3);
    expect(run.stdout[0]).toBe(
      `卷宗文件已损坏：封面页脚写明共 ${pages} 页，文件实有 1 页，有页面被删去。请取得完整的原文件，或重新导出卷宗。`,
    );
  });

  it('lists the meeting whose topic changed after the export by date, kind and topic, and exits 1', async () => {
    const edited = structuredClone(contents);
    const target = edited.tables.meetings.find((m) => String(m.date).startsWith('2025-06'))!;
    target.topic = `${String(target.topic)}（已改）`;
    const file = join(dir, 'edited.zip');
    await writeAll(file, edited);
    const run = capture();
    const code = await verify([pdf, '--backup', file], run.out);
    await rm(file);
    expect(code).toBe(1);
    expect(run.stdout).toEqual([
      '不一致：卷宗内嵌的数据清单与备份中的台账有 1 处差异（本校验只核对数据，不核对页面上印出的内容）',
      expect.stringMatching(/^卷宗：.*，2025年度，第 1 卷，/),
      expect.stringMatching(/^数据指纹：SHA-256 [0-9a-f]{8} .*（与封面、文档属性、XMP 元数据中的指纹相同）$/),
      '  会议记录：已修改 1',
      '',
      '会议记录（1 处）：',
      `  已修改  ${String(target.date)} ${String(target.kind)}「${String(target.topic)}」`,
    ]);
  });

  it('leads with counts per category, names every record, caps each list, and tells 离开 from 删除', async () => {
    const edited = structuredClone(contents);
    const t = edited.tables;
    const in2025 = (d: unknown) => String(d).startsWith('2025');
    const nameOf = new Map(t.members.map((m) => [String(m.id), String(m.name)]));
    // A member of the 2025 roster whose 离开日期 is now in 2024: still in the backup, no longer in the volume.
    const leaver = t.members.find((m) => !m.leftDate && String(m.joinedDate) < '2024-01-01')!;
    leaver.leftDate = '2024-06-30';
    leaver.leftReason = '调离';
    // Every 2025 learning entry retitled: more than one page of the listing.
    const learning = t.learning.filter((l) => in2025(l.date));
    expect(learning.length).toBeGreaterThan(60);
    for (const l of learning) l.title = `${String(l.title)}（改）`;
    const evaluation = t.memberEvaluations.find((e) => e.year === 2025)!;
    t.memberEvaluations = t.memberEvaluations.filter((e) => e !== evaluation);
    const responsibility = t.responsibilities.find((r) => r.year === 2025)!;
    responsibility.duties = [...(responsibility.duties as string[]), '新增的职责'];
    const file = join(dir, 'later.zip');
    await writeAll(file, edited);
    const run = capture();
    const code = await verify([pdf, '--backup', file], run.out);
    await rm(file);
    expect(run.stderr).toEqual([]);
    expect(code).toBe(1);
    const total = learning.length + 3;
    expect(run.stdout.slice(0, 8)).toEqual([
      expect.stringMatching(new RegExp(`^不一致：.* ${total} 处差异（本校验只核对数据，不核对页面上印出的内容）$`)),
      expect.stringMatching(/^卷宗：/),
      expect.stringMatching(/^数据指纹：/),
      '  党员：不再属于本卷期间 1',
      '  领导责任：已修改 1',
      '  民主评议：已删除 1',
      `  学习记录：已修改 ${learning.length}`,
      '',
    ]);
    const text = run.stdout.join('\n');
    expect(text).toContain(`  不再属于本卷期间  ${String(leaver.name)}（离开日期 2024-06-30）`);
    expect(text).not.toContain(String(leaver.id));
    expect(text).toContain(`  已修改  ${String(responsibility.holderName)} ${String(responsibility.role)} 2025 年度`);
    // Named by the label the volume recorded for it, since the row itself is gone.
    const who = t.members.find((m) => m.id === evaluation.memberId)!;
    expect(text).toContain(`  已删除（${String(who.name)} 2025 年度）`);
    const first = [...learning].sort((a, b) => (String(a.date) < String(b.date) ? -1 : 1))[0]!;
    expect(text).toContain(
      `  已修改  ${String(first.date)} ${nameOf.get(String(first.memberId))} ${String(first.kind)}：${String(first.title)}`,
    );
    const listed = run.stdout.slice(run.stdout.indexOf(`学习记录（${learning.length} 处）：`) + 1);
    expect(listed.slice(0, 50).every((l) => l.startsWith('  已修改  2025-') && !/《《|》》/.test(l))).toBe(true);
    expect(listed[50]).toBe(`  另有 ${learning.length - 50} 处`);
    expect(listed).toHaveLength(51);
  });

  it('exits 2 with the reason for a PDF that is not a dossier', async () => {
    const other = await PDFDocument.create();
    other.addPage();
    const file = join(dir, 'other.pdf');
    await writeFile(file, await other.save());
    const run = capture();
    const code = await verify([file, '--backup', backup], run.out);
    await rm(file);
    expect(code).toBe(2);
    expect(run.stderr).toHaveLength(1);
    expect(run.stderr[0]).toContain('不是迎检卷宗');
  });
});

describe('npm run dossier --from --to: a volume of a date range', () => {
  const pdftext = (file: string) =>
    execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  /** Meetings of 2025 by half, with topics the other half does not share. */
  const halves = () => {
    const all = meetings2025();
    const first = all.filter((m) => String(m.date) <= '2025-06-30');
    const second = all.filter((m) => String(m.date) > '2025-06-30');
    const topicsOf = (ms: typeof all) => new Set(ms.map((m) => String(m.topic)));
    const firstTopics = topicsOf(first);
    const secondTopics = topicsOf(second);
    return {
      inside: first.find((m) => !secondTopics.has(String(m.topic)))!,
      outside: second.find((m) => !firstTopics.has(String(m.topic)))!,
    };
  };

  it('prints the range on the cover and in the header, with the meetings inside it and not the others', async () => {
    const { inside, outside } = halves();
    expect(inside).toBeDefined();
    expect(outside).toBeDefined();
    const sub = await mkdtemp(join(tmpdir(), 'dossier-cli-range-'));
    try {
      const out = join(sub, 'h1.pdf');
      const run = capture();
      const code = await dossier(
        ['--backup', backup, '--from', '2025-01-01', '--to', '2025-06-30', '--volume', '1', '--out', out],
        run.out,
      );
      expect(run.stderr).toEqual([]);
      expect(code).toBe(0);
      expect(run.stdout[0]).toContain('2025年1月1日至6月30日，第 1 卷');
      const text = pdftext(out);
      const flat = text.replace(/\s+/g, '');
      // The running header of every page but the cover, and the cover's own line.
      const header = `${branchName()}·2025年1月1日至2025年6月30日迎检卷宗`;
      const pages = text.split('\f').filter((p) => p.trim());
      expect(pages.slice(1).every((p) => p.replace(/\s+/g, '').includes(header))).toBe(true);
      expect(pages[0]!.replace(/\s+/g, '')).toContain('2025年1月1日至2025年6月30日迎检卷宗第1卷');
      expect(pages[0]!.replace(/\s+/g, '')).not.toContain('2025年度');
      expect(flat).toContain(String(inside.topic).replace(/\s+/g, ''));
      expect(flat).not.toContain(String(outside.topic).replace(/\s+/g, ''));
      // Half a year is a shorter volume than the whole one.
      const count = async (file: string) =>
        (await PDFDocument.load(new Uint8Array(await readFile(file)), { updateMetadata: false })).getPageCount();
      expect(await count(out)).toBeLessThan(await count(pdf));
    } finally {
      await rm(sub, { recursive: true, force: true });
    }
  }, 120_000);

  it('refuses --year together with --from/--to, and an impossible range, with usage (exit 2) and writes nothing', async () => {
    const out = join(dir, 'x.pdf');
    const refusal = async (period: string[]) => {
      const run = capture();
      const code = await dossier(['--backup', backup, ...period, '--out', out], run.out);
      expect(code).toBe(2);
      expect(run.stdout).toEqual([]);
      expect(run.stderr).toHaveLength(1);
      expect(run.stderr[0]).toContain('用法：npm run dossier --');
      return run.stderr[0]!;
    };
    expect(await refusal(['--year', '2025', '--from', '2025-01-01', '--to', '2025-06-30'])).toContain(
      '--year 与 --from/--to 只能二选一',
    );
    expect(await refusal(['--year', '2025', '--to', '2025-06-30'])).toContain('只能二选一');
    expect(await refusal(['--from', '2025-01-01'])).toContain('请用 --to 指定结束日期');
    expect(await refusal(['--from', '2025-07-01', '--to', '2025-06-30'])).toContain(
      '结束日期 2025-06-30 早于开始日期 2025-07-01',
    );
    expect(await refusal(['--from', '2025-02-30', '--to', '2025-06-30'])).toContain('--from 的日期无效：2025-02-30');
    expect(await refusal(['--from', '2025-01-01', '--to', '9999-12-31'])).toContain('晚于今天');
    expect(await refusal(['--year', '2025', '--volume', '0'])).toContain('卷号应为 1 至 99 的整数');
    expect(await filesIn()).toEqual(['typical-2025.pdf', 'typical.zip']);
  });

  it('refuses a range without records of the branch, naming the range', async () => {
    const run = capture();
    const code = await dossier(
      ['--backup', backup, '--from', '2019-03-01', '--to', '2019-05-31', '--out', join(dir, 'x.pdf')],
      run.out,
    );
    expect(code).toBe(1);
    expect(run.stderr).toEqual([
      `支部「${branchName()}」2019年3月1日至5月31日没有任何记录（会议、阵地复查、学习、比武、责任、评议、自评），不生成卷宗`,
    ]);
    expect(await filesIn()).toEqual(['typical-2025.pdf', 'typical.zip']);
  });
});
