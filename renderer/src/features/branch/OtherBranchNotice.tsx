// Shown instead of a record (a 工作记录, a 阵地, a 考评) that belongs to another branch than the current one — after a
// switch in the header, or from an old link — so nothing of that branch is edited under this one's name. It names the
// record's branch and offers the two ways on: switch to that branch, or back to this branch's list.
import { Alert, Button, Flex } from 'antd';
import { Loading } from '../../ui/Loading';
import { useBranchLabels } from './useBranchLabels';
import { useBranches } from './useBranches';
import { useCurrentBranch } from './useCurrentBranch';
import { useSwitchBranch } from './useSwitchBranch';

interface Props {
  /** The branch the record belongs to. */
  branchId: string;
  /** What is shown, for the notice: 「该记录」「该阵地」. */
  what: string;
  /** The way back to the current branch's list: 「返回本支部记录列表」. */
  backLabel: string;
  onBack: () => void;
}

export function OtherBranchNotice({ branchId, what, backLabel, onBack }: Readonly<Props>) {
  const branches = useBranches();
  const current = useCurrentBranch();
  const switchBranch = useSwitchBranch();
  const { labelOf } = useBranchLabels();
  if (branches === undefined || current === undefined) return <Loading />;
  const owner = branches.find((b) => b.id === branchId);
  const here = current ? `当前支部是「${labelOf(current)}」，` : '';
  return (
    <Alert
      type="warning"
      showIcon
      title={owner ? `${what}属于「${labelOf(owner)}」` : `${what}属于另一个支部`}
      description={
        <Flex vertical gap={12} align="start">
          <span>
            {owner
              ? `${here}不能在这里查看或修改${what}。切换到「${labelOf(owner)}」后可以查看。`
              : `${here}不能在这里查看或修改${what}；它所在的支部不在本机。`}
          </span>
          <Flex gap={8} wrap>
            {owner && (
              <Button type="primary" onClick={() => switchBranch(owner)}>
                {`切换到「${labelOf(owner)}」`}
              </Button>
            )}
            <Button onClick={onBack}>{backLabel}</Button>
          </Flex>
        </Flex>
      }
    />
  );
}
