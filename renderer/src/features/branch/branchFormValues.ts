// The 支部概况 form's value shape and its conversions from a stored Branch and to a new empty one.
import { sameName } from '../../../../shared/names';
import type { z } from 'zod';
import { COMMITTEE_ROLES, type CommitteeRole } from '../../../../shared/domain/vocab';
import type { Branch, BranchInput, branchInputSchema, CommitteeMember } from '../../../../shared/schemas';

/**
 * Like BranchInput, but the required term dates may be empty while the user types: left undefined (not ''),
 * zod reports 「请填写日期」 instead of a format error.
 */
export type BranchFormValues = Omit<BranchInput, 'termStart' | 'termEnd'> & {
  termStart?: string;
  termEnd?: string;
};
export type BranchFormOutput = z.output<typeof branchInputSchema>;

export function emptyBranchValues(): BranchFormValues {
  return {
    name: '',
    parentOrg: '',
    establishedDate: '',
    termStart: undefined,
    termEnd: undefined,
    committee: [],
    partyGroups: [],
    unitSpirit: '',
    deptPhilosophy: '',
  };
}

export function branchToValues(branch: Branch): BranchFormValues {
  return {
    name: branch.name,
    parentOrg: branch.parentOrg,
    establishedDate: branch.establishedDate ?? '',
    termStart: branch.termStart,
    termEnd: branch.termEnd,
    committee: branch.committee.map((c) => ({ ...c })),
    partyGroups: branch.partyGroups.map((g) => ({ ...g })),
    unitSpirit: branch.unitSpirit,
    deptPhilosophy: branch.deptPhilosophy,
  };
}

/**
 * A new committee row takes the first role nobody holds now (书记 first), so the usual order needs no picking; a
 * former holder's row (任职止 filled) leaves the post free.
 */
export function nextCommitteeRole(taken: readonly ({ role?: string; to?: string } | undefined)[]): CommitteeRole {
  const held = taken.filter((c) => c && !c.to).map((c) => c!.role);
  return COMMITTEE_ROLES.find((role) => role !== '委员' && !held.includes(role)) ?? '委员';
}

/** A committee row as the form holds it: every field may be missing while the user types. */
export type CommitteeRow = NonNullable<BranchFormValues['committee']>[number];

/**
 * The stored 委员 still in office (no 任职止) that the form no longer names in their post: renamed or deleted rather
 * than handed over, which would make past years' 卷宗 print the new holder as theirs — of every post, a 宣传委员 as much
 * as a 书记.
 */
export function replacedHolders(
  stored: readonly CommitteeMember[],
  current: readonly (CommitteeRow | undefined)[],
): CommitteeMember[] {
  return stored.filter((s) => !s.to && !current.some((c) => c?.role === s.role && sameName(c.name ?? '', s.name)));
}

/**
 * The row of the form that took `former`'s place (its post, still in office, a name no stored 委员 of that post has),
 * or -1: where 「改为换届」 puts the former holder back.
 */
export function renamedRowOf(
  former: CommitteeMember,
  stored: readonly CommitteeMember[],
  current: readonly (CommitteeRow | undefined)[],
): number {
  return current.findIndex(
    (c) => c?.role === former.role && !c.to && !stored.some((s) => s.role === c.role && sameName(s.name, c.name ?? '')),
  );
}

/**
 * The row that undoes `former`'s taking over: the holder before them, stored with a 任职止 and now back in office in
 * the form (the 任职止 cleared, `former`'s row deleted) — a mistaken 换届 taken back, not a post handed on. undefined
 * when it is not that.
 */
export function reinstatedFor(
  former: CommitteeMember,
  stored: readonly CommitteeMember[],
  current: readonly (CommitteeRow | undefined)[],
): CommitteeRow | undefined {
  return current.find(
    (c) =>
      c?.role === former.role &&
      !c.to &&
      c.name &&
      !sameName(c.name, former.name) &&
      stored.some((s) => s.role === c.role && s.to && sameName(s.name, c.name!)),
  );
}

export interface Handover {
  /** The day the post changes hands: the former holder's 任职止 and the successor's 任职起. */
  date: string;
  /** Who takes over ('' when nobody yet). */
  successor: string;
  /** The former holder's new post on the committee, if they stay on it. */
  formerNewRole?: CommitteeRole;
}

/**
 * 换届/调整 of the post held in row `index`: that row is kept with 任职止 = the date, and right below it come the
 * successor (任职起 = the date) and, if they stay on the committee, the former holder in their new post. A successor
 * who held another post still in office (the 副书记 who becomes 书记) leaves it that day, and their new row keeps
 * that row's link to the roster: one person, one post at a time, counted once.
 */
export function applyHandover(
  committee: readonly CommitteeRow[],
  index: number,
  { date, successor, formerNewRole }: Handover,
): CommitteeRow[] {
  const former = committee[index]!;
  const name = successor.trim();
  const previousPost = name
    ? committee.findIndex((c, i) => i !== index && c && !c.to && c.name && sameName(c.name, name))
    : -1;
  const link = previousPost >= 0 ? committee[previousPost]!.memberId : undefined;
  const rows = previousPost >= 0 ? committee.map((c, i) => (i === previousPost ? { ...c, to: date } : c)) : committee;
  const added: CommitteeRow[] = [];
  if (name) added.push({ name, role: former.role, from: date, ...(link ? { memberId: link } : {}) });
  if (formerNewRole) {
    added.push({
      name: former.name,
      role: formerNewRole,
      from: date,
      ...(former.memberId ? { memberId: former.memberId } : {}),
    });
  }
  return [...rows.slice(0, index), { ...former, to: date }, ...added, ...rows.slice(index + 1)];
}

/** Paths of BranchForm fields that show their own error; anything else from the repository goes to the form banner. */
const FIELD_PATH =
  /^(name|parentOrg|establishedDate|termStart|termEnd|unitSpirit|deptPhilosophy|committee\.\d+\.(name|role|from|to)|partyGroups\.\d+\.(name|leaderName))$/;

export function isFieldPath(path: string): boolean {
  return FIELD_PATH.test(path);
}
