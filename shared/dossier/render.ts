// Environment-neutral PDF rendering (Web Worker and Node): pdfmake in page chunks, merged and stamped with pdf-lib.
import { PDFDocument } from '@cantoo/pdf-lib';
import * as pdfmakeModule from 'pdfmake';
import type { Content, DynamicContent, TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces';
import { parseFontMetrics, type FontMetrics } from './fontMetrics';
import { FONT_DESCRIPTORS } from './layout';
import { prebreakDocument } from './prebreak';
import { FALLBACK_FILES, fallbackFamily, useFallbackFonts } from '../print/fallback';

/** The part of pdfmake 0.3's singleton this module uses (the published types describe only the browser build). */
interface PdfMakeInstance {
  virtualfs: { writeFileSync(name: string, content: Uint8Array): void; existsSync(name: string): boolean };
  setFonts(fonts: TFontDictionary): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy?: (cb: (path: string) => boolean) => void;
  createPdf(doc: TDocumentDefinitions, options?: object): { getBuffer(): Promise<Uint8Array> };
  setProgressCallback?: (cb: ((fraction: number) => void) | undefined) => void;
}

/*
 * Node resolves `pdfmake` to js/index.js (CommonJS: module.exports = instance), a bundler targeting the browser or a
 * worker to build/pdfmake.js (UMD, with its own Buffer and fs shims). Both expose the same instance, reached as the
 * default export or as the namespace itself depending on the interop.
 */
const ns = pdfmakeModule as unknown as { default?: PdfMakeInstance } & PdfMakeInstance;
const pdfmake: PdfMakeInstance = ns.default && typeof ns.default.createPdf === 'function' ? ns.default : ns;

// The dossier never fetches anything: fonts and images come as bytes through the virtual file system.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy?.(() => false);

export interface RenderProgress {
  /** 'render' = pdfmake writing laid-out pages into the PDF (one-call mode; done/total in per mille). */
  phase: 'layout' | 'render' | 'merge' | 'stamp';
  done: number;
  total: number;
}

export interface RenderOptions {
  onProgress?: (p: RenderProgress) => void;
  signal?: AbortSignal;
  /**
   * Split the document into independently laid-out chunks of about this many top-level page-starting parts
   * (see docs/dossier.md). 0 renders the ORIGINAL definition in one pdfmake call (the naive baseline, no transform);
   * Infinity (the default) renders the pre-broken definition in one pdfmake call.
   */
  partsPerChunk?: number;
  /** Pre-break page-flow paragraphs into noWrap lines (prebreak.ts) before layout; default true unless naive. */
  prebreak?: boolean;
  /** Receives the absolute page of every node with an `id` and the page count (not in naive mode). */
  onPages?: (pages: ReadonlyMap<string, number>, total: number) => void;
}

const loadedFonts = new WeakSet<Uint8Array>();
const parsedMetrics = new WeakMap<Uint8Array, FontMetrics>();

/** A4 portrait size in points (pdfmake's standard page size). */
const A4_WIDTH = 595.28;
const A4_HEIGHT = 841.89;

const lineHeights = new WeakMap<Uint8Array, number>();

/**
 * A font's line height at size 1, as pdfkit computes it for pdfmake: (hhea ascender − descender) / unitsPerEm
 * (fontkit's ascent and descent are hhea's).
 */
function lineHeightEm(bytes: Uint8Array): number | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const table = (tag: string) => {
    for (let i = 0, n = view.getUint16(4); i < n; i++) {
      const rec = 12 + i * 16;
      if (String.fromCharCode(...bytes.subarray(rec, rec + 4)) === tag) return view.getUint32(rec + 8);
    }
    return undefined;
  };
  const head = table('head');
  const hhea = table('hhea');
  if (head === undefined || hhea === undefined) return undefined;
  return (view.getInt16(hhea + 4) - view.getInt16(hhea + 6)) / view.getUint16(head + 18);
}

