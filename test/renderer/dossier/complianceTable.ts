// Reading a 卷宗's document definition in renderer tests: the text of a node, and the 组织生活落实情况 table with the
// sentence under it.
import type { Content } from 'pdfmake/interfaces';

type Json = Record<string, unknown>;

/** Every string of a node, in order. */
export function textOf(node: unknown): string {
  if (typeof node === 'string') return node;
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (node && typeof node === 'object') {
    const o = node as Json;
    if (o.text !== undefined) return textOf(o.text);
    if (o.stack !== undefined) return textOf(o.stack);
  }
  return '';
}

/** The 组织生活落实情况 table's rows (the header left out) and the sentence under it (the one naming the 频次规则). */
export function complianceOf(content: Content): { rows: unknown[][]; note: string } {
  let rows: unknown[][] | undefined;
  let note: string | undefined;
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Json;
    const body = (o.table as Json | undefined)?.body as unknown[][] | undefined;
    if (body && textOf(body[0]).includes('达标期数')) rows ??= body.slice(1);
    if (typeof o.text === 'string' && o.text.includes('频次规则：')) note ??= o.text;
    for (const v of Object.values(o)) if (v && typeof v === 'object') walk(v);
  };
  walk(content);
  if (!rows || note === undefined) throw new Error('no 组织生活落实情况 in the volume');
  return { rows, note };
}
