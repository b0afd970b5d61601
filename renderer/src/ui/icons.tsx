// The icons the app uses, and those antd draws inside its controls, made decorative. @ant-design/icons names each one
// in English (role="img", aria-label="edit"), so a screen reader read a button as 「edit 编辑」 and a menu item as
// 「dashboard 工作台」; every icon sits beside a Chinese label that already says what it means, so it is hidden from
// assistive technology. Import icons from this module, not from '@ant-design/icons' (ESLint enforces it).
import AntdIcon from '@ant-design/icons/es/components/AntdIcon';
import AntdIconLight from '@ant-design/icons/es/components/AntdIconLight';
import {
  ApartmentOutlined as ApartmentOutlinedIcon,
  ArrowLeftOutlined as ArrowLeftOutlinedIcon,
  AuditOutlined as AuditOutlinedIcon,
  CalendarOutlined as CalendarOutlinedIcon,
  CheckOutlined as CheckOutlinedIcon,
  CloseCircleFilled as CloseCircleFilledIcon,
  CloseOutlined as CloseOutlinedIcon,
  CloudDownloadOutlined as CloudDownloadOutlinedIcon,
  CopyOutlined as CopyOutlinedIcon,
  DashboardOutlined as DashboardOutlinedIcon,
  DatabaseOutlined as DatabaseOutlinedIcon,
  DeleteOutlined as DeleteOutlinedIcon,
  DownloadOutlined as DownloadOutlinedIcon,
  EditOutlined as EditOutlinedIcon,
  EllipsisOutlined as EllipsisOutlinedIcon,
  EnvironmentOutlined as EnvironmentOutlinedIcon,
  ExportOutlined as ExportOutlinedIcon,
  EyeOutlined as EyeOutlinedIcon,
  FilePdfOutlined as FilePdfOutlinedIcon,
  FilterFilled as FilterFilledIcon,
  LeftOutlined as LeftOutlinedIcon,
  LoadingOutlined as LoadingOutlinedIcon,
  LockOutlined as LockOutlinedIcon,
  LogoutOutlined as LogoutOutlinedIcon,
  PlusOutlined as PlusOutlinedIcon,
  PrinterOutlined as PrinterOutlinedIcon,
  ReadOutlined as ReadOutlinedIcon,
  ReloadOutlined as ReloadOutlinedIcon,
  SafetyCertificateOutlined as SafetyCertificateOutlinedIcon,
  StopOutlined as StopOutlinedIcon,
  UndoOutlined as UndoOutlinedIcon,
  UploadOutlined as UploadOutlinedIcon,
  WarningOutlined as WarningOutlinedIcon,
} from '@ant-design/icons';
import { forwardRef, type ComponentProps, type ComponentType, type ReactNode, type Ref } from 'react';

type IconProps = ComponentProps<typeof EditOutlinedIcon>;

/**
 * An icon is decorative, hidden from assistive technology, unless it is given an aria-label of its own: then it is an
 * image of that (Chinese) name, for a control whose only content is the icon (<CloseCircleFilled aria-label="清除" />
 * names an input's clear button).
 */
function accessibility(props: Readonly<{ 'aria-label'?: unknown }>) {
  return props['aria-label'] == null
    ? { role: undefined, 'aria-label': undefined, 'aria-hidden': true }
    : { role: 'img', 'aria-hidden': undefined };
}

// antd draws icons of its own inside its controls — the arrow and search glass of a select, the cross of a clear
// button, the icon of an alert, a toast, a Popconfirm or a finished step — with @ant-design/icons too, so they were
// read out in English as well (「down」「close-circle」「check-circle」「exclamation-circle」), and neither the zh_CN locale
// nor a ConfigProvider setting reaches all of them. Every icon is drawn by AntdIconLight (AntdIcon for the two-tone
// ones), forwardRef objects whose `render` React looks up on every render, so those are wrapped here, once, before
// the app renders (AppProviders imports this module). In the browser antd and this module share the ES build of
// @ant-design/icons; under Vitest antd loads the CommonJS build, which this does not reach, so there only
// test/renderer/ui/icons.test.tsx sees it (and fails if a newer @ant-design/icons stops being built this way);
// test/e2e/no-english.spec.ts checks antd's own icons in Chromium.
type IconRender = (props: Readonly<Record<string, unknown>>, ref: Ref<HTMLSpanElement>) => ReactNode;
for (const drawer of [AntdIcon, AntdIconLight] as unknown as { render?: IconRender }[]) {
  const renderEnglishNamed = drawer.render;
  if (renderEnglishNamed) {
    drawer.render = (props, ref) => renderEnglishNamed({ ...props, ...accessibility(props) }, ref);
  }
}

function decorative(Icon: ComponentType<IconProps>) {
  const Decorative = forwardRef<HTMLSpanElement, IconProps>((props, ref) => (
    <Icon {...props} {...accessibility(props)} ref={ref} />
  ));
  Decorative.displayName = `Decorative(${Icon.displayName ?? 'Icon'})`;
  return Decorative;
}

export const ApartmentOutlined = decorative(ApartmentOutlinedIcon);
export const ArrowLeftOutlined = decorative(ArrowLeftOutlinedIcon);
export const AuditOutlined = decorative(AuditOutlinedIcon);
export const CalendarOutlined = decorative(CalendarOutlinedIcon);
export const CheckOutlined = decorative(CheckOutlinedIcon);
export const CloseCircleFilled = decorative(CloseCircleFilledIcon);
export const CloseOutlined = decorative(CloseOutlinedIcon);
export const CloudDownloadOutlined = decorative(CloudDownloadOutlinedIcon);
export const CopyOutlined = decorative(CopyOutlinedIcon);
export const DashboardOutlined = decorative(DashboardOutlinedIcon);
export const DatabaseOutlined = decorative(DatabaseOutlinedIcon);
export const DeleteOutlined = decorative(DeleteOutlinedIcon);
export const DownloadOutlined = decorative(DownloadOutlinedIcon);
export const EditOutlined = decorative(EditOutlinedIcon);
export const EllipsisOutlined = decorative(EllipsisOutlinedIcon);
export const EnvironmentOutlined = decorative(EnvironmentOutlinedIcon);
export const ExportOutlined = decorative(ExportOutlinedIcon);
export const EyeOutlined = decorative(EyeOutlinedIcon);
export const FilePdfOutlined = decorative(FilePdfOutlinedIcon);
export const FilterFilled = decorative(FilterFilledIcon);
export const LeftOutlined = decorative(LeftOutlinedIcon);
export const LoadingOutlined = decorative(LoadingOutlinedIcon);
export const LockOutlined = decorative(LockOutlinedIcon);
export const LogoutOutlined = decorative(LogoutOutlinedIcon);
export const PlusOutlined = decorative(PlusOutlinedIcon);
export const PrinterOutlined = decorative(PrinterOutlinedIcon);
export const ReadOutlined = decorative(ReadOutlinedIcon);
export const StopOutlined = decorative(StopOutlinedIcon);
export const ReloadOutlined = decorative(ReloadOutlinedIcon);
export const SafetyCertificateOutlined = decorative(SafetyCertificateOutlinedIcon);
export const UndoOutlined = decorative(UndoOutlinedIcon);
export const UploadOutlined = decorative(UploadOutlinedIcon);
export const WarningOutlined = decorative(WarningOutlinedIcon);
