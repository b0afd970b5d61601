// The entries a 争创活动 step has added (领导点评, 评选表彰), one line each, and 删除 after a confirmation.
import { App, Button, List, Popconfirm } from 'antd';
import type { ReactNode } from 'react';

interface Props<T> {
  /** The region's name: the step's. */
  label: string;
  entries: readonly T[];
  emptyText: string;
  line: (entry: T) => ReactNode;
  /** What the confirmation asks before `entry` is deleted. */
  confirmTitle: (entry: T) => string;
  /** Deletes the entry at `index` of `entries`. */
  remove: (index: number) => Promise<unknown>;
  /** The message once it is deleted. */
  removedText: string;
}

export function EntryList<T>({
  label,
  entries,
  emptyText,
  line,
  confirmTitle,
  remove,
  removedText,
}: Readonly<Props<T>>) {
  const { message } = App.useApp();
  const removeAt = async (index: number) => {
    try {
      await remove(index);
      message.success(removedText);
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <div role="region" aria-label={label}>
      <List
        size="small"
        dataSource={entries.map((entry, index) => ({ entry, index }))}
        locale={{ emptyText }}
        renderItem={({ entry, index }) => (
          <List.Item
            actions={[
              <Popconfirm
                key="del"
                title={confirmTitle(entry)}
                okText="删除"
                cancelText="取消"
                onConfirm={() => removeAt(index)}
              >
                <Button size="small" danger>
                  删除
                </Button>
              </Popconfirm>,
            ]}
          >
            {line(entry)}
          </List.Item>
        )}
      />
    </div>
  );
}
