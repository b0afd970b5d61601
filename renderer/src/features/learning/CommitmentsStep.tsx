// 公开承诺: one commitment per member, dated within 全面争创, and the print-friendly 承诺书 list (window.print()).
import { defaultStepDate } from '../../../../shared/learning/campaign';
import { zodResolver } from '@hookform/resolvers/zod';
import { App, Button, Col, Form, Popconfirm, Row, Select, Space, Table } from 'antd';
import { useId } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { type z } from 'zod';
import {
  chinaToday,
  commitmentSchema,
  type Campaign,
  type CampaignCommitment,
  type Member,
} from '../../../../shared/schemas';
import { addCommitment, removeCommitment } from '../../db/repositories/campaigns';
import { chosenLabelRender, describedByChosen } from '../../ui/chosenValue';
import { DateField } from '../../ui/DateField';
import { FormField } from '../../ui/FormField';
import { TextField } from '../../ui/TextField';
import { memberOptionsOn } from './campaignMembers';
import { placeIssues } from './formErrors';
import { PICKER_SEARCH } from '../../ui/pickerSearch';

type Values = z.input<typeof commitmentSchema>;
type Output = z.output<typeof commitmentSchema>;

// While printing, only the 承诺书 table is shown: the menu and forms are not part of the paper.
const PRINT_CSS = `@media print {
  body.print-commitments * { visibility: hidden; }
  body.print-commitments .commitment-print, body.print-commitments .commitment-print * { visibility: visible; }
  body.print-commitments .commitment-print { position: absolute; inset: 0 auto auto 0; width: 100%; }
  body.print-commitments .commitment-print .no-print { display: none; }
}`;

function printCommitments(): void {
  document.body.classList.add('print-commitments');
  try {
    window.print();
  } finally {
    document.body.classList.remove('print-commitments');
  }
}

interface Props {
  campaign: Campaign;
  members: readonly Member[];
}

export function CommitmentsStep({ campaign, members }: Readonly<Props>) {
  const { message } = App.useApp();
  const idPrefix = `commit-${useId().replace(/:/g, '')}`;
  const { control, handleSubmit, setError, reset, formState } = useForm<Values, unknown, Output>({
    resolver: zodResolver(commitmentSchema),
    defaultValues: { memberId: '', text: '', date: defaultStepDate(campaign.phases, '公开承诺', chinaToday()) },
  });
  const names = new Map(members.map((m) => [m.id, m.name]));
  const onSubmit = handleSubmit(async (values) => {
    try {
      await addCommitment(campaign.id, values);
      message.success('已添加承诺');
      reset({ memberId: '', text: '', date: values.date });
    } catch (error) {
      const rest = placeIssues(error, setError, ['memberId', 'text', 'date']);
      if (rest.length) message.error(rest.join('；'));
    }
  });
  const [date, chosen] = useWatch({ control, name: ['date', 'memberId'] });
  const pending = memberOptionsOn(
    members.filter((m) => !campaign.commitments.some((c) => c.memberId === m.id)),
    date,
    chosen,
  );
  const remove = async (c: CampaignCommitment) => {
    try {
      await removeCommitment(campaign.id, c.memberId);
      message.success('已删除承诺');
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <>
      <style>{PRINT_CSS}</style>
      <Form layout="vertical" component="div" aria-label="添加公开承诺">
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <FormField control={control} name="memberId" label="承诺党员" required idPrefix={idPrefix}>
              {({ id, value, onChange, a11y, invalid }) => (
                <Select
                  id={id}
                  showSearch={PICKER_SEARCH}
                  value={value || undefined}
                  onChange={onChange}
                  options={pending}
                  notFoundContent={pending.length === 0 ? '承诺日期当天没有尚未承诺的在册党员' : undefined}
                  status={invalid ? 'error' : undefined}
                  placeholder="请选择"
                  {...a11y}
                  // A screen reader hears the member chosen with the field's name (chosenValue.tsx).
                  aria-describedby={describedByChosen(id, value || undefined, a11y['aria-describedby'])}
                  labelRender={chosenLabelRender(id, value || undefined)}
                />
              )}
            </FormField>
          </Col>
          <Col xs={24} md={12}>
            <TextField control={control} name="text" label="承诺内容" required idPrefix={idPrefix} />
          </Col>
          <Col xs={24} md={6}>
            <DateField control={control} name="date" label="承诺日期" required idPrefix={idPrefix} emptyAs="" />
          </Col>
        </Row>
        <Button onClick={() => void onSubmit()} loading={formState.isSubmitting}>
          添加承诺
        </Button>
      </Form>
      <div className="commitment-print" style={{ marginTop: 16 }} role="region" aria-label="公开承诺书">
        <Space className="no-print" style={{ marginBottom: 8 }}>
          <Button onClick={printCommitments} disabled={campaign.commitments.length === 0}>
            打印承诺书
          </Button>
        </Space>
        <Table<CampaignCommitment>
          size="small"
          bordered
          rowKey="memberId"
          pagination={false}
          title={() => `${campaign.name} · 党员公开承诺书`}
          dataSource={campaign.commitments}
          locale={{ emptyText: '还没有公开承诺' }}
          columns={[
            { key: 'i', title: '序号', width: 60, render: (_, __, i) => i + 1 },
            { key: 'name', title: '党员', width: 120, render: (_, c) => names.get(c.memberId) ?? '（已不在名册）' },
            { key: 'text', title: '承诺内容', dataIndex: 'text' },
            { key: 'date', title: '承诺日期', dataIndex: 'date', width: 120 },
            {
              key: 'actions',
              title: <span className="no-print">操作</span>,
              width: 80,
              render: (_, c) => (
                <Popconfirm
                  title={`删除“${names.get(c.memberId) ?? '（已不在名册）'}”的公开承诺？`}
                  okText="删除"
                  cancelText="取消"
                  onConfirm={() => remove(c)}
                >
                  <Button className="no-print" size="small" danger>
                    删除
                  </Button>
                </Popconfirm>
              ),
            },
          ]}
        />
      </div>
    </>
  );
}
