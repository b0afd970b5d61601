// People's names as typed by hand: one tidy form to store, one key to compare, and picker labels that tell apart
// members whose names are the same.

/**
 * Look-alikes of the 间隔号 「·」 (U+00B7) that separates the parts of a minority or foreign name: the bullet 「•」,
 * the katakana 「・」 (full and half width), the hyphenation point 「‧」, dot operators, the Latin sinological dot
 * 「ꞏ」, and the full stops 「.」「．」「。」 an IME gives when the 间隔号 key is missed.
 */
const DOT_LIKES = '.\u00B7\u0387\u2022\u2024\u2027\u2219\u22C5\u2E31\u3002\u30FB\uA78F\uFE52\uFF0E\uFF61\uFF65';
/** A dot look-alike with any spaces around it, anywhere in the text. */
const ANY_DOT = new RegExp(`\\s*[${DOT_LIKES}]\\s*`, 'gu');
/** A dot look-alike with any spaces around it, between two other characters (a trailing 「。」 is left alone). */
const INNER_DOT = new RegExp(`(?<=\\S)\\s*[${DOT_LIKES}]\\s*(?=\\S)`, 'gu');
/**
 * Hyphens and dashes between the parts of a name written in 汉字 (「阿卜杜-热合曼」): a slip for the 间隔号 there, as a
 * hyphen never is in 「Jean-Pierre」, so only a 汉字 name reads them as one.
 */
const HAN_NAME_HYPHEN = /(?<=\S)\s*[-\u2010-\u2013\uFE63\uFF0D]\s*(?=\S)/gu;
/** Characters that never mean anything in a name: zero-width space and joiners, word joiner, BOM. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/gu;
const HAN = /^\p{Script=Han}$/u;

/**
 * Whether every letter of the name is a Chinese character (汉字): such a name has no spaces between its characters,
 * so any space in it is padding (「王  芳」 aligned in a sheet) or a slip. A name with Latin or other letters
 * (「Li Na」) separates its words with spaces, and keeps one.
 */
function isWrittenInHan(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  return letters.length > 0 && letters.every((ch) => HAN.test(ch));
}

/**
 * The form a person's name is stored in: trimmed, invisible characters dropped, and in a name written in 汉字 the
 * dot look-alikes between its parts made 「·」 and every space removed (「王  芳」 → 「王芳」, 「阿依古丽•买买提」 →
 * 「阿依古丽·买买提」); in any other name runs of spaces become one (「Li  Na」 → 「Li Na」).
 */
export function tidyPersonName(name: string): string {
  const text = name.replace(INVISIBLE, '').trim();
  const dotted = text.replace(INNER_DOT, '\u00B7');
  if (isWrittenInHan(dotted)) return dotted.replace(HAN_NAME_HYPHEN, '\u00B7').replace(/\s+/gu, '');
  return text.replace(/\s+/gu, ' ');
}

/**
 * What two names are compared on to decide they name the same person: the tidy form after NFKC (full-width letters,
 * the ideographic space, compatibility ideographs folded), every dot look-alike made 「·」, Latin letters in lower
 * case. Stored names are never rewritten to it; a name stored before names were tidied still matches by its key.
 */
export function personNameKey(name: string): string {
  const text = name.normalize('NFKC').replace(INVISIBLE, '').replace(ANY_DOT, '\u00B7').trim();
  return (
    isWrittenInHan(text) ? text.replace(HAN_NAME_HYPHEN, '\u00B7').replace(/\s+/gu, '') : text.replace(/\s+/gu, ' ')
  ).toLowerCase();
}

/** Whether two names are the same person's name as far as the text can tell (see personNameKey). */
export function sameName(a: string, b: string): boolean {
  return personNameKey(a) === personNameKey(b);
}

/** What a picker knows of a member to tell two of the same name apart. */
export interface LabelledPerson {
  id: string;
  name: string;
  birthDate?: string;
  partyGroupId?: string;
  joinedDate?: string;
}

