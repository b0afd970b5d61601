// One branch's year: its meetings (三会一课 and the rest, with attendance, text and photos), learning, 民主评议,
// responsibilities, 自评, campaign, venue re-checks and audit log. Every section draws from its own named random
// stream, so a section can be regenerated alone (each backup table is a separate pass) and always comes out the same.
import { FIVE_EXEMPLARS, LEARNING_KIND_NAMES, type MeetingKind } from '../../shared/domain/vocab';
import type {
  Assessment,
  Attendance,
  AuditEntry,
  Campaign,
  Learning,
  Meeting,
  MemberEvaluation,
  Responsibility,
  Standard,
  VenueCheck,
} from '../../shared/schemas/entities';
import { scoreFrequencyItem } from '../../shared/scoring/frequency';
import { addDays, addMinutes, addTime, chinaInstant, workday, ymd, zhDate } from './calendar';
import { ARTICLES, BOOKS, LEAVE_REASONS, OUTSIDE_GUESTS, SURNAMES, MALE_GIVEN, FEMALE_GIVEN } from './names';
import { Rng, stableId } from './random';
import { assemblyDate, membersOn, photoSerial, type BranchPlan, type MemberPlan, type PhotoPlan } from './roster';
import { standardFieldsOf } from './standard';
import {
  assemblyText,
  CAMPAIGN_THEME,
  committeeText,
  groupTalkText,
  groupText,
  lectureText,
  lifeMeetingText,
  type MeetingText,
  reviewText,
  studyText,
  talkText,
  themeDayText,
  themeOf,
  type TextContext,
} from './text';

/** A meeting as stored, before its derived index fields (computed only for the meetings table). */
export type PlannedMeeting = Omit<Meeting, 'attendeeIds' | 'terms'>;

interface Slot {
  kind: MeetingKind;
  date: string;
  /** Unique per kind within the year: the id is derived from it. */
  slotKey: string;
  groupId?: string;
  talk?: { a: MemberPlan; b?: MemberPlan; groupId?: string };
  lecturer?: MemberPlan;
}

const KIND_ORDER: readonly MeetingKind[] = [
  '支部党员大会',
  '支委会',
  '党课',
  '主题党日',
  '专题学习',
  '党小组会',
  '组织生活会',
  '民主评议党员',
  '谈心谈话',
];

const TIMES: Record<string, readonly [string, number]> = {
  支部党员大会: ['14:30', 120],
  支委会: ['09:00', 90],
  党小组会: ['16:00', 60],
  党课: ['14:30', 90],
  主题党日: ['14:00', 150],
  组织生活会: ['09:00', 180],
  民主评议党员: ['14:30', 120],
  谈心谈话: ['10:00', 40],
  专题学习: ['15:00', 90],
};

const OUTDOOR_PLACES = ['市革命烈士纪念馆', '市党史教育基地', '市廉政教育基地', '市宪法宣传教育馆'];

export interface MeetingSection {
  meetings: PlannedMeeting[];
  photos: PhotoPlan[];
  /** The meeting entered more than 7 days late (补录) and the finalised one amended afterwards. */
  backfilledId: string;
  amended: { id: string; at: string; reason: string };
}

/** What the other tables need of a year's meetings: kept across passes so the meetings are built only once. */
export type MeetingBrief = Pick<
  PlannedMeeting,
  'id' | 'kind' | 'date' | 'topic' | 'lecturer' | 'createdAt' | 'finalizedAt' | 'backfilled'
>;
export interface MeetingBriefs extends Omit<MeetingSection, 'meetings'> {
  meetings: MeetingBrief[];
}
/** Branch-year key → briefs. A few hundred bytes per meeting: small next to the meetings themselves. */
export type BriefCache = Map<string, MeetingBriefs>;

export class YearPlan {
  readonly key: string;
  private cache = new Map<string, unknown>();

  constructor(
    readonly branch: BranchPlan,
    readonly year: number,
    readonly standard: Standard,
    private readonly briefCache: BriefCache = new Map(),
  ) {
    this.key = `${branch.key}:y${year}`;
  }

  private memo<T>(name: string, make: () => T): T {
    if (!this.cache.has(name)) this.cache.set(name, make());
    return this.cache.get(name) as T;
  }

  private rng(section: string): Rng {
    return new Rng(`${this.key}:${section}`);
  }

  get isLastYear(): boolean {
    return this.year === this.branch.spec.toYear;
  }

  get isFirstYear(): boolean {
    return this.year === this.branch.spec.fromYear;
  }

  private role(role: string): MemberPlan {
    return this.branch.committee.find((c) => c.role === role)!.member;
  }

  /** 支委会 months deliberately left out: 4月 and 9月 in the kept branch's last year, a few at random elsewhere. */
  get missedCommitteeMonths(): number[] {
    return this.memo('missed', () => {
      if (this.branch.index === 0 && this.isLastYear) return [4, 9];
      const rng = this.rng('missed');
      const n = rng.chance(0.6) ? 0 : rng.chance(0.75) ? 1 : 2;
      return rng.sample([2, 3, 4, 5, 6, 7, 8, 9, 10, 11], n);
    });
  }

