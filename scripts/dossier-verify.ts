// `npm run dossier:verify -- <卷宗.pdf> --backup <file>`: compares a dossier's embedded manifest with a backup's data.
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { extractManifest } from '../shared/dossier/extract';
import { changeSentence, describeChanges, groupChanges, groupSummary } from '../shared/dossier/describeChange';
import { verifyManifest } from '../shared/dossier/manifest';
import {
  ALTERED,
  CHECK_SCOPE,
  NOT_COMPARED,
  fileVerdict,
  fingerprintLine,
  volumeText,
} from '../shared/dossier/verifyReport';
import { wantsHelp } from './cliText';
import { CliError, inspectBackupFile, readBranchData, type Output } from './dossier';

const USAGE = '用法：npm run dossier:verify -- <卷宗.pdf> --backup <备份文件.zip>';

/** Per category, the CLI lists this many records and counts the rest (「另有 N 处」). */
export const LISTED_PER_CATEGORY = 50;

export function parseVerifyArgs(args: readonly string[]): { pdf: string; backup: string } | string {
  const rest = args.filter((a) => a !== '--');
  let pdf: string | undefined;
  let backup: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--backup') {
      backup = rest[++i];
      if (backup === undefined || backup.startsWith('--')) return '参数 --backup 缺少取值';
    } else if (arg.startsWith('--')) return `不认识的参数：${arg}`;
    else if (pdf === undefined) pdf = arg;
    else return `多余的参数：${arg}`;
  }
  if (!pdf) return '请指定要校验的卷宗 PDF';
  if (!backup) return '请用 --backup 指定备份文件';
  return { pdf, backup };
}

/**
 * Returns the exit code: 0 the volume matches the backup (「一致」); 1 records differ (listed); 2 the PDF is not a
 * dossier, or the backup cannot be compared (invalid, or without the volume's branch), or usage; 3 the file itself
 * was changed or damaged after the export (its embedded manifest is not the one its fingerprint names, or some of its
 * data fails its checksum).
 */
export async function main(args: readonly string[], out: Output = console): Promise<number> {
  if (wantsHelp(args)) {
    out.log(USAGE);
    return 0;
  }
  const parsed = parseVerifyArgs(args);
  if (typeof parsed === 'string') {
    out.error(`${parsed}。${USAGE}`);
    return 2;
  }
  let pdfBytes: Uint8Array;
  try {
    pdfBytes = new Uint8Array(await readFile(parsed.pdf));
  } catch {
    out.error(`无法读取文件：${parsed.pdf}`);
    return 2;
  }
  const extracted = await extractManifest(pdfBytes);
  if (!extracted.ok) {
    out.error(`不是迎检卷宗：${extracted.reason}`);
    return 2;
  }
  const { manifest, fingerprint } = extracted;
  const file = fileVerdict(fingerprint, extracted.integrity);
  if (file.kind === 'altered') {
    // The manifest is not the volume's own: comparing it with the ledger would blame the ledger for the file's change.
    out.log(ALTERED);
    out.log(`卷宗：${volumeText(manifest)}`);
    for (const line of file.lines) out.log(line);
    out.log(NOT_COMPARED);
    return 3;
  }
  try {
    const { branches } = await inspectBackupFile(parsed.backup);
    if (!branches.some((b) => b.id === manifest.branchId)) {
      out.error(`备份中没有卷宗所属的支部「${manifest.branchName}」（编号 ${manifest.branchId}），无法校验`);
      out.error(fingerprintLine(fingerprint, file.confirmedBy));
      return 2;
    }
    const data = await readBranchData(parsed.backup, manifest.branchId);
    const changes = verifyManifest(manifest, data);
    // A damaged file leads: its pages may not show what the data says, whatever the data comparison finds.
    if (file.kind === 'damaged') out.log(file.text);
    if (changes.length === 0) {
      out.log(`一致：卷宗内嵌的数据清单与备份中的台账相同（${CHECK_SCOPE}）`);
      out.log(`卷宗：${volumeText(manifest)}`);
      out.log(
        `卷宗的 ${manifest.records.length} 条记录和 ${manifest.attachments.length} 个附件与备份中的数据完全相同。`,
      );
      out.log(fingerprintLine(fingerprint, file.confirmedBy));
      return file.kind === 'damaged' ? 3 : 0;
    }
    out.log(`不一致：卷宗内嵌的数据清单与备份中的台账有 ${changes.length} 处差异（${CHECK_SCOPE}）`);
    out.log(`卷宗：${volumeText(manifest)}`);
    out.log(fingerprintLine(fingerprint, file.confirmedBy));
    // The counts first, so a reader sees the size of each category before the records themselves.
    const groups = groupChanges(describeChanges(changes, data, manifest.period));
    for (const group of groups) out.log(`  ${groupSummary(group)}`);
    for (const group of groups) {
      out.log('');
      out.log(`${group.category}（${group.changes.length} 处）：`);
      for (const change of group.changes.slice(0, LISTED_PER_CATEGORY)) out.log(`  ${changeSentence(change)}`);
      const more = group.changes.length - LISTED_PER_CATEGORY;
      if (more > 0) out.log(`  另有 ${more} 处`);
    }
    return file.kind === 'damaged' ? 3 : 1;
  } catch (error) {
    out.error(
      error instanceof CliError
        ? error.message
        : `校验时出错：${error instanceof Error ? error.message : String(error)}`,
    );
    // The volume's fingerprint all the same, to compare with its cover.
    out.error(fingerprintLine(fingerprint, file.confirmedBy));
    return 2;
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
