// Reads a dossier PDF back: the embedded dossier-manifest.json, the fingerprints the file states about itself (文档属性,
// XMP, the cover's printed line) and whether the data of its pages is intact.
import { inflateSync } from 'fflate';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFRawStream,
  PDFRef,
  type PDFObject,
  type PDFPage,
} from '@cantoo/pdf-lib';
import { MANIFEST_FILE_NAME, parseManifest, sha256Hex, type DossierManifest } from './manifest';

/** Where a dossier states its fingerprint: build.ts writes it to all three. */
export type FingerprintPlace = '文档属性' | 'XMP 元数据' | '封面';

export interface StatedFingerprint {
  place: FingerprintPlace;
  fingerprint: string;
}

export interface FileIntegrity {
  /**
   * The fingerprints the file states, in the order of FingerprintPlace; a place without one is left out (the cover's
   * line is read from its text, which a file made otherwise may not let us read).
   */
  stated: StatedFingerprint[];
  /**
   * 1-based numbers of the pages whose drawing data does not decompress to what its own checksum vouches for: bytes
   * changed after the export (a bad copy, a disk error, an edit by hand). Such a page shows half blank or not at all.
   */
  damagedPages: number[];
  /** A font, a picture or other data outside the pages' own drawing is damaged in the same way. */
  otherDamage: boolean;
  /** The file's pages, and how many the cover's footer (「第 1 页 共 M 页」) says the volume has, when it can be read. */
  pages?: { inFile: number; printed?: number };
}

export type ExtractResult =
  | {
      ok: true;
      manifest: DossierManifest;
      /** SHA-256 hex of the embedded manifest's bytes. */
      fingerprint: string;
      /** Always set by extractManifest; optional only so that a result made by hand (a test's) may leave it out. */
      integrity?: FileIntegrity;
    }
  | { ok: false; reason: string };

const DAMAGED = '文件不完整或已损坏（例如复制时被截断），无法确认卷宗内容，请取得完整的文件或重新导出';

/**
 * Whether the file ends as a complete PDF does: `startxref` with the offset of a cross-reference section (a table or
 * a stream object) inside the file, then `%%EOF`. pdf-lib reads a file cut short without complaint and would find
 * the manifest in it, so without this a truncated copy — one no viewer can open — verified as 一致.
 */
export function looksComplete(pdfBytes: Uint8Array): boolean {
  const tail = new TextDecoder('latin1').decode(pdfBytes.subarray(Math.max(0, pdfBytes.length - 1024)));
  const match = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!match) return false;
  const offset = Number(match[1]);
  if (!(offset > 0 && offset < pdfBytes.length)) return false;
  const head = new TextDecoder('latin1').decode(pdfBytes.subarray(offset, offset + 32));
  return /^\s*(xref|\d+\s+\d+\s+obj)/.test(head);
}

