// Switching the current branch, as the header's 当前支部 and the 「切换到「…」」 buttons do: a page of one branch drops
// its open forms when the branch changes, so unsaved edits are asked about first (the leave guard's question), and
// the switch happens only after 「放弃修改并离开」.
import { App } from 'antd';
import type { Branch } from '../../../../shared/schemas';
import { errorText } from '../../db/repositories/errors';
import { setCurrentBranchId } from '../../db/repositories/settings';
import { guardedMove } from '../../ui/leaveGuard';

export function useSwitchBranch(): (branch: Pick<Branch, 'id' | 'name'>) => void {
  const { message } = App.useApp();
  return (branch) =>
    guardedMove(() => {
      setCurrentBranchId(branch.id).catch((error: unknown) => {
        message.error(`切换支部失败：${errorText(error)}`);
      });
    }, `切换到「${branch.name}」`);
}
