// Characters the printed 会议记录单 and 迎检卷宗 cannot draw: the embedded Noto SC fonts have no glyph for most CJK
// Extension B–G characters (生僻字 such as 𠈌) or for emoji, so pdfkit prints an empty box and the PDF's text layer
// loses them. Forms warn while the text is typed, so the user can write the character another way in time.
import { FALLBACK_FILES, fallbackFileOf } from './fallback';
import { PRINT_FONT_RANGES } from './printFontCoverage';

/** Whether the print fonts draw this code point (binary search over the inclusive ranges). */
export function printable(codePoint: number): boolean {
  let lo = 0;
  let hi = PRINT_FONT_RANGES.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (codePoint < PRINT_FONT_RANGES[mid * 2]!) hi = mid - 1;
    else if (codePoint > PRINT_FONT_RANGES[mid * 2 + 1]!) lo = mid + 1;
    else return true;
  }
  return false;
}

/** A Word or Excel soft return (U+000B, Excel's `_x000B_`), a form feed, Unicode's line and paragraph separators. */
export const isSoftBreak = (cp: number) => cp === 0x0b || cp === 0x0c || cp === 0x2028 || cp === 0x2029;

/**
 * Invisible characters pdfkit would draw as a box, though a screen shows nothing: a soft hyphen, zero-width space,
 * non-joiner and joiner, word joiner, byte-order mark, variation selectors.
 */
export const isInvisible = (cp: number) =>
  cp === 0xad || (cp >= 0x200b && cp <= 0x200d) || cp === 0x2060 || cp === 0xfeff || (cp >= 0xfe00 && cp <= 0xfe0f);

// Line breaks and tabs are not drawn as glyphs; soft returns and invisible characters are made line breaks or dropped
// before printing (printText.ts), so a warning never quotes a character nobody can see.
const notDrawn = (cp: number) => cp === 0x0a || cp === 0x0d || cp === 0x09 || isSoftBreak(cp) || isInvisible(cp);

/**
 * The distinct characters of `text` the print fonts cannot draw, in the order they first appear: neither Noto SC
 * nor a fallback block of `available` (fallback.ts; all the app ships, unless told otherwise). `needs`, when given,
 * collects the fallback blocks the rest of the text uses.
 */
export function missingPrintChars(
  text: string,
  available: ReadonlySet<string> = FALLBACK_FILES,
  needs?: Set<string>,
): string[] {
  const missing = new Set<string>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (notDrawn(cp) || printable(cp)) continue;
    const file = fallbackFileOf(cp);
    if (file && available.has(file)) needs?.add(file);
    else missing.add(ch);
  }
  return [...missing];
}

/** The warning a form shows under a field holding such characters; undefined when all of it prints. */
export function missingGlyphWarning(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const chars = missingPrintChars(text);
  if (chars.length === 0) return undefined;
  const shown = chars
    .slice(0, 5)
    .map((c) => `“${c}”`)
    .join('');
  const more = chars.length > 5 ? `等 ${chars.length} 个字符` : '';
  return `${shown}${more}在打印字体中没有，打印的记录单和卷宗里会显示为方框；生僻字可改用常用写法并在备注中说明`;
}