  /** 民主评议 grades: at most one third 优秀. */
  get grades(): Map<string, MemberEvaluation['grade']> {
    return this.memo('grades', () => {
      const rng = this.rng('grades');
      const people = membersOn(this.branch, ymd(this.year, 12, 20));
      const excellent = Math.min(Math.floor(people.length / 3), Math.floor(people.length * (0.2 + rng.next() * 0.13)));
      const shuffled = rng.shuffle(people);
      const grades = new Map<string, MemberEvaluation['grade']>();
      shuffled.forEach((p, i) => grades.set(p.row.id, i < excellent ? '优秀' : '合格'));
      if (rng.chance(0.15) && shuffled.length > excellent + 3)
        grades.set(shuffled[shuffled.length - 1]!.row.id, '基本合格');
      return grades;
    });
  }

  private slots(): Slot[] {
    const rng = this.rng('schedule');
    const y = this.year;
    const b = this.branch;
    const slots: Slot[] = [];
    for (let m = 1; m <= 12; m++) {
      if (!this.missedCommitteeMonths.includes(m))
        slots.push({ kind: '支委会', date: workday(y, m, rng.int(3, 8)), slotKey: `m${m}` });
      slots.push({ kind: '主题党日', date: workday(y, m, rng.int(18, 24)), slotKey: `m${m}` });
    }
    for (let q = 1; q <= 4; q++)
      slots.push({ kind: '支部党员大会', date: assemblyDate(b.key, y, q), slotKey: `q${q}` });
    for (const g of b.groups) {
      const skip = [rng.int(1, 2), rng.int(7, 8)];
      for (let m = 1; m <= 12; m++) {
        if (!skip.includes(m))
          slots.push({
            kind: '党小组会',
            date: workday(y, m, rng.int(10, 16)),
            slotKey: `${g.id}:m${m}`,
            groupId: g.id,
          });
      }
    }
    const secretary = this.role('书记');
    slots.push({ kind: '党课', date: workday(y, 6, rng.int(24, 28)), slotKey: 'secretary', lecturer: secretary });
    slots.push({
      kind: '党课',
      date: workday(y, 11, rng.int(10, 14)),
      slotKey: 'deputy',
      lecturer: this.role('副书记'),
    });
    slots.push({ kind: '专题学习', date: workday(y, 5, rng.int(12, 16)), slotKey: 'may' });
    slots.push({ kind: '专题学习', date: workday(y, 10, rng.int(14, 18)), slotKey: 'oct' });
    slots.push({ kind: '组织生活会', date: workday(y, 12, rng.int(15, 18)), slotKey: 'life' });
    slots.push({ kind: '民主评议党员', date: workday(y, 12, rng.int(22, 24)), slotKey: 'review' });
    // 谈心谈话 before the 组织生活会: the secretary with each committee member, each group leader with the group,
    // and the secretary with every 预备党员 of the year.
    for (const c of b.committee.slice(1)) {
      slots.push({
        kind: '谈心谈话',
        date: workday(y, 11, rng.int(17, 28)),
        slotKey: c.member.row.id,
        talk: { a: secretary, b: c.member },
      });
    }
    for (const g of b.groups) {
      slots.push({
        kind: '谈心谈话',
        date: workday(y, 12, rng.int(1, 10)),
        slotKey: g.id,
        talk: { a: g.leader, groupId: g.id },
      });
    }
    for (const p of b.members.filter(
      (m) => m.admitted && m.admitted.slice(0, 4) <= String(y) && (m.fullOn ?? '') > ymd(y, 1, 1),
    )) {
      const date = workday(y, 10, rng.int(8, 28));
      if (membersOn(b, date).includes(p))
        slots.push({ kind: '谈心谈话', date, slotKey: p.row.id, talk: { a: secretary, b: p } });
    }
    return slots.sort((a, c) =>
      a.date < c.date
        ? -1
        : a.date > c.date
          ? 1
          : KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(c.kind) || (a.slotKey < c.slotKey ? -1 : 1),
    );
  }

  get meetingSection(): MeetingSection {
    return this.memo('meetings', () => {
      const section = this.buildMeetings();
      if (!this.briefCache.has(this.key)) {
        const meetings = section.meetings.map(
          ({ id, kind, date, topic, lecturer, createdAt, finalizedAt, backfilled }) => ({
            id,
            kind,
            date,
            topic,
            lecturer,
            createdAt,
            finalizedAt,
            backfilled,
          }),
        );
        this.briefCache.set(this.key, { ...section, meetings });
      }
      return section;
    });
  }

  /** The year's meetings in brief: from the cache when the meetings table has been generated already. */
  get briefs(): MeetingBriefs {
    const cached = this.briefCache.get(this.key);
    if (cached) return cached;
    void this.meetingSection;
    return this.briefCache.get(this.key)!;
  }

