// 支部概况: the current branch's profile, with editing, creating and deleting; with no branch yet it opens the create
// form.
import { DeleteOutlined, EditOutlined, PlusOutlined } from '../../ui/icons';
import { Alert, Button, Flex, Space, Tabs, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { Branch } from '../../../../shared/schemas';
import { setCurrentBranchId } from '../../db/repositories/settings';
import { Loading } from '../../ui/Loading';
import { MembersPanel } from '../members/MembersPanel';
import { BranchForm } from './BranchForm';
import { BranchProfile } from './BranchProfile';
import { DeleteBranchDialog } from './DeleteBranchDialog';
import { useBranches } from './useBranches';
import { useCurrentBranch } from './useCurrentBranch';

type Mode = 'view' | 'edit' | 'create';
type Tab = 'profile' | 'members';

// The tab lives in the hash (#/branch?tab=members) so that a reload or a link from elsewhere opens the 党员名册.
const tabFromHash = (): Tab => (/[?&]tab=members\b/.test(window.location.hash) ? 'members' : 'profile');
function rememberTab(tab: Tab): void {
  // replaceState, not location.hash: the section is unchanged, so no hashchange and no history entry.
  window.history.replaceState(null, '', tab === 'members' ? '#/branch?tab=members' : '#/branch');
}

export function BranchPage() {
  const branches = useBranches();
  const current = useCurrentBranch();
  const [mode, setMode] = useState<Mode>('view');
  const [tab, setTab] = useState<Tab>(tabFromHash);
  // The branch being deleted, held here: once it is gone the current branch changes under the closing dialog.
  const [deleting, setDeleting] = useState<Branch | null>(null);
  // Where focus goes when the dialog closes (it is unmounted at once, so antd cannot put it back): the button that
  // opened it after 取消 or Esc; the page's heading after a delete, as the page now shows another branch or the form.
  const deleteButton = useRef<HTMLButtonElement>(null);
  // After a delete the page re-renders for the branch that becomes current (through a loading state): the heading
  // is focused once the deleted branch is no longer the one shown, not at a fixed moment. Holds the deleted id.
  const focusTitleAfter = useRef<string | null>(null);
  useEffect(() => {
    if (focusTitleAfter.current === null || current?.id === focusTitleAfter.current) return;
    const title = document.getElementById('page-title');
    if (!title) return;
    title.focus();
    focusTitleAfter.current = null;
  });
  const closeDelete = (deleted: boolean) => {
    if (deleted && deleting) focusTitleAfter.current = deleting.id;
    setDeleting(null);
    if (!deleted) requestAnimationFrame(() => deleteButton.current?.focus());
  };

  const heading = (
    <Typography.Title level={2} id="page-title" tabIndex={-1} style={{ margin: 0 }}>
      支部概况
    </Typography.Title>
  );

  if (branches === undefined || current === undefined) return <Loading />;

  const onCreated = async (branch: Branch) => {
    // The branch just created becomes the one being worked on.
    await setCurrentBranchId(branch.id);
    setMode('view');
  };

  if (current === null || mode === 'create') {
    const first = current === null;
    return (
      <section aria-labelledby="page-title">
        <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
          {heading}
        </Flex>
        {first ? (
          <Alert
            type="info"
            showIcon
            title="还没有支部"
            description="请先填写支部的基本情况。一台电脑可以保存多个支部，之后可在页面顶部切换。"
            style={{ marginBottom: 16 }}
          />
        ) : (
          <>
            <Typography.Title level={3}>新建支部</Typography.Title>
            <Typography.Paragraph type="secondary">
              将在本机另建一个支部，之后可在页面顶部切换。要修改“{current.name}”的信息，请点“取消”后再点“编辑”。
            </Typography.Paragraph>
          </>
        )}
        <BranchForm onSaved={onCreated} onCancel={first ? undefined : () => setMode('view')} />
      </section>
    );
  }

  return (
    <section aria-labelledby="page-title">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        {heading}
        {mode === 'view' && (
          <Space>
            <Button type="primary" icon={<EditOutlined />} onClick={() => setMode('edit')}>
              编辑
            </Button>
            <Button icon={<PlusOutlined />} onClick={() => setMode('create')}>
              新建支部
            </Button>
            <Button ref={deleteButton} danger icon={<DeleteOutlined />} onClick={() => setDeleting(current)}>
              删除支部
            </Button>
          </Space>
        )}
      </Flex>
      {deleting && <DeleteBranchDialog branch={deleting} open onClose={closeDelete} />}
      {mode === 'edit' ? (
        <>
          <Typography.Title level={3}>编辑：{current.name}</Typography.Title>
          {/* Keyed by id: switching branches mid-edit starts a fresh form instead of carrying typed values across. */}
          <BranchForm
            key={current.id}
            branch={current}
            onSaved={() => setMode('view')}
            onCancel={() => setMode('view')}
          />
        </>
      ) : (
        <Tabs
          activeKey={tab}
          onChange={(key) => {
            setTab(key as Tab);
            rememberTab(key as Tab);
          }}
          items={[
            { key: 'profile', label: '支部信息', children: <BranchProfile branch={current} /> },
            { key: 'members', label: '党员名册', children: <MembersPanel key={current.id} branch={current} /> },
          ]}
        />
      )}
    </section>
  );
}
