// The confirmations of 「替换本机的同一支部」 and 「覆盖全部」's footer: what each replaced branch holds here against what
// the backup brings (「会议记录 708 → 71 条」), a red warning with a tick box when the backup holds fewer records of any
// kind, the branches the backup adds, and focus on 取消 (Enter twice must not replace anything).
import { Alert, Button, Checkbox, Collapse, Flex, Modal, Typography } from 'antd';
import { type RefObject, useRef, useState } from 'react';
import { type BackupPreview, type BranchesHere, RESTORE_MODE_LABELS } from '../../db/backup/restore';
import { BRANCH_OWNERSHIP, type BranchRowCount, type StoredTable } from '../../db/repositories/branches';
import { BackupNowCard } from './BackupNowCard';
import { formatChinaTime } from './format';

/** At most `max` names, then 「等 N 个」: a confirmation must stay readable with 100 branches. */
export function names(list: readonly { name: string }[], max = 40): string {
  const shown = list.slice(0, max).map((b) => `「${b.name}」`);
  return list.length > max ? `${shown.join('、')}等 ${list.length} 个` : shown.join('、');
}

/** Branches of the file changed here after the backup was made: replacing them loses those changes. */
export const changedSince = (here: BranchesHere, createdAt: string) =>
  here.same.filter((b) => b.lastChange !== undefined && b.lastChange > createdAt);

/** One kind of record of a branch: how many are here, how many the backup has. */
export interface KindCompare {
  table: StoredTable;
  label: string;
  unit: string;
  here: number;
  file: number;
}

/** A branch of the file that is here, with what it holds here against what the backup brings. */
export interface BranchCompare {
  id: string;
  localName: string;
  kinds: KindCompare[];
}

/**
 * Here against the file, kind by kind (the order of the tables; the log left out: a restore writes the file's, and
 * it is no record a user keeps). Kinds neither side has are left out.
 */
export function compareKinds(here: readonly BranchRowCount[], file: Partial<Record<StoredTable, number>>) {
  const kinds: KindCompare[] = [];
  for (const [table, how] of Object.entries(BRANCH_OWNERSHIP) as [
    StoredTable,
    (typeof BRANCH_OWNERSHIP)[StoredTable],
  ][]) {
    if (typeof how !== 'object' || how.derived || table === 'auditPages') continue;
    const kind = { table, label: how.label, unit: how.unit, here: here.find((c) => c.table === table)?.count ?? 0 };
    const inFile = file[table] ?? 0;
    if (kind.here > 0 || inFile > 0) kinds.push({ ...kind, file: inFile });
  }
  return kinds;
}

const describeKinds = (kinds: readonly KindCompare[]) =>
  kinds.length ? kinds.map((k) => `${k.label} ${k.here} → ${k.file} ${k.unit}`).join('、') : '没有任何记录';

const fewerOf = (b: BranchCompare) => b.kinds.filter((k) => k.file < k.here);

/** Per-branch detail shown in full up to this many branches; beyond, one line of totals and the details folded. */
const DETAIL_LIMIT = 3;

/** 取消 first, focused when the dialog opens; the red button is never the one Enter presses first. */
export function DangerFooter({
  cancelRef,
  okText,
  disabled,
  onOk,
  onCancel,
}: Readonly<{
  cancelRef: RefObject<HTMLButtonElement | null>;
  okText: string;
  disabled?: boolean;
  onOk: () => void;
  onCancel: () => void;
}>) {
  return (
    <Flex justify="flex-end" gap={8}>
      <Button ref={cancelRef} onClick={onCancel}>
        取消
      </Button>
      <Button type="primary" danger disabled={disabled} onClick={onOk}>
        {okText}
      </Button>
    </Flex>
  );
}

/** 「此操作不能撤销」 with the backup button itself, as 删除支部 has it. */
export function BackupFirst() {
  return (
    <>
      <Typography.Paragraph strong>此操作不能撤销，建议先备份当前数据：</Typography.Paragraph>
      <BackupNowCard />
    </>
  );
}

