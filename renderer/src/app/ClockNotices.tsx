// Warnings above every page when this PC's date cannot be trusted: a clock behind the ledger's own records (a flat
// CMOS battery, a reinstall), or a time zone other than Beijing time, in which the app's today and the taskbar's differ.
import { Alert, Button, Flex } from 'antd';
import { useEffect, useState } from 'react';
import { chinaToday } from '../../../shared/schemas/common';
import { useBranches } from '../features/branch/useBranches';
import { dayAheadOfClock, foreignTimeZone, ledgerReach, type LedgerReach } from './clockCheck';

/** localStorage: the time zone (offset and name) whose notice was answered with 不再提示. */
export const TIME_ZONE_NOTICE_KEY = 'branch-ledger.timeZoneNoticeDismissed';

/** How often the notices look at the clock again: they go once the date or time zone is corrected. */
const RECHECK_MS = 60_000;

const zoneKey = (zone: { offset: string; name: string }) => `${zone.offset} ${zone.name}`;

function storedDismissal(): string | null {
  try {
    return globalThis.localStorage?.getItem(TIME_ZONE_NOTICE_KEY) ?? null;
  } catch {
    return null;
  }
}

export function ClockNotices() {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), RECHECK_MS);
    return () => clearInterval(timer);
  }, []);

  // Read at start-up and again whenever the branches change — a restore replaces or adds them (覆盖全部 remounts the
  // whole shell): a few index keys and audit pages per branch, not on every save.
  const branches = useBranches();
  const branchesKey = branches?.map((b) => `${b.id} ${b.updatedAt}`).join('\n');
  const [reach, setReach] = useState<LedgerReach>();
  useEffect(() => {
    if (branchesKey === undefined) return;
    let current = true;
    ledgerReach().then(
      (r) => current && setReach(r),
      () => undefined, // A failed read is no reason to warn.
    );
    return () => {
      current = false;
    };
  }, [branchesKey]);
  const ahead = reach && dayAheadOfClock(reach, now);
  // Closed for this session only: the clock is still wrong at the next start.
  const [closedFor, setClosedFor] = useState<string>();

  const zone = foreignTimeZone(now);
  const [dismissed, setDismissed] = useState(storedDismissal);
  const dismissZone = () => {
    if (!zone) return;
    try {
      globalThis.localStorage?.setItem(TIME_ZONE_NOTICE_KEY, zoneKey(zone));
    } catch {
      // Not remembered: it is hidden for this session all the same.
    }
    setDismissed(zoneKey(zone));
  };

  const today = chinaToday(now);
  // 'UTC' or 'Etc/GMT+5' says no more than the offset.
  const named = zone && zone.name && !zone.name.startsWith('UTC') && !zone.name.startsWith('Etc/');
  return (
    <>
      {ahead && ahead !== closedFor && (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setClosedFor(ahead) }}
          style={{ marginBottom: 16 }}
          title={`本机日期为 ${today}，早于台账中最新的记录（${ahead}）`}
          description={
            `电脑的日期或时间不对（主板电池没电、重装系统后常见）。请先校正电脑的日期和时间：在任务栏右下角的时间上点右键，` +
            `选“调整日期和时间”。否则新记录会记成 ${today}，会议序号、年度统计和操作日志的时间都会出错。`
          }
        />
      )}
      {zone && dismissed !== zoneKey(zone) && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="电脑时区不是北京时间（UTC+8）"
          description={
            <Flex vertical gap={8} align="flex-start">
              <span>
                {`本机时区为 ${zone.offset}${named ? `（${zone.name}）` : ''}，比北京时间${zone.hours > 0 ? '慢' : '快'} ` +
                  `${Math.abs(zone.hours)} 小时。本软件按北京时间记日期和时间（今天是 ${today}），每天有一段时间与任务栏上的` +
                  `日期不同，操作日志的时间也与任务栏不符。请在 Windows 的“设置 → 时间和语言 → 日期和时间”中把时区改为` +
                  `“(UTC+08:00) 北京，重庆，香港特别行政区，乌鲁木齐”，再核对时间。`}
              </span>
              <Button size="small" onClick={dismissZone}>
                知道了，不再提示
              </Button>
            </Flex>
          }
        />
      )}
    </>
  );
}