/** The definition with page-flow paragraphs pre-broken, when its content width is known exactly (A4 portrait). */
function prebroken(doc: TDocumentDefinitions, fonts: Readonly<Record<string, Uint8Array>>): TDocumentDefinitions {
  const margins = doc.pageMargins;
  if (doc.pageSize !== 'A4' || doc.pageOrientation === 'landscape') return doc;
  if (!Array.isArray(margins) || margins.length !== 4) return doc;
  const bytesOf = (font: string, bold: boolean) => {
    const file = FONT_DESCRIPTORS[font]?.[bold ? 'bold' : 'normal'];
    return typeof file === 'string' ? fonts[file] : undefined;
  };
  const metrics = (font: string, bold: boolean) => {
    const bytes = bytesOf(font, bold);
    if (!bytes) return undefined;
    let m = parsedMetrics.get(bytes);
    if (!m) {
      m = parseFontMetrics(bytes);
      parsedMetrics.set(bytes, m);
    }
    return m;
  };
  const lineHeight = (font: string, bold: boolean) => {
    const bytes = bytesOf(font, bold);
    if (!bytes) return undefined;
    if (!lineHeights.has(bytes)) lineHeights.set(bytes, lineHeightEm(bytes) ?? NaN);
    const em = lineHeights.get(bytes)!;
    return Number.isFinite(em) ? em : undefined;
  };
  return prebreakDocument(doc, {
    metrics,
    lineHeight,
    contentWidth: A4_WIDTH - margins[0] - margins[2],
    contentHeight: A4_HEIGHT - margins[1] - margins[3],
  });
}

/** Installs the fonts given as bytes; returns the fallback blocks (print/fallback.ts) among them. */
function installFonts(fonts: Readonly<Record<string, Uint8Array>>): Set<string> {
  for (const [name, bytes] of Object.entries(fonts)) {
    if (loadedFonts.has(bytes) && pdfmake.virtualfs.existsSync(name)) continue;
    pdfmake.virtualfs.writeFileSync(name, bytes);
    loadedFonts.add(bytes);
  }
  for (const descriptor of Object.values(FONT_DESCRIPTORS)) {
    for (const file of Object.values(descriptor)) {
      if (typeof file === 'string' && !pdfmake.virtualfs.existsSync(file)) throw new Error(`缺少字体文件：${file}`);
    }
  }
  // A fallback block has one face: bold and italics are drawn with it too.
  const fallback = new Set(Object.keys(fonts).filter((name) => FALLBACK_FILES.has(name)));
  const families: TFontDictionary = JSON.parse(JSON.stringify(FONT_DESCRIPTORS)) as TFontDictionary;
  for (const file of fallback) {
    families[fallbackFamily(file)] = { normal: file, bold: file, italics: file, bolditalics: file };
  }
  // pdfmake rewrites the descriptors it is given: hand it a fresh copy every time.
  pdfmake.setFonts(families);
  return fallback;
}

/**
 * The definition with the characters a loaded fallback block draws put into runs of its font (print/fallback.ts),
 * the running header and footer included. Done after pre-breaking: the fallback's ideographs are one em wide as
 * Noto's box was, so the lines stay as measured.
 */
function withFallbackRuns(doc: TDocumentDefinitions, fallback: ReadonlySet<string>): TDocumentDefinitions {
  if (fallback.size === 0) return doc;
  useFallbackFonts(doc.content, fallback);
  const wrap = <F extends (...args: never[]) => unknown>(fn: F): F =>
    ((...args: Parameters<F>) => {
      const out = fn(...args);
      useFallbackFonts(out, fallback);
      return out;
    }) as F;
  return {
    ...doc,
    ...(typeof doc.header === 'function' ? { header: wrap(doc.header) } : {}),
    ...(typeof doc.footer === 'function' ? { footer: wrap(doc.footer) } : {}),
  };
}

function throwIfAborted(signal: AbortSignal | undefined) {
  if (signal?.aborted) throw new DOMException('已取消生成卷宗', 'AbortError');
}

