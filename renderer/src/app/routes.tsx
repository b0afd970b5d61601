// The sections of the app: menu label, icon, and the page each one shows.
import {
  ApartmentOutlined,
  AuditOutlined,
  CalendarOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  EnvironmentOutlined,
  EyeOutlined,
  FilePdfOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
} from '../ui/icons';
import type { ReactNode } from 'react';
import { BranchPage } from '../features/branch/BranchPage';
import { MeetingsPage } from '../features/meetings/MeetingsPage';
import { VenuesPage } from '../features/venues/VenuesPage';
import { ResponsibilityPage } from '../features/responsibility/ResponsibilityPage';
import { DossierPage } from '../features/dossier/DossierPage';
import { LearningPage } from '../features/learning/LearningPage';
import { StandardsPage } from '../features/standards/StandardsPage';
import { DataSafetyPage } from '../features/data-safety/DataSafetyPage';
import { OverviewPage } from '../features/overview/OverviewPage';
import { HomePage } from './HomePage';
import type { RouteKey } from './routeKeys';

export interface RouteDef {
  label: string;
  icon: ReactNode;
  render: () => ReactNode;
  /** In the menu only when the installation keeps two or more branches (the 机关党委's view across them). */
  multiBranch?: boolean;
}

export const ROUTES: Record<RouteKey, RouteDef> = {
  home: { label: '工作台', icon: <DashboardOutlined />, render: () => <HomePage /> },
  overview: { label: '各支部概览', icon: <EyeOutlined />, render: () => <OverviewPage />, multiBranch: true },
  branch: { label: '支部概况', icon: <ApartmentOutlined />, render: () => <BranchPage /> },
  venues: {
    label: '活动阵地',
    icon: <EnvironmentOutlined />,
    render: () => <VenuesPage />,
  },
  records: {
    label: '工作记录',
    icon: <CalendarOutlined />,
    render: () => <MeetingsPage />,
  },
  responsibility: {
    label: '领导责任',
    icon: <SafetyCertificateOutlined />,
    render: () => <ResponsibilityPage />,
  },
  standards: {
    label: '评价标准',
    icon: <AuditOutlined />,
    render: () => <StandardsPage />,
  },
  learning: {
    label: '学习与争创',
    icon: <ReadOutlined />,
    render: () => <LearningPage />,
  },
  dossier: { label: '卷宗导出', icon: <FilePdfOutlined />, render: () => <DossierPage /> },
  security: {
    label: '数据安全',
    icon: <DatabaseOutlined />,
    render: () => <DataSafetyPage />,
  },
};
