// Chinese text for the demo records: topics, agendas, minutes, speeches and resolutions from templates with variation,
// worded after the source speech (争做×先锋, 五好五强, 五带头五标兵, 一抓好四深化) and the 2018 支部工作条例.
import type { Rng } from './random';

/** 五好五强, exactly as in the source document. */
export const FIVE_GOOD_FIVE_STRONG = [
  '领导班子好、战斗力强',
  '党员队伍好、学习创新强',
  '工作机制好、管理服务强',
  '工作业绩好、作用发挥强',
  '群众反映好、作风转变强',
] as const;

/** 一抓好四深化, exactly as in the source document. */
export const ONE_FOUR = [
  '抓好学习型机关党组织建设，深入开展“日阅一文、月写一篇、季读一本、半年一讲”活动',
  '深化建设机关文化塑造机关精神工作，进一步推动“单位有精神、科室有理念、人人有格言”主题活动的开展',
  '深化党建质量标准化管理工作，努力实现“活动有阵地、工作有记录、领导有责任、评价有标准”的工作目标',
  '积极组织岗位练兵技能比武工作，掀起“练硬功、打擂台、强技能、出人才”的热潮',
  '深化机关作风效能长效机制建设工作，坚持“群众满意是尺子、社会评价是台子、服务优质是金子”的标准',
] as const;

export const CAMPAIGN_THEME = '履职尽责促发展、推动和谐做贡献';

/** The party congress whose spirit a year's study follows. */
export function congressOf(year: number): string {
  return year <= 2017 ? '党的十八大' : year <= 2022 ? '党的十九大' : '党的二十大';
}

interface Theme {
  title: string;
  points: readonly string[];
}