  private buildMeetings(): MeetingSection {
    const b = this.branch;
    const slots = this.slots();
    const seqs = new Map<string, number>();
    const photos: PhotoPlan[] = [];
    const sparse = b.spec.photos === 'sparse';
    const pick = this.rng('special');
    const finalCandidates = slots
      .map((s, i) => ({ s, i }))
      .filter(({ s }) => s.date.slice(5, 7) >= '03' && s.date.slice(5, 7) <= '10');
    const backfilledIndex = pick.pick(finalCandidates).i;
    const amendedIndex = pick.pick(finalCandidates.filter(({ i }) => i !== backfilledIndex)).i;
    const draftIndexes = new Set<number>();
    if (this.isLastYear) {
      for (const kind of ['主题党日', '党小组会'] as const)
        draftIndexes.add(slots.map((s) => s.kind).lastIndexOf(kind));
    }
    let amended: MeetingSection['amended'] = { id: '', at: '', reason: '' };
    const meetings = slots.map((slot, index) => {
      // 党小组会 are numbered per 党小组 (schema v6, docs/data-model.md).
      const sequence = slot.kind === '党小组会' ? `${slot.kind} ${slot.groupId ?? ''}` : slot.kind;
      const seq = (seqs.get(sequence) ?? 0) + 1;
      seqs.set(sequence, seq);
      const id = stableId(this.key, 'meeting', slot.kind, slot.slotKey);
      const rng = new Rng(`${this.key}:meeting:${id}`);
      const meeting = this.buildMeeting(slot, id, seq, rng);
      const photoCount = this.photoCount(slot, rng, sparse);
      for (let i = 0; i < photoCount; i++) {
        const photo: PhotoPlan = {
          id: stableId(id, 'photo', i),
          branchId: b.row.id,
          name: `${slot.date} ${slot.kind}现场照片${photoCount > 1 ? i + 1 : ''}.png`,
          serial: photoSerial(b.index, this.year - 2000 + 1, photos.length),
          scene: slot.kind === '党课' ? 'lecture' : meeting.venueId === '' ? 'outdoor' : 'room',
          createdAt: meeting.createdAt,
        };
        photos.push(photo);
        meeting.attachmentIds.push(photo.id);
      }
      if (index === backfilledIndex) {
        meeting.createdAt = chinaInstant(addDays(slot.date, rng.int(10, 25)), '15:20');
        meeting.backfilled = true;
        for (const p of photos.filter((ph) => meeting.attachmentIds.includes(ph.id))) p.createdAt = meeting.createdAt;
      }
      if (draftIndexes.has(index)) {
        meeting.status = '草稿';
        meeting.updatedAt = meeting.createdAt;
      } else {
        meeting.status = '已定稿';
        meeting.finalizedAt = addMinutes(meeting.createdAt, rng.int(1, 4) * 1440 + rng.int(0, 300));
        meeting.updatedAt = meeting.finalizedAt;
      }
      if (index === amendedIndex) {
        const at = addMinutes(meeting.finalizedAt!, rng.int(3, 20) * 1440);
        const onLeave = meeting.attendance.find((a) => a.status === '请假');
        const reason = onLeave
          ? `更正出席情况：${onLeave.name}同志提前结束${onLeave.reason}返回，实际出席会议，原记录误记为请假`
          : '更正会议结束时间，原记录笔误';
        if (onLeave) {
          onLeave.status = '出席';
          onLeave.reason = '';
        } else {
          meeting.endTime = addTime(meeting.endTime, 10);
        }
        meeting.updatedAt = at;
        amended = { id, at, reason };
      }
      return meeting;
    });
    return { meetings, photos, backfilledId: meetings[backfilledIndex]!.id, amended };
  }

  private photoCount(slot: Slot, rng: Rng, sparse: boolean): number {
    if (sparse) {
      if (slot.kind === '主题党日') return ['m3', 'm6', 'm9', 'm12'].includes(slot.slotKey) ? 1 : 0;
      return (slot.kind === '党课' && slot.slotKey === 'secretary') || slot.kind === '组织生活会' ? 1 : 0;
    }
    switch (slot.kind) {
      case '主题党日':
        return rng.int(1, 2);
      case '组织生活会':
        return 2;
      case '支部党员大会':
      case '党课':
      case '民主评议党员':
      case '专题学习':
        return 1;
      default:
        return 0;
    }
  }

  private attend(rng: Rng, people: readonly MemberPlan[], must: ReadonlySet<string>, maxLeave: number): Attendance[] {
    const r = rng.next();
    const leave = Math.min(maxLeave, r < 0.4 ? 0 : r < 0.75 ? 1 : r < 0.93 ? 2 : 3);
    const away = new Set(
      rng
        .sample(
          people.filter((p) => !must.has(p.row.id)),
          leave,
        )
        .map((p) => p.row.id),
    );
    const absent =
      people.length > 12 && rng.chance(0.03)
        ? rng.pick(people.filter((p) => !must.has(p.row.id) && !away.has(p.row.id)))
        : undefined;
    return people.map((p) => {
      const base = { memberId: p.row.id, name: p.row.name };
      if (away.has(p.row.id)) return { ...base, status: '请假' as const, reason: rng.pick(LEAVE_REASONS) };
      if (absent === p) return { ...base, status: '缺席' as const, reason: '未履行请假手续' };
      return { ...base, status: '出席' as const, reason: '' };
    });
  }

  private guestName(rng: Rng): string {
    const male = rng.chance(0.6);
    return rng.pick(SURNAMES) + rng.pick(male ? MALE_GIVEN : FEMALE_GIVEN);
  }

