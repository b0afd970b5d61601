// The order leaders' responsibility lists (领导责任) are shown and printed in: 第一责任人 first, then by role and name.
import { comparePersonNames } from '../names';
import { RESPONSIBILITY_ROLES } from './vocab';

/**
 * The order people expect: 第一责任人, 直接责任人, 一岗双责, 分管; within a role the holder who started earlier first
 * (after a 年内换届 the former 第一责任人 before the successor; no 任职起 = since the start of the year), then by name in
 * pinyin order. The 领导责任 page and the 迎检卷宗 both sort with it, so a volume lists the leaders as the app does.
 */
export function byRoleThenName(
  a: { role: string; holderName: string; from?: string },
  b: { role: string; holderName: string; from?: string },
): number {
  const rank = (role: string) => (RESPONSIBILITY_ROLES as readonly string[]).indexOf(role);
  return (
    rank(a.role) - rank(b.role) ||
    (a.from ?? '').localeCompare(b.from ?? '') ||
    comparePersonNames(a.holderName, b.holderName)
  );
}