/** What a month is usually about in a 市人大机关 branch; {congress} and {year} are filled in. */
const MONTH_THEMES: Record<number, readonly Theme[]> = {
  1: [
    {
      title: '学习贯彻中央经济工作会议精神',
      points: ['深刻领会做好经济工作的总体要求和政策取向', '结合人大监督工作，围绕全市经济社会发展大局履职尽责'],
    },
    {
      title: '谋划全年工作、筑牢思想根基',
      points: ['回顾上一年度支部工作，查找差距不足', '明确本年度党建工作重点，做到任务项目化、责任具体化'],
    },
  ],
  2: [
    {
      title: '学习贯彻市人代会精神',
      points: [
        '学习市人民代表大会会议通过的各项决议',
        '把会议确定的目标任务落实到本职工作中',
        '做好代表建议交办和跟踪服务工作',
      ],
    },
    {
      title: '新春收心、作风建设再出发',
      points: ['重申廉洁过节各项纪律要求', '迅速从节日状态转入工作状态，做到收心、收神、收力'],
    },
  ],
  3: [
    {
      title: '学习贯彻全国两会精神',
      points: [
        '学习政府工作报告和全国人大常委会工作报告',
        '领会全过程人民民主的重大理念和实践要求',
        '结合地方人大工作谈体会、找差距',
      ],
    },
    {
      title: '学雷锋志愿服务',
      points: ['弘扬雷锋精神，开展“学雷锋、树新风”志愿服务', '深入联系社区开展普法宣传和便民服务'],
    },
  ],
  4: [
    {
      title: '缅怀革命先烈、传承红色基因',
      points: ['清明前夕到烈士陵园开展祭扫活动', '重温入党誓词，接受革命传统教育'],
    },
    {
      title: '党风廉政警示教育',
      points: [
        '观看警示教育片，以案为鉴、以案促改',
        '学习《中国共产党纪律处分条例》相关条款',
        '对照查摆岗位廉政风险点',
      ],
    },
  ],
  5: [
    { title: '弘扬五四精神、激发青年担当', points: ['组织青年党员座谈交流成长体会', '发挥青年理论学习小组作用'] },
    {
      title: '学习宪法和人大制度理论',
      points: ['学习宪法关于人民代表大会制度的规定', '深入理解坚持和完善人民代表大会制度的重大意义'],
    },
  ],
  6: [
    {
      title: '迎七一、讲党史、践初心',
      points: ['学习党的光辉历程和伟大成就', '讲述身边优秀共产党员的先进事迹', '开展党员政治生日活动'],
    },
    {
      title: '“如何珍惜岗位”专题讨论',
      points: [
        '学习署名文章《如何珍惜“岗位”》',
        '对照查找“拿岗位当儿戏、混饭吃、作践岗位”的现象',
        '人人争做珍惜岗位的模范',
      ],
    },
  ],
  7: [
    {
      title: '庆祝中国共产党成立{age}周年',
      points: ['重温入党誓词，过“政治生日”', '表彰优秀共产党员', '学习习近平总书记在庆祝建党纪念大会上的重要讲话精神'],
    },
    { title: '红色教育基地现场教学', points: ['参观革命纪念馆，接受党性教育', '聆听红色故事，坚定理想信念'] },
  ],
  8: [
    { title: '保密教育', points: ['学习保密法律法规和机关保密管理规定', '开展涉密载体和计算机保密自查'] },
    { title: '拥军优属、弘扬双拥传统', points: ['学习双拥工作有关法规', '走访慰问驻地部队和退役军人'] },
  ],
  9: [
    {
      title: '机关作风建设专题学习',
      points: [
        '学习机关作风效能建设有关规定',
        '坚持“群众满意是尺子、社会评价是台子、服务优质是金子”的标准',
        '查找服务意识方面存在的问题',
      ],
    },
    {
      title: '深入推进“争做×先锋”活动',
      points: [
        '以创建“五好五强”先进机关党支部为目标',
        '争做“五带头、五标兵”优秀共产党员',
        '以“一抓好四深化”为载体层层展开',
      ],
    },
  ],
  10: [
    { title: '学习贯彻{congress}精神', points: ['学习{congress}报告和党章', '把{congress}精神落实到人大工作各方面'] },
    { title: '爱国主义教育', points: ['观看爱国主义教育影片', '交流学习心得，激发爱国热情'] },
  ],
  11: [
    { title: '宪法宣传周学习准备', points: ['学习宪法修正案和宪法相关法', '准备国家宪法日宣传活动方案'] },
    { title: '调查研究成果交流', points: ['交流年度调研报告和立法调研成果', '调查研究是谋事之基、成事之道'] },
  ],
  12: [
    { title: '国家宪法日学习宣传', points: ['开展宪法宣誓和宪法知识测试', '走进社区开展宪法宣传'] },
    { title: '年终总结、查摆问题', points: ['总结全年党建工作，查摆问题、剖析原因', '为召开组织生活会做好准备'] },
  ],
};

export function themeOf(rng: Rng, year: number, month: number): Theme {
  const theme = rng.pick(MONTH_THEMES[month]!);
  const fill = (s: string) => s.replace(/\{congress\}/g, congressOf(year)).replace(/\{age\}/g, String(year - 1921));
  return { title: fill(theme.title), points: theme.points.map(fill) };
}

const SPEECH_LINES = [
  '通过学习，进一步增强了“四个意识”，要把学习成果转化为做好本职工作的实际行动。',
  '作为一名普通党员，要立足岗位，把每一份文件、每一次会议服务都做到精益求精。',
  '要结合人大工作实际，在服务代表、服务常委会上下功夫，当好参谋助手。',
  '对照“五带头、五标兵”要求，自己在学习的系统性上还有差距，今后要坚持日阅一文。',
  '机关工作无小事，要筹划在领导决策之前，参谋在领导思考之中，服务在领导工作之前。',
  '建议支部多组织到基层一线调研，把学习和调研结合起来。',
  '要珍惜岗位，把敬业、爱岗落实到每一件具体工作中。',
  '在立法调研中深刻体会到，必须把群众的意见建议充分吸收进来。',
  '要发扬“练硬功、打擂台、强技能、出人才”的精神，不断提升业务能力。',
  '自己在工作中存在畏难情绪，今后要主动作为、迎难而上。',
  '建议进一步规范党小组活动记录，做到“工作有记录”。',
  '要严守纪律规矩，小事讲风格，大事讲原则，维护机关团结和谐。',
  '通过这次活动深受教育，要以先进典型为榜样，在平凡岗位上作出不平凡的业绩。',
  '要把监督工作做实，督促“一府两院”办理好代表建议、批评和意见。',
];

