// The items of a standard being edited: 编号, 评价维度, 评价内容, 满分 of every item, the 评分方法 of a manual item and the
// tier scores of an automatic one; items can be added (manual, scored by the assessor) and removed. Each problem is
// shown under the field it is about.
import { Button, Flex, Input, Popconfirm, Space, Table, Typography } from 'antd';
import { NumberInput } from '../../ui/NumberInput';
import type { StandardItem } from '../../../../shared/schemas';
import { ruleKindLabel } from './ruleText';

export interface DraftItem extends StandardItem {
  /** Stable row key while items are inserted and removed; not saved. */
  key: string;
}

interface Props {
  items: DraftItem[];
  /** The problem at a field's path, e.g. `items.2.code`. */
  issueAt: (path: string) => string | undefined;
  onChange: (index: number, patch: Partial<StandardItem>) => void;
  onInsertAfter: (index: number) => void;
  onRemove: (index: number) => void;
}

/**
 * The message under a field: its item is plain from the row, so 「第 3 项：」 is left off; in a narrow column only the
 * gist before 「：」 (「编号“A1”重复」), the whole message being in the list under the table.
 */
function FieldProblem({ message, gist = false }: Readonly<{ message: string | undefined; gist?: boolean }>) {
  if (!message) return null;
  const text = message.replace(/^第 \d+ 项：/, '');
  return (
    <Typography.Text type="danger" style={{ display: 'block', fontSize: 12 }}>
      {gist ? text.split('：')[0] : text}
    </Typography.Text>
  );
}

const brief = (text: string) => (text.length > 12 ? `${text.slice(0, 12)}…` : text);

export function StandardItemsTable({ items, issueAt, onChange, onInsertAfter, onRemove }: Readonly<Props>) {
  const invalid = (message: string | undefined) => ({
    status: message ? ('error' as const) : undefined,
    'aria-invalid': message ? true : undefined,
  });
  return (
    <Table<DraftItem>
      rowKey="key"
      size="small"
      pagination={false}
      tableLayout="fixed"
      scroll={{ x: 960 }}
      dataSource={items}
      columns={[
        {
          title: '编号',
          width: 80,
          render: (_, item, index) => {
            const problem = issueAt(`items.${index}.code`);
            return (
              <>
                <Input
                  aria-label={`第 ${index + 1} 项编号`}
                  value={item.code}
                  {...invalid(problem)}
                  onChange={(e) => onChange(index, { code: e.target.value })}
                />
                <FieldProblem message={problem} gist />
              </>
            );
          },
        },
        {
          title: '评价维度',
          width: 124,
          render: (_, item, index) => {
            const problem = issueAt(`items.${index}.dimension`);
            return (
              <>
                <Input.TextArea
                  aria-label={`第 ${index + 1} 项评价维度`}
                  autoSize
                  value={item.dimension}
                  {...invalid(problem)}
                  onChange={(e) => onChange(index, { dimension: e.target.value })}
                />
                <FieldProblem message={problem} />
              </>
            );
          },
        },
        {
          title: '评价内容',
          render: (_, item, index) => {
            const problem = issueAt(`items.${index}.content`);
            return (
              <>
                <Input.TextArea
                  aria-label={`第 ${index + 1} 项评价内容`}
                  autoSize={{ minRows: 2 }}
                  value={item.content}
                  {...invalid(problem)}
                  onChange={(e) => onChange(index, { content: e.target.value })}
                />
                <FieldProblem message={problem} />
              </>
            );
          },
        },
        {
          title: '满分',
          width: 88,
          render: (_, item, index) => {
            const problem = issueAt(`items.${index}.maxScore`);
            return (
              <>
                {/* No min: antd would silently turn −3 into 0; a wrong 满分 is kept as typed and reported. */}
                <NumberInput
                  aria-label={`第 ${index + 1} 项满分`}
                  step={0.5}
                  style={{ width: '100%' }}
                  value={item.maxScore}
                  {...invalid(problem)}
                  onChange={(v) => onChange(index, { maxScore: Number(v ?? 0) })}
                />
                <FieldProblem message={problem} gist />
              </>
            );
          },
        },
        {
          title: '计分方法',
          width: 224,
          render: (_, item, index) => {
            const { rule } = item;
            if (rule.kind === 'manual') {
              const problem = issueAt(`items.${index}.method`);
              return (
                <>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    人工评分，评分方法：
                  </Typography.Text>
                  <Input.TextArea
                    aria-label={`第 ${index + 1} 项评分方法`}
                    placeholder="如：查阅会议记录和述职材料"
                    autoSize
                    value={item.method}
                    {...invalid(problem)}
                    onChange={(e) => onChange(index, { method: e.target.value })}
                  />
                  <FieldProblem message={problem} />
                </>
              );
            }
            if (rule.kind === 'checklist') return ruleKindLabel(rule) + '（按达到项数的比例）';
            return (
              <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {ruleKindLabel(rule)}，各档分值：
                </Typography.Text>
                {rule.tiers.map((tier, t) => {
                  const problem = issueAt(`items.${index}.rule.tiers.${t}.score`);
                  return (
                    <div key={tier.label}>
                      <Flex gap={8} align="center" justify="space-between">
                        <label htmlFor={`tier-${item.key}-${t}`}>{tier.label}</label>
                        <NumberInput
                          id={`tier-${item.key}-${t}`}
                          aria-label={`第 ${index + 1} 项档次“${tier.label}”分值`}
                          size="small"
                          step={0.5}
                          style={{ width: 80 }}
                          value={tier.score}
                          {...invalid(problem)}
                          onChange={(v) => {
                            const tiers = rule.tiers.map((x, k) => (k === t ? { ...x, score: Number(v ?? 0) } : x));
                            onChange(index, { rule: { ...rule, tiers } });
                          }}
                        />
                      </Flex>
                      <FieldProblem message={problem} />
                    </div>
                  );
                })}
              </Space>
            );
          },
        },
        {
          title: '操作',
          width: 92,
          render: (_, item, index) => (
            <Space orientation="vertical" size={0}>
              <Button
                size="small"
                type="link"
                aria-label={`在第 ${index + 1} 项下方添加一项`}
                onClick={() => onInsertAfter(index)}
              >
                下方添加
              </Button>
              <Popconfirm
                title={`删除第 ${index + 1} 项${item.content.trim() ? `“${brief(item.content.trim())}”` : ''}？`}
                description="保存后才生效；删除后请核对总分。"
                okText="删除"
                okButtonProps={{ danger: true }}
                cancelText="取消"
                disabled={items.length <= 1}
                onConfirm={() => onRemove(index)}
              >
                <Button
                  size="small"
                  type="link"
                  danger
                  disabled={items.length <= 1}
                  title={items.length <= 1 ? '标准至少要有一个评价项目' : undefined}
                  aria-label={`删除第 ${index + 1} 项`}
                >
                  删除
                </Button>
              </Popconfirm>
            </Space>
          ),
        },
      ]}
    />
  );
}
