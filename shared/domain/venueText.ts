// How a venue's size reads on its page, its card and in the dossier. A 宣传栏 or a 先锋岗 has no room: an unset
// (0) area or capacity reads 「—」, not 「0 ㎡」 or 「0 人」.
export const areaText = (m2: number): string => (m2 > 0 ? `${m2} ㎡` : '—');
export const capacityText = (people: number): string => (people > 0 ? `${people} 人` : '—');