const CRITICISMS = [
  '理论学习的系统性不够，存在“用什么学什么”的现象',
  '深入基层调研不够，掌握第一手情况不多',
  '工作中有时满足于完成任务，创新意识不强',
  '对新入职同志的传帮带做得不够',
  '执行请示报告制度有时不够及时',
  '服务代表的主动性还需增强',
];

export interface Person {
  id: string;
  name: string;
}

export interface MeetingText {
  topic: string;
  agenda: string;
  content: string;
  speeches: string;
  resolutions: string;
  outline?: string;
}

export interface TextContext {
  rng: Rng;
  year: number;
  month: number;
  dateZh: string;
  place: string;
  host: string;
  recorder: string;
  expected: number;
  present: number;
  /** 「李伟（出差）、王芳（病假）」 or ''. */
  leaveText: string;
  speakers: readonly Person[];
  guests: readonly string[];
  /** Present members with the vote (正式党员): what a 表决结果 counts. */
  voters: number;
}

const numbered = (items: readonly string[]) => items.map((s, i) => `${i + 1}. ${s}`).join('\n');

function opening(c: TextContext, what: string): string {
  const leave = c.leaveText ? `，${c.leaveText}请假` : '';
  const guests = c.guests.length ? `，${c.guests.join('、')}列席会议` : '';
  return `${c.dateZh}，${what}在${c.place}召开，${c.host}主持，应到${c.expected}人，实到${c.present}人${leave}${guests}，${c.recorder}记录。`;
}

function speechBlock(c: TextContext, count: number): string {
  const lines = c.rng.sample(SPEECH_LINES, count);
  return c.speakers
    .slice(0, count)
    .map((p, i) => `${p.name}：${lines[i] ?? c.rng.pick(SPEECH_LINES)}`)
    .join('\n');
}

const vote = (n: number) => `表决结果：应到${n}人，同意${n}票，反对0票，弃权0票，一致通过。`;

const COMMITTEE_ITEMS: Record<number, readonly string[]> = {
  1: ['研究制定本年度支部党建工作计划', '研究本年度“三会一课”安排'],
  2: ['研究党员发展和教育管理工作', '研究“争做×先锋”活动调查研究阶段工作'],
  3: ['研究“争做×先锋”活动实施方案', '研究第一季度支部党员大会议题'],
  4: ['研究党风廉政建设工作安排', '听取党小组工作情况汇报'],
  5: ['研究年中党课安排', '研究党费收缴使用情况'],
  6: ['研究“七一”系列活动方案', '研究推荐表彰优秀共产党员人选'],
  7: ['研究上半年党建工作总结', '研究下半年重点工作'],
  8: ['研究阵地复查发现问题的整改', '研究党员学习“日阅一文、月写一篇、季读一本、半年一讲”情况'],
  9: ['研究第三季度支部党员大会议题', '研究预备党员培养考察情况'],
  10: ['研究“争做×先锋”活动量化考评办法', '研究年度述职准备工作'],
  11: ['研究组织生活会准备工作', '研究民主评议党员工作方案'],
  12: ['研究年度党建工作总结', '研究年度考评自评结果'],
};

