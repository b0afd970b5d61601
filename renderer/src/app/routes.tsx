// The nine sections of the app: menu label, icon, and the page each one shows.
import {
  ApartmentOutlined,
  AuditOutlined,
  CalendarOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  EnvironmentOutlined,
  FilePdfOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { BranchPage } from '../features/branch/BranchPage';
import { MeetingsPage } from '../features/meetings/MeetingsPage';
import { VenuesPage } from '../features/venues/VenuesPage';
import { DataSafetyPage } from '../features/data-safety/DataSafetyPage';
import { DossierPage } from '../features/dossier/DossierPage';
import { ComingSoon } from '../ui/ComingSoon';
import { HomePage } from './HomePage';
import type { RouteKey } from './routeKeys';

export interface RouteDef {
  label: string;
  icon: ReactNode;
  render: () => ReactNode;
}

export const ROUTES: Record<RouteKey, RouteDef> = {
  home: { label: '工作台', icon: <DashboardOutlined />, render: () => <HomePage /> },
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
    render: () => (
      <ComingSoon
        title="领导责任"
        holds="按年度明确第一责任人、直接责任人、一岗双责和分管职责，列出任务清单、完成时限和完成佐证（关联到工作记录），记录书记述职及评议结果。"
      />
    ),
  },
  standards: {
    label: '评价标准',
    icon: <AuditOutlined />,
    render: () => (
      <ComingSoon
        title="评价标准"
        holds="内置“五好五强”和支部标准化规范化评价标准，可复制后按本单位要求调整；自评、上级评定和群众评议逐项打分，每一项得分都能追溯到支撑它的工作记录。"
      />
    ),
  },
  learning: {
    label: '学习与争创',
    icon: <ReadOutlined />,
    render: () => (
      <ComingSoon
        title="学习与争创"
        holds="记录党员“日阅一文、月写一篇、季读一本、半年一讲”的学习情况；管理“争做×先锋”争创活动的各个阶段，以及公开承诺、领导点评、群众评议、评选表彰；开展民主评议党员和“五带头五标兵”评选。"
      />
    ),
  },
  dossier: { label: '卷宗导出', icon: <FilePdfOutlined />, render: () => <DossierPage /> },
  security: {
    label: '数据安全',
    icon: <DatabaseOutlined />,
    render: () => <DataSafetyPage />,
  },
};
