// The records behind one item of an assessment (the drill-down), live: undefined while loading.
import { useLiveQuery } from 'dexie-react-hooks';
import { evidenceRecords } from '../../db/repositories/assessments';

export type Evidence = Awaited<ReturnType<typeof evidenceRecords>>;

export function useItemEvidence(ids: readonly string[]): Evidence | undefined {
  const key = ids.join(',');
  return useLiveQuery(() => evidenceRecords(key ? key.split(',') : []), [key]);
}
