// The 支部概况 form's value shape and its conversions from a stored Branch and to a new empty one.
import type { z } from 'zod';
import { COMMITTEE_ROLES, type CommitteeRole } from '../../../../shared/domain/vocab';
import type { Branch, BranchInput, branchInputSchema } from '../../../../shared/schemas';

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

/** A new committee row takes the first role nobody holds yet (书记 first), so the usual order needs no picking. */
export function nextCommitteeRole(taken: readonly (string | undefined)[]): CommitteeRole {
  return COMMITTEE_ROLES.find((role) => role !== '委员' && !taken.includes(role)) ?? '委员';
}

/** Paths of BranchForm fields that show their own error; anything else from the repository goes to the form banner. */
const FIELD_PATH =
  /^(name|parentOrg|establishedDate|termStart|termEnd|unitSpirit|deptPhilosophy|committee\.\d+\.(name|role)|partyGroups\.\d+\.(name|leaderName))$/;

export function isFieldPath(path: string): boolean {
  return FIELD_PATH.test(path);
}
