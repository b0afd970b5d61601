// dayjs in Beijing time for antd's date pickers and calendar: their 今天 button and today's mark come from the picker's
// `getNow`, which is `dayjs().tz()` once the timezone plugin is loaded — the default zone set here. So on a PC in another
// time zone they name the same day as `chinaToday()`, which every form and list uses. Local dayjs objects (parsed dates)
// are untouched: only `.tz()` and `dayjs.tz()` read the default.
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.tz.setDefault('Asia/Shanghai');
