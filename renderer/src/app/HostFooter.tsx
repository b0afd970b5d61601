// Footer line saying which build this is and where it runs (桌面版 or 在浏览器中运行), for support calls.
import { Typography } from 'antd';
import { useEffect, useState } from 'react';
import { getHost, HOST_KIND_LABELS, type HostInfo } from '../host/host';

export function HostFooter() {
  const [host] = useState(getHost);
  const [info, setInfo] = useState<HostInfo>();
  useEffect(() => {
    let live = true;
    host.appInfo().then(
      (i) => live && setInfo(i),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [host]);
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {info?.productName ?? '支部标准化台账'} · 版本 {info?.version ?? '…'} · {HOST_KIND_LABELS[host.kind]} ·
      数据仅保存在本机
    </Typography.Text>
  );
}