/** Lets a worker's message loop breathe (and see an abort) between chunks. */
const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function renderOnce(doc: TDocumentDefinitions): Promise<Uint8Array> {
  const buf = await pdfmake.createPdf(doc).getBuffer();
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

// ── chunk planning ───────────────────────────────────────────────────────────

interface Part {
  nodes: Content[];
  ids: Set<string>;
  refs: Set<string>;
}

type Json = Record<string, unknown>;

function scan(node: unknown, ids: Set<string>, refs: Set<string>) {
  if (Array.isArray(node)) {
    for (const n of node) scan(n, ids, refs);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const o = node as Json;
  if (typeof o.id === 'string') ids.add(o.id);
  if (typeof o.pageReference === 'string') refs.add(o.pageReference);
  for (const k in o) {
    const v = o[k];
    if (v && typeof v === 'object') scan(v, ids, refs);
  }
}

/** Replaces `pageReference` nodes with the page numbers known so far ('000' while unknown). */
function resolveRefs(node: unknown, pages: ReadonlyMap<string, number>): unknown {
  if (Array.isArray(node)) return node.map((n) => resolveRefs(n, pages));
  if (!node || typeof node !== 'object') return node;
  const o = node as Json;
  const out: Json = {};
  for (const k in o) {
    const v = o[k];
    out[k] = v && typeof v === 'object' ? resolveRefs(v, pages) : v;
  }
  if (typeof o.pageReference === 'string') {
    delete out.pageReference;
    const page = pages.get(o.pageReference);
    out.text = page === undefined ? '000' : String(page);
  }
  return out;
}

function splitParts(content: Content[]): Part[] {
  const parts: Part[] = [];
  for (const node of content) {
    const breaks = !!node && typeof node === 'object' && (node as unknown as Json).pageBreak === 'before';
    if (!parts.length || breaks) parts.push({ nodes: [], ids: new Set(), refs: new Set() });
    const part = parts[parts.length - 1]!;
    part.nodes.push(node);
    scan(node, part.ids, part.refs);
  }
  return parts;
}

/** Groups parts into chunks; a part that refers forward ends its chunk, so only small chunks are laid out twice. */
function planChunks(parts: Part[], partsPerChunk: number): Part[][] {
  const definedLater = new Set<string>();
  const forward: boolean[] = new Array(parts.length).fill(false);
  for (let i = parts.length - 1; i >= 0; i--) {
    forward[i] = [...parts[i]!.refs].some((r) => definedLater.has(r) || parts[i]!.ids.has(r));
    for (const id of parts[i]!.ids) definedLater.add(id);
  }
  const chunks: Part[][] = [];
  let current: Part[] = [];
  parts.forEach((p, i) => {
    current.push(p);
    if (current.length >= partsPerChunk || forward[i]) {
      chunks.push(current);
      current = [];
    }
  });
  if (current.length) chunks.push(current);
  return chunks;
}

function withoutLeadingBreak(nodes: Content[]): Content[] {
  const [first, ...rest] = nodes;
  if (first && typeof first === 'object' && (first as unknown as Json).pageBreak === 'before') {
    const copy = { ...(first as unknown as Json) };
    delete copy.pageBreak;
    return [copy as unknown as Content, ...rest];
  }
  return nodes;
}

async function pageCount(bytes: Uint8Array): Promise<number> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  return doc.getPageCount();
}

// ── rendering ────────────────────────────────────────────────────────────────

/**
 * Renders a pdfmake document definition to PDF bytes. In chunked mode (default) the top-level content is laid out
 * in chunks with the header and page references offset to their place in the whole volume; the footer, which needs
 * the total page count, is stamped on every page at the end; the first chunk carries the archival catalogue
 * (PDF/A metadata, output intent, embedded files) into the merged file.
 */
export async function renderPdf(
  docDefinition: TDocumentDefinitions,
  fonts: Readonly<Record<string, Uint8Array>>,
  options: RenderOptions = {},
): Promise<Uint8Array> {
  const { signal, onProgress } = options;
  throwIfAborted(signal);
  const fallback = installFonts(fonts);
  const partsPerChunk = options.partsPerChunk ?? Infinity;
  if (partsPerChunk <= 0 || !Array.isArray(docDefinition.content)) {
    // The naive baseline: the original definition, untouched.
    onProgress?.({ phase: 'layout', done: 0, total: 1 });
    const bytes = await renderOnce(withFallbackRuns({ ...docDefinition }, fallback));
    throwIfAborted(signal);
    onProgress?.({ phase: 'layout', done: 1, total: 1 });
    return bytes;
  }
  const doc = withFallbackRuns(options.prebreak === false ? docDefinition : prebroken(docDefinition, fonts), fallback);
  throwIfAborted(signal);

  if (!Number.isFinite(partsPerChunk)) {
    // One call: pdfmake resolves the 目录 page references and 第 N 页 共 M 页 itself; no merge, no stamping.
    onProgress?.({ phase: 'layout', done: 0, total: 1 });
    await tick();
    throwIfAborted(signal);
    let last = -1;
    pdfmake.setProgressCallback?.((fraction) => {
      const done = Math.floor(fraction * 1000);
      if (done !== last) onProgress?.({ phase: 'render', done: (last = done), total: 1000 });
    });
    try {
      if (!options.onPages) {
        const bytes = await renderOnce({ ...doc });
        throwIfAborted(signal);
        return bytes;
      }
      // Anchors are recorded only when asked for: a pageBreakBefore hook makes pdfmake collect node lists per page.
      const pages = new Map<string, number>();
      const hook = doc.pageBreakBefore;
      const bytes = await renderOnce({
        ...doc,
        pageBreakBefore: (node, ...more) => {
          if (typeof node.id === 'string' && !pages.has(node.id)) pages.set(node.id, node.startPosition.pageNumber);
          return hook ? hook(node, ...more) : false;
        },
      });
      throwIfAborted(signal);
      options.onPages(pages, await pageCount(bytes));
      return bytes;
    } finally {
      pdfmake.setProgressCallback?.(undefined);
    }
  }

  const chunks = planChunks(splitParts(doc.content as Content[]), partsPerChunk);
  const { footer, header, files, ...rest } = doc;
  const headerFn = typeof header === 'function' ? header : undefined;
  const pages = new Map<string, number>();
  const rendered: { bytes: Uint8Array; pages: number; start: number }[] = [];
  const redo: number[] = [];
  let nextPage = 1;

  const renderChunk = async (index: number, start: number) => {
    const chunk = chunks[index]!;
    const local = new Map<string, number>();
    const content = resolveRefs(withoutLeadingBreak(chunk.flatMap((p) => p.nodes)), pages) as Content[];
    const doc: TDocumentDefinitions = {
      ...rest,
      content,
      // Only the first chunk becomes the catalogue of the merged file.
      ...(index === 0 && files ? { files } : {}),
      ...(headerFn
        ? { header: ((page, count, size) => headerFn(page + start - 1, count, size)) as DynamicContent }
        : header
          ? { header }
          : {}),
      pageBreakBefore: (node) => {
        if (typeof node.id === 'string' && !local.has(node.id)) local.set(node.id, node.startPosition.pageNumber);
        return false;
      },
    };
    const bytes = await renderOnce(doc);
    const count = await pageCount(bytes);
    for (const [id, p] of local) pages.set(id, start + p - 1);
    return { bytes, pages: count, start };
  };

  for (let i = 0; i < chunks.length; i++) {
    throwIfAborted(signal);
    onProgress?.({ phase: 'layout', done: i, total: chunks.length });
    const needsKnown = [...chunks[i]!.flatMap((p) => [...p.refs])];
    const r = await renderChunk(i, nextPage);
    rendered.push(r);
    nextPage += r.pages;
    if (needsKnown.some((id) => !pages.has(id) || chunks[i]!.some((p) => p.ids.has(id)))) redo.push(i);
    await tick();
  }
  // Chunks that referred forward (the 目录) are laid out again now that every page is known.
  for (const i of redo) {
    throwIfAborted(signal);
    const again = await renderChunk(i, rendered[i]!.start);
    if (again.pages !== rendered[i]!.pages) throw new Error('目录页数在填入页码后发生变化，无法生成卷宗');
    rendered[i] = again;
  }
  onProgress?.({ phase: 'layout', done: chunks.length, total: chunks.length });
  const total = nextPage - 1;
  options.onPages?.(pages, total);

  throwIfAborted(signal);
  onProgress?.({ phase: 'merge', done: 0, total: rendered.length });
  const merged = await PDFDocument.load(rendered[0]!.bytes, { updateMetadata: false });
  for (let i = 1; i < rendered.length; i++) {
    throwIfAborted(signal);
    const src = await PDFDocument.load(rendered[i]!.bytes, { updateMetadata: false });
    const copied = await merged.copyPages(src, src.getPageIndices());
    for (const page of copied) merged.addPage(page);
    onProgress?.({ phase: 'merge', done: i, total: rendered.length });
    await tick();
  }

  if (footer) {
    throwIfAborted(signal);
    onProgress?.({ phase: 'stamp', done: 0, total: 1 });
    await stampFooters(merged, rest, footer, total);
    onProgress?.({ phase: 'stamp', done: 1, total: 1 });
  }
  throwIfAborted(signal);
  return merged.save({ useObjectStreams: false });
}

/**
 * 第 N 页 共 M 页 needs M, known only after every chunk is laid out: a footer-only document of M pages is rendered
 * (cheap: nothing but the footers) and each of its pages is drawn under the matching page of the volume.
 */
async function stampFooters(
  merged: PDFDocument,
  base: Omit<TDocumentDefinitions, 'content'>,
  footer: NonNullable<TDocumentDefinitions['footer']>,
  total: number,
) {
  const content: Content[] = Array.from({ length: total }, (_, i) =>
    i === 0 ? { text: ' ' } : { text: ' ', pageBreak: 'before' },
  );
  const footerDoc: TDocumentDefinitions = {
    pageSize: base.pageSize,
    pageMargins: base.pageMargins,
    defaultStyle: base.defaultStyle,
    styles: base.styles,
    content,
    footer,
    compress: true,
  };
  const bytes = await renderOnce(footerDoc);
  const src = await PDFDocument.load(bytes, { updateMetadata: false });
  const embedded = await merged.embedPages(src.getPages());
  merged.getPages().forEach((page, i) => {
    const e = embedded[i];
    if (e) page.drawPage(e, { x: 0, y: 0 });
  });
}
