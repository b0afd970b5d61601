// 标准库: the built-in and copied standards with their items and grade bands; 「复制后修改」 (the copy is made when
// saved, so an abandoned one leaves nothing behind), editing of copies, and deleting a copy that no 考评 uses.
import { CopyOutlined, DeleteOutlined, EditOutlined } from '../../ui/icons';
import { App, Button, Card, Descriptions, Empty, Flex, List, Popconfirm, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Standard } from '../../../../shared/schemas';
import { formatScore } from '../../../../shared/standards';
import { errorText } from '../../db/repositories/errors';
import { deleteStandard } from '../../db/repositories/standards';
import { Loading } from '../../ui/Loading';
import { ruleText } from './ruleText';
import { StandardEditor } from './StandardEditor';
import { goToStandards, standardsHref, type StandardsRoute } from './standardsRoute';
import { useStandards } from './useStandards';

type Props = Readonly<{ route: Extract<StandardsRoute, { tab: 'library' }> }>;

export function StandardLibrary({ route }: Props) {
  const { message } = App.useApp();
  const standards = useStandards();
  // 「复制后修改」 opens the editor on the source; the copy is created by its 保存. Tied to the address it was opened
  // at: going anywhere else (取消, a menu item, the back button) closes it, leaving nothing behind.
  const here = standardsHref(route);
  const [copying, setCopying] = useState<{ sourceId: string; at: string }>();
  if (copying && copying.at !== here) setCopying(undefined);
  if (standards === undefined) return <Loading />;
  const selected = standards.find((s) => s.id === route.standardId);
  const copySource = copying && copying.at === here ? standards.find((s) => s.id === copying.sourceId) : undefined;

  const remove = async (standard: Standard) => {
    try {
      await deleteStandard(standard.id);
      message.success(`已删除评价标准「${standard.name}」`);
      goToStandards({ tab: 'library' });
    } catch (error) {
      message.error(`未能删除：${errorText(error)}`);
    }
  };

  if (copySource) {
    return (
      <StandardEditor
        key={`copy-${copySource.id}`}
        standard={copySource}
        copy
        onDone={(saved) => {
          setCopying(undefined);
          if (saved) goToStandards({ tab: 'library', standardId: saved.id });
        }}
      />
    );
  }

  if (selected && route.editing && !selected.builtInKey) {
    return (
      <StandardEditor
        key={selected.id}
        standard={selected}
        onDone={(saved) => goToStandards({ tab: 'library', standardId: saved?.id ?? selected.id })}
      />
    );
  }

  return (
    <Flex gap={16} wrap align="start">
      <Card title="评价标准" size="small" style={{ width: 320 }}>
        <List
          dataSource={standards}
          renderItem={(s) => (
            <List.Item>
              <Flex vertical gap={2}>
                <a
                  href={standardsHref({ tab: 'library', standardId: s.id })}
                  aria-current={s.id === selected?.id || undefined}
                >
                  {s.name}
                </a>
                <span>
                  {s.builtInKey ? <Tag color="red">内置</Tag> : <Tag>自定义</Tag>}
                  <Tag>第{s.version}版</Tag>
                </span>
              </Flex>
            </List.Item>
          )}
        />
      </Card>
      <div style={{ flex: 1, minWidth: 360 }}>
        {selected ? (
          <StandardDetails
            standard={selected}
            onCopy={() => setCopying({ sourceId: selected.id, at: here })}
            onDelete={() => remove(selected)}
          />
        ) : (
          <Empty description="请在左侧选择一个评价标准查看。内置标准不能直接修改，可“复制后修改”。" />
        )}
      </div>
    </Flex>
  );
}

interface DetailsProps {
  standard: Standard;
  onCopy: () => void;
  onDelete: () => Promise<void>;
}

function StandardDetails({ standard, onCopy, onDelete }: Readonly<DetailsProps>) {
  return (
    <Card
      title={`${standard.name}（第${standard.version}版）`}
      extra={
        <Flex gap={8}>
          <Button icon={<CopyOutlined />} onClick={onCopy}>
            复制后修改
          </Button>
          {!standard.builtInKey && (
            <Button
              icon={<EditOutlined />}
              onClick={() => goToStandards({ tab: 'library', standardId: standard.id, editing: true })}
            >
              修改
            </Button>
          )}
          {!standard.builtInKey && (
            <Popconfirm
              title={`删除评价标准「${standard.name}」？`}
              description="删除后不能恢复。已有考评采用的标准不能删除。"
              okText="删除"
              okButtonProps={{ danger: true }}
              cancelText="取消"
              onConfirm={onDelete}
            >
              <Button danger icon={<DeleteOutlined />}>
                删除
              </Button>
            </Popconfirm>
          )}
        </Flex>
      }
    >
      {standard.description && <Typography.Paragraph>{standard.description}</Typography.Paragraph>}
      <Descriptions
        size="small"
        column={2}
        items={[
          { key: 'total', label: '总分', children: `${formatScore(standard.totalScore)} 分` },
          {
            key: 'grades',
            label: '等次',
            children: standard.grades.map((g) => `${g.label} ≥ ${formatScore(g.minScore)}`).join('；'),
          },
        ]}
        style={{ marginBottom: 16 }}
      />
      <Table
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={standard.items}
        columns={[
          { title: '编号', dataIndex: 'code', width: 64 },
          { title: '评价维度', dataIndex: 'dimension', width: 150 },
          { title: '评价内容', dataIndex: 'content' },
          {
            title: '计分方法',
            render: (_, item) => (item.rule.kind === 'manual' ? item.method || '人工评分' : ruleText(item.rule)),
          },
          { title: '满分', width: 64, render: (_, item) => formatScore(item.maxScore) },
        ]}
      />
    </Card>
  );
}