export function committeeText(c: TextContext, extraItem?: string): MeetingText {
  const items = [...COMMITTEE_ITEMS[c.month]!];
  if (extraItem) items.push(extraItem);
  const discussed = items.map((s) => s.replace(/^研究/, '')).join('、');
  return {
    topic: `研究${items[0]!.replace(/^研究/, '')}等事项`,
    agenda: numbered(items),
    content:
      `${opening(c, `支部委员会${c.month}月份会议`)}会议首先传达学习了市人大机关党委近期工作要求，通报了上月支部工作完成情况。` +
      `会议逐项研究了${discussed}。与会委员结合分管工作逐一发表意见，一致认为要坚持把党建工作与人大业务工作同谋划、同部署、同落实，` +
      `以党建质量标准化管理为抓手，努力实现“活动有阵地、工作有记录、领导有责任、评价有标准”。` +
      `${c.host}强调，支委成员要落实一岗双责，带头执行支部决议，对议定事项明确责任人和完成时限，下次支委会听取落实情况。`,
    speeches: speechBlock(c, Math.min(3, c.speakers.length)),
    resolutions: `${numbered(items.map((s) => `同意${s.replace(/^研究/, '')}的意见`))}\n${vote(c.voters)}`,
  };
}

export function assemblyText(
  c: TextContext,
  quarter: number,
  admissions: readonly string[],
  confirmations: readonly string[],
): MeetingText {
  const items = [
    quarter === 1
      ? '动员部署“争做×先锋”活动'
      : quarter === 4
        ? '通报全年党建工作和“争做×先锋”活动开展情况'
        : `通报第${'一二三四'[quarter - 1]}季度支部工作`,
    `学习${c.rng.pick(['党章', '《中国共产党支部工作条例（试行）》', `${congressOf(c.year)}报告`, '宪法'])}有关内容`,
    ...admissions.map((n) => `讨论接收${n}同志为中共预备党员`),
    ...confirmations.map((n) => `讨论${n}同志预备党员转正`),
  ];
  const decided = [
    ...admissions.map((n) => `同意接收${n}同志为中共预备党员，报机关党委审批。`),
    ...confirmations.map((n) => `同意${n}同志按期转为中共正式党员，报机关党委审批。`),
  ];
  return {
    topic: quarter === 1 ? '动员部署“争做×先锋”活动' : `${c.year}年第${'一二三四'[quarter - 1]}季度支部党员大会`,
    agenda: numbered(items),
    content:
      `${opening(c, '支部党员大会')}` +
      (quarter === 1
        ? `会议传达了机关“争做×先锋”活动实施方案，明确以“${CAMPAIGN_THEME}”为主题，以创建“五好五强”先进机关党支部、争做“五带头、五标兵”优秀共产党员为主要内容，以“一抓好四深化”为载体，分调查研究、动员部署、全面争创、完善提升四个阶段推进。`
        : `会议通报了本季度支部工作情况和“三会一课”落实情况，对下一阶段工作作了安排。`) +
      `会议组织学习了${items[1]!.replace(/^学习/, '').replace(/有关内容$/, '')}有关内容，党员们结合岗位实际交流了体会。` +
      (admissions.length
        ? `会议按照发展党员程序，听取了发展对象的入党志愿、入党介绍人和支部委员会审查意见，经充分讨论，进行了无记名投票表决。`
        : '') +
      (confirmations.length ? `会议听取了预备党员转正申请和党小组意见，对其预备期表现进行了讨论。` : '') +
      `${c.host}要求全体党员对照“五带头、五标兵”标准，在本职岗位上创先争优。`,
    speeches: speechBlock(c, Math.min(4, c.speakers.length)),
    resolutions: decided.length
      ? `${decided.join('\n')}\n${vote(c.voters)}`
      : `会议同意支部委员会关于下一阶段工作的安排。\n${vote(c.voters)}`,
  };
}