// ── zlib streams with their checksum ────────────────────────────────────────

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  // 5552 bytes is the most that can be summed before the 32-bit sums must be reduced (zlib's NMAX).
  for (let i = 0; i < bytes.length;) {
    const end = Math.min(bytes.length, i + 5552);
    for (; i < end; i++) {
      a += bytes[i]!;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/**
 * A FlateDecode stream's data, or undefined when it is damaged. PDF flate data is zlib: a header, the deflated bytes
 * and the Adler-32 of what they inflate to. pdf-lib and fflate inflate without looking at that checksum, and a few
 * flipped bytes in the middle of a page mostly inflate to something — a page a viewer draws half blank.
 */
function inflateChecked(raw: Uint8Array): Uint8Array | undefined {
  const checked = (end: number) => {
    if (end < 6) return undefined;
    const [cmf, flg] = [raw[0]!, raw[1]!];
    // Deflate (method 8), a valid header check, and no preset dictionary.
    if ((cmf & 0x0f) !== 8 || ((cmf << 8) | flg) % 31 !== 0 || flg & 0x20) return undefined;
    let out: Uint8Array;
    try {
      out = inflateSync(raw.subarray(2, end - 4));
    } catch {
      return undefined;
    }
    const stored = ((raw[end - 4]! << 24) | (raw[end - 3]! << 16) | (raw[end - 2]! << 8) | raw[end - 1]!) >>> 0;
    return adler32(out) === stored ? out : undefined;
  };
  const whole = checked(raw.length);
  if (whole) return whole;
  // Some writers count an end-of-line before `endstream` in the stream's length.
  let end = raw.length;
  while (end > 6 && (raw[end - 1] === 0x0a || raw[end - 1] === 0x0d)) end--;
  return end < raw.length ? checked(end) : undefined;
}

const isFlate = (stream: PDFRawStream): boolean => {
  const filter = stream.dict.lookup(PDFName.of('Filter'));
  if (filter instanceof PDFName) return filter === PDFName.of('FlateDecode');
  return filter instanceof PDFArray && filter.size() === 1 && filter.lookup(0) === PDFName.of('FlateDecode');
};

const hasNoFilter = (stream: PDFRawStream) => stream.dict.lookup(PDFName.of('Filter')) === undefined;

/** A stream's decoded bytes: flate checked as above, unfiltered as is; undefined when damaged or otherwise filtered. */
function streamBytes(stream: PDFRawStream): Uint8Array | undefined {
  if (isFlate(stream)) return inflateChecked(stream.contents);
  return hasNoFilter(stream) ? stream.contents : undefined;
}

// ── the fingerprints the file states ────────────────────────────────────────

const STATED = /SHA-256[:\s]*([0-9a-f]{64})/;

/** The XMP packet's pdf:Keywords, where pdfkit repeats the Info dictionary's keywords for PDF/A. */
function xmpKeywords(doc: PDFDocument): string | undefined {
  const metadata = doc.catalog.lookup(PDFName.of('Metadata'));
  if (!(metadata instanceof PDFRawStream)) return undefined;
  const bytes = streamBytes(metadata);
  if (!bytes) return undefined;
  const xml = new TextDecoder('utf-8').decode(bytes);
  return /<pdf:Keywords>([\s\S]*?)<\/pdf:Keywords>/.exec(xml)?.[1];
}

/** A font's ToUnicode map: glyph code → text, from the `bfchar` and `bfrange` entries pdfkit writes. */
function toUnicodeMap(font: PDFDict): Map<number, string> | undefined {
  const cmap = font.lookup(PDFName.of('ToUnicode'));
  if (!(cmap instanceof PDFRawStream)) return undefined;
  const bytes = streamBytes(cmap);
  if (!bytes) return undefined;
  const text = new TextDecoder('latin1').decode(bytes);
  // A ligature's text is several units, which pdfkit writes with a space: <0066 0066> for 「ff」.
  const utf16 = (spaced: string) => {
    const hex = spaced.replace(/\s+/g, '');
    const units: number[] = [];
    for (let i = 0; i + 4 <= hex.length; i += 4) units.push(parseInt(hex.slice(i, i + 4), 16));
    return String.fromCharCode(...units);
  };
  const map = new Map<number, string>();
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const entry of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F\s]+>)/g)) {
      const [start, end, target] = [parseInt(entry[1]!, 16), parseInt(entry[2]!, 16), entry[3]!];
      if (target.startsWith('[')) {
        [...target.matchAll(/<([0-9a-fA-F\s]+)>/g)].forEach((t, i) => map.set(start + i, utf16(t[1]!)));
      } else {
        const first = utf16(target.slice(1, -1));
        const base = first.charCodeAt(first.length - 1);
        for (let code = start; code <= end; code++) {
          map.set(code, first.slice(0, -1) + String.fromCharCode(base + code - start));
        }
      }
    }
  }
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const entry of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]+)>/g)) {
      map.set(parseInt(entry[1]!, 16), utf16(entry[2]!));
    }
  }
  return map;
}

/** A page's content streams, in drawing order. */
function contentStreams(page: PDFPage): PDFRawStream[] {
  const contents = page.node.Contents();
  if (contents instanceof PDFRawStream) return [contents];
  if (!(contents instanceof PDFArray)) return [];
  return contents.asArray().flatMap((item) => {
    const stream = page.doc.context.lookup(item);
    return stream instanceof PDFRawStream ? [stream] : [];
  });
}

/**
 * The text of a page as its fonts spell it, without spacing: enough to find the fingerprint line of the cover. Only
 * the two-byte (Type0) fonts pdfkit embeds are read, as pdfkit writes them (`/F1 9 Tf`, `[<0041…> 0] TJ`).
 */