  private buildMeeting(slot: Slot, id: string, seq: number, rng: Rng): PlannedMeeting {
    const b = this.branch;
    const y = this.year;
    const month = Number(slot.date.slice(5, 7));
    const everyone = membersOn(b, slot.date);
    const secretary = this.role('书记');
    const organiser = this.role('组织委员');
    let host = secretary;
    let recorder = organiser;
    let people = everyone;
    let maxLeave = 3;
    let venueId = b.activityRoom.id;
    let place = b.activityRoom.name;
    const guests: Meeting['guests'] = [];
    let extraAttendance: Attendance[] = [];

    if (slot.kind === '支委会') {
      people = b.committee.map((c) => c.member);
      maxLeave = 1;
      if (rng.chance(0.3)) {
        const leader = rng.pick(b.groups).leader;
        extraAttendance = [{ memberId: leader.row.id, name: leader.row.name, status: '列席', reason: '' }];
      }
    } else if (slot.kind === '党小组会') {
      const group = b.groups.find((g) => g.id === slot.groupId)!;
      people = everyone.filter((m) => b.groupOf.get(m.row.id) === group.id);
      host = group.leader;
      recorder =
        people.find((p) => p !== host && !b.committee.some((c) => c.member === p)) ?? people.find((p) => p !== host)!;
      maxLeave = 2;
      place = `${group.name}所在处室会议室`;
    } else if (slot.kind === '谈心谈话') {
      const talk = slot.talk!;
      host = talk.a;
      recorder = talk.a;
      venueId = '';
      place = talk.b ? '书记办公室' : '小会议室';
      people = talk.b ? [talk.a, talk.b] : everyone.filter((m) => b.groupOf.get(m.row.id) === talk.groupId);
      maxLeave = talk.b ? 0 : 1;
    } else if (slot.kind === '主题党日' && (month === 4 || month === 7) && rng.chance(0.8)) {
      venueId = '';
      place = rng.pick(OUTDOOR_PLACES);
    }
    if (['支部党员大会', '组织生活会', '民主评议党员'].includes(slot.kind) && rng.chance(0.6)) {
      const g = rng.pick(OUTSIDE_GUESTS);
      guests.push({ name: this.guestName(rng), org: `${g.org}${g.role}` });
    }

    const must = new Set([host.row.id, recorder.row.id, ...(slot.lecturer ? [slot.lecturer.row.id] : [])]);
    const attendance = [...this.attend(rng, people, must, maxLeave), ...extraAttendance];
    const present = attendance.filter((a) => a.status === '出席');
    const onLeave = attendance.filter((a) => a.status === '请假');
    const speakers = rng
      .shuffle(present.filter((a) => a.memberId !== host.row.id))
      .map((a) => ({ id: a.memberId, name: a.name }));
    const ctx: TextContext = {
      rng,
      year: y,
      month,
      dateZh: zhDate(slot.date),
      place,
      host: host.row.name,
      recorder: recorder.row.name,
      expected: people.length,
      present: present.length,
      leaveText: onLeave.map((a) => `${a.name}（${a.reason}）`).join('、'),
      speakers,
      guests: [...guests.map((g) => `${g.org}${g.name}`), ...extraAttendance.map((a) => `党小组长${a.name}`)],
      voters: present.filter((a) => {
        const member = b.members.find((m) => m.row.id === a.memberId);
        return !member?.fullOn || member.fullOn <= slot.date || !member.admitted;
      }).length,
    };
    const text = this.textFor(slot, ctx, host);
    const [start, minutes] = TIMES[slot.kind]!;
    const startTime = slot.kind === '支委会' && rng.chance(0.4) ? '15:00' : start;
    const endTime = addTime(startTime, minutes + rng.int(-2, 2) * 10);
    const createdAt = addMinutes(
      chinaInstant(slot.date, endTime),
      rng.chance(0.8) ? rng.int(20, 300) : rng.int(1, 3) * 1440 + rng.int(0, 240),
    );
    return {
      id,
      branchId: b.row.id,
      kind: slot.kind,
      topic: text.topic,
      agenda: text.agenda,
      date: slot.date,
      startTime,
      endTime,
      plannedDate: slot.kind === '支委会' && rng.chance(0.1) ? addDays(slot.date, -rng.int(2, 5)) : slot.date,
      venueId,
      host: host.row.name,
      recorder: recorder.row.name,
      lecturer: slot.lecturer?.row.name ?? '',
      outline: text.outline ?? '',
      partyGroupId: slot.groupId ?? '',
      talkParties: slot.talk?.b ? [slot.talk.a.row.id, slot.talk.b.row.id] : [],
      attendance,
      guests,
      content: text.content,
      speeches: text.speeches,
      resolutions: text.resolutions,
      attachmentIds: [],
      seq,
      status: '草稿',
      backfilled: false,
      createdAt,
      updatedAt: createdAt,
    };
  }

