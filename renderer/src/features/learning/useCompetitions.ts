// A branch's 技能比武 events and roster, live: undefined while loading.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Competition, Member } from '../../../../shared/schemas';
import { listCompetitions } from '../../db/repositories/competitions';
import { listMembers } from '../../db/repositories/members';

export function useCompetitions(branchId: string): { competitions: Competition[]; members: Member[] } | undefined {
  return useLiveQuery(async () => {
    const competitions = await listCompetitions(branchId);
    const members = await listMembers(branchId);
    return { competitions, members };
  }, [branchId]);
}
