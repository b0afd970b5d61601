// Editing a copied standard, or a 「复制后修改」 copy not yet saved: name, description, total, the items (added,
// removed, each one's 编号, 评价维度, 评价内容, 满分, a manual item's 评分方法, an automatic item's tier scores) and the
// grade bands. 保存 checks everything at once (standardInputIssues, as the repository does) and shows each problem on
// its field; the repository makes a new version when an assessment uses this one, and makes a copy only when saved.
import { Alert, App, Button, Card, Flex, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import type { GradeBand, Standard, StandardInput, StandardItem } from '../../../../shared/schemas';
import { formatScore, roundScore, standardInputIssues } from '../../../../shared/standards';
import { ValidationError, type ValidationIssue } from '../../db/repositories/errors';
import { saveCopyOfStandard, updateStandard } from '../../db/repositories/standards';
import { useFormLeaveGuard } from '../../ui/LeaveConfirm';
import { NumberInput } from '../../ui/NumberInput';
import { StandardItemsTable, type DraftItem } from './StandardItemsTable';

interface Draft {
  name: string;
  description: string;
  totalScore: number;
  items: DraftItem[];
  grades: GradeBand[];
}

interface Props {
  /** The standard edited, or with `copy` the source of a copy that is created only on 保存. */
  standard: Standard;
  copy?: boolean;
  onDone: (saved?: Standard) => void;
}

let lastKey = 0;
const newKey = () => `item-${++lastKey}`;

const toInput = (draft: Draft): StandardInput => ({
  ...draft,
  items: draft.items.map(({ key: _key, ...item }) => item),
});

/** The code after `previous` (C3 → C4, 1.2 → 1.3) that no item uses yet; '' when it does not end in a number. */
function nextCode(previous: string, taken: ReadonlySet<string>): string {
  const match = /^(.*?)(\d+)$/.exec(previous.trim());
  if (!match) return '';
  let n = Number(match[2]);
  let code: string;
  do code = `${match[1]}${++n}`;
  while (taken.has(code));
  return code;
}

/** A manual item (scored by the assessor) in the same dimension as the item it follows. */
function newItem(items: readonly DraftItem[], after: number): DraftItem {
  const previous = items[after];
  return {
    key: newKey(),
    code: previous ? nextCode(previous.code, new Set(items.map((i) => i.code.trim()))) : '',
    dimension: previous?.dimension ?? '',
    content: '',
    method: '',
    maxScore: 0,
    rule: { kind: 'manual' },
  };
}

export function StandardEditor({ standard, copy = false, onDone }: Readonly<Props>) {
  const { message } = App.useApp();
  const [draft, setDraft] = useState<Draft>(() => ({
    name: copy ? `${standard.name}（副本）` : standard.name,
    description: standard.description,
    totalScore: standard.totalScore,
    items: structuredClone(standard.items).map((item) => ({ ...item, key: newKey() })),
    grades: structuredClone(standard.grades),
  }));
  /** After the first 保存, problems are shown and follow the edits as they are made. */
  const [tried, setTried] = useState(false);
  /** What the repository refused that the draft's own checks cannot see (e.g. a newer version saved meanwhile). */
  const [refused, setRefused] = useState<ValidationIssue[]>([]);
  const [saving, setSaving] = useState(false);
  const [opened] = useState(() => JSON.stringify(toInput(draft)));
  const { release, cancel } = useFormLeaveGuard(JSON.stringify(toInput(draft)) !== opened, '评价标准');

  const checked = tried ? standardInputIssues(toInput(draft)) : [];
  const issues = checked.length > 0 ? checked : refused;
  const issueAt = (path: string) => issues.find((i) => i.path === path)?.message;

  const edit = (change: (d: Draft) => Draft) => {
    setRefused([]);
    setDraft(change);
  };
  const setItem = (index: number, patch: Partial<StandardItem>) =>
    edit((d) => ({ ...d, items: d.items.map((item, i) => (i === index ? { ...item, ...patch } : item)) }));
  const insertAfter = (index: number) =>
    edit((d) => ({ ...d, items: d.items.toSpliced(index + 1, 0, newItem(d.items, index)) }));
  const removeItem = (index: number) => edit((d) => ({ ...d, items: d.items.toSpliced(index, 1) }));
  const setGrade = (index: number, patch: Partial<GradeBand>) =>
    edit((d) => ({ ...d, grades: d.grades.map((g, i) => (i === index ? { ...g, ...patch } : g)) }));
  const sum = roundScore(draft.items.reduce((n, i) => n + (i.maxScore || 0), 0));
  const sumDiffers = sum !== roundScore(draft.totalScore || 0);

  const save = async () => {
    setTried(true);
    const input = toInput(draft);
    if (standardInputIssues(input).length > 0) return;
    setSaving(true);
    try {
      const saved = copy ? await saveCopyOfStandard(standard.id, input) : await updateStandard(standard.id, input);
      setRefused([]);
      message.success(
        copy
          ? `已保存为「${saved.name}」，已加入标准库`
          : saved.id === standard.id
            ? '已保存'
            : `该标准已有考评使用，修改已保存为第${saved.version}版`,
      );
      release();
      onDone(saved);
    } catch (error) {
      if (error instanceof ValidationError) setRefused(error.issues);
      else message.error(`保存失败：${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section aria-label={copy ? '复制后修改评价标准' : '修改评价标准'}>
      <Typography.Title level={3}>
        {copy ? '复制后修改' : '修改'}：{standard.name}（第{standard.version}版）
      </Typography.Title>
      {copy && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="这是一份尚未保存的副本：点“保存”后才会加入标准库，点“取消”不会留下副本。原标准不会改变。"
        />
      )}
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
              onChange={(e) => edit((d) => ({ ...d, name: e.target.value }))}
            />
          </Form.Item>
          <Form.Item
            label="总分"
            htmlFor="standard-total"
            help={issueAt('totalScore')}
            validateStatus={issueAt('totalScore') ? 'error' : undefined}
          >
            <NumberInput
              id="standard-total"
              value={draft.totalScore}
              onChange={(v) => edit((d) => ({ ...d, totalScore: Number(v ?? 0) }))}
            />
          </Form.Item>
        </Flex>
        <Form.Item
          label="说明"
          htmlFor="standard-description"
          help={issueAt('description')}
          validateStatus={issueAt('description') ? 'error' : undefined}
        >
          <Input.TextArea
            id="standard-description"
            rows={2}
            value={draft.description}
            onChange={(e) => edit((d) => ({ ...d, description: e.target.value }))}
          />
        </Form.Item>
      </Form>
      <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }}>
        <Typography.Text type={sumDiffers ? 'warning' : undefined} aria-live="polite">
          {`共 ${draft.items.length} 项，各项满分之和：${formatScore(sum)} 分（总分 ${formatScore(draft.totalScore || 0)} 分${sumDiffers ? '，两者须相等' : ''}）`}
        </Typography.Text>
        {sumDiffers && sum > 0 && (
          <Button size="small" onClick={() => edit((d) => ({ ...d, totalScore: sum }))}>
            总分改为 {formatScore(sum)} 分
          </Button>
        )}
      </Flex>
      <StandardItemsTable
        items={draft.items}
        issueAt={issueAt}
        onChange={setItem}
        onInsertAfter={insertAfter}
        onRemove={removeItem}
      />
      <Button style={{ marginTop: 8 }} onClick={() => insertAfter(draft.items.length - 1)}>
        添加项目
      </Button>
      <Typography.Paragraph type="secondary" style={{ marginTop: 4 }}>
        添加的项目为人工评分项目，考评时由考评人打分。
      </Typography.Paragraph>
      <Card title="等次（起点分数从高到低）" size="small" style={{ marginTop: 16 }}>
        <Space wrap>
          {draft.grades.map((g, index) => (
            <Space key={index}>
              <Input
                aria-label={`第 ${index + 1} 个等次名称`}
                style={{ width: 90 }}
                value={g.label}
                status={issueAt(`grades.${index}.label`) ? 'error' : undefined}
                onChange={(e) => setGrade(index, { label: e.target.value })}
              />
              ≥
              <NumberInput
                aria-label={`第 ${index + 1} 个等次起点分数`}
                min={0}
                value={g.minScore}
                status={issueAt(`grades.${index}.minScore`) ? 'error' : undefined}
                onChange={(v) => setGrade(index, { minScore: Number(v ?? 0) })}
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