  private textFor(slot: Slot, c: TextContext, host: MemberPlan): MeetingText {
    const b = this.branch;
    switch (slot.kind) {
      case '支委会':
        return committeeText(c, c.rng.chance(0.3) ? '研究党员教育管理中的具体事项' : undefined);
      case '支部党员大会': {
        const q = Number(slot.slotKey.slice(1));
        const admissions = b.members.filter((m) => m.admitted === slot.date).map((m) => m.row.name);
        const confirmations = b.members
          .filter(
            (m) =>
              m.fullOn &&
              m.row.fullMemberDate &&
              assemblyDate(b.key, this.year, q).slice(0, 4) === m.fullOn.slice(0, 4) &&
              Math.ceil(Number(m.fullOn.slice(5, 7)) / 3) === q,
          )
          .map((m) => m.row.name);
        return assemblyText(c, q, admissions, confirmations);
      }
      case '党小组会':
        return groupText(c, b.groups.find((g) => g.id === slot.groupId)!.name);
      case '党课':
        return lectureText(c, slot.lecturer!.row.name, slot.slotKey === 'secretary');
      case '主题党日':
        return themeDayText(c);
      case '组织生活会':
        return lifeMeetingText(c);
      case '民主评议党员': {
        const excellent = [...this.grades]
          .filter(([, g]) => g === '优秀')
          .map(([id]) => b.members.find((m) => m.row.id === id)!.row.name);
        return reviewText(c, excellent);
      }
      case '谈心谈话':
        return slot.talk!.b
          ? talkText(c, host.row.name, slot.talk!.b.row.name)
          : groupTalkText(c, host.row.name, b.groups.find((g) => g.id === slot.talk!.groupId)!.name);
      default:
        return studyText(c);
    }
  }

  // ── the other sections ──────────────────────────────────────────────────────

  get venueChecks(): VenueCheck[] {
    return this.memo('venueChecks', () => {
      const rng = this.rng('venueChecks');
      const b = this.branch;
      const inspector = this.role('组织委员').row.name;
      const checks: { venueId: string; date: string; findings: string; next: number }[] = [
        {
          venueId: b.activityRoom.id,
          date: workday(this.year, 6, rng.int(20, 26)),
          findings: '七有各项齐全；学习资料已补充本年度新书目；电教设备运行正常。',
          next: 180,
        },
        {
          venueId: b.activityRoom.id,
          date: workday(this.year, 12, rng.int(5, 12)),
          findings: rng.chance(0.5)
            ? '七有各项齐全。荣誉栏需补充本年度表彰内容，已责成宣传委员一周内完成。'
            : '七有各项齐全，管理制度执行良好，使用登记完整。',
          next: 180,
        },
        {
          venueId: b.board.id,
          date: workday(this.year, 12, rng.int(5, 12)),
          findings: '宣传栏内容按季度更新，本季度刊出“争做×先锋”活动专栏。',
          next: 365,
        },
      ];
      return checks.map((c, i) => {
        const at = chinaInstant(c.date, '17:00');
        return {
          id: stableId(this.key, 'venueCheck', i),
          branchId: b.row.id,
          venueId: c.venueId,
          date: c.date,
          inspector,
          findings: c.findings,
          nextDueDate: addDays(c.date, c.next),
          createdAt: at,
          updatedAt: at,
        };
      });
    });
  }

  get learning(): Learning[] {
    return this.memo('learning', () => {
      const rng = this.rng('learning');
      const b = this.branch;
      const out: Learning[] = [];
      for (const m of b.members) {
        const inYear = (date: string) => m.arrival <= date && !(m.row.leftDate && m.row.leftDate <= date);
        const entries: { kind: Learning['kind']; date: string; title: string; notes: string }[] = [];
        for (let i = rng.int(2, 5); i > 0; i--) {
          const article = rng.pick(ARTICLES);
          entries.push({
            kind: '日阅一文',
            date: workday(this.year, rng.int(1, 12), rng.int(1, 28)),
            title: `阅读${article}`,
            notes: `认真阅读${article}，摘录要点并写下读书笔记，体会到要立足岗位、珍惜岗位。`,
          });
        }
        for (const month of rng.sample([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], rng.int(6, 9))) {
          const theme = themeOf(rng, this.year, month);
          entries.push({
            kind: '月写一篇',
            date: workday(this.year, month, rng.int(24, 28)),
            title: `${month}月学习心得：${theme.title}`,
            notes: `${theme.points[0]}。结合本职工作，${rng.pick(['要把学习成果转化为工作成效', '要在服务代表上下功夫', '要进一步提高办文办会水平'])}。`,
          });
        }
        for (const q of rng.sample([1, 2, 3, 4], rng.int(3, 4))) {
          const book = rng.pick(BOOKS);
          entries.push({
            kind: '季读一本',
            date: workday(this.year, q * 3, rng.int(10, 25)),
            title: `读${book}`,
            notes: `本季度读完${book}，撰写读书笔记一篇。`,
          });
        }
        if (rng.chance(0.4)) {
          const half = rng.int(1, 2);
          entries.push({
            kind: '半年一讲',
            date: workday(this.year, half * 6, rng.int(10, 20)),
            title: `${half === 1 ? '上' : '下'}半年微党课：${rng.pick(['我的岗位我的责任', '人大代表工作见闻', '从一份代表建议说起', '珍惜岗位，干好本职'])}`,
            notes: '在党小组会上讲授微党课，时长约15分钟。',
          });
        }
        entries
          .filter((e) => inYear(e.date))
          .sort((a, c) => (a.date < c.date ? -1 : a.date > c.date ? 1 : 0))
          .forEach((e, i) => {
            const at = chinaInstant(e.date, `2${rng.int(0, 2)}:${String(rng.int(10, 59))}`);
            out.push({
              id: stableId(this.key, 'learning', m.row.id, i),
              branchId: b.row.id,
              memberId: m.row.id,
              kind: e.kind,
              title: e.title,
              date: e.date,
              notes: e.notes,
              attachmentIds: [],
              createdAt: at,
              updatedAt: at,
            });
          });
      }
      if (out.some((l) => !LEARNING_KIND_NAMES.includes(l.kind))) throw new Error('unknown learning kind');
      return out;
    });
  }

