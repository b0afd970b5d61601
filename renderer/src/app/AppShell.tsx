// The window's frame: header with the app name, a running backup or check (DataJobStatus) and the branch switcher;
// the section menu on the left, the page (under any warning about the PC's clock or time zone), a footer. The focus
// goes to a new view's heading when the view it was in is replaced (focusRecovery.ts).
import { Flex, Grid, Layout, Menu, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useBranches } from '../features/branch/useBranches';
import { DataJobStatus } from '../features/data-safety/DataJobStatus';
import { LeaveConfirm } from '../ui/LeaveConfirm';
import { BranchSwitcher } from './BranchSwitcher';
import { ClockNotices } from './ClockNotices';
import { watchFocusLoss } from './focusRecovery';
import { HostFooter } from './HostFooter';
import { ROUTE_KEYS } from './routeKeys';
import { ROUTES } from './routes';
import { navigate, useHashRoute } from './useHashRoute';
import { THEME_PRIMARY } from './providers';

const HEADER_HEIGHT = 64;

/**
 * The menu's width: 200 px, and 160 px (its longest label, 各支部概览, still in full) in a window under 768 CSS px —
 * the 1024-px window at 150 % zoom is 683 — so that the page keeps room for its tables.
 */
const MENU_WIDTH = { wide: 200, narrow: 160 };

const menuItem = (key: (typeof ROUTE_KEYS)[number]) => ({ key, icon: ROUTES[key].icon, label: ROUTES[key].label });
const singleBranchMenu = ROUTE_KEYS.filter((key) => !ROUTES[key].multiBranch).map(menuItem);
const multiBranchMenu = ROUTE_KEYS.map(menuItem);

export function AppShell() {
  const route = useHashRoute();
  // 各支部概览 is offered once there is more than one branch to compare.
  const branches = useBranches();
  const menuItems = (branches?.length ?? 0) >= 2 ? multiBranchMenu : singleBranchMenu;
  const narrow = Grid.useBreakpoint().md === false;
  const main = useRef<HTMLElement>(null);
  useEffect(() => (main.current ? watchFocusLoss(main.current) : undefined), []);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          gap: 16,
          background: THEME_PRIMARY,
          color: '#fff',
          paddingInline: 24,
          height: HEADER_HEIGHT,
          // Header and menu stay in view while a long form scrolls, as in desktop office software.
          position: 'sticky',
          top: 0,
          // Above what scrolls under it: antd 6 stacks a table's fixed column and sticky titles at twice the number of
          // columns plus 3 (29 on 各支部概览's 13 columns), which painted rows over the header and took its clicks.
          // Below antd's popups (1000 and up), so the 当前支部 list and messages still show over it.
          zIndex: 100,
        }}
      >
        <Typography.Title level={1} style={{ color: '#fff', fontSize: 20, margin: 0, whiteSpace: 'nowrap' }}>
          支部标准化台账
        </Typography.Title>
        <Flex align="center" gap={16}>
          <DataJobStatus />
          <BranchSwitcher />
        </Flex>
      </Layout.Header>
      <Layout>
        {/* Always with its labels: at 131 % zoom and more (a window under 992 CSS px) it used to fold into nine bare
            icons, named only by a mouse tooltip, and a keyboard user could not tell 活动阵地 from 卷宗导出. */}
        <Layout.Sider
          width={narrow ? MENU_WIDTH.narrow : MENU_WIDTH.wide}
          theme="light"
          style={{
            borderInlineEnd: '1px solid #f0f0f0',
            position: 'sticky',
            top: HEADER_HEIGHT,
            height: `calc(100vh - ${HEADER_HEIGHT}px)`,
            overflow: 'auto',
          }}
        >
          <nav aria-label="功能导航">
            <Menu
              mode="inline"
              selectedKeys={[route]}
              items={menuItems}
              onClick={({ key }) => navigate(key as (typeof ROUTE_KEYS)[number])}
              style={{ borderInlineEnd: 'none', paddingTop: 8 }}
            />
          </nav>
        </Layout.Sider>
        <Layout>
          <Layout.Content ref={main} style={{ padding: narrow ? 16 : 24 }}>
            <ClockNotices />
            {ROUTES[route].render()}
          </Layout.Content>
          <LeaveConfirm />
          <Layout.Footer style={{ textAlign: 'center', padding: '12px 24px' }}>
            <HostFooter />
          </Layout.Footer>
        </Layout>
      </Layout>
    </Layout>
  );
}
