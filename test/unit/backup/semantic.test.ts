// Well-formed ZIPs whose content is wrong: each is refused with a Chinese reason that names the problem.
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { describe, expect, test } from 'vitest';
import { type BackupManifest } from '../../../shared/backup/manifest';
import { inspectBackup, readBackup } from '../../../shared/backup/reader';
import { SUPPORTED_SCHEMA_VERSIONS, type BackupTableName } from '../../../shared/backup/tables';
import { writeBackup } from '../../../shared/backup/writer';
import { hex, makeDataset, opener, sourceOf, writeToBytes, type Dataset } from './factory';

type Entries = Record<string, Uint8Array>;
const enc = new TextEncoder();
const dec = new TextDecoder();

/** Re-zips a backup after editing its entries (fflate writes sizes up front, so this also covers that layout). */
function rezip(bytes: Uint8Array, edit: (entries: Entries) => void): Uint8Array {
  const entries = unzipSync(bytes);
  edit(entries);
  const { 'manifest.json': manifest, ...rest } = entries;
  const ordered: Zippable = {};
  for (const [name, data] of Object.entries(rest))
    ordered[name] = [data, { level: name.startsWith('tables/') ? 6 : 0 }];
  if (manifest) ordered['manifest.json'] = [manifest, { level: 0 }];
  return zipSync(ordered);
}

function editManifest(entries: Entries, change: (m: BackupManifest) => void) {
  const manifest = JSON.parse(dec.decode(entries['manifest.json'])) as BackupManifest;
  change(manifest);
  entries['manifest.json'] = enc.encode(JSON.stringify(manifest));
}

/** Replaces a table's JSONL and keeps the manifest consistent, so only the content itself is wrong. */
function replaceTable(entries: Entries, table: string, jsonl: string) {
  const bytes = enc.encode(jsonl);
  entries[`tables/${table}.jsonl`] = bytes;
  editManifest(entries, (m) => {
    m.tables[table as BackupTableName] = { rows: jsonl.split('\n').filter(Boolean).length, sha256: hex(bytes) };
  });
}

async function errorsOf(bytes: Uint8Array): Promise<string[]> {
  const result = await inspectBackup(opener(bytes));
  if (result.ok) throw new Error('expected the backup to be refused');
  return result.errors;
}

async function backupWith(change: (data: Dataset) => void): Promise<Uint8Array> {
  const data = makeDataset();
  change(data);
  return writeToBytes(data);
}