/**
 * The label of each person in a picker, by id: the tidy name, and for people whose names are the same (by key) what
 * tells them apart — birth year and 党小组 (「李娜（1985年生，第一党小组）」), then the 入党 date, then the birth date;
 * people alike in all of these (entered twice) are numbered in the given order.
 */
export function personLabels(
  people: readonly LabelledPerson[],
  partyGroups: readonly { id: string; name: string }[] = [],
): Map<string, string> {
  const groupName = new Map(partyGroups.map((g) => [g.id, g.name]));
  const sameNamed = new Map<string, LabelledPerson[]>();
  for (const p of people) {
    const key = personNameKey(p.name);
    sameNamed.set(key, [...(sameNamed.get(key) ?? []), p]);
  }

  const year = (p: LabelledPerson) => (p.birthDate ? `${p.birthDate.slice(0, 4)}年生` : '');
  const group = (p: LabelledPerson) => groupName.get(p.partyGroupId ?? '') ?? '';
  const joined = (p: LabelledPerson) => (p.joinedDate ? `${p.joinedDate}入党` : '');
  const born = (p: LabelledPerson) => (p.birthDate ? `${p.birthDate}生` : '');
  const details: ((p: LabelledPerson) => string[])[] = [
    (p) => [year(p), group(p)],
    (p) => [year(p), group(p), joined(p)],
    (p) => [born(p), group(p), joined(p)],
  ];

  const labels = new Map<string, string>();
  for (const namesakes of sameNamed.values()) {
    if (namesakes.length === 1) {
      labels.set(namesakes[0]!.id, tidyPersonName(namesakes[0]!.name));
      continue;
    }
    const shown = (p: LabelledPerson, parts: string[]) => {
      const known = parts.filter(Boolean);
      return known.length > 0 ? `${tidyPersonName(p.name)}（${known.join('，')}）` : tidyPersonName(p.name);
    };
    const distinct = details
      .map((detail) => namesakes.map((p) => shown(p, detail(p))))
      .find((candidate) => new Set(candidate).size === candidate.length);
    const chosen = distinct ?? namesakes.map((p, index) => shown(p, [...details[2]!(p), `同名第${index + 1}位`]));
    namesakes.forEach((p, index) => labels.set(p.id, chosen[index]!));
  }
  return labels;
}

/**
 * Surnames whose reading differs from the character's usual one, each mapped to a character read as the surname is, so
 * a pinyin collation puts 曾子豪 under Z (zēng, not céng) and 单伟 under S (shàn, not dān) — where a 名册 reader looks.
 */
const SURNAME_READINGS: Readonly<Record<string, string>> = {
  曾: '增', // zēng
  单: '善', // shàn
  解: '谢', // xiè
  仇: '求', // qiú
  区: '欧', // ōu
  查: '渣', // zhā
  朴: '瓢', // piáo
  盖: '葛', // gě
  尉: '玉', // yù
  乐: '月', // yuè
  覃: '秦', // qín
  缪: '妙', // miào
  翟: '宅', // zhái
  种: '崇', // chóng
  折: '舌', // shé
  牟: '谋', // móu
  召: '绍', // shào
  长: '常', // cháng
  员: '运', // yùn
  繁: '婆', // pó
  // Outside the BMP the collator knows no reading and put 𠮷野花 after every other name; now printed (fallback font).
  𠮷: '吉', // jí
};

const nameCollator = new Intl.Collator('zh-CN', { numeric: true });

/** People's names in 名册 order: pinyin, a surname read as a surname (曾 zēng, 单 shàn); then the names themselves. */
export function comparePersonNames(a: string, b: string): number {
  const key = (name: string) => {
    const first = Array.from(name)[0] ?? '';
    const reading = SURNAME_READINGS[first];
    return reading ? reading + name.slice(first.length) : name;
  };
  return nameCollator.compare(key(a), key(b)) || nameCollator.compare(a, b);
}