export function ReplaceBranchesDialog({
  preview,
  branches,
  onCancel,
  onConfirm,
}: Readonly<{
  preview: BackupPreview;
  /** The file's branches here, counted (null: the dialog is closed). */
  branches: BranchCompare[] | null;
  onCancel: () => void;
  onConfirm: () => void;
}>) {
  const [understood, setUnderstood] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const list = branches ?? [];
  const { same, total } = preview.here;
  const added = preview.branches.filter((b) => !same.some((s) => s.id === b.id));
  const newer = changedSince(preview.here, preview.createdAt);
  const fewer = list.filter((b) => fewerOf(b).length > 0);
  const one = same.length === 1 ? same[0] : undefined;
  const title = one ? `用备份替换本机的「${one.localName}」？` : `用备份替换本机的 ${same.length} 个支部？`;
  const detail = list.map((b) => (
    <Typography.Paragraph key={b.id} style={{ marginBottom: 4 }}>
      「{b.localName}」：{describeKinds(b.kinds)}
    </Typography.Paragraph>
  ));

  return (
    <Modal
      open={branches !== null}
      title={title}
      width={600}
      onCancel={onCancel}
      afterOpenChange={(open) => {
        if (open) cancelRef.current?.focus();
      }}
      afterClose={() => setUnderstood(false)}
      destroyOnHidden
      footer={
        <DangerFooter
          cancelRef={cancelRef}
          okText={RESTORE_MODE_LABELS.replaceBranches}
          disabled={fewer.length > 0 && !understood}
          onOk={onConfirm}
          onCancel={onCancel}
        />
      }
    >
      <Typography.Paragraph>
        {one ? `本机「${one.localName}」现有的全部数据` : `本机这 ${same.length} 个支部现有的全部数据`}
        将被删除，换成备份中的数据（备份时间 {formatChinaTime(preview.createdAt)}）。
        {total > same.length ? `本机其他 ${total - same.length} 个支部不受影响。` : ''}
      </Typography.Paragraph>
      {added.length > 0 && (
        <Typography.Paragraph>
          同时加入 {added.length} 个本机没有的支部：{names(added)}。
        </Typography.Paragraph>
      )}
      <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
        本机 → 备份：
      </Typography.Paragraph>
      {list.length <= DETAIL_LIMIT ? (
        detail
      ) : (
        <>
          <Typography.Paragraph style={{ marginBottom: 4 }}>
            {list.length} 个支部合计：{describeKinds(totalsOf(list))}
          </Typography.Paragraph>
          <Collapse
            size="small"
            style={{ marginBottom: 12 }}
            items={[{ key: 'detail', label: `各支部明细（${list.length} 个）`, children: detail }]}
          />
        </>
      )}
      {newer.length > 0 && (
        <Typography.Paragraph type="danger">
          {names(newer.map((b) => ({ name: b.localName })))}在备份之后还有修改，替换后这些修改将丢失。
        </Typography.Paragraph>
      )}
      {fewer.length > 0 && (
        <>
          <Alert
            type="error"
            showIcon
            title="备份中的记录比本机少"
            description={
              fewer.length <= DETAIL_LIMIT
                ? fewer.map((b) => `「${b.localName}」${describeKinds(fewerOf(b))}`).join('；') +
                  '。替换后本机多出的这些记录将丢失。'
                : `${names(fewer.map((b) => ({ name: b.localName })))}（${fewer.length} 个支部）的备份有记录比本机少（展开上方「各支部明细」查看），替换后本机多出的记录将丢失。`
            }
          />
          <Checkbox style={{ marginTop: 12 }} checked={understood} onChange={(e) => setUnderstood(e.target.checked)}>
            我已了解：替换后本机多出的记录将丢失
          </Checkbox>
        </>
      )}
      <div style={{ marginTop: 12 }}>
        <BackupFirst />
      </div>
    </Modal>
  );
}

/** The kinds of several branches added up (for one summary line). */
function totalsOf(list: readonly BranchCompare[]): KindCompare[] {
  const sum = new Map<StoredTable, KindCompare>();
  for (const b of list) {
    for (const k of b.kinds) {
      const s = sum.get(k.table);
      sum.set(k.table, s ? { ...s, here: s.here + k.here, file: s.file + k.file } : { ...k });
    }
  }
  // In the order of the tables, as each branch's.
  const order = Object.keys(BRANCH_OWNERSHIP);
  return [...sum.values()].sort((a, b) => order.indexOf(a.table) - order.indexOf(b.table));
}
