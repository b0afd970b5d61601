// What a picker's search box matches: the label's characters as typed (names read as names: 「王芳」 finds 「王  芳」),
// or its pinyin without tones — whole syllables, initials, or a mix (「wangfang」「wf」「wangf」 all find 王芳), which
// is how a secretary looks for one of 300 members without switching the input method. 吕 is 「lv」 or 「lu」.
import type { pinyin as Pinyin } from 'pinyin-pro';
import { personNameKey } from '../../../shared/names';

// The dictionary (≈ 290 KB) is not part of the first screen: it loads in its own chunk right after start, and until
// it is there a search matches characters only.
let pinyin: typeof Pinyin | undefined;
/** Settles once pinyin search works (tests wait for it). */
export const pinyinReady: Promise<void> = import('pinyin-pro').then(
  (m) => {
    pinyin = m.pinyin;
  },
  () => undefined,
);

/** Each label's pinyin syllables (letters only: punctuation, digits and 「·」 are left out), read once. */
const syllableCache = new Map<string, readonly string[]>();
const CACHE_LIMIT = 5_000;

function syllablesOf(label: string): readonly string[] {
  if (pinyin === undefined) return [];
  let found = syllableCache.get(label);
  if (found === undefined) {
    // surname: 'head' reads the first character as a surname (曾 zeng, 单 shan, 解 xie).
    const read = pinyin(label, { toneType: 'none', type: 'array', surname: 'head', nonZh: 'spaced' });
    found = read.map((s) => s.toLowerCase().replace(/ü/g, 'v')).filter((s) => /^[a-z]+$/.test(s));
    if (syllableCache.size >= CACHE_LIMIT) syllableCache.clear();
    syllableCache.set(label, found);
  }
  return found;
}

/** Whether `typed` is a run of prefixes of consecutive syllables starting at `from` (each prefix ≥ 1 letter). */
function prefixesFrom(syllables: readonly string[], from: number, typed: string, at: number): boolean {
  if (at === typed.length) return true;
  const syllable = syllables[from];
  if (syllable === undefined) return false;
  for (let take = Math.min(syllable.length, typed.length - at); take >= 1; take--) {
    if (typed.startsWith(syllable.slice(0, take), at) && prefixesFrom(syllables, from + 1, typed, at + take)) {
      return true;
    }
  }
  return false;
}

/** Whether the text typed in a picker's search box finds `label`. Empty text finds everything. */
export function labelMatches(input: string, label: string): boolean {
  const typed = personNameKey(input);
  if (typed === '') return true;
  if (personNameKey(label).includes(typed)) return true;
  // Pinyin only for letters (spaces and apostrophes, as in 「wang fang」 or 「xi'an」, are separators).
  const letters = typed.replace(/[\s']/g, '').replace(/ü/g, 'v');
  if (!/^[a-z]+$/.test(letters)) return false;
  const syllables = syllablesOf(label);
  // ü may be typed as u as well as v.
  const variants = syllables.some((s) => s.includes('v'))
    ? [syllables, syllables.map((s) => s.replace(/v/g, 'u'))]
    : [syllables];
  return variants.some((s) => s.some((_, from) => prefixesFrom(s, from, letters, 0)));
}

/** The text of an antd option's label (a string, or a number); anything else is not searched by its label. */
function optionText(option: { label?: unknown; title?: unknown } | undefined): string {
  const label = option?.label;
  if (typeof label === 'string' || typeof label === 'number') return String(label);
  return typeof option?.title === 'string' ? option.title : '';
}

/** `showSearch` of an antd Select whose options are labelled in Chinese: characters or pinyin (labelMatches). */
export const PICKER_SEARCH = {
  filterOption: (input: string, option?: { label?: unknown; title?: unknown }) =>
    labelMatches(input, optionText(option)),
};
