// A centred spinner for data that is still being read from the local database.
import { Flex, Spin } from 'antd';

export function Loading({ tip = '正在读取数据…' }: Readonly<{ tip?: string }>) {
  return (
    <Flex justify="center" align="center" style={{ minHeight: 200 }} role="status" aria-live="polite">
      <Spin />
      <span style={{ marginInlineStart: 12 }}>{tip}</span>
    </Flex>
  );
}
