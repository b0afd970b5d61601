// The 党员 form's value shape and its conversions from a stored Member and to a new empty one.
import type { z } from 'zod';
import type { Member, MemberInput, memberInputSchema } from '../../../../shared/schemas';

/**
 * Like MemberInput, but gender and the required dates may be empty while the user types: left undefined (not ''), zod reports
 * 「请填写日期」 instead of a format error. Left date and reason ride along unedited (转出 has its own dialog).
 */
export type MemberFormValues = Omit<MemberInput, 'gender' | 'birthDate' | 'joinedDate'> & {
  gender?: MemberInput['gender'];
  birthDate?: string;
  joinedDate?: string;
};
export type MemberFormOutput = z.output<typeof memberInputSchema>;

export function emptyMemberValues(): MemberFormValues {
  return {
    name: '',
    gender: undefined,
    birthDate: undefined,
    joinedDate: undefined,
    joinedBranchDate: '',
    fullMemberDate: '',
    status: '正式',
    partyGroupId: '',
    post: '',
    phone: '',
    motto: '',
  };
}

export function memberToValues(member: Member): MemberFormValues {
  return {
    name: member.name,
    gender: member.gender,
    birthDate: member.birthDate,
    joinedDate: member.joinedDate,
    joinedBranchDate: member.joinedBranchDate ?? '',
    fullMemberDate: member.fullMemberDate ?? '',
    status: member.status,
    partyGroupId: member.partyGroupId,
    post: member.post,
    phone: member.phone,
    motto: member.motto,
    leftDate: member.leftDate ?? '',
    leftReason: member.leftReason,
  };
}

const FIELD_PATH =
  /^(name|gender|birthDate|joinedDate|joinedBranchDate|fullMemberDate|status|partyGroupId|post|phone|motto)$/;

/** Paths of MemberForm fields that show their own error; anything else goes to the form banner. */
export function isMemberFieldPath(path: string): boolean {
  return FIELD_PATH.test(path);
}
