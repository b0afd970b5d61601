// Test data for the dossier: a realistic small branch-year (members, a venue with 七有, meetings of several kinds).
import { zlibSync } from 'fflate';
import { sha256Hex } from '../../../shared/dossier/manifest';
import type { DossierData } from '../../../shared/dossier/data';
import { SEVEN_HAVES, type MeetingKind } from '../../../shared/domain/vocab';
import type { AttachmentMeta, AuditEntry, Competition, Meeting, Member } from '../../../shared/schemas/entities';

const T = '2025-01-05T02:00:00.000Z';
const row = (id: string) => ({ id, createdAt: T, updatedAt: T, branchId: 'b1' });

function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/** A small solid-colour PNG, so the photo path is exercised without fixture files. */
export function makePng(w: number, h: number, rgb: [number, number, number]): Uint8Array {
  const raw = new Uint8Array((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) raw.set(rgb, y * (w * 3 + 1) + 1 + x * 3);
  const chunk = (type: string, data: Uint8Array) => {
    const out = new Uint8Array(12 + data.length);
    const dv = new DataView(out.buffer);
    dv.setUint32(0, data.length);
    out.set(new TextEncoder().encode(type), 4);
    out.set(data, 8);
    dv.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
    return out;
  };
  const ihdr = new Uint8Array(13);
  const dv = new DataView(ihdr.buffer);
  dv.setUint32(0, w);
  dv.setUint32(4, h);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlibSync(raw)),
    chunk('IEND', new Uint8Array()),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export const MEMBER_NAMES = [
  '王建国',
  '李春梅',
  '张卫东',
  '刘晓燕',
  '陈志强',
  '杨丽华',
  '赵明远',
  '黄秀英',
  '周海涛',
  '吴静怡',
];

export interface FactoryOptions {
  year?: number;
  /** Repeats the meeting calendar this many times per month (the performance spike uses large values). */
  scale?: number;
}

export function makeDossierData(options: FactoryOptions = {}): DossierData {
  const year = options.year ?? 2025;
  const scale = options.scale ?? 1;
  const members: Member[] = MEMBER_NAMES.map((name, i) => ({
    ...row(`m${i + 1}`),
    name,
    gender: i % 2 ? '女' : '男',
    birthDate: `19${70 + i}-0${(i % 9) + 1}-15`,
    joinedDate: `20${String(i).padStart(2, '0')}-07-01`,
    fullMemberDate: i === 9 ? '' : `20${String(i + 1).padStart(2, '0')}-07-01`,
    status: i === 9 ? '预备' : '正式',
    partyGroupId: i < 5 ? 'g1' : 'g2',
    post: i === 0 ? '处长' : '科员',
    phone: '',
    motto: i < 3 ? `格言之${name}：干一行爱一行` : '',
    leftDate: '',
    leftReason: '',
  }));
  const photo = makePng(64, 48, [200, 40, 40]);
  const photoMeta: AttachmentMeta = {
    ...row('att1'),
    name: '现场照片.png',
    mime: 'image/png',
    size: photo.length,
    sha256: sha256Hex(photo),
  };
  const signPhoto = makePng(48, 48, [230, 200, 40]);
  const signMeta: AttachmentMeta = {
    ...row('att2'),
    name: '党旗与誓词.png',
    mime: 'image/png',
    size: signPhoto.length,
    sha256: sha256Hex(signPhoto),
  };

  const plan: { kind: MeetingKind; month: number; topic: string }[] = [
    { kind: '支部党员大会', month: 1, topic: '传达学习上级会议精神并部署全年党建工作' },
    { kind: '支委会', month: 1, topic: '研究年度党建工作计划' },
    { kind: '支委会', month: 2, topic: '讨论发展党员工作' },
    { kind: '党小组会', month: 2, topic: '第一党小组学习交流' },
    { kind: '党课', month: 3, topic: '书记讲党课：坚定理想信念' },
    { kind: '主题党日', month: 3, topic: '参观革命纪念馆重温入党誓词' },
    { kind: '支部党员大会', month: 4, topic: '接收预备党员的支部大会' },
    { kind: '支委会', month: 5, topic: '研究争做先锋活动方案' },
    { kind: '谈心谈话', month: 6, topic: '书记与党员谈心谈话' },
    { kind: '专题学习', month: 7, topic: '党纪学习教育专题学习' },
    { kind: '组织生活会', month: 11, topic: '年度组织生活会' },
    { kind: '民主评议党员', month: 12, topic: '年度民主评议党员' },
  ];
  const meetings: Meeting[] = [];
  const seqs = new Map<string, number>();
  for (let rep = 0; rep < scale; rep++) {
    plan.forEach((p, i) => {
      const seq = (seqs.get(p.kind) ?? 0) + 1;
      seqs.set(p.kind, seq);
      const id = scale === 1 ? `mt${i + 1}` : `mt${rep}-${i + 1}`;
      const day = String(Math.min(28, 3 + (rep % 25))).padStart(2, '0');
      const date = `${year}-${String(p.month).padStart(2, '0')}-${day}`;
      const onLeave = i % 3 === 0;
      meetings.push({
        ...row(id),
        createdAt: i === 3 ? `${year}-04-20T02:00:00.000Z` : `${date}T10:00:00.000Z`,
        kind: p.kind,
        topic: scale === 1 ? p.topic : `${p.topic}（${rep + 1}）`,
        agenda: '一、学习有关文件；二、讨论研究；三、部署下一步工作。',
        date,
        startTime: '14:30',
        endTime: '16:00',
        plannedDate: '',
        venueId: 'v1',
        host: '王建国',
        recorder: '李春梅',
        lecturer: p.kind === '党课' ? '王建国' : '',
        outline:
          p.kind === '党课' ? '一、理想信念是共产党人的精神之钙；二、新时代如何坚定理想信念；三、立足岗位作表率。' : '',
        partyGroupId: p.kind === '党小组会' ? 'g1' : '',
        talkParties: p.kind === '谈心谈话' ? ['m1', 'm4'] : [],
        attendance: members.map((m, k) => ({
          memberId: m.id,
          name: m.name,
          status: onLeave && k === 6 ? '请假' : k === 8 && i === 5 ? '缺席' : '出席',
          reason: onLeave && k === 6 ? '因公出差外地' : '',
        })),
        guests: i === 0 ? [{ name: '孙立新', org: '机关党委组织员' }] : [],
        content:
          '会议传达学习了有关文件精神，结合本部门实际进行了讨论。与会同志一致认为，要把学习成果转化为推动工作的实际成效。'.repeat(
            scale === 1 ? 2 : 4,
          ),
        speeches: '王建国：要提高政治站位，抓好贯彻落实。\n李春梅：建议结合业务工作开展主题党日活动。',
        resolutions: i % 4 === 0 ? '会议表决通过相关事项：应到10人，实到9人，同意9票，反对0票，弃权0票。' : '',
        attachmentIds: i === 5 ? ['att1'] : [],
        seq,
        status: i === 11 ? '草稿' : '已定稿',
        ...(i === 11 ? {} : { finalizedAt: `${date}T12:00:00.000Z` }),
        backfilled: i === 3,
        attendeeIds: [],
        terms: [],
      });
    });
  }
  const audit: AuditEntry[] = [
    {
      id: 'au1',
      at: `${year}-02-10T03:00:00.000Z`,
      branchId: 'b1',
      entity: 'meeting',
      entityId: 'mt3',
      action: 'amend',
      reason: '更正出席人数笔误',
      summary: '修改出席情况',
    },
  ];
  return {
    branch: {
      id: 'b1',
      createdAt: T,
      updatedAt: T,
      name: '市财政局机关第一党支部',
      parentOrg: '市财政局机关党委',
      establishedDate: '2001-07-01',
      termStart: '2023-03-01',
      termEnd: '2026-02-28',
      committee: [
        { name: '王建国', role: '书记', memberId: 'm1' },
        { name: '李春梅', role: '组织委员', memberId: 'm2' },
        { name: '张卫东', role: '宣传委员', memberId: 'm3' },
      ],
      partyGroups: [
        { id: 'g1', name: '第一党小组', leaderName: '刘晓燕' },
        { id: 'g2', name: '第二党小组', leaderName: '杨丽华' },
      ],
      unitSpirit: '忠诚 担当 务实 清廉',
      deptPhilosophy: '精打细算 服务发展',
    },
    members,
    venues: [
      {
        ...row('v1'),
        name: '机关党员活动室',
        kind: '党员活动室',
        address: '办公楼三层301室',
        areaM2: 45,
        capacity: 40,
        manager: '李春梅',
        checklist: SEVEN_HAVES.map((s) => ({
          key: s.key,
          ok: s.key !== 'equipment',
          note: s.key === 'equipment' ? '投影仪待更换' : '',
          attachmentIds: s.key === 'signs' ? ['att2'] : [],
        })),
      },
    ],
    venueChecks: [
      {
        ...row('vc1'),
        venueId: 'v1',
        date: `${year}-06-30`,
        inspector: '张卫东',
        findings: '各项设施完好，学习资料已更新。',
        nextDueDate: `${year}-12-31`,
      },
    ],
    meetings,
    responsibilities: [
      {
        ...row('r1'),
        year,
        holderMemberId: 'm1',
        holderName: '王建国',
        role: '第一责任人',
        duties: ['履行党建工作第一责任人职责', '每年至少讲一次党课'],
        tasks: [
          {
            id: 't1',
            title: '讲授专题党课',
            deadline: `${year}-06-30`,
            status: '已完成',
            note: '3月已讲',
            evidenceMeetingIds: ['mt5'],
          },
        ],
        reports: [{ date: `${year}-12-20`, summary: '全年认真履行抓党建第一责任人职责。', rating: '好' }],
      },
    ],
    standards: [],
    assessments: [
      {
        ...row('as1'),
        standardId: 'std1',
        standardSnapshot: {
          name: '五好五强党支部评价标准',
          version: 1,
          builtInKey: '',
          basedOn: 'wuhao',
          description: '',
          totalScore: 100,
          items: [
            {
              code: 'A1',
              dimension: '领导班子好、战斗力强',
              content: '支委会每月召开1次',
              method: '按记录计分',
              maxScore: 2,
              rule: { kind: 'manual' },
            },
            {
              code: 'A2',
              dimension: '党员队伍好、先锋作用强',
              content: '书记每年讲党课',
              method: '',
              maxScore: 2,
              rule: { kind: 'manual' },
            },
          ],
          grades: [{ label: '优秀', minScore: 90 }],
        },
        periodStart: `${year}-01-01`,
        periodEnd: `${year}-12-31`,
        kind: '自评',
        scores: [
          {
            code: 'A1',
            score: 1.5,
            auto: true,
            overrideReason: '',
            comment: '部分月份未召开',
            evidenceIds: ['mt2', 'mt3'],
          },
          { code: 'A2', score: 2, auto: false, overrideReason: '', comment: '', evidenceIds: ['mt5'] },
        ],
        total: 3.5,
        grade: '一般',
        assessor: '王建国',
        date: `${year}-12-25`,
      },
    ],
    memberEvaluations: [
      {
        ...row('me1'),
        year,
        memberId: 'm2',
        selfResult: '合格',
        peerResult: '优秀',
        collectiveResult: '优秀',
        grade: '优秀',
        exemplars: [],
      },
    ],
    learning: [
      {
        ...row('l1'),
        memberId: 'm3',
        kind: '月写一篇',
        title: '学习心得体会',
        date: `${year}-05-10`,
        notes: '',
        attachmentIds: [],
      },
    ],
    campaigns: [],
    // As in the typical seed: no 技能比武; tests that need one add makeCompetition().
    competitions: [],
    audit,
    attachments: [photoMeta, signMeta],
    images: new Map([
      [photoMeta.sha256, photo],
      [signMeta.sha256, signPhoto],
    ]),
  };
}

/** A 技能比武 of the factory's branch: 「公文写作比武」 on 2025-11-20, two of the factory's members taking part. */
export function makeCompetition(overrides: Partial<Competition> = {}): Competition {
  return {
    ...row('cp1'),
    name: '公文写作比武',
    date: '2025-11-20',
    kind: '岗位练兵',
    participants: [
      { memberId: 'm2', name: '李春梅', score: 96.5, rank: 1, award: '一等奖' },
      { memberId: 'm4', name: '刘晓燕', score: null, rank: null, award: '' },
    ],
    notes: '',
    ...overrides,
  };
}

/** What a 会议记录单 is printed with (buildMeetingRecordDoc's context), from a factory volume's data. */
export function recordContextOf(data: DossierData) {
  return {
    branch: data.branch,
    members: data.members,
    venues: data.venues,
    attachments: data.attachments,
    audit: data.audit,
  };
}
