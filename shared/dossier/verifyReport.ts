// What 校验卷宗 and `dossier:verify` say about a volume handed back: what the check covers, whether the file itself was
// changed or damaged after the export, the volume named as its cover names it, and the fingerprint to compare.
import type { DossierPeriod } from './data';
import type { FileIntegrity, FingerprintPlace } from './extract';
import { cnDate, cnDateTime } from './layout';
import type { DossierManifest } from './manifest';

/**
 * What every verdict says it covers: the check compares the embedded data with the ledger. It cannot see a page
 * redrawn in a PDF editor (a total overwritten, a line whited out), which leaves the embedded data as it was.
 */
export const CHECK_SCOPE = '本校验只核对数据，不核对页面上印出的内容';

/** The verdict when the file's own fingerprints disagree with its embedded manifest. */
export const ALTERED = '卷宗内嵌数据清单与封面指纹不符，文件可能被改动';

/** Why the ledger is not compared with an altered file's manifest: it is no longer the one the volume was made from. */
export const NOT_COMPARED =
  '内嵌数据清单已不是导出时的原样，据此与台账比对没有意义，因此未作比对。请向报送方取得原文件，或重新导出卷宗。';

/** The period as the volume's cover prints it: 「2025年度」, 「2025年1月1日至2025年6月30日」. */
export function volumePeriodText(period: DossierPeriod): string {
  const year = period.from.slice(0, 4);
  return period.from === `${year}-01-01` && period.to === `${year}-12-31`
    ? `${year}年度`
    : `${cnDate(period.from)}至${cnDate(period.to)}`;
}

/** 「市人大机关第一党支部，2025年度，第 1 卷，2026年1月5日 10:00 导出」. */
export function volumeText(manifest: Pick<DossierManifest, 'branchName' | 'period' | 'volume' | 'exportedAt'>) {
  return `${manifest.branchName}，${volumePeriodText(manifest.period)}，第 ${manifest.volume} 卷，${cnDateTime(manifest.exportedAt)} 导出`;
}

/** A fingerprint as the cover and the 附录 print it, in groups of eight to compare by eye (build.ts groupFingerprint). */
export function printedFingerprint(fingerprint: string): string {
  return `SHA-256 ${fingerprint.replace(/(.{8})(?=.)/g, '$1 ')}`;
}

const PLACE_ORDER: readonly FingerprintPlace[] = ['封面', '文档属性', 'XMP 元数据'];

const placesText = (places: readonly FingerprintPlace[]) =>
  [...places].sort((a, b) => PLACE_ORDER.indexOf(a) - PLACE_ORDER.indexOf(b)).join('、');

const pagesText = (pages: readonly number[]) =>
  pages.length <= 10 ? `第 ${pages.join('、')} 页` : `第 ${pages.slice(0, 10).join('、')} 页等 ${pages.length} 页`;

export type FileVerdict =
  /** `confirmedBy`: the places whose fingerprint is the manifest's. */
  | { kind: 'intact'; confirmedBy: FingerprintPlace[] }
  /** The manifest is not the one the file vouches for: `lines` say which fingerprint is where. */
  | { kind: 'altered'; lines: string[] }
  /** The fingerprints agree but some of the file's data is broken: `text` says where. */
  | { kind: 'damaged'; text: string; confirmedBy: FingerprintPlace[] };

/**
 * Whether the file is still the one exported: its stated fingerprints (cover, 文档属性, XMP) against the embedded
 * manifest's hash, then its data's checksums. `integrity` absent (a result made by hand): nothing to say against it.
 */
export function fileVerdict(fingerprint: string, integrity: FileIntegrity | undefined): FileVerdict {
  if (!integrity) return { kind: 'intact', confirmedBy: [] };
  const confirmedBy = integrity.stated.filter((s) => s.fingerprint === fingerprint).map((s) => s.place);
  const others = integrity.stated.filter((s) => s.fingerprint !== fingerprint);
  if (others.length > 0 || integrity.stated.length === 0) {
    const lines = [`内嵌数据清单的指纹：${printedFingerprint(fingerprint)}`];
    const byValue = new Map<string, FingerprintPlace[]>();
    for (const s of integrity.stated) byValue.set(s.fingerprint, [...(byValue.get(s.fingerprint) ?? []), s.place]);
    for (const [value, places] of byValue) {
      lines.push(`${placesText(places)}中记载的指纹：${printedFingerprint(value)}`);
    }
    if (integrity.stated.length === 0) lines.push('封面、文档属性和 XMP 元数据中都找不到数据指纹。');
    return { kind: 'altered', lines };
  }
  const problems: string[] = [];
  // A volume with pages cut out (pdfseparate, 另存为 of a page range) keeps its embedded manifest: the cover's footer
  // still says how many pages the volume had.
  const { pages } = integrity;
  if (pages?.printed !== undefined && pages.printed !== pages.inFile) {
    problems.push(
      `封面页脚写明共 ${pages.printed} 页，文件实有 ${pages.inFile} 页，有页面被${pages.inFile < pages.printed ? '删去' : '加入'}`,
    );
  }
  if (integrity.damagedPages.length > 0 || integrity.otherDamage) {
    problems.push(
      integrity.damagedPages.length
        ? `${pagesText(integrity.damagedPages)}的页面数据与其校验码不符，${integrity.damagedPages.length > 1 ? '这些页' : '该页'}可能显示不全`
        : '其中的字体或图片数据与其校验码不符，部分页面可能显示不全',
    );
  }
  if (problems.length) {
    return {
      kind: 'damaged',
      text: `卷宗文件已损坏：${problems.join('；')}。请取得完整的原文件，或重新导出卷宗。`,
      confirmedBy,
    };
  }
  return { kind: 'intact', confirmedBy };
}

/** The fingerprint and where the file states the same one: 「数据指纹：SHA-256 …（与封面、文档属性中的指纹相同）」. */
export function fingerprintLine(fingerprint: string, confirmedBy: readonly FingerprintPlace[]): string {
  const agrees = confirmedBy.length ? `（与${placesText(confirmedBy)}中的指纹相同）` : '';
  return `数据指纹：${printedFingerprint(fingerprint)}${agrees}`;
}
