// The icons the app uses, made decorative. @ant-design/icons names each one in English (role="img",
// aria-label="edit"), so a screen reader read a button as 「edit 编辑」 and a menu item as 「dashboard 工作台」; every
// icon here sits beside a Chinese label that already says what it means, so it is hidden from assistive technology.
// Import icons from this module, not from '@ant-design/icons' (ESLint enforces it).
import {
  ApartmentOutlined as ApartmentOutlinedIcon,
  ArrowLeftOutlined as ArrowLeftOutlinedIcon,
  AuditOutlined as AuditOutlinedIcon,
  CalendarOutlined as CalendarOutlinedIcon,
  CheckOutlined as CheckOutlinedIcon,
  CloudDownloadOutlined as CloudDownloadOutlinedIcon,
  CopyOutlined as CopyOutlinedIcon,
  DashboardOutlined as DashboardOutlinedIcon,
  DatabaseOutlined as DatabaseOutlinedIcon,
  DeleteOutlined as DeleteOutlinedIcon,
  DownloadOutlined as DownloadOutlinedIcon,
  EditOutlined as EditOutlinedIcon,
  EnvironmentOutlined as EnvironmentOutlinedIcon,
  ExportOutlined as ExportOutlinedIcon,
  EyeOutlined as EyeOutlinedIcon,
  FilePdfOutlined as FilePdfOutlinedIcon,
  LeftOutlined as LeftOutlinedIcon,
  LoadingOutlined as LoadingOutlinedIcon,
  LockOutlined as LockOutlinedIcon,
  LogoutOutlined as LogoutOutlinedIcon,
  PlusOutlined as PlusOutlinedIcon,
  PrinterOutlined as PrinterOutlinedIcon,
  ReadOutlined as ReadOutlinedIcon,
  ReloadOutlined as ReloadOutlinedIcon,
  SafetyCertificateOutlined as SafetyCertificateOutlinedIcon,
  UndoOutlined as UndoOutlinedIcon,
  UploadOutlined as UploadOutlinedIcon,
  WarningOutlined as WarningOutlinedIcon,
} from '@ant-design/icons';
import { forwardRef, type ComponentProps, type ComponentType } from 'react';

type IconProps = ComponentProps<typeof EditOutlinedIcon>;

function decorative(Icon: ComponentType<IconProps>) {
  const Decorative = forwardRef<HTMLSpanElement, IconProps>((props, ref) => (
    <Icon role={undefined} aria-label={undefined} aria-hidden {...props} ref={ref} />
  ));
  Decorative.displayName = `Decorative(${Icon.displayName ?? 'Icon'})`;
  return Decorative;
}

export const ApartmentOutlined = decorative(ApartmentOutlinedIcon);
export const ArrowLeftOutlined = decorative(ArrowLeftOutlinedIcon);
export const AuditOutlined = decorative(AuditOutlinedIcon);
export const CalendarOutlined = decorative(CalendarOutlinedIcon);
export const CheckOutlined = decorative(CheckOutlinedIcon);
export const CloudDownloadOutlined = decorative(CloudDownloadOutlinedIcon);
export const CopyOutlined = decorative(CopyOutlinedIcon);
export const DashboardOutlined = decorative(DashboardOutlinedIcon);
export const DatabaseOutlined = decorative(DatabaseOutlinedIcon);
export const DeleteOutlined = decorative(DeleteOutlinedIcon);
export const DownloadOutlined = decorative(DownloadOutlinedIcon);
export const EditOutlined = decorative(EditOutlinedIcon);
export const EnvironmentOutlined = decorative(EnvironmentOutlinedIcon);
export const ExportOutlined = decorative(ExportOutlinedIcon);
export const EyeOutlined = decorative(EyeOutlinedIcon);
export const FilePdfOutlined = decorative(FilePdfOutlinedIcon);
export const LeftOutlined = decorative(LeftOutlinedIcon);
export const LoadingOutlined = decorative(LoadingOutlinedIcon);
export const LockOutlined = decorative(LockOutlinedIcon);
export const LogoutOutlined = decorative(LogoutOutlinedIcon);
export const PlusOutlined = decorative(PlusOutlinedIcon);
export const PrinterOutlined = decorative(PrinterOutlinedIcon);
export const ReadOutlined = decorative(ReadOutlinedIcon);
export const ReloadOutlined = decorative(ReloadOutlinedIcon);
export const SafetyCertificateOutlined = decorative(SafetyCertificateOutlinedIcon);
export const UndoOutlined = decorative(UndoOutlinedIcon);
export const UploadOutlined = decorative(UploadOutlinedIcon);
export const WarningOutlined = decorative(WarningOutlinedIcon);
