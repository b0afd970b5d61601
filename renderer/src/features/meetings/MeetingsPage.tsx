// 工作记录: the list (filters, search, 加载更多) or calendar of a branch's records, one record, or a new record's form.
import { Alert, Flex, Typography } from 'antd';
import { useEffect } from 'react';
import { chinaToday } from '../../../../shared/schemas/common';
import type { Branch } from '../../../../shared/schemas';
import type { MeetingFilter } from '../../db/repositories/meetings';
import { Loading } from '../../ui/Loading';
import { useCurrentBranch } from '../branch/useCurrentBranch';
import { MeetingForm } from './MeetingForm';
import { MeetingView } from './MeetingView';
import { goToRecords, ownFilter, recordsHref, recordsViewFromHash, useRecordsHash } from './recordsRoute';
import { RecordList } from './RecordList';
import { useRoster } from './useRoster';
import { useVenueChoices } from './useVenueChoices';

const heading = (
  <Typography.Title level={2} id="page-title" style={{ margin: 0 }}>
    工作记录
  </Typography.Title>
);

export function MeetingsPage() {
  const branch = useCurrentBranch();
  if (branch === undefined) return <Loading />;
  if (branch === null) {
    return (
      <section aria-labelledby="page-title">
        {heading}
        <Alert
          type="info"
          showIcon
          title="还没有支部，请先在“支部概况”中填写支部的基本情况"
          style={{ marginTop: 16 }}
        />
      </section>
    );
  }
  // Keyed by branch: switching branches starts from a clean list and drops a half-typed form (after the leave
  // guard's question: see useSwitchBranch).
  return <BranchRecords key={branch.id} branch={branch} />;
}

/**
 * The date a new record starts on: today, unless 新建记录 was pressed on a list of another year (补录 of a past year:
 * today would be the wrong year, and a date typed over it too easily left as it was) — then none, to be chosen.
 */
export function newRecordDate(list: MeetingFilter | undefined): string | undefined {
  const today = chinaToday();
  return list?.year !== undefined && list.year !== Number(today.slice(0, 4)) ? undefined : today;
}

function BranchRecords({ branch }: Readonly<{ branch: Branch }>) {
  const hash = useRecordsHash();
  const route = recordsViewFromHash(hash);
  const members = useRoster(branch.id);
  const venues = useVenueChoices(branch.id);
  // A 人员 or 阵地 in the list's filter that this branch does not have (the address outlived a branch switch) is
  // dropped, from the address too, rather than shown as an id over an empty list.
  const listFilter = route.view === 'list' ? (route.filter ?? {}) : undefined;
  const filter =
    listFilter && members && venues
      ? ownFilter(listFilter, new Set(members.map((m) => m.id)), new Set(venues.map((v) => v.id)))
      : undefined;
  const listPlace = route.view === 'list' ? { pages: route.pages, at: route.at } : {};
  const droppedHref = filter && filter !== listFilter ? recordsHref({ view: 'list', filter, ...listPlace }) : undefined;
  useEffect(() => {
    // Replaced, as RecordList writes the filter: back leaves the list.
    if (droppedHref) window.location.replace(droppedHref);
  }, [droppedHref]);
  if (members === undefined || venues === undefined) return <Loading />;

  if (route.view === 'new') {
    return (
      <section aria-labelledby="page-title">
        <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
          {heading}
        </Flex>
        <Typography.Title level={3}>新建工作记录</Typography.Title>
        {/* Keyed by the hash: a second 补录 link opens a fresh form with its own kind and date. */}
        <MeetingForm
          key={hash}
          branch={branch}
          members={members}
          venues={venues}
          initialKind={route.kind}
          initialDate={route.date ?? newRecordDate(route.list)}
          initialScope={{ partyGroupId: route.group, talkParty: route.party }}
          onSaved={(m) => goToRecords({ view: 'show', id: m.id, list: route.list, pages: route.pages })}
          onCancel={() => goToRecords({ view: 'list' })}
        />
      </section>
    );
  }
  if (route.view === 'show') {
    return (
      <section aria-labelledby="page-title">
        <div style={{ marginBottom: 16 }}>{heading}</div>
        <MeetingView key={route.id} id={route.id} branch={branch} members={members} venues={venues} />
      </section>
    );
  }
  return (
    <RecordList
      heading={heading}
      branch={branch}
      members={members}
      venues={venues}
      filter={filter ?? {}}
      pages={route.pages ?? 1}
      at={route.at}
    />
  );
}
