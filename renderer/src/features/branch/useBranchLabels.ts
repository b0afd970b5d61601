// How each branch on this computer is named where the user must tell branches apart (the header switcher, the
// 工作台's 当前支部, the notice on another branch's record): its name, with branchLabels' suffix when two share it.
import { useMemo } from 'react';
import { branchLabels } from '../overview/branchLabels';
import { useBranches } from './useBranches';

/** Branch id → label, live; empty while loading. `labelOf` falls back to the name it is given. */
export function useBranchLabels(): {
  labels: ReadonlyMap<string, string>;
  labelOf: (b: { id: string; name: string }) => string;
} {
  const branches = useBranches();
  return useMemo(() => {
    const labels = branchLabels(branches ?? []);
    return { labels, labelOf: (b) => labels.get(b.id) ?? b.name };
  }, [branches]);
}