  get evaluations(): MemberEvaluation[] {
    return this.memo('evaluations', () => {
      const rng = this.rng('evaluations');
      const b = this.branch;
      const review = this.briefs.meetings.find((m) => m.kind === '民主评议党员')!;
      const at = addMinutes(review.createdAt, 30);
      return [...this.grades].map(([memberId, grade]) => {
        const exemplars = grade === '优秀' ? rng.sample(FIVE_EXEMPLARS, rng.int(1, 2)) : [];
        const votes = membersOn(b, review.date).length - 1;
        const good = grade === '优秀' ? rng.int(Math.ceil(votes * 0.7), votes) : rng.int(0, Math.floor(votes * 0.3));
        return {
          id: stableId(this.key, 'evaluation', memberId),
          branchId: b.row.id,
          year: this.year,
          memberId,
          selfResult: `对照“五带头、五标兵”标准进行自评，自评等次：${grade === '基本合格' ? '合格' : grade}。${rng.pick(['学习的系统性有待加强', '深入基层调研不够', '创新意识还需增强'])}。`,
          peerResult: `党员互评：优秀${good}票，合格${votes - good}票。`,
          collectiveResult: `经支部委员会提出建议、支部党员大会评定，评定为${grade}。`,
          grade,
          exemplars: [...exemplars],
          createdAt: at,
          updatedAt: at,
        };
      });
    });
  }

  get responsibilities(): Responsibility[] {
    return this.memo('responsibilities', () => {
      const rng = this.rng('responsibilities');
      const b = this.branch;
      const meetings = this.briefs.meetings;
      const ofKind = (kind: MeetingKind) => meetings.filter((m) => m.kind === kind).map((m) => m.id);
      const at = chinaInstant(workday(this.year, 1, 8), '10:00');
      const secretary = this.role('书记');
      const tasks: Responsibility['tasks'] = [
        {
          id: stableId(this.key, 'task', 1),
          title: '制定年度支部党建工作计划并组织实施',
          deadline: ymd(this.year, 1, 31),
          status: '已完成',
          note: '计划经支委会研究通过并印发',
          evidenceMeetingIds: ofKind('支委会').slice(0, 1),
        },
        {
          id: stableId(this.key, 'task', 2),
          title: '书记讲党课不少于1次',
          deadline: ymd(this.year, 6, 30),
          status: '已完成',
          note: '已讲授专题党课',
          evidenceMeetingIds: meetings
            .filter((m) => m.kind === '党课' && m.lecturer === secretary.row.name)
            .map((m) => m.id),
        },
        {
          id: stableId(this.key, 'task', 3),
          title: '召开年度组织生活会，开展民主评议党员',
          deadline: ymd(this.year, 12, 31),
          status: '已完成',
          note: '按期召开，问题清单已建立',
          evidenceMeetingIds: [...ofKind('组织生活会'), ...ofKind('民主评议党员')],
        },
        this.isLastYear
          ? {
              id: stableId(this.key, 'task', 4),
              title: '完成党员活动室电教设备更新',
              deadline: ymd(this.year, 11, 30),
              status: '进行中',
              note: '采购申请已报机关事务管理局，尚未到货',
              evidenceMeetingIds: [],
            }
          : {
              id: stableId(this.key, 'task', 4),
              title: '完成党员活动室学习资料更新',
              deadline: ymd(this.year, 9, 30),
              status: '已完成',
              note: '已补充新书目',
              evidenceMeetingIds: [],
            },
      ];
      const duties = {
        书记: [
          '全面负责支部工作，履行全面从严治党第一责任人职责',
          '召集支委会、支部党员大会，每年至少讲1次党课',
          '抓好“争做×先锋”活动的组织实施',
        ],
        副书记: ['协助书记抓好支部全面工作', '负责党员思想政治工作和谈心谈话', '书记外出时主持支部日常工作'],
        组织委员: [
          '负责党员发展、党员教育管理和组织关系接转',
          '负责党费收缴和“三会一课”记录',
          '负责党员活动室日常管理和七有复查',
        ],
        宣传委员: ['负责理论学习和“日阅一文、月写一篇、季读一本、半年一讲”活动', '负责党建宣传栏更新和机关文化建设'],
        纪检委员: ['负责党风廉政建设和纪律教育', '监督支部决议执行和党员遵守纪律情况'],
      } as const;
      return b.committee.map((c, i) => ({
        id: stableId(this.key, 'responsibility', c.role),
        branchId: b.row.id,
        year: this.year,
        holderMemberId: c.member.row.id,
        holderName: c.member.row.name,
        role: i === 0 ? '第一责任人' : i === 1 ? '直接责任人' : '分管',
        duties: [...duties[c.role]],
        tasks: i === 0 ? tasks : [],
        reports:
          i === 0
            ? [
                {
                  date: workday(this.year, 12, rng.int(25, 29)),
                  summary: `${this.year}年度抓基层党建工作述职：全年召开支委会${ofKind('支委会').length}次、支部党员大会${ofKind('支部党员大会').length}次、党课${ofKind('党课').length}次，开展主题党日${ofKind('主题党日').length}次；深入开展“争做×先锋”活动，以“一抓好四深化”为载体推进支部标准化规范化建设。存在的不足：${this.missedCommitteeMonths.length ? `${this.missedCommitteeMonths.join('、')}月因集中开展执法检查未召开支委会；` : ''}理论学习的深度还需加强。`,
                  rating: rng.pick(['好', '好', '较好']),
                },
              ]
            : [],
        createdAt: at,
        updatedAt: i === 0 ? chinaInstant(ymd(this.year, 12, 30), '10:00') : at,
      }));
    });
  }