describe('semantic errors', () => {
  test('a row that is valid JSON but not a valid record names table, line and field', async () => {
    const bytes = await backupWith((d) => {
      d.tables.meetings[1]!.topic = '';
      d.tables.members[2]!.gender = '未知';
    });
    const errors = await errorsOf(bytes);
    expect(errors).toContain('会议记录（meetings）第 2 行：主题：请填写主题');
    expect(errors).toContain('党员（members）第 3 行：性别：请选择性别');
  });

  test('a line that is not JSON, or not an object, is reported with its line number', async () => {
    const bytes = rezip(await writeToBytes(makeDataset()), (e) =>
      replaceTable(e, 'settings', '{"key":"a","value":1}\n{"key": oops}\n[1,2]\n'),
    );
    const errors = await errorsOf(bytes);
    expect(errors).toContain('设置（settings）第 2 行：不是有效的 JSON');
    expect(errors).toContain('设置（settings）第 3 行：不是一条记录');
  });

  test('a nested field error reads as a Chinese path', async () => {
    const bytes = await backupWith((d) => {
      (d.tables.meetings[0]!.attendance as { name: string }[])[1]!.name = ' ';
    });
    expect(await errorsOf(bytes)).toContain('会议记录（meetings）第 1 行：出席情况第 2 项 · 名称：请填写姓名');
  });

  test('dangling references are refused: member, venue, branch, attachment', async () => {
    const bytes = await backupWith((d) => {
      (d.tables.meetings[0]!.attendance as { memberId: string }[])[0]!.memberId = 'm-404';
      d.tables.meetings[0]!.venueId = 'v-404';
      d.tables.meetings[1]!.attachmentIds = ['a-404'];
      d.tables.venueChecks[0]!.branchId = 'b-404';
    });
    const errors = await errorsOf(bytes);
    expect(errors).toContain('会议记录（meetings）第 1 行：出席情况引用的党员「m-404」不存在');
    expect(errors).toContain('会议记录（meetings）第 1 行：会议地点引用的活动阵地「v-404」不存在');
    expect(errors).toContain('会议记录（meetings）第 2 行：附件引用的附件「a-404」不存在');
    expect(errors).toContain('阵地复查（venueChecks）第 1 行：所属支部引用的支部「b-404」不存在');
  });

  test("a record naming another branch's file is refused: deleting that file with its own branch's records would break it", async () => {
    const bytes = await backupWith((d) => {
      const branch = d.tables.branches[0]!;
      d.tables.branches.push({ ...branch, id: 'b-2', name: '机关第二党支部' });
      d.tables.attachments[0]!.branchId = 'b-2';
    });
    expect(await errorsOf(bytes)).toContain('会议记录（meetings）第 1 行：附件引用的附件「a-1」属于另一个支部');
  });

  test('duplicate keys are refused', async () => {
    const bytes = await backupWith((d) => {
      d.tables.members[2]!.id = 'm-0';
    });
    expect(await errorsOf(bytes)).toContain('党员（members）第 3 行：编号「m-0」与第 1 行重复');
  });

  test('a newer format or schema version is refused with the upgrade message, alone', async () => {
    const good = await writeToBytes(makeDataset());
    const newerFormat = rezip(good, (e) => editManifest(e, (m) => (m.formatVersion = 2)));
    expect(await errorsOf(newerFormat)).toEqual(['备份由较新版本（格式 2）创建，请升级软件后再恢复']);

    const parts: Uint8Array[] = [];
    // One past the newest version this build restores (schema v2 added 技能比武).
    const newer = Math.max(...SUPPORTED_SCHEMA_VERSIONS) + 1;
    await writeBackup(sourceOf(makeDataset()), (c) => void parts.push(c), {
      schemaVersion: newer,
      appVersion: '9.0.0',
    });
    expect(await errorsOf(new Uint8Array(Buffer.concat(parts)))).toEqual([
      `备份由较新版本（数据版本 ${newer}）创建，请升级软件后再恢复`,
    ]);

    const zero = rezip(good, (e) => editManifest(e, (m) => (m.formatVersion = 0)));
    expect(await errorsOf(zero)).toEqual(['不支持的备份格式版本：0']);
    const foreign = rezip(good, (e) => editManifest(e, (m) => (m.format = 'other-app')));
    expect((await errorsOf(foreign))[0]).toContain('不是本软件的备份文件');
  });

  test('a table whose SHA-256 or row count disagrees with the manifest is refused', async () => {
    const good = await writeToBytes(makeDataset());
    const wrongHash = rezip(good, (e) => editManifest(e, (m) => (m.tables.meetings.sha256 = '0'.repeat(64))));
    expect(await errorsOf(wrongHash)).toContain(
      '数据表会议记录（meetings）的 SHA-256 与 manifest.json 不符，文件可能被改动',
    );
    const wrongCount = rezip(good, (e) => editManifest(e, (m) => (m.tables.members.rows = 99)));
    expect(await errorsOf(wrongCount)).toContain('数据表党员（members）有 3 行，而 manifest.json 记录为 99 行');
    // Same bytes count, different content: only the hash can tell.
    const edited = rezip(good, (e) => {
      const text = dec.decode(e['tables/branches.jsonl']).replace('机关第一党支部', '机关第二党支部');
      e['tables/branches.jsonl'] = enc.encode(text);
    });
    expect(await errorsOf(edited)).toContain('数据表支部（branches）的 SHA-256 与 manifest.json 不符，文件可能被改动');
  });

  test('a missing attachment file, or bytes that do not match their name, are refused', async () => {
    const data = makeDataset();
    const [sha] = [...data.files.keys()];
    const good = await writeToBytes(data);
    const missing = rezip(good, (e) => {
      delete e[`attachments/${sha}`];
      delete e[`thumbnails/${sha}`];
      editManifest(e, (m) => (m.attachments = { count: 0, bytes: 0 }));
    });
    expect(await errorsOf(missing)).toContain(`缺少附件文件 attachments/${sha}，附件（attachments）第 1 行登记了它`);
    const altered = rezip(good, (e) => {
      e[`attachments/${sha}`] = e[`attachments/${sha}`]!.map((b, i) => (i === 40 ? b ^ 1 : b));
    });
    expect(await errorsOf(altered)).toContain(`附件文件 attachments/${sha} 的内容与其 SHA-256 不符`);
  });

  test('missing table files, unexpected entries and a ZIP of something else are refused', async () => {
    const good = await writeToBytes(makeDataset());
    const noAudit = rezip(good, (e) => delete e['tables/audit.jsonl']);
    expect(await errorsOf(noAudit)).toContain('缺少数据表文件：tables/audit.jsonl');
    const extra = rezip(good, (e) => (e['notes.txt'] = enc.encode('hi')));
    expect(await errorsOf(extra)).toContain('意外的条目：notes.txt');
    const other = zipSync({ 'readme.txt': enc.encode('hello'), 'photos/1.jpg': new Uint8Array([1, 2, 3]) });
    const errors = await errorsOf(other);
    expect(errors).toContain('意外的条目：readme.txt');
    expect(errors).toContain('缺少 manifest.json：不是本软件的备份文件，或文件不完整');
    expect(await errorsOf(zipSync({}))).toEqual(['缺少 manifest.json：不是本软件的备份文件，或文件不完整']);
  });

  test('readBackup also refuses a bad file, and turns a failing handler into ok:false', async () => {
    const bad = await backupWith((d) => (d.tables.meetings[0]!.topic = ''));
    const rows: unknown[] = [];
    const refused = await readBackup(opener(bad), { onRows: (_t, r) => void rows.push(...r), onAttachment: () => {} });
    expect(refused).toMatchObject({ ok: false, errors: ['会议记录（meetings）第 1 行：主题：请填写主题'] });
    const good = await writeToBytes(makeDataset());
    const failing = await readBackup(opener(good), {
      onRows: () => {
        throw new Error('事务已中止');
      },
      onAttachment: () => {},
    });
    expect(failing).toEqual({ ok: false, errors: ['恢复过程中出错：事务已中止'] });
  });
});
