// 机关文化: 单位有精神、科室有理念、人人有格言 shown together; edited in 支部概况 and the 党员名册, not here.
import { Card, Descriptions, List, Typography } from 'antd';
import type { Branch, Member } from '../../../../shared/schemas';

interface Props {
  branch: Branch;
  members: readonly Member[];
  /** The one-line version at the top of the campaign tab. */
  compact?: boolean;
}

const NOT_FILLED = '未填写（在“支部概况”中填写）';

export function CultureCard({ branch, members, compact }: Readonly<Props>) {
  const mottos = members.filter((m) => !m.leftDate && m.motto);
  if (compact) {
    return (
      <Card size="small" title="机关文化" style={{ marginBottom: 16 }}>
        <Typography.Text>单位精神：{branch.unitSpirit || '未填写'}</Typography.Text>
        <Typography.Text style={{ marginInlineStart: 24 }}>
          科室理念：{branch.deptPhilosophy || '未填写'}
        </Typography.Text>
        <Typography.Text style={{ marginInlineStart: 24 }}>人人有格言：{mottos.length} 人已填写</Typography.Text>
      </Card>
    );
  }
  return (
    // 机关文化 as a heading under the page's h2, in the card title's own look; 人人有格言 under it, at its old size.
    <Card
      title={<h3 style={{ margin: 0, font: 'inherit', color: 'inherit' }}>机关文化</h3>}
      style={{ marginBottom: 16 }}
    >
      <Descriptions
        bordered
        column={1}
        items={[
          { key: 'spirit', label: '单位精神', children: branch.unitSpirit || NOT_FILLED },
          { key: 'philosophy', label: '科室理念', children: branch.deptPhilosophy || NOT_FILLED },
        ]}
      />
      <Typography.Title level={4} style={{ marginTop: 16, fontSize: 16 }}>
        人人有格言
      </Typography.Title>
      <div role="region" aria-label="人人有格言">
        {/* Three columns: a branch of 25 should not push the 学习/争创 tabs below the fold. */}
        <List
          size="small"
          grid={{ gutter: 16, xs: 1, md: 2, xl: 3 }}
          dataSource={mottos}
          locale={{ emptyText: '还没有党员填写格言（在“党员名册”中编辑党员时填写）' }}
          renderItem={(m) => (
            <List.Item style={{ marginBlockEnd: 4 }}>
              <Typography.Text strong>{m.name}</Typography.Text>：{m.motto}
            </List.Item>
          )}
        />
      </div>
    </Card>
  );
}