export function groupText(c: TextContext, groupName: string): MeetingText {
  const theme = themeOf(c.rng, c.year, c.month);
  return {
    topic: `${groupName}学习“${theme.title}”`,
    agenda: numbered([`学习${theme.title}有关内容`, '交流学习体会', '通报党小组成员学习和工作情况']),
    content:
      `${opening(c, `${groupName}${c.month}月份党小组会`)}会议围绕“${theme.title}”开展学习，${theme.points.join('；')}。` +
      `党小组成员逐一交流了学习体会，并结合“日阅一文、月写一篇”情况谈了收获。组长通报了本组党员参加支部活动和完成学习任务的情况，` +
      `对下月工作提出了要求。`,
    speeches: speechBlock(c, Math.min(3, c.speakers.length)),
    resolutions: '',
  };
}

const LECTURE_TOPICS = [
  '坚持和完善人民代表大会制度，做新时代合格的人大机关党员',
  '珍惜岗位、忠诚履职，争做×先锋',
  '以“五带头、五标兵”为标杆，在服务保障中当先锋作表率',
  '学习{congress}精神，推动人大工作高质量发展',
  '践行全过程人民民主，做好代表服务工作',
  '严守纪律规矩，永葆清正廉洁政治本色',
  '深化党建质量标准化管理，夯实支部建设基础',
];

export function lectureText(c: TextContext, lecturer: string, bySecretary: boolean): MeetingText {
  const title = c.rng.pick(LECTURE_TOPICS).replace(/\{congress\}/g, congressOf(c.year));
  const outline = numbered([
    `为什么要讲“${title.split('，')[0]}”`,
    `${congressOf(c.year)}以来的新要求新部署`,
    '对照检查：我们在思想作风、服务意识方面存在的问题',
    '努力方向：加强学习和调研、切实转变作风、促进团结和谐',
  ]);
  return {
    topic: `${bySecretary ? '支部书记' : ''}${lecturer}讲党课：${title}`,
    agenda: numbered(['授课', '交流讨论', '主持人小结']),
    outline,
    content:
      `${opening(c, '党课')}${lecturer}同志以“${title}”为题讲授专题党课。党课从理论和实践两个方面进行阐述，` +
      `要求大家从为市人大及其常委会依法履职提供优质服务的高度，结合自身工作职责，认真查找在思想作风、服务意识等方面存在的问题，` +
      `认真查找在当好参谋助手、提供服务保障方面存在的差距和不足。党课结合机关工作实例，深入浅出、联系实际，党员们普遍反映很受教育。`,
    speeches: speechBlock(c, Math.min(2, c.speakers.length)),
    resolutions: '',
  };
}

export function themeDayText(c: TextContext): MeetingText {
  const theme = themeOf(c.rng, c.year, c.month);
  return {
    topic: `“${theme.title}”主题党日`,
    agenda: numbered(['重温入党誓词', ...theme.points.slice(0, 2), '交纳党费']),
    content:
      `${opening(c, '主题党日活动')}全体党员面向党旗重温入党誓词。活动围绕“${theme.title}”展开：${theme.points.join('；')}。` +
      `党员们结合岗位实际踊跃发言，表示要以实际行动践行入党誓言。活动最后，党员按月交纳了党费。` +
      `${c.host}在总结时指出，主题党日要坚持每月相对固定时间开展，做到主题鲜明、形式多样、注重实效。`,
    speeches: speechBlock(c, Math.min(3, c.speakers.length)),
    resolutions: '',
  };
}

export function lifeMeetingText(c: TextContext): MeetingText {
  const issues = c.rng.sample(CRITICISMS, 3);
  return {
    topic: `${c.year}年度组织生活会`,
    agenda: numbered([
      '通报上年度组织生活会整改落实情况',
      '支部班子对照检查',
      '党员个人对照检查，开展批评和自我批评',
      '书记总结',
    ]),
    content:
      `${opening(c, '年度组织生活会')}会前，支部通过发放征求意见表、开展谈心谈话等方式广泛征求意见，支委之间、支委与党员之间、党员之间普遍开展了谈心谈话。` +
      `会上，${c.host}代表支委会作对照检查，查摆出${issues.join('；')}等问题，并提出了整改措施。` +
      `党员逐一进行个人对照检查，开展批评和自我批评，做到直面问题、红脸出汗。会议认为，这次组织生活会达到了统一思想、增进团结、共同提高的目的。`,
    speeches: c.speakers
      .slice(0, 4)
      .map((p) => `${p.name}：自我批评——${c.rng.pick(CRITICISMS)}；今后要在学习和工作中加以改进。`)
      .join('\n'),
    resolutions: `会议形成问题清单${issues.length}项，明确整改措施和时限，由支委会督促落实。`,
  };
}

