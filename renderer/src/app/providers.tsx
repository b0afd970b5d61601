// Everything the UI runs inside: antd in Chinese (zh_CN, dayjs zh-cn, its pickers' today in Beijing time), the app
// theme, and antd's App context.
import { CloseOutlined, EllipsisOutlined, LoadingOutlined } from '../ui/icons';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import '../ui/chinaDayjs';
import type { ReactNode } from 'react';
import './fonts.css';
import './fallbackFonts.css';
import './global.css';

dayjs.locale('zh-cn');

/** Party red as the accent, as on the paper 党支部工作手册; the rest stays antd's calm office defaults. */
export const THEME_PRIMARY = '#b71c1c';

/**
 * The keyboard focus mark: near-black, 16:1 on white and 15:1 on the page grey. antd drew it from Party red: a 3-px
 * pink outline on buttons and menu items (2.4:1), and on fields a red border with a 9 % glow, which looked exactly like
 * a field in error — an older user could not tell 「where am I」 from 「what did I do wrong」.
 */
const FOCUS_MARK = '#1f1f1f';

/** A field's focus ring (fields, selects, date pickers, number boxes): a dark border and a 2-px ring round it. */
const FIELD_FOCUS = { activeBorderColor: FOCUS_MARK, activeShadow: `0 0 0 2px ${FOCUS_MARK}` };

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
            "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Noto Sans SC', 'WenQuanYi Micro Hei', 'Branch Ledger Sans', 'Branch Ledger Rare', sans-serif",
          // Paths shown as code (数据文件夹, the start-up screen's recovery steps) hold Chinese: a 书记's account name,
          // 「损坏」. antd's monospace stack has no Chinese font, so where none is installed they were empty boxes.
          fontFamilyCode:
            "'SFMono-Regular', Consolas, 'Liberation Mono', Menlo, Courier, 'Microsoft YaHei', 'Noto Sans CJK SC', 'Branch Ledger Sans', monospace",
          // Text in a status colour is read by older eyes: at least 4.5:1 on white and on the page grey. antd's
          // #faad14 (工作台's 复查即将到期, 尚未定稿) was 1.9:1, #52c41a 2.3:1, #ff4d4f 3.3:1, the grey of secondary
          // text and of 描述 labels 3.4:1. Icons, bars and borders keep antd's hues, error red aside (its messages
          // are text).
          colorError: '#cf1322',
          colorWarningText: '#ad4e00',
          colorSuccessText: '#237804',
          colorTextDescription: 'rgba(0, 0, 0, 0.6)',
          colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
          // The tags' text (已定稿 green, 补录 orange) on their pale ground: 3.4:1 and 3.3:1 in antd's shades.
          // (Both spellings: the CSS variable is written from whichever comes last.)
          green7: '#237804',
          'green-7': '#237804',
          orange7: '#ad4e00',
          'orange-7': '#ad4e00',
          // A placeholder is text too, and some say what an empty select means (操作日志's 「全部」) or how to type a
          // date (格式：2025-12-26): 4.7:1 rather than 1.8:1, still well apart from typed text and a disabled box.
          colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
          // Focus (FOCUS_MARK): antd's outline of buttons, links, tabs, menu items, checkboxes and switches, and the
          // ring of radios and of a field in error (red border, dark ring: both states at once, each its own).
          colorPrimaryBorder: FOCUS_MARK,
          lineWidthFocus: 2,
          controlOutline: FOCUS_MARK,
          controlOutlineWidth: 2,
          colorErrorOutline: FOCUS_MARK,
          colorWarningOutline: FOCUS_MARK,
        },
        components: {
          Input: FIELD_FOCUS,
          InputNumber: FIELD_FOCUS,
          Select: { activeBorderColor: FOCUS_MARK },
          DatePicker: FIELD_FOCUS,
          // antd draws a 2-px shadow under solid buttons in the focus colour: not a focus mark, and dark now.
          Button: { primaryShadow: 'none', dangerShadow: 'none' },
          // 「七有 7/7」: a finished progress writes its text in the success colour.
          Progress: { colorSuccess: '#237804' },
          // A status tag (已具备, 已完成, 进行中) writes its text in the status colour itself, on a pale ground.
          Tag: { colorSuccess: '#237804', colorInfo: '#0958d9', colorWarning: '#ad4e00', colorError: '#cf1322' },
          // An empty table says so (还没有……记录) in the disabled grey, 1.8:1: it is a sentence to read. (An empty
          // List, whose Spin resets the variable, is in global.css.)
          Table: { colorTextDisabled: 'rgba(0, 0, 0, 0.6)' },
        },
      }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
