// 领导责任: per year, each leader's list (第一责任人, 直接责任人, 一岗双责, 分管) with tasks, evidence and 述职.
import { CopyOutlined, PlusOutlined } from '../../ui/icons';
import { Alert, App, Button, Empty, Flex, Space, Typography } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { tenureText } from '../../../../shared/branch/committee';
import { chinaToday, type Branch } from '../../../../shared/schemas';
import { errorText } from '../../db/repositories/errors';
import {
  copyPreviousYear,
  copyResultMessage,
  deleteResponsibility,
  tasksToCarry,
  type CarryChoice,
} from '../../db/repositories/responsibilities';
import { Loading } from '../../ui/Loading';
import { useCurrentBranch } from '../branch/useCurrentBranch';
import { YearSelect } from '../dashboard/YearSelect';
import { useRoster } from '../meetings/useRoster';
import { CarryTasksDialog } from './CarryTasksDialog';
import { ResponsibilityCard } from './ResponsibilityCard';
import { ResponsibilityForm } from './ResponsibilityForm';
import {
  emptyResponsibilityValues,
  referenceDay,
  responsibilityToValues,
  secretariesWithoutList,
  secretaryOf,
} from './responsibilityFormValues';
import { responsibilityHref, useResponsibilityYear } from './responsibilityRoute';
import { useResponsibilities } from './useResponsibilities';

export function ResponsibilityPage() {
  const branch = useCurrentBranch();
  const page = (content: ReactNode) => (
    <section aria-labelledby="page-title">
      <Typography.Title level={2} id="page-title">
        领导责任
      </Typography.Title>
      {content}
    </section>
  );
  if (branch === undefined) return page(<Loading />);
  if (branch === null) {
    return page(
      <Alert
        type="info"
        showIcon
        title="还没有支部"
        description={
          <>
            请先在<a href="#/branch">支部概况</a>中填写支部的基本情况，再明确领导责任。
          </>
        }
      />,
    );
  }
  return page(<BranchResponsibilities key={branch.id} branch={branch} />);
}

/** A 书记 of the year without a 第一责任人 list: what to do, before the 卷宗 prints two stories. */
function UncoveredSecretaries({ missing, year }: Readonly<{ missing: Branch['committee']; year: number }>) {
  if (!missing.length) return null;
  const names = missing.map((s) => `${s.name}${s.from || s.to ? `（${tenureText(s)}）` : ''}`).join('、');
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={`支部概况中${year}年度的书记${names}还没有第一责任人清单`}
      description="年内换届的，请「新增责任人」：第一责任人，任职起填换届日期；保存时会同时为原第一责任人填写任职止。卷宗的封面和「领导有责任」按同样的任职起止印制。"
    />
  );
}

type Editing = { view: 'list' } | { view: 'new' } | { view: 'edit'; id: string };

function BranchResponsibilities({ branch }: Readonly<{ branch: Branch }>) {
  const { message } = App.useApp();
  const today = chinaToday();
  const currentYear = Number(today.slice(0, 4));
  const year = useResponsibilityYear() ?? currentYear;
  const [editing, setEditing] = useState<Editing>({ view: 'list' });
  // Last year's unfinished tasks, while 复制上一年度 asks which of them to carry over.
  const [carry, setCarry] = useState<CarryChoice[] | null>(null);
  const data = useResponsibilities(branch.id, year);
  const roster = useRoster(branch.id);
  const evidenceById = useMemo(() => new Map((data?.evidence ?? []).map((e) => [e.id, e])), [data?.evidence]);

  if (data === undefined || roster === undefined) return <Loading />;
  const secretary = secretaryOf(branch, roster, referenceDay(year, today));

  const onYear = (y: number) => {
    setEditing({ view: 'list' });
    window.location.hash = responsibilityHref(y);
  };

  const copy = async (carryTaskIds: string[] = []) => {
    try {
      const { type, text } = copyResultMessage(await copyPreviousYear(branch.id, year, { carryTaskIds }), year);
      // The message may name tasks left behind: long enough to be read.
      message[type]({ content: text, duration: text.length > 40 ? 8 : 3 });
    } catch (error) {
      message.error(errorText(error));
    }
  };

  // Last year's unfinished tasks are named first, and the ones ticked go on in this year's lists.
  const onCopy = async () => {
    try {
      const choices = await tasksToCarry(branch.id, year);
      if (choices.length > 0) setCarry(choices);
      else await copy();
    } catch (error) {
      message.error(errorText(error));
    }
  };

  const onDelete = async (id: string) => {
    try {
      await deleteResponsibility(id);
      message.success('已删除');
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    }
  };

  if (editing.view !== 'list') {
    const stored = editing.view === 'edit' ? data.lists.find((r) => r.id === editing.id) : undefined;
    if (editing.view === 'edit' && !stored) return <Empty description="找不到该责任清单，可能已被删除" />;
    return (
      <>
        <Typography.Title level={3}>
          {stored ? `编辑：${stored.holderName}（${stored.role}）` : `新增${year}年度责任清单`}
        </Typography.Title>
        <ResponsibilityForm
          key={stored?.id ?? 'new'}
          branchId={branch.id}
          members={roster}
          secretary={secretary}
          evidence={data.evidence}
          defaultValues={
            stored ? responsibilityToValues(stored) : emptyResponsibilityValues(year, secretary, data.lists)
          }
          responsibility={stored}
          lists={data.lists}
          onSaved={() => setEditing({ view: 'list' })}
          onCancel={() => setEditing({ view: 'list' })}
        />
      </>
    );
  }

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <YearSelect value={year} onChange={onYear} currentYear={currentYear} ahead={1} />
        <Space wrap>
          <Button icon={<CopyOutlined />} onClick={onCopy}>
            复制上一年度
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ view: 'new' })}>
            新增责任人
          </Button>
        </Space>
      </Flex>
      {carry && (
        <CarryTasksDialog
          year={year}
          choices={carry}
          today={today}
          onConfirm={(ids) => {
            setCarry(null);
            void copy(ids);
          }}
          onCancel={() => setCarry(null)}
        />
      )}
      {!secretary && (
        <Alert
          type="warning"
          showIcon
          title="党员名册中找不到支部书记"
          description="请在支部概况中登记书记，并把书记加入党员名册，书记默认为第一责任人。"
          style={{ marginBottom: 16 }}
        />
      )}
      <UncoveredSecretaries
        missing={data.lists.length > 0 ? secretariesWithoutList(branch, data.lists, year) : []}
        year={year}
      />
      {data.lists.length === 0 ? (
        <Empty description={`${year}年度还没有责任清单。可以新增责任人，或复制上一年度的职责。`} />
      ) : (
        data.lists.map((r) => (
          <ResponsibilityCard
            key={r.id}
            responsibility={r}
            evidence={evidenceById}
            carriedOn={data.carriedOn}
            today={today}
            onEdit={() => setEditing({ view: 'edit', id: r.id })}
            onDelete={() => onDelete(r.id)}
          />
        ))
      )}
    </>
  );
}
