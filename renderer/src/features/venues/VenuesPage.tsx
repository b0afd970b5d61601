// 活动阵地: the current branch's venues (七有 progress, next re-check), and the pages of one venue. A venue of another
// branch (the address outlived a switch of the current branch) is not shown or edited here: OtherBranchNotice says
// whose it is.
import { PlusOutlined } from '../../ui/icons';
import { Alert, Button, Card, Col, Descriptions, Empty, Flex, Progress, Row, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { chinaToday, SEVEN_HAVES_NOT_APPLICABLE, sevenHavesApply, type Branch } from '../../../../shared/schemas';
import { sevenHavesProgress } from '../../db/repositories/venues';
import { OtherBranchNotice } from '../branch/OtherBranchNotice';
import { useCurrentBranch } from '../branch/useCurrentBranch';
import { Loading } from '../../ui/Loading';
import { dueState, overdueLabel } from './venueDisplay';
import { VenueForm } from './VenueForm';
import { VenueView } from './VenueView';
import { goToVenues, useVenueRoute, venueHref, type VenueRoute } from './venueRoute';
import { useVenue } from './useVenue';
import { useVenues } from './useVenues';
import { areaText, capacityText } from '../../../../shared/domain/venueText';

export function VenuesPage() {
  const branch = useCurrentBranch();
  const route = useVenueRoute();

  const page = (content: ReactNode, action?: ReactNode) => (
    <section aria-labelledby="page-title">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={2} id="page-title" style={{ margin: 0 }}>
          活动阵地
        </Typography.Title>
        {action}
      </Flex>
      {content}
    </section>
  );

  if (branch === undefined) return page(<Loading />);
  if (branch === null) {
    return page(
      <Alert
        type="info"
        showIcon
        title="还没有支部"
        description={
          <>
            请先在
            <Typography.Link href="#/branch" underline>
              支部概况
            </Typography.Link>
            中填写支部的基本情况，再登记活动阵地。
          </>
        }
      />,
    );
  }

  // Keyed by branch, as 工作记录 is: a switch (asked first when a form has edits) drops a half-typed form, which would
  // otherwise be saved into whichever branch is current at 保存.
  return <BranchVenues key={branch.id} branch={branch} route={route} page={page} />;
}

interface BranchVenuesProps {
  branch: Branch;
  route: VenueRoute;
  page: (content: ReactNode, action?: ReactNode) => ReactNode;
}

function BranchVenues({ branch, route, page }: Readonly<BranchVenuesProps>) {
  switch (route.view) {
    case 'new':
      return page(
        <>
          <Typography.Title level={3}>新增阵地</Typography.Title>
          <VenueForm
            branchId={branch.id}
            onSaved={(venue) => goToVenues({ view: 'venue', id: venue.id })}
            onCancel={() => goToVenues({ view: 'list' })}
          />
        </>,
      );
    case 'edit':
      return page(<EditVenue branchId={branch.id} venueId={route.id} />);
    case 'venue':
      return page(<VenueView key={route.id} venueId={route.id} />);
    case 'list':
      return page(
        <VenueList branch={branch} />,
        <Button type="primary" icon={<PlusOutlined />} onClick={() => goToVenues({ view: 'new' })}>
          新增阵地
        </Button>,
      );
  }
}

function EditVenue({ branchId, venueId }: Readonly<{ branchId: string; venueId: string }>) {
  const details = useVenue(venueId);
  if (details === undefined) return <Loading />;
  if (details === null) return <Empty description="找不到该阵地，可能已被删除" />;
  if (details.venue.branchId !== branchId) {
    return (
      <OtherBranchNotice
        branchId={details.venue.branchId}
        what="该阵地"
        backLabel="返回本支部阵地列表"
        onBack={() => goToVenues({ view: 'list' })}
      />
    );
  }
  return (
    <>
      <Typography.Title level={3}>编辑：{details.venue.name}</Typography.Title>
      <VenueForm
        key={venueId}
        branchId={branchId}
        venue={details.venue}
        onSaved={() => goToVenues({ view: 'venue', id: venueId })}
        onCancel={() => goToVenues({ view: 'venue', id: venueId })}
      />
    </>
  );
}

function VenueList({ branch }: Readonly<{ branch: Branch }>) {
  const today = chinaToday();
  const overview = useVenues(branch.id, today);
  if (overview === undefined) return <Loading />;
  const { venues, latestChecks, due } = overview;

  if (venues.length === 0) {
    // The 新增阵地 button is in the page header, right above.
    return (
      <Empty description="尚未登记活动阵地。登记党员活动室、党建宣传栏等阵地后，可按“七有”标准逐项核对并附照片。" />
    );
  }

  const names = new Map(venues.map((v) => [v.id, v.name]));
  return (
    <>
      {due.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={`有 ${due.length} 处阵地到期需要复查`}
          description={due
            .map((check) => `${names.get(check.venueId) ?? '未知阵地'}（${check.nextDueDate}）`)
            .join('、')}
          style={{ marginBottom: 16 }}
        />
      )}
      <Row gutter={[16, 16]}>
        {venues.map((venue) => {
          const progress = sevenHavesProgress(venue);
          const next = dueState(latestChecks.get(venue.id)?.nextDueDate, today);
          return (
            <Col key={venue.id} xs={24} md={12} xl={8}>
              <Card
                title={
                  <a href={venueHref({ view: 'venue', id: venue.id })} aria-label={`查看阵地 ${venue.name}`}>
                    {venue.name}
                  </a>
                }
                extra={<Tag>{venue.kind}</Tag>}
              >
                <Descriptions
                  size="small"
                  column={1}
                  items={[
                    { key: 'area', label: '面积', children: areaText(venue.areaM2) },
                    { key: 'capacity', label: '容纳人数', children: capacityText(venue.capacity) },
                    { key: 'manager', label: '管理人', children: venue.manager || '未填写' },
                    {
                      key: 'seven',
                      label: '七有',
                      children: !sevenHavesApply(venue) ? (
                        <Typography.Text type="secondary">{SEVEN_HAVES_NOT_APPLICABLE}</Typography.Text>
                      ) : (
                        <Flex align="center" gap={8} style={{ width: '100%' }}>
                          <span>
                            {progress.done}/{progress.total}
                          </span>
                          <Progress
                            percent={Math.round((progress.done / progress.total) * 100)}
                            showInfo={false}
                            size="small"
                            style={{ flex: 1, margin: 0 }}
                            aria-label={`${venue.name} 七有 ${progress.done}/${progress.total}`}
                          />
                        </Flex>
                      ),
                    },
                    {
                      key: 'next',
                      label: '下次复查',
                      children: next ? (
                        <span>
                          {next.text} {next.overdue && <Tag color="red">{overdueLabel(next.text, today)}</Tag>}
                        </span>
                      ) : (
                        '未安排'
                      ),
                    },
                  ]}
                />
              </Card>
            </Col>
          );
        })}
      </Row>
    </>
  );
}
