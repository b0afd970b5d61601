// Header control choosing the branch everything else shows; hidden until at least one branch exists. A switch with
// unsaved edits open asks first, as leaving the page does (useSwitchBranch). Branches of the same name say what tells
// them apart (branchLabels).
import { Flex, Select } from 'antd';
import { useMemo } from 'react';
import { useBranchLabels } from '../features/branch/useBranchLabels';
import { useBranches } from '../features/branch/useBranches';
import { useCurrentBranch } from '../features/branch/useCurrentBranch';
import { useSwitchBranch } from '../features/branch/useSwitchBranch';
import { chosenLabelRender, describedByChosen } from '../ui/chosenValue';
import { PICKER_SEARCH } from '../ui/pickerSearch';

const SWITCHER_ID = 'current-branch-switcher';

export function BranchSwitcher() {
  const branches = useBranches();
  const current = useCurrentBranch();
  const switchBranch = useSwitchBranch();
  const { labelOf } = useBranchLabels();
  const options = useMemo(() => (branches ?? []).map((b) => ({ value: b.id, label: labelOf(b) })), [branches, labelOf]);
  if (!branches || branches.length === 0 || !current) return null;
  return (
    <Flex align="center" gap={8}>
      <label htmlFor={SWITCHER_ID} style={{ color: 'inherit', whiteSpace: 'nowrap' }}>
        当前支部
      </label>
      <Select
        id={SWITCHER_ID}
        value={current.id}
        onChange={(id: string) => {
          const branch = branches.find((b) => b.id === id);
          if (branch && branch.id !== current.id) switchBranch(branch);
        }}
        showSearch={PICKER_SEARCH}
        options={options}
        style={{ minWidth: 220 }}
        popupMatchSelectWidth={false}
        // A screen reader hears the branch shown with the switcher's name (chosenValue.tsx).
        aria-describedby={describedByChosen(SWITCHER_ID, current.id)}
        labelRender={chosenLabelRender(SWITCHER_ID, current.id)}
      />
    </Flex>
  );
}