export function reviewText(c: TextContext, excellent: readonly string[]): MeetingText {
  return {
    topic: `${c.year}年度民主评议党员`,
    agenda: numbered(['学习民主评议党员有关规定', '党员个人自评', '党员互评', '组织评定，确定评议等次']),
    content:
      `${opening(c, '民主评议党员大会')}会议对照“五带头、五标兵”标准，采取个人自评、党员互评、民主测评、组织评定的方式对党员进行评议。` +
      `每名党员围绕带头学习提高、带头高举旗帜、带头服务大局、带头转变作风、带头改革创新作了自评发言，其他党员逐一提出评议意见。` +
      `支部委员会根据测评结果和日常表现，提出评议等次建议，经党员大会评定。`,
    speeches: speechBlock(c, Math.min(3, c.speakers.length)),
    resolutions: `评定优秀党员${excellent.length}名：${excellent.join('、')}；其余同志评为合格党员。优秀比例未超过参评党员的三分之一。\n${vote(c.voters)}`,
  };
}

export function talkText(c: TextContext, a: string, b: string): MeetingText {
  const focus = c.rng.pick([
    '思想和工作情况',
    '学习和生活情况',
    '落实“一岗双责”情况',
    '预备期表现和努力方向',
    '对支部工作的意见建议',
  ]);
  return {
    topic: `${a}与${b}同志谈心谈话`,
    agenda: numbered([`了解${b}同志${focus}`, '交换意见和建议']),
    content:
      `${c.dateZh}，${a}与${b}同志在${c.place}开展谈心谈话。双方围绕${focus}坦诚交流。${b}同志谈了近期的思想、工作和学习情况，` +
      `也提出了希望支部多组织业务交流的建议。${a}肯定了其工作成绩，指出了需要改进的地方，希望其对照“五带头、五标兵”标准严格要求自己。`,
    speeches: '',
    resolutions: '',
  };
}

export function groupTalkText(c: TextContext, leader: string, groupName: string): MeetingText {
  return {
    topic: `${leader}与${groupName}党员谈心谈话`,
    agenda: numbered(['了解党员思想和工作情况', '听取对支部工作和班子成员的意见', '提出希望和要求']),
    content:
      `${opening(c, `${groupName}谈心谈话`)}为开好年度组织生活会，${leader}与${groupName}党员逐一谈心谈话，` +
      `听取了大家对支部班子和支委成员的意见建议，了解了党员的思想动态和工作生活中的困难，并做好记录，为查摆问题、开展批评和自我批评打下基础。`,
    speeches: speechBlock(c, Math.min(3, c.speakers.length)),
    resolutions: '',
  };
}

export function studyText(c: TextContext): MeetingText {
  const theme = themeOf(c.rng, c.year, c.month);
  return {
    topic: `专题学习：${theme.title}`,
    agenda: numbered([`领学${theme.title}有关内容`, '重点发言', '交流讨论']),
    content:
      `${opening(c, '专题学习会')}会议采取领学、自学和交流发言相结合的方式，围绕“${theme.title}”进行专题学习：${theme.points.join('；')}。` +
      `大家一致认为，要把学习成果转化为推动工作的实际成效，进一步提高服务人民、服务代表、服务“三会”的能力。`,
    speeches: speechBlock(c, Math.min(3, c.speakers.length)),
    resolutions: '',
  };
}

export { CRITICISMS, SPEECH_LINES };
