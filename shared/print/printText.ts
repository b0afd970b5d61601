// The text of a document definition made ready for the print fonts, just before it is laid out (the 迎检卷宗, a
// 会议记录单): characters that only shape text on screen are dropped or made line breaks, and what the fonts cannot
// draw (生僻字 of CJK Extension B and later, emoji) is collected, so that whoever exports is told before an inspector
// finds an empty box where a secretary's surname was.
import { NOT_TEXT } from './fallback';
import { isInvisible, isSoftBreak, missingPrintChars } from './missingGlyphs';

/** The text as printed: the invisible characters gone, soft returns made plain line breaks (missingGlyphs.ts). */
export function printText(text: string): string {
  // All of these are in the BMP and no surrogate: a UTF-16 unit is a character here.
  const odd = (c: number) => isSoftBreak(c) || isInvisible(c);
  let i = 0;
  while (i < text.length && !odd(text.charCodeAt(i))) i++;
  if (i === text.length) return text;
  let out = text.slice(0, i);
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isSoftBreak(c)) out += '\n';
    else if (!isInvisible(c)) out += text[i];
  }
  return out;
}

/** What of a document the print fonts cannot draw. */
export interface UnprintableText {
  /** The distinct characters, in the order first met. */
  chars: string[];
  /** Up to five of the texts holding them, shortened around the first such character: where to look. */
  samples: string[];
}

const MAX_SAMPLES = 5;
/** Characters of a sample on either side of the first undrawable one. */
const SAMPLE_SIDE = 12;

/** All of ASCII's printable range and the common CJK block print: most characters need no look-up. */
const surelyPrintable = (text: string) => /^[\u0020-\u007e\u4e00-\u9fa5\u3000-\u303f\uff01-\uff5e\n]*$/.test(text);

const isLowSurrogate = (text: string, i: number) => /[\udc00-\udfff]/.test(text[i] ?? '');

function sampleOf(text: string, first: string): string {
  const at = text.indexOf(first);
  let start = Math.max(0, at - SAMPLE_SIDE);
  let end = Math.min(text.length, at + first.length + SAMPLE_SIDE);
  // Never half of a character outside the BMP (a 生僻字 beside the one quoted).
  if (isLowSurrogate(text, start)) start++;
  if (isLowSurrogate(text, end)) end++;
  const flat = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return `${start > 0 ? '…' : ''}${flat}${end < text.length ? '…' : ''}`;
}

export interface PrintFonts {
  /** The fallback blocks (fallback.ts) that can be loaded; all the app ships when not given. */
  fallback?: ReadonlySet<string>;
  /** Receives the fallback blocks the document uses: the renderer loads these and no others. */
  needs?: Set<string>;
}

/**
 * Makes every printed string of `doc` ready for the fonts (printText), in place, and says what they cannot draw —
 * neither Noto SC nor a fallback block; undefined when they draw all of it. Strings are printed text under `text`,
 * and as items of a stack, a table row or any other list of content.
 */
export function prepareForPrint(doc: { content: unknown }, fonts: PrintFonts = {}): UnprintableText | undefined {
  const chars = new Set<string>();
  const samples: string[] = [];
  const seen = (text: string): string => {
    const cleaned = printText(text);
    if (surelyPrintable(cleaned)) return cleaned;
    const missing = missingPrintChars(cleaned, fonts.fallback, fonts.needs);
    if (missing.length) {
      for (const c of missing) chars.add(c);
      const sample = sampleOf(cleaned, missing[0]!);
      if (samples.length < MAX_SAMPLES && !samples.includes(sample)) samples.push(sample);
    }
    return cleaned;
  };
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const item: unknown = node[i];
        if (typeof item === 'string') node[i] = seen(item);
        else if (item && typeof item === 'object') visit(item);
      }
      return;
    }
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    for (const key in o) {
      if (NOT_TEXT.has(key)) continue;
      const value = o[key];
      if (typeof value === 'string') {
        if (key === 'text') o[key] = seen(value);
      } else if (value && typeof value === 'object') visit(value);
    }
  };
  if (typeof doc.content === 'string') doc.content = seen(doc.content);
  else visit(doc.content);
  return chars.size ? { chars: [...chars], samples } : undefined;
}

/** The notice under a saved PDF: which characters print as boxes, and where. */
export function unprintableNotice({ chars, samples }: UnprintableText): string {
  const shown = chars
    .slice(0, 8)
    .map((c) => `“${c}”`)
    .join('');
  const more = chars.length > 8 ? `等 ${chars.length} 个字符` : '';
  return (
    // A sample that ends a sentence does not end this one twice (「…大家👍。。」).
    `${shown}${more}在打印字体中没有，PDF 中显示为方框，复制或搜索时也会缺少这些字。见于：${samples.join('；').replace(/。$/, '')}。` +
    '生僻字可改用常用写法（如在姓名后注明），改后重新生成。'
  );
}
