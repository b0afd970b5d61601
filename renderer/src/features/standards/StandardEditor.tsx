// Editing a copied standard: name, description, total, each item's content and maximum, frequency tier scores and
// the grade bands. The repository validates (sums, tiers, bands, codes) and makes a new version if one is in use.
import { Alert, App, Button, Card, Flex, Form, Input, InputNumber, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { GradeBand, Standard, StandardItem } from '../../../../shared/schemas';
import { formatScore, roundScore } from '../../../../shared/standards';
import { ValidationError, type ValidationIssue } from '../../db/repositories/errors';
import { updateStandard } from '../../db/repositories/standards';
import { useFormLeaveGuard } from '../../ui/LeaveConfirm';

interface Draft {
  name: string;
  description: string;
  totalScore: number;
  items: StandardItem[];
  grades: GradeBand[];
}

interface Props {
  standard: Standard;
  onDone: (saved?: Standard) => void;
}

export function StandardEditor({ standard, onDone }: Readonly<Props>) {
  const { message } = App.useApp();
  const [draft, setDraft] = useState<Draft>(() => ({
    name: standard.name,
    description: standard.description,
    totalScore: standard.totalScore,
    items: structuredClone(standard.items),
    grades: structuredClone(standard.grades),
  }));
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const [saving, setSaving] = useState(false);
  const [opened] = useState(() => JSON.stringify(draft));
  const { release, cancel } = useFormLeaveGuard(JSON.stringify(draft) !== opened, '评价标准');
  const issueAt = (path: string) => issues.find((i) => i.path === path)?.message;
  const setItem = (index: number, patch: Partial<StandardItem>) =>
    setDraft((d) => ({ ...d, items: d.items.map((item, i) => (i === index ? { ...item, ...patch } : item)) }));
  const sum = roundScore(draft.items.reduce((n, i) => n + (i.maxScore || 0), 0));

  const save = async () => {
    setSaving(true);
    try {
      const saved = await updateStandard(standard.id, draft);
      setIssues([]);
      message.success(saved.id === standard.id ? '已保存' : `该标准已有考评使用，修改已保存为第${saved.version}版`);
      release();
      onDone(saved);
    } catch (error) {
      if (error instanceof ValidationError) setIssues(error.issues);
      else message.error(`保存失败：${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section aria-label="修改评价标准">
      <Typography.Title level={3}>
        修改：{standard.name}（第{standard.version}版）
      </Typography.Title>
      <Form layout="vertical" component="div">
        <Flex gap={16} wrap>
          <Form.Item
            label="标准名称"
            htmlFor="standard-name"
            style={{ minWidth: 360 }}
            help={issueAt('name')}
            validateStatus={issueAt('name') ? 'error' : undefined}
          >
            <Input
              id="standard-name"
              value={draft.name}
              onChange={(e) => setDraft((d) => ({ ...d, name: e.target.value }))}
            />
          </Form.Item>
          <Form.Item label="总分" htmlFor="standard-total">
            <InputNumber
              id="standard-total"
              min={1}
              value={draft.totalScore}
              onChange={(v) => setDraft((d) => ({ ...d, totalScore: Number(v ?? 0) }))}
            />
          </Form.Item>
        </Flex>
        <Form.Item label="说明" htmlFor="standard-description">
          <Input.TextArea
            id="standard-description"
            rows={2}
            value={draft.description}
            onChange={(e) => setDraft((d) => ({ ...d, description: e.target.value }))}
          />
        </Form.Item>
      </Form>
      <Typography.Paragraph>
        各项满分之和：{formatScore(sum)} 分（总分 {formatScore(draft.totalScore ?? 0)} 分）
      </Typography.Paragraph>
      <Table
        rowKey={(_, index) => String(index)}
        size="small"
        pagination={false}
        dataSource={draft.items}
        columns={[
          {
            title: '编号',
            width: 90,
            render: (_, item, index) => (
              <Input
                aria-label={`第 ${index + 1} 项编号`}
                value={item.code}
                onChange={(e) => setItem(index, { code: e.target.value })}
              />
            ),
          },
          {
            title: '评价内容',
            render: (_, item, index) => (
              <Input.TextArea
                aria-label={`第 ${index + 1} 项评价内容`}
                autoSize
                value={item.content}
                onChange={(e) => setItem(index, { content: e.target.value })}
              />
            ),
          },
          {
            title: '满分',
            width: 100,
            render: (_, item, index) => (
              <InputNumber
                aria-label={`第 ${index + 1} 项满分`}
                min={0}
                step={0.5}
                value={item.maxScore}
                onChange={(v) => setItem(index, { maxScore: Number(v ?? 0) })}
              />
            ),
          },
          {
            title: '档次分值',
            render: (_, item, index) =>
              item.rule.kind === 'frequency' ? (
                <Space wrap>
                  {item.rule.tiers.map((tier, t) => (
                    <label key={tier.label}>
                      {tier.label}{' '}
                      <InputNumber
                        aria-label={`第 ${index + 1} 项档次“${tier.label}”分值`}
                        size="small"
                        min={0}
                        step={0.5}
                        value={tier.score}
                        onChange={(v) => {
                          if (item.rule.kind !== 'frequency') return;
                          const tiers = item.rule.tiers.map((x, k) => (k === t ? { ...x, score: Number(v ?? 0) } : x));
                          setItem(index, { rule: { ...item.rule, tiers } });
                        }}
                      />
                    </label>
                  ))}
                </Space>
              ) : item.rule.kind === 'checklist' ? (
                '按“七有”比例计分'
              ) : (
                '人工评分'
              ),
          },
        ]}
      />
      <Card title="等次（起点分数从高到低）" size="small" style={{ marginTop: 16 }}>
        <Space wrap>
          {draft.grades.map((g, index) => (
            <Space key={index}>
              <Input
                aria-label={`第 ${index + 1} 个等次名称`}
                style={{ width: 90 }}
                value={g.label}
                onChange={(e) =>
                  setDraft((d) => ({
                    ...d,
                    grades: d.grades.map((x, i) => (i === index ? { ...x, label: e.target.value } : x)),
                  }))
                }
              />
              ≥
              <InputNumber
                aria-label={`第 ${index + 1} 个等次起点分数`}
                min={0}
                value={g.minScore}
                onChange={(v) =>
                  setDraft((d) => ({
                    ...d,
                    grades: d.grades.map((x, i) => (i === index ? { ...x, minScore: Number(v ?? 0) } : x)),
                  }))
                }
              />
            </Space>
          ))}
        </Space>
      </Card>
      {issues.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 16 }}
          title="未能保存，请修改以下内容"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {issues.map((i) => (
                <li key={`${i.path}-${i.message}`}>{i.message}</li>
              ))}
            </ul>
          }
        />
      )}
      <Space style={{ marginTop: 16 }}>
        <Button type="primary" loading={saving} onClick={() => void save()}>
          保存
        </Button>
        <Button onClick={cancel(() => onDone())}>取消</Button>
      </Space>
    </section>
  );
}