function pageText(page: PDFPage): string {
  const fonts = page.node.Resources()?.lookup(PDFName.of('Font'));
  const maps = new Map<string, Map<number, string> | undefined>();
  const mapOf = (name: string) => {
    if (!maps.has(name)) {
      const font = fonts instanceof PDFDict ? fonts.lookup(PDFName.of(name)) : undefined;
      maps.set(name, font instanceof PDFDict ? toUnicodeMap(font) : undefined);
    }
    return maps.get(name);
  };
  let text = '';
  for (const stream of contentStreams(page)) {
    const bytes = streamBytes(stream);
    if (!bytes) continue;
    let map: Map<number, string> | undefined;
    const ops = new TextDecoder('latin1').decode(bytes);
    for (const op of ops.matchAll(/\/([^\s/[\]<>()]+)\s+[-\d.]+\s+Tf|\[([^\]]*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      if (op[1] !== undefined) {
        map = mapOf(op[1]);
        continue;
      }
      const strings = op[2] !== undefined ? [...op[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((s) => s[1]!) : [op[3]!];
      for (const hex of strings) {
        for (let i = 0; i + 4 <= hex.length; i += 4) text += map?.get(parseInt(hex.slice(i, i + 4), 16)) ?? '';
      }
    }
  }
  return text.replace(/\s+/g, '');
}

/** The cover's text (whitespace removed), '' when it cannot be read. */
function coverText(doc: PDFDocument): string {
  try {
    return pageText(doc.getPage(0));
  } catch {
    // A cover we cannot read is left out: the two other places still say what the file claims.
    return '';
  }
}

function statedFingerprints(doc: PDFDocument, cover: string): StatedFingerprint[] {
  const stated: StatedFingerprint[] = [];
  const add = (place: FingerprintPlace, text: string | undefined) => {
    const found = text === undefined ? undefined : STATED.exec(text)?.[1];
    if (found) stated.push({ place, fingerprint: found });
  };
  add('文档属性', doc.getKeywords());
  add('XMP 元数据', xmpKeywords(doc));
  if (cover) add('封面', cover);
  return stated;
}

/** The page count the cover's footer prints, 「第1页共194页」 → 194. */
function printedPageCount(cover: string): number | undefined {
  const found = /第1页共(\d+)页/.exec(cover);
  return found ? Number(found[1]) : undefined;
}

// ── the pages' data ─────────────────────────────────────────────────────────

/** The streams a page draws with directly: its content streams and the pictures and forms it places. */
function pageStreams(page: PDFPage): PDFRawStream[] {
  const xobjects = page.node.Resources()?.lookup(PDFName.of('XObject'));
  const placed =
    xobjects instanceof PDFDict
      ? xobjects.values().flatMap((value: PDFObject) => {
          const stream = value instanceof PDFRef ? page.doc.context.lookup(value) : value;
          return stream instanceof PDFRawStream ? [stream] : [];
        })
      : [];
  return [...contentStreams(page), ...placed];
}

/**
 * Every flate stream of the file is inflated and its checksum compared: a cheap structural check (well under a second
 * for a volume of a thousand pages) that finds bytes changed inside page data, fonts and PNG pictures. It cannot see
 * a page redrawn by an editor (that writes new, valid data) nor damage inside a JPEG photo, which has no checksum.
 */
function checkData(doc: PDFDocument): Pick<FileIntegrity, 'damagedPages' | 'otherDamage'> {
  const damaged = new Set<PDFRawStream>();
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (object instanceof PDFRawStream && isFlate(object) && !inflateChecked(object.contents)) damaged.add(object);
  }
  if (damaged.size === 0) return { damagedPages: [], otherDamage: false };
  const damagedPages: number[] = [];
  const onPages = new Set<PDFRawStream>();
  doc.getPages().forEach((page, i) => {
    const streams = pageStreams(page).filter((s) => damaged.has(s));
    for (const s of streams) onPages.add(s);
    if (streams.length) damagedPages.push(i + 1);
  });
  return { damagedPages, otherDamage: [...damaged].some((s) => !onPages.has(s)) };
}

/**
 * The manifest and its fingerprint, what the file states its fingerprint to be and whether its pages' data is intact
 * (see FileIntegrity): 校验卷宗 tells a file changed after the export from a ledger changed after it.
 */
export async function extractManifest(pdfBytes: Uint8Array): Promise<ExtractResult> {
  if (new TextDecoder('latin1').decode(pdfBytes.subarray(0, 5)) !== '%PDF-') {
    return { ok: false, reason: '文件不是 PDF' };
  }
  if (!looksComplete(pdfBytes)) return { ok: false, reason: DAMAGED };
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdfBytes, { updateMetadata: false, ignoreEncryption: true });
  } catch {
    return { ok: false, reason: DAMAGED };
  }
  let attachments;
  try {
    attachments = doc.getAttachments();
  } catch {
    return { ok: false, reason: DAMAGED };
  }
  if (doc.getPageCount() === 0) return { ok: false, reason: DAMAGED };
  const found = attachments.find((a) => a.name === MANIFEST_FILE_NAME);
  if (!found) return { ok: false, reason: `这份 PDF 没有内嵌 ${MANIFEST_FILE_NAME}，不是本软件导出的迎检卷宗` };
  const bytes = found.data instanceof Uint8Array ? found.data : new Uint8Array(found.data as ArrayBuffer);
  let manifest: DossierManifest;
  try {
    manifest = parseManifest(bytes);
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
  const fingerprint = sha256Hex(bytes);
  let integrity: FileIntegrity;
  try {
    const cover = coverText(doc);
    const printed = printedPageCount(cover);
    integrity = {
      stated: statedFingerprints(doc, cover),
      ...checkData(doc),
      pages: { inFile: doc.getPageCount(), ...(printed !== undefined ? { printed } : {}) },
    };
  } catch {
    return { ok: false, reason: DAMAGED };
  }
  return { ok: true, manifest, fingerprint, integrity };
}
