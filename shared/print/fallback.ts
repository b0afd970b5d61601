// 生僻字 the embedded Noto SC fonts cannot draw (CJK Extension B–F: 𠮷, 𡈼 in a member's name) are printed from 花園明朝 B
// instead, one Unicode block (≈ 1,000 characters, ≈ 0.5 MB) at a time: only the blocks a document uses are loaded, and
// pdfkit embeds only the glyphs used. Both fonts are one em wide for an ideograph (Noto's empty box was too), so lines
// pre-broken with Noto's metrics (prebreak.ts) stay exactly as wide; the characters are put in runs of their own font
// after that, just before pdfmake lays the document out.
import index from './fallbackFonts.json';

interface Block {
  /** The TrueType file under resources/fonts/fallback (and pdfmake's virtual file system). */
  file: string;
  /** Inclusive [start, end] pairs of the code points this block supplies, ascending. */
  ranges: readonly number[];
}

const BLOCKS: readonly Block[] = (index as { blocks: Block[] }).blocks;

/** Every fallback file there is (what the app ships). */
export const FALLBACK_FILES: ReadonlySet<string> = new Set(BLOCKS.map((b) => b.file));

/** pdfmake's font family for a fallback file: its name without `.ttf`. */
export const fallbackFamily = (file: string) => file.replace(/\.ttf$/, '');

function inRanges(ranges: readonly number[], cp: number): boolean {
  let lo = 0;
  let hi = ranges.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < ranges[mid * 2]!) hi = mid - 1;
    else if (cp > ranges[mid * 2 + 1]!) lo = mid + 1;
    else return true;
  }
  return false;
}

/** The fallback file that draws `cp` (a character the Noto fonts lack), or undefined when none does. */
export function fallbackFileOf(cp: number): string | undefined {
  // The fallback is for characters outside the BMP only: everything in it is Noto's (or nobody's).
  if (cp < 0x10000) return undefined;
  for (const block of BLOCKS) {
    const { ranges } = block;
    if (cp < ranges[0]! || cp > ranges[ranges.length - 1]!) continue;
    if (inRanges(ranges, cp)) return block.file;
  }
  return undefined;
}

type Run = string | { text: string; font: string; characterSpacing: 0 };

/** `text` cut into runs: the characters a fallback in `available` draws in runs of its font, the rest as they are. */
function runsOf(text: string, available: ReadonlySet<string>): Run[] | undefined {
  const runs: Run[] = [];
  let plain = '';
  let changed = false;
  for (const ch of text) {
    const file = ch.length > 1 ? fallbackFileOf(ch.codePointAt(0)!) : undefined;
    if (!file || !available.has(file)) {
      plain += ch;
      continue;
    }
    changed = true;
    if (plain) runs.push(plain);
    plain = '';
    const font = fallbackFamily(file);
    const last = runs[runs.length - 1];
    if (last && typeof last === 'object' && last.font === font) last.text += ch;
    // pdfmake adds characterSpacing per UTF-16 unit, so one such character (two units) got a gap after it in a
    // spaced title (the cover's, 4 pt) that no other ideograph gets: none here, as a lone ideograph has none.
    else runs.push({ text: ch, font, characterSpacing: 0 });
  }
  if (!changed) return undefined;
  if (plain) runs.push(plain);
  return runs;
}

/** A quick test before the walk over characters: only text with a surrogate pair can need a fallback. */
const hasAstral = (text: string) => /[\ud800-\udbff]/.test(text);

/** Keys whose strings are no printed text (an image's data URL, a style's name, a node's id): both walks skip them. */
export const NOT_TEXT: ReadonlySet<string> = new Set([
  'image',
  'svg',
  'style',
  'id',
  'widths',
  'heights',
  'pageReference',
  'textReference',
  'linkToDestination',
]);

/**
 * Puts, in place, every printed character of `content` that a fallback in `available` draws into a run of that
 * font: a node's `text: '王𠮷野花'` becomes `text: ['王', { text: '𠮷', font: 'HanaMinB-ExtB-03' }, '野花']`, a string
 * standing as a node becomes `{ text: [...] }`, and a run of a rich text becomes several runs that each keep its
 * style (pdfmake does not pass a run's style on to a text array inside it). Whatever else a node says (noWrap, style,
 * margins) is kept.
 */
export function useFallbackFonts(content: unknown, available: ReadonlySet<string>): void {
  if (available.size === 0) return;
  const split = (text: string) => (hasAstral(text) ? runsOf(text, available) : undefined);
  const visit = (node: unknown, inText: boolean): void => {
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) {
        const item: unknown = node[i];
        if (typeof item === 'string') {
          const runs = split(item);
          if (runs && inText) node.splice(i, 1, ...runs);
          else if (runs) node[i] = { text: runs };
        } else if (item && typeof item === 'object' && !Array.isArray(item)) {
          const run = item as Record<string, unknown>;
          const runs = inText && typeof run.text === 'string' ? split(run.text) : undefined;
          if (runs) {
            node.splice(i, 1, ...runs.map((r) => (typeof r === 'string' ? { ...run, text: r } : { ...run, ...r })));
          } else visit(item, false);
        } else if (item && typeof item === 'object') visit(item, false);
      }
      return;
    }
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    for (const key in o) {
      if (NOT_TEXT.has(key)) continue;
      const value = o[key];
      if (typeof value === 'string') {
        const runs = key === 'text' ? split(value) : undefined;
        if (runs) o[key] = runs;
      } else if (value && typeof value === 'object') visit(value, key === 'text');
    }
  };
  visit(content, false);
}
