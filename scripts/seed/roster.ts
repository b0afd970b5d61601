// A branch over the whole span: the branch row, every member who ever belonged (joining, 转正 and leaving over the
// years), committee, party groups and venues with their 七有 photos. Small, so it is kept in memory for every branch.
import { SEVEN_HAVES } from '../../shared/domain/vocab';
import type { Branch, Member, Venue } from '../../shared/schemas/entities';
import { addDays, chinaInstant, workday, ymd } from './calendar';
import {
  BRANCH_NAMES,
  DEPT_PHILOSOPHIES,
  FEMALE_GIVEN,
  LEFT_REASONS,
  MALE_GIVEN,
  MOTTOS,
  PARENT_ORG,
  POSTS,
  SURNAMES,
  UNIT_SPIRITS,
} from './names';
import type { PhotoScene } from './png';
import { Rng, stableId } from './random';

export interface SeedSpec {
  seed: number;
  branches: number;
  fromYear: number;
  toYear: number;
  /** 'full': ~30 meeting photos per branch-year; 'sparse': ~6 (the organ size keeps the photo store realistic). */
  photos: 'full' | 'sparse';
}

export interface PhotoPlan {
  id: string;
  branchId: string;
  name: string;
  /** Unique in the data set: drawn into the image so every photo has its own SHA-256. */
  serial: number;
  scene: PhotoScene;
  createdAt: string;
}

export interface MemberPlan {
  row: Member;
  /** The day the member came into this branch (their 入党 date when admitted here). */
  arrival: string;
  /** Admitted as 预备党员 by this branch on this date (a 支部党员大会 date). */
  admitted?: string;
  /** 预备期满: the 转正 date, possibly after the span (then the row is still 预备). */
  fullOn?: string;
  /** Never leaves: committee members and group leaders are drawn from these. */
  stable: boolean;
}

export interface GroupPlan {
  id: string;
  name: string;
  leader: MemberPlan;
}

export interface BranchPlan {
  index: number;
  key: string;
  spec: SeedSpec;
  row: Branch;
  members: MemberPlan[];
  committee: { role: (typeof COMMITTEE_ROLE_ORDER)[number]; member: MemberPlan }[];
  groups: GroupPlan[];
  groupOf: Map<string, string>;
  activityRoom: Venue;
  board: Venue;
  venuePhotos: PhotoPlan[];
  setupAt: string;
}

export const COMMITTEE_ROLE_ORDER = ['书记', '副书记', '组织委员', '宣传委员', '纪检委员'] as const;
const GROUP_NAMES = ['第一党小组', '第二党小组', '第三党小组', '第四党小组'];

/** The day a branch holds its 支部党员大会 in a quarter: fixed per branch and year, so admissions can name it. */
export function assemblyDate(branchKey: string, year: number, quarter: number): string {
  const rng = new Rng(`${branchKey}:assembly:${year}:${quarter}`);
  // Q1's meeting opens the 争做×先锋 campaign's 动员部署 phase in early March.
  return quarter === 1 ? workday(year, 3, rng.int(4, 12)) : workday(year, quarter * 3, rng.int(8, 18));
}

/** Photo serials: branch, year slot (0 = the venue photos) and number within the slot. */
export const photoSerial = (branchIndex: number, yearSlot: number, n: number) =>
  branchIndex * 100_000 + yearSlot * 1_000 + n;