  get assessment(): Assessment {
    return this.memo('assessment', () => {
      const rng = this.rng('assessment');
      const from = ymd(this.year, 1, 1);
      const to = ymd(this.year, 12, 31);
      const meetings = this.briefs.meetings;
      const room = this.branch.activityRoom;
      const scores = this.standard.items.map((item) => {
        if (item.rule.kind === 'frequency') {
          const s = scoreFrequencyItem(item.rule, meetings, from, to);
          return {
            code: item.code,
            score: s.score,
            auto: true,
            overrideReason: '',
            comment: s.explanation,
            evidenceIds: s.evidenceIds,
          };
        }
        if (item.rule.kind === 'checklist') {
          const ok = room.checklist.filter((c) => c.ok).length;
          return {
            code: item.code,
            score: ok,
            auto: true,
            overrideReason: '',
            comment: `七有检查表${ok}项达标`,
            evidenceIds: [],
          };
        }
        const score = Math.max(0, item.maxScore - rng.pick([0, 0, 0, 0.5, 1]));
        return {
          code: item.code,
          score,
          auto: false,
          overrideReason: '',
          comment: score === item.maxScore ? '符合要求' : '个别环节资料不够完整',
          evidenceIds: [],
        };
      });
      const total = scores.reduce((sum, s) => sum + s.score, 0);
      const grade =
        [...this.standard.grades].sort((a, c) => c.minScore - a.minScore).find((g) => total >= g.minScore)?.label ?? '';
      const date = workday(this.year, 12, 26);
      const at = chinaInstant(date, '16:00');
      return {
        id: stableId(this.key, 'assessment'),
        branchId: this.branch.row.id,
        standardId: this.standard.id,
        standardSnapshot: standardFieldsOf(this.standard),
        periodStart: from,
        periodEnd: to,
        kind: '自评',
        scores,
        total,
        grade,
        assessor: `${this.branch.row.name}支部委员会`,
        date,
        createdAt: at,
        updatedAt: at,
      };
    });
  }

  get campaign(): Campaign {
    return this.memo('campaign', () => {
      const rng = this.rng('campaign');
      const b = this.branch;
      const y = this.year;
      const meetings = this.briefs.meetings;
      const people = membersOn(b, ymd(y, 3, 20));
      const excellent = [...this.grades]
        .filter(([, g]) => g === '优秀')
        .map(([id]) => b.members.find((m) => m.row.id === id)!.row.name);
      const mobilisation = meetings.find((m) => m.kind === '支部党员大会')!;
      const linked = [
        mobilisation.id,
        ...meetings.filter((m) => m.kind === '主题党日' && m.date.slice(5, 7) === '09').map((m) => m.id),
      ];
      const total = membersOn(b, ymd(y, 12, 1)).length * 2 + rng.int(10, 20);
      const unsatisfied = rng.int(0, 1);
      const partly = rng.int(2, 6);
      const at = chinaInstant(ymd(y, 2, 10), '10:00');
      return {
        id: stableId(this.key, 'campaign'),
        branchId: b.row.id,
        name: `${y}年“争做×先锋”活动`,
        theme: CAMPAIGN_THEME,
        phases: [
          { phase: '调查研究', start: ymd(y, 2, 10), end: ymd(y, 2, 28) },
          { phase: '动员部署', start: ymd(y, 3, 1), end: ymd(y, 3, 15) },
          { phase: '全面争创', start: ymd(y, 3, 16), end: ymd(y, 10, 31) },
          { phase: '完善提升', start: ymd(y, 11, 1), end: ymd(y, 12, 31) },
        ],
        commitments: people.map((p) => ({
          memberId: p.row.id,
          text: `${rng.pick(FIVE_EXEMPLARS)}：${rng.pick(['全年完成“月写一篇”心得不少于10篇', '办文办会零差错', '牵头完成一项立法调研', '做好分联代表的联系服务', '带头讲好一次微党课', '服务群众来信来访件件有回音'])}`,
          date: ymd(y, 3, 20),
        })),
        linkedMeetingIds: linked,
        reviews: [
          {
            leader: this.role('书记').row.name,
            date: ymd(y, 7, 10),
            comment: '全面争创阶段党员承诺践诺情况总体良好，个别同志“月写一篇”落实不够，要加强督促。',
          },
          {
            leader: `${rng.pick(SURNAMES)}${rng.pick(MALE_GIVEN)}`,
            date: ymd(y, 10, 20),
            comment:
              '支部把“争做×先锋”活动与人大业务工作紧密结合，“活动有阵地、工作有记录、领导有责任、评价有标准”落实较好。',
          },
        ],
        satisfaction: [
          { level: '满意', count: total - unsatisfied - partly },
          { level: '基本满意', count: partly },
          { level: '不满意', count: unsatisfied },
        ],
        assessmentId: this.assessment.id,
        awards: [
          ...excellent
            .slice(0, 2)
            .map((name) => ({ to: name, title: '“五带头、五标兵”优秀共产党员', date: ymd(y, 12, 28) })),
          ...(rng.chance(0.3) ? [{ to: b.row.name, title: '“五好五强”先进机关党支部', date: ymd(y, 12, 28) }] : []),
        ],
        createdAt: at,
        updatedAt: chinaInstant(ymd(y, 12, 28), '17:00'),
      };
    });
  }

