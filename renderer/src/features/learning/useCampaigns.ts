// A branch's campaigns with what their steps link to (records, assessments) and the roster, live.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Assessment, Campaign, Meeting, Member } from '../../../../shared/schemas';
import { db } from '../../db/db';
import { listBranchAssessments, listCampaigns } from '../../db/repositories/campaigns';
import { listMembers } from '../../db/repositories/members';

export interface CampaignData {
  campaigns: Campaign[];
  members: Member[];
  meetings: Meeting[];
  assessments: Assessment[];
}

export function useCampaigns(branchId: string): CampaignData | undefined {
  return useLiveQuery(async () => {
    const campaigns = await listCampaigns(branchId);
    const members = await listMembers(branchId);
    const meetings = await db.meetings.where('[branchId+date]').between([branchId, ''], [branchId, '\uffff']).toArray();
    const assessments = await listBranchAssessments(branchId);
    return { campaigns, members, meetings: meetings.reverse(), assessments };
  }, [branchId]);
}
