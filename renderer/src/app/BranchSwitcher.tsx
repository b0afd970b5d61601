// Header control choosing the branch everything else shows; hidden until at least one branch exists.
import { Flex, Select } from 'antd';
import { setCurrentBranchId } from '../db/repositories/settings';
import { useBranches } from '../features/branch/useBranches';
import { useCurrentBranch } from '../features/branch/useCurrentBranch';

const SWITCHER_ID = 'current-branch-switcher';

export function BranchSwitcher() {
  const branches = useBranches();
  const current = useCurrentBranch();
  if (!branches || branches.length === 0 || !current) return null;
  return (
    <Flex align="center" gap={8}>
      <label htmlFor={SWITCHER_ID} style={{ color: 'inherit', whiteSpace: 'nowrap' }}>
        当前支部
      </label>
      <Select
        id={SWITCHER_ID}
        value={current.id}
        onChange={(id: string) => void setCurrentBranchId(id)}
        showSearch={{ optionFilterProp: 'label' }}
        options={branches.map((b) => ({ value: b.id, label: b.name }))}
        style={{ minWidth: 220 }}
        popupMatchSelectWidth={false}
      />
    </Flex>
  );
}