  /** Attachment rows' metadata without size and hash (those need the encoded bytes). */
  get photos(): PhotoPlan[] {
    return [...(this.isFirstYear ? this.branch.venuePhotos : []), ...this.briefs.photos];
  }

  /** The year's audit log, in time order: creates, finalises, the amendment, member changes, first-year setup. */
  get audit(): AuditEntry[] {
    const b = this.branch;
    const entries: Omit<AuditEntry, 'id'>[] = [];
    const add = (
      at: string,
      entity: string,
      entityId: string,
      action: AuditEntry['action'],
      summary: string,
      reason = '',
    ) => entries.push({ at, branchId: b.row.id, entity, entityId, action, reason, summary });
    const inYear = (iso: string) =>
      iso >= chinaInstant(ymd(this.year, 1, 1), '00:00') && iso < chinaInstant(ymd(this.year + 1, 1, 1), '00:00');
    if (this.isFirstYear) {
      add(b.row.createdAt, 'branch', b.row.id, 'create', `新建支部「${b.row.name}」`);
      for (const v of [b.activityRoom, b.board]) add(v.createdAt, 'venue', v.id, 'create', `新增阵地「${v.name}」`);
      for (const p of b.venuePhotos) add(p.createdAt, 'attachment', p.id, 'create', `上传附件「${p.name}」`);
    }
    for (const m of b.members) {
      if (inYear(m.row.createdAt)) add(m.row.createdAt, 'member', m.row.id, 'create', `新增党员「${m.row.name}」`);
      if (m.fullOn && m.row.fullMemberDate && m.fullOn.startsWith(String(this.year)))
        add(
          chinaInstant(m.fullOn, '11:00'),
          'member',
          m.row.id,
          'update',
          `修改了「${m.row.name}」的转正日期、党员类别`,
        );
      if (m.row.leftDate?.startsWith(String(this.year)))
        add(
          chinaInstant(m.row.leftDate!, '16:00'),
          'member',
          m.row.id,
          'update',
          `修改了「${m.row.name}」的离开支部日期、离开原因`,
        );
    }
    const section = this.briefs;
    for (const m of section.meetings) {
      const label = `${m.kind}「${m.topic}」`;
      add(m.createdAt, 'meeting', m.id, 'create', m.backfilled ? `补录${label}` : `新增${label}`);
      if (m.finalizedAt) add(m.finalizedAt, 'meeting', m.id, 'finalize', `定稿${label}`);
      if (m.id === section.amended.id)
        add(section.amended.at, 'meeting', m.id, 'amend', '修改了出席情况', section.amended.reason);
    }
    for (const p of section.photos) add(p.createdAt, 'attachment', p.id, 'create', `上传附件「${p.name}」`);
    for (const c of this.venueChecks) add(c.createdAt, 'venueCheck', c.id, 'create', `新增阵地复查（${c.date}）`);
    for (const l of this.learning) add(l.createdAt, 'learning', l.id, 'create', `新增学习记录「${l.title}」`);
    for (const e of this.evaluations)
      add(e.createdAt, 'memberEvaluation', e.id, 'create', `新增${this.year}年度民主评议结果`);
    for (const r of this.responsibilities)
      add(r.createdAt, 'responsibility', r.id, 'create', `新增${this.year}年度领导责任「${r.holderName}·${r.role}」`);
    const a = this.assessment;
    add(a.createdAt, 'assessment', a.id, 'create', `新增${this.year}年度自评，总分${a.total}`);
    const c = this.campaign;
    add(c.createdAt, 'campaign', c.id, 'create', `新建争创活动「${c.name}」`);
    entries.sort((x, y) =>
      x.at < y.at ? -1 : x.at > y.at ? 1 : x.entityId < y.entityId ? -1 : x.entityId > y.entityId ? 1 : 0,
    );
    return entries.map((e, i) => ({ id: stableId(this.key, 'audit', i), ...e }));
  }
}

/**
 * The stored meeting row: the plan plus its derived index field, as the meetings repository computes it. Search
 * terms are not stored on rows since schema 3 (restore rebuilds the branch's posting lists).
 */
export function withDerived(m: PlannedMeeting): Meeting {
  return {
    ...m,
    attendeeIds: m.attendance.filter((a) => a.status === '出席' || a.status === '列席').map((a) => a.memberId),
  };
}
