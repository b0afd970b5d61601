// The records of a volume's period not yet 定稿, live: 卷宗导出 lists them before the volume is made.
import { useLiveQuery } from 'dexie-react-hooks';
import type { DossierPeriod } from '../../../../shared/dossier/data';
import { meetingText } from '../../../../shared/dossier/evidence';
import type { Branch } from '../../../../shared/schemas/entities';
import { countingBetween } from '../../db/repositories/meetings';

export interface VolumeDraft {
  id: string;
  /** As the volume cites it (buildDossier's `drafts`): 「2025年11月3日 党小组会第三党小组第10次」. */
  label: string;
  topic: string;
}

/**
 * The period's meetings with status 草稿, in date and number order: the volume prints each with 【草稿】 and counts it as
 * held. Undefined while loading, or without a period.
 */
export function useVolumeDrafts(
  branch: Pick<Branch, 'id' | 'partyGroups'> | null | undefined,
  period: DossierPeriod | undefined,
): VolumeDraft[] | undefined {
  const key = branch && period ? `${branch.id}\n${period.from}\n${period.to}` : '';
  const groups = branch?.partyGroups;
  const found = useLiveQuery(async () => {
    if (!key) return { key, drafts: [] };
    const [branchId, from, to] = key.split('\n') as [string, string, string];
    const meetings = await countingBetween(branchId, from, to);
    const drafts = meetings
      .filter((m) => m.status === '草稿')
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.seq - b.seq))
      .map((m) => ({ id: m.id, label: meetingText(m, groups ?? []), topic: m.topic }));
    return { key, drafts };
  }, [key, groups]);
  // While another period is read the hook still holds the last list: that list is not this period's.
  return key && found?.key === key ? found.drafts : undefined;
}
