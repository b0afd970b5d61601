// One rule for file names built from free text (支部 and 党小组 names, attachment names): valid on Windows, macOS, Linux.

/** Windows forbids these and control characters in a name (`/` and `\` would make it a path, which main refuses). */
const FORBIDDEN = /[\\/:*?"<>|\p{Cc}]/gu;

/** Names Windows reserves for devices, with or without an extension: 「CON.txt」 cannot be created either. */
const RESERVED = /^(?:con|prn|aux|nul|com[1-9]|lpt[1-9])(?:\.|$)/i;

/** main's `file:save` accepts up to 200 characters (shared/ipc.ts). */
export const MAX_FILE_NAME_LENGTH = 200;

/**
 * `name` as a file name every system accepts: forbidden characters and control characters become 「_」, spaces around
 * it and trailing dots are dropped (Windows silently strips or refuses them), a device name gets a 「_」 in front, and
 * a name that is too long is shortened before its extension.
 */
export function safeFileName(name: string): string {
  let cleaned = name
    .replace(FORBIDDEN, '_')
    .trim()
    .replace(/[. ]+$/, '');
  if (cleaned === '') return '未命名';
  if (RESERVED.test(cleaned)) cleaned = `_${cleaned}`;
  if (cleaned.length <= MAX_FILE_NAME_LENGTH) return cleaned;
  const extension = /\.[^.\s]{1,10}$/.exec(cleaned)?.[0] ?? '';
  let stem = cleaned.slice(0, MAX_FILE_NAME_LENGTH - extension.length);
  // Never cut a character outside the BMP in half.
  if (/[\uD800-\uDBFF]$/.test(stem)) stem = stem.slice(0, -1);
  return `${stem.replace(/[. ]+$/, '')}${extension}`;
}
