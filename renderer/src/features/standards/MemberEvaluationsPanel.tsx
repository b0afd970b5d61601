// 民主评议党员: for a year, each member's self, peer and collective results, grade and 五带头五标兵 recognitions,
// saved together so the rule 「优秀不超过三分之一」 is checked on the year's result.
import { Alert, App, Button, Empty, Flex, Input, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { FIVE_EXEMPLARS, MEMBER_GRADES, type MemberGrade } from '../../../../shared/domain/vocab';
import { chinaToday, type Branch, type MemberEvaluationInput } from '../../../../shared/schemas';
import { ValidationError } from '../../db/repositories/errors';
import { maxExcellent, saveMemberEvaluations } from '../../db/repositories/memberEvaluations';
import { Loading } from '../../ui/Loading';
import { useYearEvaluations, type YearEvaluations } from './useYearEvaluations';

export function MemberEvaluationsPanel({ branch }: Readonly<{ branch: Branch }>) {
  const thisYear = Number(chinaToday().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const data = useYearEvaluations(branch.id, year);
  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={8}>
        <label htmlFor="evaluation-year">评议年度</label>
        <Select
          id="evaluation-year"
          style={{ width: 120 }}
          value={year}
          onChange={setYear}
          options={Array.from({ length: 8 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: `${y}年` }))}
        />
      </Flex>
      {data === undefined ? (
        <Loading />
      ) : data.members.length === 0 ? (
        <Empty description="该年度党员名册为空，请先在支部概况中登记党员" />
      ) : (
        // A fresh table per year and per stored state, so what is shown always starts from what is saved.
        <YearTable
          key={`${year}-${data.rows.map((r) => r.updatedAt).join()}`}
          branchId={branch.id}
          year={year}
          data={data}
        />
      )}
    </Flex>
  );
}

function YearTable({ branchId, year, data }: Readonly<{ branchId: string; year: number; data: YearEvaluations }>) {
  const { message } = App.useApp();
  const [rows, setRows] = useState<Record<string, MemberEvaluationInput>>(() =>
    Object.fromEntries(
      data.members.map((m) => {
        const stored = data.rows.find((r) => r.memberId === m.id);
        return [
          m.id,
          {
            memberId: m.id,
            selfResult: stored?.selfResult ?? '',
            peerResult: stored?.peerResult ?? '',
            collectiveResult: stored?.collectiveResult ?? '',
            grade: stored?.grade ?? '',
            exemplars: stored?.exemplars ?? [],
          },
        ];
      }),
    ),
  );
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const change = (memberId: string, patch: Partial<MemberEvaluationInput>) =>
    setRows((all) => ({ ...all, [memberId]: { ...all[memberId]!, ...patch } }));

  const graded = Object.values(rows).filter((r) => r.grade);
  const excellent = graded.filter((r) => r.grade === '优秀').length;

  const save = async () => {
    setSaving(true);
    try {
      await saveMemberEvaluations(branchId, year, Object.values(rows));
      setError(undefined);
      message.success(`${year}年度民主评议结果已保存`);
    } catch (e) {
      setError(e instanceof ValidationError ? e.issues.map((i) => i.message).join('；') : String(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Typography.Paragraph>
        本年度参评 {graded.length} 人，优秀 {excellent} 人（按“优秀不超过三分之一”，最多 {maxExcellent(graded.length)}{' '}
        人）。
      </Typography.Paragraph>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={data.members}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 90 },
          ...(['selfResult', 'peerResult', 'collectiveResult'] as const).map((field) => ({
            title: { selfResult: '自评', peerResult: '互评', collectiveResult: '组织评定' }[field],
            render: (_: unknown, m: { id: string; name: string }) => (
              <Input
                aria-label={`${m.name} ${{ selfResult: '自评', peerResult: '互评', collectiveResult: '组织评定' }[field]}`}
                value={rows[m.id]?.[field] ?? ''}
                onChange={(e) => change(m.id, { [field]: e.target.value })}
              />
            ),
          })),
          {
            title: '等次',
            width: 130,
            render: (_, m) => (
              <Select
                aria-label={`${m.name} 等次`}
                style={{ width: '100%' }}
                allowClear
                placeholder="未评"
                value={rows[m.id]?.grade || undefined}
                onChange={(grade?: MemberGrade) => change(m.id, { grade: grade ?? '' })}
                options={MEMBER_GRADES.map((g) => ({ value: g, label: g }))}
              />
            ),
          },
          {
            title: '五带头五标兵',
            width: 320,
            render: (_, m) => (
              <Select
                aria-label={`${m.name} 五带头五标兵`}
                mode="multiple"
                style={{ width: '100%' }}
                placeholder="可多选"
                value={rows[m.id]?.exemplars ?? []}
                onChange={(exemplars: string[]) => change(m.id, { exemplars })}
                options={FIVE_EXEMPLARS.map((e) => ({ value: e, label: e }))}
              />
            ),
          },
        ]}
      />
      {error && <Alert type="error" showIcon title="未能保存" description={error} />}
      <Flex>
        <Button type="primary" loading={saving} onClick={() => void save()}>
          保存本年度评议结果
        </Button>
      </Flex>
    </>
  );
}
