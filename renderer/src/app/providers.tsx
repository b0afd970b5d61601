// Everything the UI runs inside: antd in Chinese (zh_CN, dayjs zh-cn), the app theme, and antd's App context.
import { CloseOutlined, EllipsisOutlined, LoadingOutlined } from '../ui/icons';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { ReactNode } from 'react';
import './fonts.css';

dayjs.locale('zh-cn');

/** Party red as the accent, as on the paper 党支部工作手册; the rest stays antd's calm office defaults. */
export const THEME_PRIMARY = '#b71c1c';

export function AppProviders({ children }: Readonly<{ children: ReactNode }>) {
  return (
    <ConfigProvider
      locale={zhCN}
      // antd would render 保存 as 「保 存」, which screen readers and text search then read as two words. A loading
      // icon of our own is shown and removed at once: antd's default one grows and shrinks with a CSS motion, and when
      // `loading` flips back within that motion (a save refused in a few milliseconds) the shrinking icon can stay in
      // the button for good, invisible but still read out — the button becomes 「loading 保存」 (ant-design#23888).
      button={{ autoInsertSpace: false, loadingIcon: <LoadingOutlined /> }}
      // Buttons that hold nothing but an antd icon were named by the icon's English (「close」, 「ellipsis」), and antd's
      // own icons are decorative now (ui/icons.tsx): a closable alert's cross and the tabs' overflow menu are named here.
      alert={{ closeIcon: <CloseOutlined aria-label="关闭" /> }}
      tabs={{ more: { icon: <EllipsisOutlined aria-label="更多标签页" /> } }}
      theme={{
        token: {
          colorPrimary: THEME_PRIMARY,
          colorLink: THEME_PRIMARY,
          borderRadius: 4,
          fontFamily:
            "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Noto Sans SC', 'WenQuanYi Micro Hei', 'Branch Ledger Sans', sans-serif",
        },
      }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