function uniqueName(rng: Rng, gender: '男' | '女', taken: Set<string>): string {
  for (;;) {
    const name = rng.pick(SURNAMES) + rng.pick(gender === '男' ? MALE_GIVEN : FEMALE_GIVEN);
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

export function planBranch(spec: SeedSpec, index: number): BranchPlan {
  const key = `seed${spec.seed}:branch${index}`;
  const rng = new Rng(`${key}:roster`);
  const id = stableId(key, 'branch');
  const setupAt = chinaInstant(ymd(spec.fromYear, 1, 2), '09:00');
  const lastDay = ymd(spec.toYear, 12, 31);
  const taken = new Set<string>();
  const plans: MemberPlan[] = [];
  let memberNo = 0;

  const newMember = (arrival: string, kind: 'initial' | 'transfer' | 'admitted'): MemberPlan => {
    const gender = rng.chance(0.55) ? '男' : '女';
    const name = uniqueName(rng, gender, taken);
    const arrivalYear = Number(arrival.slice(0, 4));
    const birthYear =
      kind === 'admitted' ? arrivalYear - rng.int(24, 32) : rng.int(1963, Math.min(1996, arrivalYear - 24));
    const birthDate = ymd(birthYear, rng.int(1, 12), rng.int(1, 28));
    const joinedDate =
      kind === 'admitted'
        ? arrival
        : ymd(Math.min(birthYear + rng.int(19, 30), arrivalYear - 1), rng.int(1, 12), rng.int(1, 28));
    const fullOn = addDays(joinedDate, 365);
    const isFull = fullOn <= lastDay;
    const createdAt =
      kind === 'initial'
        ? new Date(Date.parse(setupAt) + (memberNo + 1) * 60_000).toISOString()
        : chinaInstant(arrival, kind === 'admitted' ? '17:30' : '10:30');
    const row: Member = {
      id: stableId(key, 'member', memberNo++),
      branchId: id,
      name,
      gender,
      birthDate,
      joinedDate,
      fullMemberDate: isFull ? fullOn : '',
      status: isFull ? '正式' : '预备',
      partyGroupId: '',
      post: kind === 'admitted' ? rng.pick(POSTS.slice(-4)) : rng.pick(POSTS),
      phone: `1${rng.pick(['3', '5', '8'])}${String(rng.int(0, 999_999_999)).padStart(9, '0')}`,
      motto: rng.pick(MOTTOS),
      leftDate: '',
      leftReason: '',
      createdAt,
      updatedAt: kind === 'admitted' && isFull ? chinaInstant(fullOn, '11:00') : createdAt,
    };
    const plan: MemberPlan = { row, arrival: kind === 'initial' ? joinedDate : arrival, stable: false };
    if (kind === 'admitted') {
      plan.admitted = arrival;
      plan.fullOn = fullOn;
    }
    plans.push(plan);
    return plan;
  };

  const single = spec.fromYear === spec.toYear;
  // The other branches of the organ are the large 机关 branches (36–50 members): with attendance following each
  // meeting kind, that gives the ~500,000 attendance rows the benchmark asks of ~21,000 records.
  const initial = index === 0 ? (single ? 23 : 22) : rng.int(36, 50);
  for (let i = 0; i < initial; i++) newMember(ymd(spec.fromYear, 1, 1), 'initial');
  const groupCount = index === 0 ? 3 : initial < 21 ? 2 : 3;
  const stable = rng.shuffle(plans).slice(0, COMMITTEE_ROLE_ORDER.length + groupCount);
  for (const p of stable) p.stable = true;

  for (let year = spec.fromYear; year <= spec.toYear; year++) {
    const last = year === spec.toYear;
    const current = () => plans.filter((p) => p.arrival <= ymd(year, 1, 1) && !p.row.leftDate);
    const [crowded, thin] = index === 0 ? [24, 22] : [initial + 2, initial - 2];
    const leavers = last ? 1 : current().length > crowded ? rng.int(1, 2) : rng.int(0, 1);
    for (const p of rng.sample(
      current().filter((m) => !m.stable && !m.admitted),
      leavers,
    )) {
      const leftDate = workday(year, rng.int(2, 11), rng.int(1, 25));
      p.row.leftDate = leftDate;
      p.row.leftReason = rng.pick(LEFT_REASONS);
      p.row.updatedAt = chinaInstant(leftDate, '16:00');
    }
    // The last year admits exactly two 预备党员, the year before only takes transfers: two 预备 at the end.
    const admissions = last ? 2 : year === spec.toYear - 1 ? 0 : rng.int(0, 1);
    for (let i = 0; i < admissions; i++) newMember(assemblyDate(key, year, i + 1), 'admitted');
    const transfers = last ? 0 : current().length < thin ? rng.int(1, 2) : rng.int(0, 1);
    for (let i = 0; i < transfers; i++) newMember(workday(year, rng.int(2, 10), rng.int(1, 25)), 'transfer');
  }

  const committee = COMMITTEE_ROLE_ORDER.map((role, i) => ({ role, member: stable[i]! }));
  committee[0]!.member.row.post = '处长';
  const groups: GroupPlan[] = GROUP_NAMES.slice(0, groupCount).map((name, i) => ({
    id: stableId(key, 'group', i),
    name,
    leader: stable[COMMITTEE_ROLE_ORDER.length + i]!,
  }));
  const groupOf = new Map<string, string>();
  groups.forEach((g) => groupOf.set(g.leader.row.id, g.id));
  let next = 0;
  for (const p of plans) {
    if (!groupOf.has(p.row.id)) groupOf.set(p.row.id, groups[next++ % groups.length]!.id);
    p.row.partyGroupId = groupOf.get(p.row.id)!;
  }

  const row: Branch = {
    id,
    name: BRANCH_NAMES[index % BRANCH_NAMES.length]!,
    parentOrg: PARENT_ORG,
    establishedDate: ymd(spec.fromYear - rng.int(6, 25), rng.int(1, 12), rng.int(1, 28)),
    termStart: ymd(spec.toYear - 2, 6, 18),
    termEnd: ymd(spec.toYear + 3, 6, 17),
    committee: committee.map((c) => ({ name: c.member.row.name, role: c.role, memberId: c.member.row.id })),
    partyGroups: groups.map((g) => ({ id: g.id, name: g.name, leaderName: g.leader.row.name })),
    unitSpirit: rng.pick(UNIT_SPIRITS),
    deptPhilosophy: rng.pick(DEPT_PHILOSOPHIES),
    createdAt: setupAt,
    updatedAt: setupAt,
  };

  const venueAt = new Date(Date.parse(setupAt) + 2 * 3_600_000).toISOString();
  const venuePhotos: PhotoPlan[] = SEVEN_HAVES.map((s, i) => ({
    id: stableId(key, 'venue-photo', s.key),
    branchId: id,
    name: `党员活动室七有佐证-${s.label
      .replace(/^有/, '')
      .replace(/[（）、，]/g, '')
      .slice(0, 12)}.png`,
    serial: photoSerial(index, 0, i),
    scene: s.key === 'signs' || s.key === 'honors' ? 'board' : 'room',
    createdAt: venueAt,
  }));
  const room = 4 + (index % 6);
  const activityRoom: Venue = {
    id: stableId(key, 'venue', 'room'),
    branchId: id,
    name: index === 0 ? '机关党员活动室' : `${row.name.replace(/党支部$/, '')}党员活动室`,
    kind: '党员活动室',
    address: `市人大常委会机关办公楼${room}楼${room}0${rng.int(1, 9)}室`,
    areaM2: rng.pick([36, 42, 48, 56, 60, 72]),
    capacity: rng.pick([30, 36, 40, 50]),
    manager: committee[2]!.member.row.name,
    checklist: SEVEN_HAVES.map((s, i) => ({
      key: s.key,
      ok: true,
      note: SEVEN_NOTES[s.key],
      attachmentIds: [venuePhotos[i]!.id],
    })),
    createdAt: venueAt,
    updatedAt: venueAt,
  };
  const board: Venue = {
    id: stableId(key, 'venue', 'board'),
    branchId: id,
    name: '党建宣传栏',
    kind: '党建宣传栏',
    address: `市人大常委会机关办公楼${room}楼走廊`,
    areaM2: 4.8,
    capacity: 0,
    manager: committee[3]!.member.row.name,
    checklist: [],
    createdAt: venueAt,
    updatedAt: venueAt,
  };
  return {
    index,
    key,
    spec,
    row,
    members: plans,
    committee,
    groups,
    groupOf,
    activityRoom,
    board,
    venuePhotos,
    setupAt,
  };
}

const SEVEN_NOTES: Record<(typeof SEVEN_HAVES)[number]['key'], string> = {
  place: '活动室独立使用，面积符合不少于20㎡的要求',
  signs: '党旗、入党誓词、党员权利义务标牌上墙',
  materials: '配备党章、党内法规汇编和理论学习书籍',
  books: '支部工作记录本、党费登记本、党员名册齐全',
  honors: '设置荣誉栏，展示支部和党员获得的荣誉',
  management: '明确管理人员，活动室管理制度上墙',
  equipment: '配备电视、投影仪和电脑，可开展远程教育',
};

/** Members in the branch on a date. */
export function membersOn(branch: BranchPlan, date: string): MemberPlan[] {
  return branch.members.filter((m) => m.arrival <= date && !(m.row.leftDate && m.row.leftDate <= date));
}
