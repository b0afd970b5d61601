// Reads a time of day as people type it (9:30, 9.30, 930, 9点30, 9时30分, 11点, full-width) into the stored HH:mm.

const pad2 = (n: number | string) => String(n).padStart(2, '0');

/** An hour and minute as HH:mm when both are in range, else undefined. */
function clock(hour: number, minute: number): string | undefined {
  return hour <= 23 && minute <= 59 ? `${pad2(hour)}:${pad2(minute)}` : undefined;
}

/**
 * A time as typed, in the stored HH:mm where the intent is clear; anything else is only trimmed (and its full-width
 * characters made ASCII), for the schema to judge and say how to write it.
 * - hour and two-digit minute apart by a colon or a dot, the IME's full-width ones too: 9:30, 14：30, 9.30, 9。30 →
 *   09:30. Tidied even when out of range (25:00), as before: the schema then says what is wrong.
 * - 3 or 4 digits, hour then two-digit minute: 930, 0930 → 09:30, 1100 → 11:00 (only when it is a time of day).
 * - 点 or 时, minutes after it with or without 分, 半 for half past: 9点30, 9时30分, 9点5分, 9点半 → 09:30 …, 9点,
 *   11时 → 09:00, 11:00. A one-digit minute needs its 分 (9点5 could be 9:05 or 9:50).
 * - a bare hour of one or two digits, 0–23: 9 → 09:00, 11 → 11:00. Unambiguous in a field that holds a time of day:
 *   no number of one or two digits is read as anything but the hour, and 24 and above are left for the schema.
 * Not read: 9.3 or 9:3 (9:30 or 9:03?), 上午/下午 (so 下午2点 is refused rather than guessed), seconds.
 */
export function normalizeTime(text: string): string {
  const ascii = text
    .trim()
    .replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/[：︰]/g, ':');
  const compact = ascii.replace(/\s+/g, '').replace(/[．。｡]/g, '.');
  const separated = /^(\d{1,2})[:.](\d{2})$/.exec(compact);
  if (separated) return `${pad2(separated[1]!)}:${separated[2]}`;
  const digits = /^(\d{1,2})(\d{2})$/.exec(compact);
  if (digits) return clock(Number(digits[1]), Number(digits[2])) ?? ascii;
  const spoken = /^(\d{1,2})[点时](?:(\d{2})分?|(\d)分|(半))?$/.exec(compact);
  if (spoken) {
    const minute = spoken[4] ? 30 : Number(spoken[2] ?? spoken[3] ?? 0);
    return clock(Number(spoken[1]), minute) ?? ascii;
  }
  const hour = /^\d{1,2}$/.exec(compact);
  if (hour) return clock(Number(hour[0]), 0) ?? ascii;
  return ascii;
}
