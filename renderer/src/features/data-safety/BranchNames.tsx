// Branches named in the restore preview and in 「恢复完成」: up to five by name; more as their number and what tells
// them apart here (本机已有 or not), the whole list one click away. Thirty names, each followed by 「（本机已有）」, made
// a paragraph nobody could read.
import { Button } from 'antd';
import { useState } from 'react';

/** Up to this many branches are named in the sentence itself. */
export const BRANCHES_NAMED = 5;

interface Props {
  branches: readonly { id: string; name: string }[];
  /** Ids of the branches this computer already has: marked 「（本机已有）」 and counted in the summary. */
  here?: ReadonlySet<string>;
  /** Said for an empty list. */
  empty?: string;
}

const joined = (list: readonly { name: string }[]) => list.map((b) => b.name).join('、');

/** 「30 个支部（均为本机已有）」, 「30 个支部（其中 3 个本机已有：…）」: what the list holds, in a few words. */
export function branchesSummary(branches: Props['branches'], here?: ReadonlySet<string>): string {
  const count = `${branches.length} 个支部`;
  if (!here) return count;
  const known = branches.filter((b) => here.has(b.id));
  const missing = branches.filter((b) => !here.has(b.id));
  if (missing.length === 0) return `${count}（均为本机已有）`;
  if (known.length === 0) return `${count}（本机均没有）`;
  if (known.length <= BRANCHES_NAMED) return `${count}（其中 ${known.length} 个本机已有：${joined(known)}）`;
  if (missing.length <= BRANCHES_NAMED) {
    return `${count}（其中 ${known.length} 个本机已有，本机没有的 ${missing.length} 个：${joined(missing)}）`;
  }
  return `${count}（其中 ${known.length} 个本机已有）`;
}

export function BranchNames({ branches, here, empty = '（无）' }: Readonly<Props>) {
  const [open, setOpen] = useState(false);
  if (branches.length === 0) return <>{empty}</>;
  const full = branches.map((b) => (here?.has(b.id) ? `${b.name}（本机已有）` : b.name)).join('、');
  if (branches.length <= BRANCHES_NAMED) return <>{full}</>;
  return (
    <>
      {open ? full : branchesSummary(branches, here)}
      <Button
        type="link"
        size="small"
        aria-expanded={open}
        style={{ paddingInline: 2, height: 'auto' }}
        onClick={() => setOpen((o) => !o)}
      >
        {open ? '收起' : '展开全部'}
      </Button>
    </>
  );
}
