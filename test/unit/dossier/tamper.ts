// Tampering with a real dossier PDF the ways 校验卷宗 must tell apart: the embedded manifest edited, bytes of a page
// flipped (a bad copy); used by the verify tests of the engine and of the CLI.
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, type PDFRef } from '@cantoo/pdf-lib';
import { strFromU8, strToU8, unzlibSync, zlibSync } from 'fflate';

/** The volume with its embedded dossier-manifest.json replaced by an edited copy (one record's hash changed). */
export async function withEditedManifest(bytes: Uint8Array): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const isManifest = (o: unknown): o is PDFRawStream =>
    o instanceof PDFRawStream && o.dict.lookup(PDFName.of('Type')) === PDFName.of('EmbeddedFile');
  const [ref, stream] = doc.context.enumerateIndirectObjects().find(([, o]) => isManifest(o)) as [PDFRef, PDFRawStream];
  const manifest = JSON.parse(strFromU8(unzlibSync(stream.contents))) as { records: { sha256: string }[] };
  const first = manifest.records[0]!;
  first.sha256 = (first.sha256.startsWith('0') ? '1' : '0') + first.sha256.slice(1);
  const json = strToU8(JSON.stringify(manifest));
  const packed = zlibSync(json);
  const dict = stream.dict.clone(doc.context);
  dict.set(PDFName.of('Length'), PDFNumber.of(packed.length));
  // The file specification's /Params /Size states the unpacked size, as pdfkit wrote it.
  const params = dict.lookup(PDFName.of('Params'));
  if (params instanceof PDFDict) params.set(PDFName.of('Size'), PDFNumber.of(json.length));
  doc.context.assign(ref, PDFRawStream.of(dict, packed));
  return doc.save({ useObjectStreams: false });
}

/** The volume with 4 bytes flipped in the middle of page `page`'s (1-based) drawing data, as a bad copy would. */
export async function withPageBytesFlipped(bytes: Uint8Array, page: number): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const contents = doc.getPage(page - 1).node.Contents()!;
  const stream = (contents instanceof PDFArray ? doc.context.lookup(contents.get(0)) : contents) as PDFRawStream;
  const at = Buffer.from(bytes).indexOf(Buffer.from(stream.contents.subarray(0, 64)));
  if (stream.contents.length < 400 || at <= 0) throw new Error(`page ${page} has no drawing data to damage`);
  const copy = new Uint8Array(bytes);
  const middle = at + Math.floor(stream.contents.length / 2);
  for (let i = 0; i < 4; i++) copy[middle + i]! ^= 0xff;
  return copy;
}

/** The volume with only its first `keep` pages, its embedded files and metadata kept (as `pdfseparate` leaves them). */
export async function withPagesCut(bytes: Uint8Array, keep: number): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  while (doc.getPageCount() > keep) doc.removePage(doc.getPageCount() - 1);
  return doc.save({ useObjectStreams: false });
}
