/**
 * A deterministic demonstration corpus shaped like the Shenzhen government's
 * April 2022 report on the 7th CPPCC's first session: about 616 replies per
 * 567 proposals, replies graded A/B/C/D in the report's shares, a few key
 * proposals supervised by a city leader, and a disclosure mix that exercises
 * every rule (summary, withheld, pending, embargoed).
 *
 * Pure: no Node imports, no clock, no Math.random. Same options, same files.
 * The output is a map of relative path → file text for a complete content
 * root (see DESIGN.md, "Content model").
 */

/** Options for {@link generateSample}. */
export interface SampleOptions {
  /** Exact number of reply files to generate (≥ 0). */
  replies: number;
  /** Seed for the pseudo-random generator; the same seed gives the same corpus. */
  seed?: string | number;
}

/** Replies per session in the report (7th CPPCC, first session). */
export const REPLIES_PER_SESSION = 616;
/** Proposals handed to government units in the report. */
const REPORT_PROPOSALS = 567;
/** The report's other figures, used to scale each session's `official` block. */
const REPORT = { received: 739, plenary: 714, betweenSessions: 25, registered: 579, keyProposals: 11 };
/** Category shares in the report, in percent. */
export const CATEGORY_SHARES = { A: 74.84, B: 19.32, C: 5.19, D: 0.65 } as const;
/** Disclosure mix (percent); `embargoed` is `public` with a `publishOn` far in the future. */
const DISCLOSURE_SHARES = { public: 93, summary: 3, withheld: 2, pending: 1, embargoed: 1 } as const;
const DEFAULT_SEED = 'open-replies';
const LAST_TERM = 7;
const FIRST_TERM = 1;
const MEETINGS_PER_TERM = 5;

// ---------------------------------------------------------------------------
// Seeded randomness: a string hash feeding mulberry32.

function hashString(s: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 ^ h2) >>> 0;
}

class Rng {
  private state: number;
  constructor(key: string) {
    this.state = hashString(key);
  }
  /** Uniform in [0, 1) (mulberry32). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), 1 | t);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  /** Integer in [lo, hi], inclusive. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  /** Pick by weight from `[value, weight]` pairs. */
  weighted<T>(pairs: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of pairs) total += w;
    let r = this.next() * total;
    for (const [v, w] of pairs) {
      r -= w;
      if (r < 0) return v;
    }
    return pairs[pairs.length - 1]![0];
  }
  /** Fisher–Yates, in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = items[i]!;
      items[i] = items[j]!;
      items[j] = t;
    }
    return items;
  }
  /** `k` distinct items, in random order. */
  sample<T>(items: readonly T[], k: number): T[] {
    return this.shuffle(items.slice()).slice(0, k);
  }
}

/** Largest-remainder apportionment of `total` over `shares`; ties go to the earlier key. */
export function apportion<K extends string>(total: number, shares: Readonly<Record<K, number>>): Record<K, number> {
  const keys = Object.keys(shares) as K[];
  const sum = keys.reduce((s, k) => s + shares[k], 0);
  const out = {} as Record<K, number>;
  const rema: { k: K; r: number; i: number }[] = [];
  let given = 0;
  keys.forEach((k, i) => {
    const exact = (total * shares[k]) / sum;
    out[k] = Math.floor(exact);
    given += out[k];
    rema.push({ k, r: exact - out[k], i });
  });
  rema.sort((a, b) => b.r - a.r || a.i - b.i);
  for (let j = 0; given < total; j++, given++) out[rema[j % rema.length]!.k] += 1;
  return out;
}

/** A shuffled list holding each key `counts[key]` times. */
function deck<K extends string>(rng: Rng, counts: Record<K, number>): K[] {
  const out: K[] = [];
  for (const k of Object.keys(counts) as K[]) for (let i = 0; i < counts[k]; i++) out.push(k);
  return rng.shuffle(out);
}

// ---------------------------------------------------------------------------
// Calendar dates as day numbers (proleptic Gregorian), no time zones involved.

function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z: number): [number, number, number] {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function isoDate(day: number): string {
  const [y, m, d] = civilFromDays(day);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

// ---------------------------------------------------------------------------
// A small YAML emitter for the shapes used here. Plain scalars are used only
// when YAML 1.2 reads them back as the same string; dates stay plain.

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const NUMBERISH_RE = /^[-+.]?\d[\d._:eExXoObB+-]*$|^[-+]?\.(inf|nan)$/i;
const KEYWORD_RE = /^(true|false|null|yes|no|on|off|y|n|~)$/i;
// ASCII characters with a meaning somewhere in YAML (block or flow context).
const UNSAFE_RE = /[:#{}[\],&*!|>'"%@`\\\n\r\t]/;

type Scalar = string | number | boolean;
type FlowMap = { [key: string]: Scalar | undefined };

function scalar(v: Scalar): string {
  if (typeof v !== 'string') return String(v);
  if (DATE_RE.test(v)) return v;
  if (
    v === '' ||
    NUMBERISH_RE.test(v) ||
    KEYWORD_RE.test(v) ||
    UNSAFE_RE.test(v) ||
    /^[\s\-?]/.test(v) ||
    /\s$/.test(v)
  ) {
    return JSON.stringify(v);
  }
  return v;
}

function flowMap(m: FlowMap): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(m)) if (v !== undefined) parts.push(`${k}: ${scalar(v)}`);
  return `{ ${parts.join(', ')} }`;
}

function flowSeq(items: readonly Scalar[]): string {
  return `[${items.map(scalar).join(', ')}]`;
}

/** A list of flat records, one flow mapping per line. */
function yamlList(items: readonly FlowMap[]): string {
  return items.map((m) => `- ${flowMap(m)}\n`).join('');
}

// ---------------------------------------------------------------------------
// Vocabulary: units, topics, proposers.

type UnitKind = 'department' | 'district' | 'other';
interface UnitDef {
  id: string;
  name: string;
  fullName: string;
  kind: UnitKind;
  /** Prefix of the unit's letter numbers (文号), e.g. 深交函. */
  doc: string;
  /** Short name used inside titles (districts only). */
  short?: string;
}

const U = (id: string, name: string, fullName: string, kind: UnitKind, doc: string, short?: string): UnitDef => ({
  id,
  name,
  fullName,
  kind,
  doc,
  short,
});

const UNITS: readonly UnitDef[] = [
  U('fgw', '市发展改革委', '深圳市发展和改革委员会', 'department', '深发改函'),
  U('kjcxw', '市科技创新委', '深圳市科技创新委员会', 'department', '深科技创新函'),
  U('gxj', '市工业和信息化局', '深圳市工业和信息化局', 'department', '深工信函'),
  U('gaj', '市公安局', '深圳市公安局', 'department', '深公函'),
  U('jtj', '市交通运输局', '深圳市交通运输局', 'department', '深交函'),
  U('wjw', '市卫生健康委', '深圳市卫生健康委员会', 'department', '深卫健函'),
  U('mzj', '市民政局', '深圳市民政局', 'department', '深民函'),
  U('sfj', '市司法局', '深圳市司法局', 'department', '深司函'),
  U('rsj', '市人力资源保障局', '深圳市人力资源和社会保障局', 'department', '深人社函'),
  U('sthjj', '市生态环境局', '深圳市生态环境局', 'department', '深环函'),
  U('ghzy', '市规划和自然资源局', '深圳市规划和自然资源局', 'department', '深规划资源函'),
  U('jyj', '市教育局', '深圳市教育局', 'department', '深教函'),
  U('zjj', '市住房建设局', '深圳市住房和建设局', 'department', '深建函'),
  U('water', '市水务局', '深圳市水务局', 'department', '深水函'),
  U('czj', '市财政局', '深圳市财政局', 'department', '深财函'),
  U('swj', '市商务局', '深圳市商务局', 'department', '深商务函'),
  U('wtlyj', '市文化广电旅游体育局', '深圳市文化广电旅游体育局', 'department', '深文旅体函'),
  U('scjgj', '市市场监管局', '深圳市市场监督管理局', 'department', '深市监函'),
  U('yjglj', '市应急管理局', '深圳市应急管理局', 'department', '深应急函'),
  U('cgj', '市城市管理和综合执法局', '深圳市城市管理和综合执法局', 'department', '深城管函'),
  U('gzw', '市国资委', '深圳市人民政府国有资产监督管理委员会', 'department', '深国资委函'),
  U('jrj', '市地方金融监管局', '深圳市地方金融监督管理局', 'department', '深金融函'),
  U('tyjrswj', '市退役军人事务局', '深圳市退役军人事务局', 'department', '深退役军人函'),
  U('ybj', '市医疗保障局', '深圳市医疗保障局', 'department', '深医保函'),
  U('zsj', '市政务服务数据管理局', '深圳市政务服务数据管理局', 'department', '深政数函'),
  U('qianhai', '前海管理局', '深圳市前海深港现代服务业合作区管理局', 'department', '深前海函'),
  U('qxj', '市气象局', '深圳市气象局', 'department', '深气函'),
  U('futian', '福田区政府', '深圳市福田区人民政府', 'district', '福府函', '福田区'),
  U('luohu', '罗湖区政府', '深圳市罗湖区人民政府', 'district', '罗府函', '罗湖区'),
  U('nanshan', '南山区政府', '深圳市南山区人民政府', 'district', '深南府函', '南山区'),
  U('yantian', '盐田区政府', '深圳市盐田区人民政府', 'district', '深盐府函', '盐田区'),
  U('baoan', '宝安区政府', '深圳市宝安区人民政府', 'district', '深宝府函', '宝安区'),
  U('longgang', '龙岗区政府', '深圳市龙岗区人民政府', 'district', '深龙府函', '龙岗区'),
  U('longhua', '龙华区政府', '深圳市龙华区人民政府', 'district', '深龙华府函', '龙华区'),
  U('pingshan', '坪山区政府', '深圳市坪山区人民政府', 'district', '深坪府函', '坪山区'),
  U('guangming', '光明区政府', '深圳市光明区人民政府', 'district', '深光府函', '光明区'),
  U('dapeng', '大鹏新区管委会', '深圳市大鹏新区管理委员会', 'district', '深鹏管函', '大鹏新区'),
  U('shenshan', '深汕特别合作区管委会', '深汕特别合作区管理委员会', 'district', '深汕管函', '深汕特别合作区'),
  U('customs', '深圳海关', '中华人民共和国深圳海关', 'other', '深关函'),
  U('tax', '市税务局', '国家税务总局深圳市税务局', 'other', '深税函'),
  U('power', '深圳供电局', '深圳供电局有限公司', 'other', '深供电函'),
];
const UNIT_BY_ID = new Map(UNITS.map((u) => [u.id, u]));
const DISTRICTS = UNITS.filter((u) => u.kind === 'district');

interface SubjectDef {
  /** Lead unit candidates for this subject. */
  lead: readonly string[];
  /** Title verbs that fit the object. */
  verbs: readonly string[];
  /** Title object: 关于{verb}{我市}{object}的提案. */
  object: string;
  /** A problem sentence for the proposal (案由). */
  issue: string;
  /** A suggestion clause for the proposal. */
  suggestion: string;
  /** What the replying unit did about it. */
  measure: string;
}

interface TopicDef {
  id: string;
  name: string;
  /** What the work is called in closing sentences: 感谢您对我市…工作的关心. */
  field: string;
  /** Units that often co-handle or share (分办) proposals on this topic. */
  co: readonly string[];
  /** Whether a district may lead (local issues). */
  local: boolean;
  subjects: readonly SubjectDef[];
}

const S = (
  lead: string,
  verbs: string,
  object: string,
  issue: string,
  suggestion: string,
  measure: string,
): SubjectDef => ({
  lead: lead.split(' '),
  verbs: verbs.split('|'),
  object,
  issue,
  suggestion,
  measure,
});

// A data table: one subject per line (lead units, title verbs, object, issue, suggestion, measure).
// prettier-ignore
const TOPICS: readonly TopicDef[] = [
  {
    id: 'industry',
    name: '产业发展',
    field: '产业发展',
    co: ['kjcxw', 'czj', 'gzw', 'scjgj', 'ghzy', 'swj'],
    local: false,
    subjects: [
      S('fgw', '打造|保障', '优势产业链安全', '当前我市部分重点产业链关键环节对外依存度较高，供应链安全面临不确定性', '梳理重点产业链关键环节，建立产业链风险清单和备份机制', '围绕重点产业链绘制产业链图谱，建立“链长制”工作机制'),
      S('fgw gxj', '加快|推动', '战略性新兴产业集群发展', '战略性新兴产业集群规模效应尚未充分显现，部分领域缺少龙头企业带动', '制定战略性新兴产业集群行动计划，前瞻布局未来产业', '制定战略性新兴产业集群行动计划，前瞻布局一批未来产业'),
      S('gxj', '推动|促进', '制造业高质量发展', '部分传统制造业转型升级动力不足，研发投入强度偏低', '设立制造业转型升级专项资金，支持企业技术改造', '实施企业技术改造提升行动，推动制造业数字化转型'),
      S('gxj', '加强|完善', '专精特新中小企业培育', '专精特新中小企业在融资、人才和市场开拓方面仍存在不少困难', '建立专精特新企业梯度培育库，实施精准扶持', '出台支持专精特新中小企业高质量发展的若干措施'),
      S('gxj ghzy', '加强|优化', '产业空间供给保障', '工业用地供给紧张，中小制造企业普遍面临厂房租金上涨的压力', '加大产业用房供给，对优质中小企业实行租金扶持', '加快建设高品质产业空间，稳定工业用地规模'),
      S('swj fgw', '促进|推动', '总部经济发展', '总部企业引进和培育的政策吸引力与周边城市相比优势不明显', '完善总部企业认定和扶持政策，吸引跨国公司设立区域总部', '修订总部企业认定办法，开展总部经济精准招商'),
    ],
  },
  {
    id: 'technology',
    name: '科技创新',
    field: '科技创新',
    co: ['fgw', 'gxj', 'czj', 'jyj', 'rsj'],
    local: false,
    subjects: [
      S('kjcxw', '加强|规范', '基础研究与应用基础研究资金管理', '我市基础研究投入占研发投入的比重与先进城市相比仍然偏低', '提高基础研究投入比重，建立稳定支持与竞争性支持相结合的资助机制', '印发基础研究项目管理办法，建立多层次的基础研究资助体系'),
      S('kjcxw', '推进|强化', '关键核心技术攻关', '部分关键核心技术受制于人，“卡脖子”问题依然突出', '聚焦重点领域组织关键核心技术攻关', '组织实施技术攻关重点项目，推动企业加大自主创新力度'),
      S('kjcxw', '完善|健全', '科技成果转化机制', '高校和科研机构的科技成果转化率不高，产学研衔接不够顺畅', '建设专业化技术转移机构，完善科技成果转化收益分配机制', '完善科技成果转化政策，建设一批概念验证中心和中试平台'),
      S('kjcxw', '支持|推动', '新型研发机构建设', '新型研发机构在运行机制和人才评价方面仍面临制度障碍', '赋予新型研发机构更大自主权，完善绩效评价机制', '出台新型研发机构管理办法，开展分类评价和稳定支持'),
      S('kjcxw rsj', '加强|完善', '青年科技人才培养', '青年科技人才获得稳定支持的渠道较少，成长通道有待拓宽', '设立青年科学家专项，支持青年科技人才挑大梁', '设立青年科技人才专项，提高青年科研人员项目资助比例'),
      S('kjcxw czj', '深化|推进', '科研项目经费管理改革', '科研项目经费管理仍存在报销繁琐、使用不够灵活的问题', '推行科研经费包干制，赋予科研人员更大的经费使用自主权', '在基础研究项目中推行经费包干制，简化预算编制和报销流程'),
    ],
  },
  {
    id: 'digital',
    name: '数字经济',
    field: '数字经济发展',
    co: ['fgw', 'kjcxw', 'gaj', 'swj', 'zsj'],
    local: false,
    subjects: [
      S('gxj', '推动|促进', '数字经济产业创新发展', '随着大数据、云计算、人工智能等技术加速创新，数字经济日益融入经济社会发展各领域', '制定数字经济产业创新发展实施方案，明确重点发展领域', '制定数字经济产业创新发展实施方案，提出重点发展领域和重点任务'),
      S('gxj', '加快|推进', '中小企业数字化转型', '中小企业数字化转型面临“不会转、不敢转、不能转”的困难', '推动工业互联网平台建设，支持中小企业上云用数', '推进工业互联网创新发展，培育一批工业互联网平台'),
      S('gxj', '加快|推进', '新型数字基础设施建设', '5G网络和数据中心等新型基础设施的布局与产业需求仍有差距', '加快5G网络和数据中心等新型基础设施建设', '高质量建设5G网络，推动车联网等行业专网建设'),
      S('zsj', '推进|扩大', '公共数据开放共享', '公共数据开放的范围和质量仍不能满足市场主体的需求', '扩大公共数据开放范围，建立数据分级分类开放机制', '上线公共数据开放平台，持续扩大数据开放范围'),
      S('zsj', '深化|推进', '数字政府建设', '部分政务服务事项仍需线下多次跑动，数据共享不够充分', '推动更多政务服务事项全流程网上办理', '推进数字政府建设，推动更多政务服务事项一网通办'),
      S('kjcxw gxj', '加快|推动', '人工智能应用场景开放', '人工智能企业缺少真实应用场景，创新成果落地较慢', '开放一批人工智能应用场景，培育数字经济新业态', '发布人工智能应用场景清单，支持企业开展示范应用'),
    ],
  },
  {
    id: 'transport',
    name: '交通出行',
    field: '交通',
    co: ['ghzy', 'cgj', 'zsj', 'jtj', 'gaj'],
    local: true,
    subjects: [
      S('gaj jtj', '提升|提高', '智慧停车治理水平', '停车数据分散在不同平台，共享停车资源利用率不高', '搭建全市统一的智慧停车平台，推动停车资源共享', '搭建智慧停车云平台，接入经营性停车场和道路临时停车泊位数据'),
      S('jtj', '破解|缓解', '中心城区停车难问题', '我市机动车保有量持续增长，中心城区停车供需矛盾突出', '利用边角地和地下空间建设立体停车设施', '建设共享停车服务平台，实现在线查询、在线预约和在线支付'),
      S('jtj', '高质量打造|建设', '自行车友好城市', '非机动车道不连续、停放区不足，骑行环境有待改善', '在新建道路同步设置独立路权的非机动车道', '修订地方规范，要求新建道路同步设置独立路权的非机动车道'),
      S('jtj', '优化|加强', '轨道交通与公交接驳', '部分轨道站点周边接驳设施不足，市民换乘不够便捷', '推进轨道、公交、慢行“三网”融合，优化接驳线路', '推进轨道、公交、慢行“三网”融合，优化轨道站点接驳设施'),
      S('jtj', '推进|加快', '港口信息化建设', '港口进口环节单证流转仍较繁琐，信息化水平有待提升', '推进港口作业无纸化，建设港口公共数据平台', '推动港口进出口作业无纸化，协调建设港口公共数据平台'),
      S('gaj', '加强|规范', '学校周边交通秩序管理', '学校周边上下学时段交通拥堵，存在一定安全隐患', '在学校周边设置临时停靠区，加强上下学时段疏导', '在学校周边施划临时停车位，开展上下学时段交通疏导'),
    ],
  },
  {
    id: 'education',
    name: '教育',
    field: '教育',
    co: ['fgw', 'ghzy', 'czj', 'rsj', 'jyj'],
    local: true,
    subjects: [
      S('jyj', '增加|保障', '义务教育学位供给', '随着常住人口持续增加，部分片区义务教育学位供给紧张', '加快新改扩建中小学校，增加公办学位供给', '实施基础教育学位建设攻坚行动，新增一批公办中小学学位'),
      S('jyj', '深化|推进', '职业教育产教融合', '职业院校专业设置与产业需求衔接不够紧密', '推动职业院校与龙头企业共建产业学院', '推动职业院校与龙头企业共建产业学院和实训基地'),
      S('jyj', '提升|提高', '中小学课后服务质量', '中小学课后服务的内容和质量参差不齐，家长接送压力较大', '丰富课后服务内容，引入优质社会资源参与课后服务', '全面开展中小学课后服务，实现义务教育学校全覆盖'),
      S('jyj', '推动|加快', '学前教育普惠发展', '普惠性幼儿园覆盖面有待扩大，学前教育师资队伍不够稳定', '提高普惠性幼儿园补贴标准，稳定幼儿教师队伍', '落实普惠性幼儿园扶持政策，提高学前教育保教质量'),
      S('jyj fgw', '推动|加快', '高等教育高质量发展', '我市高等教育规模与城市经济地位不相匹配', '加快高水平大学建设，扩大高等教育招生规模', '加快推进高水平大学和特色学院建设，扩大本科招生规模'),
      S('jyj wjw', '加强|重视', '中小学生心理健康教育', '中小学生心理健康问题日益受到关注，专业心理教师配备不足', '按标准配齐专职心理健康教师，建立学生心理健康监测机制', '加强学生心理健康教育，配齐配强专兼职心理教师'),
    ],
  },
  {
    id: 'health',
    name: '医疗卫生',
    field: '卫生健康',
    co: ['fgw', 'czj', 'ghzy', 'rsj', 'ybj', 'wjw'],
    local: true,
    subjects: [
      S('wjw', '加强|完善', '疾控体系建设', '疾病预防控制体系在监测预警和应急处置方面仍需加强', '健全疾控体系联防联控平台，强化监测预警和应急演练', '健全疾病预防控制体系，完善监测预警和应急处置机制'),
      S('wjw', '提升|加强', '基层医疗卫生服务能力', '社区健康服务机构人才短缺，基层首诊作用发挥不够', '加强社区健康服务机构建设，提升基层医疗卫生服务能力', '推进社区健康服务机构标准化建设，完善家庭医生签约服务'),
      S('wjw', '完善|推进', '分级诊疗制度', '优质医疗资源集中在大医院，部分医院就医排队时间较长', '推进医联体建设，引导患者合理有序就医', '推进紧密型医联体建设，完善双向转诊机制'),
      S('wjw fgw', '推动|促进', '公立医院高质量发展', '我市优质医疗资源总量仍然不足，高水平医院数量偏少', '加快推进高水平医院建设，扩大优质医疗资源供给', '加快高水平医院建设，新增一批三级医院和床位'),
      S('wjw', '促进|推动', '中医药传承创新发展', '中医药服务供给不足，中医药人才培养体系有待完善', '支持中医医院和中医馆建设，加强中医药人才培养', '推动中医药传承创新发展，建设一批中医馆和名中医诊疗中心'),
      S('ybj', '提高|完善', '门诊慢性病医疗保障待遇', '部分慢性病患者门诊用药负担较重，医疗保障待遇有待提高', '扩大门诊慢性病保障范围，减轻患者医疗费用负担', '优化门诊共济保障机制，扩大门诊慢性病保障范围'),
    ],
  },
  {
    id: 'elderly',
    name: '养老服务',
    field: '养老服务',
    co: ['wjw', 'ybj', 'zjj', 'rsj', 'czj', 'mzj'],
    local: true,
    subjects: [
      S('mzj', '完善|健全', '社区居家养老服务体系', '我市老年人口数量逐年增长，养老服务需求日益多样化', '完善社区居家养老服务网络，实现“老有颐养”', '完善养老服务政策体系，形成多层次养老服务政策框架'),
      S('mzj', '加快|推进', '街道长者服务中心建设', '社区养老服务设施分布不均衡，部分社区缺少长者服务站点', '加快街道长者服务中心建设，实现街道全覆盖', '将街道长者服务中心建设纳入民生实事，加快实现街道全覆盖'),
      S('mzj rsj', '加强|重视', '养老服务人才队伍建设', '养老护理人员流动性大，专业化水平有待提高', '完善养老护理人员薪酬激励和职业发展机制', '依托专业院校培养养老服务人才，开展养老护理从业人员培训'),
      S('zjj mzj', '推进|加快', '老旧小区适老化改造', '老旧小区缺少电梯等无障碍设施，老年人出行不便', '推进老旧小区适老化改造，加装电梯和无障碍设施', '推进老旧小区适老化改造，支持既有住宅加装电梯'),
      S('wjw mzj', '发展|推进', '医养结合服务', '医疗和养老服务衔接不够顺畅，失能老人照护压力较大', '推动医疗机构与养老机构签约合作，发展医养结合服务', '发展医养结合服务，推动医疗机构与养老机构签约合作'),
      S('mzj', '发展|完善', '社区老年人助餐服务', '社区老年人助餐点数量不足，部分老人就餐不便', '发展社区老年人助餐服务，鼓励社会力量参与', '建设社区长者饭堂和助餐点，对高龄和困难老人给予补贴'),
    ],
  },
  {
    id: 'housing',
    name: '住房保障',
    field: '住房保障',
    co: ['ghzy', 'czj', 'jrj', 'cgj', 'zjj'],
    local: true,
    subjects: [
      S('zjj', '加大|增加', '保障性租赁住房供给', '新市民和青年人住房困难问题较为突出，租金负担较重', '多渠道筹集保障性租赁住房，加大供给力度', '多渠道筹集建设保障性租赁住房，持续增加住房供给'),
      S('zjj', '推进|加强', '城中村综合治理', '城中村房屋安全隐患较多，配套设施和环境有待改善', '推进城中村有机更新，完善消防和排水等设施', '开展城中村综合治理，完善消防、排水和停车设施'),
      S('zjj', '完善|规范', '人才住房分配管理', '保障性住房分配和退出机制有待进一步完善', '完善保障性住房轮候、分配和退出机制', '完善公共住房轮候和分配管理，加强使用监管'),
      S('zjj', '加强|规范', '住房租赁市场监管', '住房租赁市场存在哄抬租金、克扣押金等问题', '建立住房租赁资金监管制度，规范租赁市场秩序', '建立住房租赁资金监管制度，规范住房租赁市场秩序'),
      S('zjj', '加快|推进', '老旧小区改造', '部分老旧小区基础设施老化，供水供电和消防设施亟待更新', '将老旧小区改造纳入年度计划，统筹推进设施更新', '推进老旧小区改造，完成一批小区的水电气和消防设施更新'),
      S('zjj', '提升|规范', '住宅小区物业管理服务', '部分住宅小区物业管理缺位，业主投诉较多', '引入专业物业服务，完善物业服务质量评价', '开展物业服务质量评价，提升住宅小区物业管理服务水平'),
    ],
  },
  {
    id: 'environment',
    name: '生态环境',
    field: '生态环境保护',
    co: ['fgw', 'gxj', 'cgj', 'water', 'jrj', 'jtj', 'sthjj'],
    local: false,
    subjects: [
      S('sthjj fgw', '统筹实施|研究制定', '碳排放战略', '实现碳达峰碳中和目标任务艰巨，碳排放统计核算体系尚不完善', '统筹实施碳排放战略，研究制定碳达峰行动方案', '研究编制碳达峰碳中和工作实施意见和碳达峰行动方案'),
      S('sthjj', '建立|完善', '产品碳足迹评价标准体系', '产品碳足迹评价标准缺乏，企业减碳缺少统一依据', '建立产品碳足迹评价标准体系，开展试点评价', '发布碳足迹评价通则，选取行业龙头企业开展试点评价'),
      S('sthjj', '完善|推进', '碳普惠体系建设', '市民参与低碳生活的激励机制不足，碳普惠覆盖面有限', '完善碳普惠机制，推动形成绿色低碳生活方式', '印发碳普惠体系建设工作方案，推动形成绿色生活新风尚'),
      S('sthjj', '加强|推进', '大气污染精细化治理', '臭氧污染防治压力增大，大气治理需要更加精细化', '实施大气污染精细化治理，强化挥发性有机物管控', '实施大气污染精细化治理，强化挥发性有机物排放管控'),
      S('sthjj', '加强|推进', '噪声污染防治', '部分区域施工和交通噪声扰民问题仍然存在', '加强噪声污染源头管控，开展安静小区创建', '开展噪声污染防治行动，加强施工噪声监管'),
      S('jrj sthjj', '构建|完善', '绿色金融体系', '绿色金融产品和服务创新不足，绿色企业融资渠道有限', '完善绿色金融体系，支持绿色企业和绿色项目融资', '持续完善绿色金融体系，支持小微绿色企业和绿色项目'),
    ],
  },
  {
    id: 'water',
    name: '水务治理',
    field: '水务',
    co: ['sthjj', 'cgj', 'czj', 'ghzy', 'qxj', 'water'],
    local: true,
    subjects: [
      S('water', '建立|完善', '民间河长长效机制', '民间河长在参与河流治理中面临管理机制不健全、经费不足等问题', '建立民间河长管理办法，明确准入、评价和退出机制', '研究编制民间河长管理办法，建立学习培训和经费支持等保障机制'),
      S('water', '加强|推进', '城市内涝防治', '汛期部分低洼路段和城中村易发生内涝，影响市民出行安全', '加快排水管网改造，系统推进城市内涝治理', '实施内涝积水点整治，完成一批排水管网改造工程'),
      S('water ghzy', '推进|加快', '海绵城市建设', '城市硬化地面比例高，雨水就地消纳能力不足', '加强海绵城市建设，提高城市雨水就地消纳能力', '系统推进海绵城市建设，将海绵城市要求纳入规划建设管控'),
      S('water', '加快|推进', '优质饮用水入户工程', '部分老旧小区供水管网老化，二次供水设施管理不到位', '推进优质饮用水入户工程，改造老旧供水管网', '推进优质饮用水入户工程，改造老旧小区供水设施'),
      S('water', '加强|完善', '饮用水水源保护', '部分饮用水水源保护区周边仍存在污染风险', '加强饮用水水源保护区规范化建设和巡查', '开展饮用水水源保护区规范化建设，加强日常巡查'),
      S('water', '推进|高标准推进', '碧道建设', '河道沿线公共空间品质不高，亲水设施不足', '统筹推进碧道建设，提升河道沿线公共空间品质', '高标准推进碧道建设，打造一批亲水空间'),
    ],
  },
  {
    id: 'employment',
    name: '就业与社保',
    field: '人力资源和社会保障',
    co: ['ybj', 'czj', 'sfj', 'jyj', 'qianhai', 'rsj'],
    local: false,
    subjects: [
      S('rsj', '探索|加强', '新就业形态劳动者权益保障', '外卖骑手、网约车司机等新就业形态劳动者权益保障仍存在短板', '探索新就业形态劳动者权益保障模式，将其纳入工伤保障范围', '将未建立劳动关系的新业态从业人员纳入单项参加工伤保险范畴'),
      S('rsj', '做好|加强', '高校毕业生就业服务', '高校毕业生就业结构性矛盾较为突出', '加强高校毕业生就业指导，拓宽就业渠道', '实施高校毕业生就业促进计划，开展就业见习和职业指导'),
      S('rsj', '完善|优化', '灵活就业人员社会保险政策', '灵活就业人员参加社会保险的比例偏低', '放宽灵活就业人员参保户籍限制，提高参保率', '允许新就业形态劳动者在办理就业登记后参加企业职工基本养老保险'),
      S('rsj', '加快|加强', '高技能人才培养', '高技能人才总量不足，难以满足产业升级需要', '完善技能人才评价和激励机制，加快培养高技能人才', '推进技能人才培养，开展职业技能提升行动'),
      S('rsj', '完善|健全', '劳动争议调解机制', '新业态劳动争议案件增多，调解仲裁机制有待完善', '在平台企业设立劳动争议调解组织，推动矛盾就地化解', '出台劳动争议调解工作规范，在重点平台企业设立调解组织'),
      S('rsj qianhai', '支持|促进', '港澳青年来深就业创业', '港澳青年来深就业创业在住房、社保等方面仍有不便', '完善港澳青年创业扶持政策，提供一站式服务', '建设港澳青年创新创业基地，提供一站式就业创业服务'),
    ],
  },
  {
    id: 'rule-of-law',
    name: '法治建设',
    field: '法治建设',
    co: ['gaj', 'scjgj', 'rsj', 'qianhai', 'sfj'],
    local: false,
    subjects: [
      S('sfj', '大力发展|支持', '律师行业', '青年律师执业环境有待改善，律师行业资源分布不均衡', '大力发展律师行业，改善青年律师执业环境', '联合市律师协会服务青年律师，搭建青年律师展示交流平台'),
      S('sfj', '完善|健全', '公共法律服务体系', '基层公共法律服务的可及性和便利度仍需提高', '完善公共法律服务网络，推动服务向社区延伸', '推进公共法律服务实体平台建设，实现社区全覆盖'),
      S('sfj', '强化|发展', '涉外法律服务', '涉外高端法律服务供给不足，难以满足企业“走出去”的需要', '强化涉外法律服务，培养涉外法律人才', '与国际商事仲裁机构合作，构筑涉外法律服务新高地'),
      S('sfj', '推进|加强', '行政执法规范化建设', '部分领域行政执法标准不统一，自由裁量空间较大', '统一行政执法标准，规范行政裁量权', '制定行政裁量权基准，推进行政执法规范化建设'),
      S('sfj', '健全|完善', '矛盾纠纷多元化解机制', '矛盾纠纷总量较大，化解渠道衔接不够顺畅', '健全人民调解、行政调解和司法调解联动机制', '健全矛盾纠纷多元化解机制，推动诉源治理'),
    ],
  },
  {
    id: 'culture',
    name: '文化体育',
    field: '文化体育',
    co: ['jyj', 'ghzy', 'czj', 'wtlyj'],
    local: true,
    subjects: [
      S('wtlyj', '优化|完善', '公共文化设施布局', '我市公共文化设施人均面积与国内先进城市相比仍有差距', '优化公共文化设施布局，建设一批新时代重大文化设施', '推进新时代重大文化设施建设，完善公共文化服务体系'),
      S('wtlyj', '加快|加强', '社区全民健身设施建设', '社区体育场地设施不足，市民健身需求难以满足', '利用边角地和公园建设社区体育设施', '建设一批社区体育公园和健身步道，推动学校体育场馆开放'),
      S('wtlyj', '推动|促进', '文旅融合发展', '文旅资源整合不够，缺少有影响力的文旅品牌', '推动文旅融合发展，打造滨海旅游精品线路', '推动文旅融合发展，推出一批精品旅游线路'),
      S('wtlyj', '加强|重视', '非物质文化遗产保护传承', '部分非物质文化遗产项目面临传承人断档的问题', '加强非物质文化遗产保护传承，支持传承人开展传习活动', '实施非物质文化遗产保护传承计划，开展传承人培训'),
      S('swj wtlyj', '发展|繁荣', '夜间经济', '夜间消费业态单一，配套交通和管理服务跟不上', '打造夜间经济集聚区，完善夜间公交和停车配套', '打造一批夜间经济集聚区，延长公共文化场馆开放时间'),
      S('wtlyj', '积极承办|引进', '国际性体育赛事', '我市承办的高水平体育赛事数量偏少，城市体育品牌不够突出', '积极承办国际性体育赛事，提升城市影响力', '引进和培育品牌体育赛事，发展体育产业'),
    ],
  },
  {
    id: 'governance',
    name: '城市治理',
    field: '城市治理',
    co: ['zsj', 'gaj', 'water', 'power', 'mzj', 'cgj'],
    local: true,
    subjects: [
      S('mzj', '加强|创新', '基层社会治理', '社区工作者承担的事务较多，基层减负仍需加强', '建立社区工作事项准入制度，切实为基层减负', '建立社区工作事项准入制度，推动基层减负增效'),
      S('mzj zsj', '完善|推进', '社区网格化管理', '社区网格员配置不足，网格信息采集与部门处置衔接不畅', '推进社区网格化管理，打通网格信息与部门处置系统', '推进社区网格化管理，建设统一的网格事件分拨平台'),
      S('cgj', '推进|深化', '生活垃圾分类', '生活垃圾分类投放的准确率仍然不高，部分小区设施不足', '完善生活垃圾分类设施，开展分类投放督导', '完善生活垃圾分类投放设施，开展分类投放督导'),
      S('cgj', '提升|提高', '城市精细化管理水平', '城市管理各部门数据尚未完全打通，问题发现和处置不够及时', '建设城市运行管理服务平台，提升精细化管理水平', '建设城市运行管理服务平台，推动城市治理精细化'),
      S('yjglj', '健全|完善', '应急管理体系', '极端天气增多，城市应急管理和防灾减灾能力需要提升', '健全应急管理体系，加强应急物资储备和应急演练', '健全应急管理体系，完善应急预案并开展应急演练'),
      S('yjglj', '加强|规范', '燃气安全管理', '部分老旧小区和餐饮场所燃气管道老化，存在安全隐患', '开展燃气安全专项整治，推广安装燃气泄漏报警装置', '开展燃气安全专项整治，推动餐饮场所安装燃气泄漏报警装置'),
      S('scjgj', '加强|创新', '食品安全监管', '餐饮外卖和预制菜等新业态给食品安全监管带来新的挑战', '加强食品安全全链条监管，推动智慧监管', '推进食品安全智慧监管，加强餐饮外卖等新业态监管'),
    ],
  },
  {
    id: 'finance',
    name: '金融服务',
    field: '金融',
    co: ['fgw', 'czj', 'swj', 'kjcxw', 'qianhai', 'tax'],
    local: false,
    subjects: [
      S('jrj', '破解|缓解', '中小微企业融资难题', '中小微企业融资难、融资贵问题仍然存在，首贷获得率偏低', '设立首贷服务中心，提高中小微企业首贷获得率', '设立首贷服务中心，推动银行加大普惠金融投放'),
      S('jrj czj', '完善|健全', '政府性融资担保体系', '政府性融资担保机构规模偏小，担保费率仍然偏高', '完善政府性融资担保体系，降低中小微企业融资成本', '完善政府性融资担保体系，持续降低中小微企业融资成本'),
      S('jrj kjcxw', '发展|推动', '科技金融', '科技型企业轻资产、高风险，难以获得传统信贷支持', '发展知识产权质押融资，支持科技型企业发展', '推广知识产权质押融资，支持科技型企业发展'),
      S('jrj qianhai', '提升|推进', '跨境金融服务便利化', '跨境金融服务便利化水平与深港合作需求仍有差距', '推动跨境理财通等业务扩容，提升跨境金融便利化水平', '推动跨境金融创新，提升跨境金融服务便利化水平'),
      S('jrj', '加强|完善', '金融风险防范', '非法集资等金融风险形式多样，防范化解难度加大', '加强金融风险监测预警，开展金融知识宣传', '建设金融风险监测预警平台，开展防范非法集资宣传'),
    ],
  },
  {
    id: 'opening-up',
    name: '对外开放',
    field: '对外开放',
    co: ['fgw', 'customs', 'gaj', 'jtj', 'tax', 'swj'],
    local: false,
    subjects: [
      S('qianhai', '推进|深化', '深港规则衔接', '深港两地在规则衔接和机制对接方面仍存在障碍', '推进深港规则衔接，探索在专业服务领域开展资格互认', '推进深港规则衔接，在专业服务领域开展执业资格互认'),
      S('qianhai', '加快|推进', '前海深港现代服务业合作区建设', '前海合作区现代服务业集聚效应有待进一步增强', '加大前海现代服务业开放力度，吸引港澳专业服务机构落户', '出台支持前海现代服务业发展的若干措施，引进一批港澳专业服务机构'),
      S('swj customs', '提升|进一步提升', '跨境贸易便利化水平', '跨境贸易通关流程有待进一步简化，企业物流成本较高', '深化国际贸易单一窗口建设，推进通关无纸化', '深化国际贸易单一窗口建设，推动进出口环节无纸化'),
      S('fgw', '持续优化|优化', '营商环境', '企业在办理审批和获取政策信息方面仍有不少堵点', '持续优化营商环境，开展营商环境改革创新', '实施营商环境改革创新行动，持续优化营商环境'),
      S('swj', '加强|完善', '外资企业服务', '外资企业在投资审批和人才引进方面仍面临一些不便', '完善外资企业服务机制，建立重点外资项目服务专班', '建立重点外资项目服务专班，协调解决企业诉求'),
      S('swj', '加快|推进', '国际消费中心城市建设', '我市消费品牌和商圈的国际影响力仍需提升', '打造国际化消费商圈，培育本土消费品牌', '打造国际化消费商圈，举办系列促消费活动'),
    ],
  },
];
/** How often each topic comes up; the rest weigh 5. */
const TOPIC_WEIGHT: Readonly<Record<string, number>> = {
  transport: 12,
  education: 11,
  health: 11,
  elderly: 9,
  industry: 9,
  governance: 9,
  housing: 8,
};
const TOPIC_WEIGHTS = TOPICS.map((t) => [t, TOPIC_WEIGHT[t.id] ?? 5] as const);
/** Topics whose subjects a unit of `t.co` leads: candidates for a second topic. */
const RELATED_TOPICS = new Map(
  TOPICS.map((t) => [t, TOPICS.filter((o) => o !== t && o.subjects.some((s) => s.lead.some((u) => t.co.includes(u))))]),
);

interface ProposerDef {
  id: string;
  name: string;
  kind: 'member' | 'committee' | 'party' | 'group' | 'sector';
  sector?: string;
}

const COMMITTEES: readonly ProposerDef[] = [
  ['proposals', '市政协提案委员会'],
  ['economy', '市政协经济委员会'],
  ['science-education', '市政协科教卫体委员会'],
  ['environment', '市政协人口资源环境委员会'],
  ['law-ethnic', '市政协社会法制和民族宗教委员会'],
  ['hk-macao', '市政协港澳台侨和外事委员会'],
  ['culture', '市政协文化文史和学习委员会'],
  ['liaison', '市政协委员联络委员会'],
].map(([id, name]) => ({ id: `committee-${id}`, name: name!, kind: 'committee' as const }));

const PARTIES: readonly ProposerDef[] = [
  ['minge', '民革深圳市委会'],
  ['minmeng', '民盟深圳市委会'],
  ['minjian', '民建深圳市委会'],
  ['minjin', '民进深圳市委会'],
  ['nonggong', '农工党深圳市委会'],
  ['zhigong', '致公党深圳市委会'],
  ['jiusan', '九三学社深圳市委会'],
  ['taimeng', '台盟深圳市委会'],
].map(([id, name]) => ({ id: `party-${id}`, name: name!, kind: 'party' as const }));

const GROUPS: readonly ProposerDef[] = [
  ['union', '市总工会'],
  ['youth-league', '团市委'],
  ['women', '市妇联'],
  ['commerce', '市工商联'],
  ['science', '市科协'],
  ['overseas', '市侨联'],
  ['taiwan', '市台联'],
  ['youth', '市青联'],
].map(([id, name]) => ({ id: `group-${id}`, name: name!, kind: 'group' as const }));

const SECTORS: readonly ProposerDef[] = [
  ['economy', '经济界'],
  ['education', '教育界'],
  ['science', '科学技术界'],
  ['social-science', '社会科学界'],
  ['culture', '文化艺术界'],
  ['press', '新闻出版界'],
  ['health', '医药卫生界'],
  ['sports', '体育界'],
  ['welfare', '社会福利和社会保障界'],
  ['friendship', '对外友好界'],
  ['agriculture', '农业界'],
  ['ethnic', '少数民族界'],
  ['religion', '宗教界'],
  ['non-party', '无党派人士'],
  ['hong-kong', '特邀香港人士'],
  ['macao', '特邀澳门人士'],
].map(([id, name]) => ({ id: `sector-${id}`, name: name!, kind: 'sector' as const }));

const MEMBER_COUNT = 300;

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱覃武戴莫孔向汤';
const COMPOUND_SURNAMES = ['欧阳', '司徒', '上官', '诸葛'];
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鹏辉婷健俊帆雪琳晨宁欣颖佳浩宇博文思嘉子轩睿哲志海峰建国荣春晓晶岚东亮云飞凯昊天瑞毅诚新宏林楠蕾薇琪瑶怡璐丹露凡锋立军卫兵永宏德中铭翔宸航远清源澄曦';

function personName(rng: Rng): string {
  const surname = rng.chance(0.015)
    ? rng.pick(COMPOUND_SURNAMES)
    : SURNAMES[Math.floor(Math.pow(rng.next(), 1.6) * SURNAMES.length)]!;
  const given = rng.chance(0.3)
    ? GIVEN[rng.int(GIVEN.length)]!
    : GIVEN[rng.int(GIVEN.length)]! + GIVEN[rng.int(GIVEN.length)]!;
  return surname + given;
}

// ---------------------------------------------------------------------------
// Sessions.

const NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

interface SessionDef {
  id: string;
  term: number;
  meeting: number;
  year: number;
  name: string;
}

/** Sessions in fill order: 7-1 … 7-5, then 6-5 … 6-1, then 5-5 … */
function sessionOrder(): SessionDef[] {
  const out: SessionDef[] = [];
  const add = (term: number, meeting: number) =>
    out.push({
      id: `${term}-${meeting}`,
      term,
      meeting,
      year: 2021 + (term - 7) * 5 + (meeting - 1),
      name: `市政协${NUMERALS[term]}届${NUMERALS[meeting]}次会议`,
    });
  for (let m = 1; m <= MEETINGS_PER_TERM; m++) add(LAST_TERM, m);
  for (let t = LAST_TERM - 1; t >= FIRST_TERM; t--) for (let m = MEETINGS_PER_TERM; m >= 1; m--) add(t, m);
  return out;
}

// ---------------------------------------------------------------------------
// Text builders. Bodies are plain paragraphs in the closed MDX dialect: no
// braces, angle brackets or HTML, full-width punctuation only.

const ORDINALS = ['一', '二', '三', '四', '五', '六'];
const MEASURE_HEADS = [
  '强化顶层设计',
  '完善政策体系',
  '加强统筹协调',
  '推动试点示范',
  '加大资金保障',
  '强化宣传引导',
  '狠抓任务落实',
  '加强部门联动',
];
const PROGRESS = [
  '截至YEAR年底，相关工作已取得阶段性成效',
  '目前已完成NUM个项目，惠及群众NUM万人次',
  '相关措施已纳入YEAR年度重点工作，正在有序推进',
  '我们将持续跟踪评估实施效果，及时完善配套措施',
  '下一步将总结试点经验，在全市范围内逐步推广',
  '工作开展以来共收集意见建议NUM条，均已逐条研究吸纳',
];
const CLOSINGS = [
  '感谢您对我市FIELD工作的关心和支持，欢迎继续提出宝贵意见和建议。',
  '衷心感谢您对FIELD工作的关注，希望今后继续给予关心、支持和监督。',
  '再次感谢您对FIELD工作的关心和支持。',
];
const INTRO_TAILS = [
  '我单位高度重视，由主要负责同志牵头研究，并与您进行了充分沟通。',
  '我单位高度重视，认真组织研究，并通过座谈和实地调研等方式听取了您的意见。',
  '我单位对提案内容进行了认真研究，并征求了相关单位的意见。',
];
const PROPOSAL_OPENERS = [
  '近年来，我市FIELD工作取得了积极进展，但仍面临一些问题。',
  '随着经济社会快速发展，市民对FIELD提出了更高要求。',
  '对标先行示范区建设要求，我市FIELD工作仍有提升空间。',
];
const PROPOSAL_EFFECTS = [
  '通过上述举措，进一步增强市民的获得感、幸福感和安全感。',
  '以上建议供参考，希望有关部门认真研究，推动相关问题早日解决。',
  '相关工作事关民生福祉和城市高质量发展，建议尽快研究落实。',
];
const CATEGORY_TEXT: Record<Category, readonly string[]> = {
  A: [
    '您提出的SUGG等建议，我们已在相关工作中予以采纳落实，所提问题已基本解决。',
    '您提案中关于SUGG的建议已经落实，相关政策措施已正式实施。',
  ],
  B: [
    '您提出的SUGG等建议，已列入我单位NEXT年度工作计划，正在积极推进。',
    '关于SUGG的建议，我们正在会同有关单位抓紧研究推进，预计NEXT年内取得实质进展。',
  ],
  C: [
    '受土地、资金等条件限制，您提出的SUGG等建议暂时难以实施，我们将持续跟踪研究，待条件成熟时推动落实。',
    '您提出的SUGG的建议涉及上位法调整等因素，目前暂不具备实施条件，我们将积极向上级部门反映。',
  ],
  D: [
    '您提出的SUGG等建议具有较强的参考价值，我们将在今后工作中研究参考。',
    '关于SUGG的建议，我们将留作今后制定相关政策时参考。',
  ],
};
const CORRECTION_NOTES = ['更正第三段数据', '更正答复文号', '更正错别字', '补充办理情况说明', '更正签发日期'];
const WITHHELD_REASONS = [
  ['work-secret', 45],
  ['sensitive', 35],
  ['privacy', 10],
  ['other', 7],
  ['state-secret', 3],
] as const;
const FEEDBACK = [
  ['satisfied', 80],
  ['basically-satisfied', 17],
  ['unsatisfied', 3],
] as const;

type Category = 'A' | 'B' | 'C' | 'D';
type DisclosureDraw = keyof typeof DISCLOSURE_SHARES;
type Role = 'lead' | 'co' | 'split';

function fill(template: string, rng: Rng, year: number, field: string): string {
  return template
    .replaceAll('FIELD', field)
    .replaceAll('NEXT', String(year + 1))
    .replaceAll('YEAR', String(year))
    .replace(/NUM/g, () => String(rng.range(3, 120)));
}

// ---------------------------------------------------------------------------
// The generator.

interface Context {
  seed: string;
  members: ProposerDef[];
  signers: Map<string, string>;
  /** Last letter number used per `unit:year`, so 文号 never repeat. */
  docCounters: Map<string, number>;
  leaders: Map<number, { mayor: string; vice: string[] }>;
}

function leadersFor(ctx: Context, term: number) {
  let l = ctx.leaders.get(term);
  if (!l) {
    const rng = new Rng(`${ctx.seed}:leaders:${term}`);
    const names = new Set<string>();
    while (names.size < 5) names.add(personName(rng));
    const [mayor, ...vice] = [...names];
    l = { mayor: mayor!, vice };
    ctx.leaders.set(term, l);
  }
  return l;
}

function signerFor(ctx: Context, unit: string, term: number): string {
  const key = `${unit}:${term}`;
  let s = ctx.signers.get(key);
  if (!s) {
    s = personName(new Rng(`${ctx.seed}:signer:${key}`));
    ctx.signers.set(key, s);
  }
  return s;
}

function buildMembers(seed: string): ProposerDef[] {
  const rng = new Rng(`${seed}:members`);
  const seen = new Set<string>();
  const out: ProposerDef[] = [];
  while (out.length < MEMBER_COUNT) {
    const name = personName(rng);
    if (seen.has(name)) continue;
    seen.add(name);
    out.push({ id: `member-${pad(out.length + 1, 4)}`, name, kind: 'member', sector: rng.pick(SECTORS).name });
  }
  return out;
}

function pickProposers(rng: Rng, ctx: Context): ProposerDef[] {
  const member = () => ctx.members[Math.floor(Math.pow(rng.next(), 1.4) * ctx.members.length)]!;
  const kind = rng.weighted([
    ['member', 72],
    ['members', 10],
    ['committee', 5],
    ['party', 7],
    ['group', 4],
    ['sector', 2],
  ] as const);
  switch (kind) {
    case 'member':
      return [member()];
    case 'members': {
      const set = new Map<string, ProposerDef>();
      const n = rng.range(2, 4);
      while (set.size < n) {
        const m = member();
        set.set(m.id, m);
      }
      return [...set.values()];
    }
    case 'committee':
      return [rng.pick(COMMITTEES)];
    case 'party':
      return [rng.pick(PARTIES)];
    case 'group':
      return [rng.pick(GROUPS)];
    case 'sector':
      return [rng.pick(SECTORS)];
  }
}

function salutation(proposers: readonly ProposerDef[]): string {
  const first = proposers[0]!;
  if (first.kind === 'member') return proposers.length > 1 ? `${first.name}等委员：` : `${first.name}委员：`;
  if (first.kind === 'sector') return `市政协${first.name}委员：`;
  return `${first.name}：`;
}

interface ReplyDraft {
  unit: string;
  role: Role;
  category: Category;
  disclosure: DisclosureDraw;
}

interface ProposalDraft {
  number: string;
  title: string;
  kind: 'plenary' | 'between-sessions';
  proposers: ProposerDef[];
  filedOn: number;
  showFiledOn: boolean;
  topics: TopicDef[];
  /** The proposal's main subject first, then 1–2 related subjects of the same topic. */
  subjects: SubjectDef[];
  units: { unit: string; role: Role }[];
  key?: { supervisor: string; supervisorTitle: string };
  body: string;
}

function proposalBody(rng: Rng, p: Omit<ProposalDraft, 'body'>, district?: UnitDef): string {
  const topic = p.topics[0]!;
  const paras: string[] = [];
  const issues = [p.subjects[0]!.issue];
  if (p.subjects[1] && rng.chance(0.5)) issues.push(p.subjects[1].issue);
  const where = district ? `在${district.short}，` : '';
  paras.push(`${fill(rng.pick(PROPOSAL_OPENERS), rng, 0, topic.field)}${where}${issues.join('；')}。`);
  const suggestions = p.subjects.map((s) => s.suggestion);
  if (rng.chance(0.3)) {
    paras.push('为此，提出如下建议：');
    paras.push(suggestions.map((s) => `- ${s}。`).join('\n'));
  } else {
    paras.push(`为此，建议：${suggestions.map((s, i) => `${ORDINALS[i]}是${s}`).join('；')}。`);
  }
  if (rng.chance(0.5)) paras.push(rng.pick(PROPOSAL_EFFECTS));
  return paras.join('\n\n');
}

/** What a unit without a subject of its own reports doing. */
const SUPPORTING_MEASURES = [
  '结合部门职责，配合做好相关政策研究和落实工作',
  '在职责范围内加强统筹协调，推动提案建议落地见效',
  '将提案涉及的相关工作纳入年度工作计划统筹推进',
  '加强与相关单位的信息共享和工作衔接，形成工作合力',
];

/**
 * What a unit can report doing: the main unit answers the proposal's subjects;
 * the others answer the subjects they lead, else with supporting measures.
 */
function measuresFor(rng: Rng, p: ProposalDraft, unit: string, isMain: boolean): string[] {
  if (isMain) return p.subjects.map((s) => s.measure);
  const own = p.topics.flatMap((t) => t.subjects.filter((s) => s.lead.includes(unit))).map((s) => s.measure);
  return own.length ? rng.sample(own, 3) : rng.sample(SUPPORTING_MEASURES, 2);
}

function replyBody(rng: Rng, p: ProposalDraft, r: ReplyDraft, year: number): string {
  const topic = p.topics[0]!;
  const unit = UNIT_BY_ID.get(r.unit)!;
  const isMain = p.units[0]!.unit === r.unit;
  const mine = p.subjects.find((s) => s.lead.includes(r.unit));
  const sugg = (isMain ? p.subjects[0]! : (mine ?? rng.pick(p.subjects))).suggestion;
  const categoryText = fill(rng.pick(CATEGORY_TEXT[r.category]), rng, year, topic.field).replace('SUGG', `“${sugg}”`);
  const measures = measuresFor(rng, p, r.unit, isMain);
  if (r.disclosure === 'summary') {
    return `摘要：${unit.name}就《${p.title}》进行了研究办理，主要措施包括${measures[0]}。${categoryText}`;
  }
  const paras: string[] = [];
  paras.push(salutation(p.proposers));
  let ack = `您提出的《${p.title}》收悉。`;
  if (r.role === 'co') ack += `作为协办单位，我单位对提案进行了认真研究，现将协办意见函复如下。`;
  else if (r.role === 'split') ack += `${rng.pick(INTRO_TAILS)}现就提案中涉及我单位职责的部分答复如下：`;
  else {
    const co = p.units.filter((u) => u.role === 'co').map((u) => UNIT_BY_ID.get(u.unit)!.name);
    ack += rng.pick(INTRO_TAILS);
    ack += co.length ? `经商${co.join('、')}，现答复如下：` : '现答复如下：';
  }
  paras.push(ack);
  const n = Math.min(measures.length, r.role === 'co' ? rng.range(1, 2) : rng.range(1, 3));
  const heads = rng.sample(MEASURE_HEADS, n);
  const leadName = UNIT_BY_ID.get(p.units[0]!.unit)!.name;
  for (let i = 0; i < n; i++) {
    const doing = r.role === 'co' ? `我单位积极配合${leadName}，${measures[i]}` : `我单位${measures[i]}`;
    paras.push(`${ORDINALS[i]}、${heads[i]}。${doing}。${fill(rng.pick(PROGRESS), rng, year, topic.field)}。`);
  }
  paras.push(categoryText);
  // Salutation, acknowledgement, 1–3 measures, the outcome, maybe a closing: at most 6.
  if (n < 3 && rng.chance(0.75)) paras.push(fill(rng.pick(CLOSINGS), rng, year, topic.field));
  return paras.join('\n\n');
}

function proposalFile(p: ProposalDraft): string {
  let fm = '';
  fm += `number: ${scalar(p.number)}\n`;
  fm += `title: ${scalar(p.title)}\n`;
  fm += `kind: ${p.kind}\n`;
  fm += `proposers: ${flowSeq(p.proposers.map((x) => x.id))}\n`;
  if (p.showFiledOn) fm += `filedOn: ${isoDate(p.filedOn)}\n`;
  fm += `topics: ${flowSeq(p.topics.map((t) => t.id))}\n`;
  fm += `units:\n${p.units.map((u) => `  - ${flowMap(u)}\n`).join('')}`;
  if (p.key) fm += `key: ${flowMap(p.key)}\n`;
  return `---\n${fm}---\n\n${p.body}\n`;
}

interface ReplyFields {
  docNo?: string;
  category: Category;
  repliedOn: number;
  signedBy?: string;
  disclosure: 'public' | 'summary' | 'withheld' | 'pending';
  withheldReason?: string;
  publishOn?: number;
  corrections?: { on: number; note: string }[];
  feedback?: string;
  commitments?: SampleCommitment[];
}

interface SampleCommitment {
  text: string;
  due: number;
  status: 'open' | 'done' | 'dropped';
  checkedOn?: number;
  evidence?: string;
}

/**
 * A fixed day standing in for "now" when drawing commitments (the generator
 * reads no clock): a commitment due before it has usually been checked — done
 * or dropped — but some are still open, and a site built after their due date
 * shows those as overdue; one due later is mostly still open.
 */
const COMMITMENT_REFERENCE = daysFromCivil(2025, 6, 30);
const COMMITMENT_TEXT = [
  'Y年底前完成CORE的相关工作',
  'Y年内出台CORE的实施方案',
  'Y年底前将CORE纳入年度重点工作并推进落实',
  'Y年底前形成CORE的阶段性成果',
];

/**
 * What a B reply (正在解决或已列入计划解决) promises: one or two commitments,
 * drawn from their own seeded generator so the rest of the corpus is the same
 * with or without them.
 */
function commitmentsFor(
  seed: string,
  title: string,
  unit: string,
  number: string,
  repliedOn: number,
): SampleCommitment[] {
  const rng = new Rng(`${seed}:commitments:${number}:${unit}`);
  if (!rng.chance(0.85)) return [];
  const core = title.replace(/^关于/, '').replace(/的提案$/, '');
  const out: SampleCommitment[] = [];
  for (let i = 0, n = rng.chance(0.3) ? 2 : 1; i < n; i++) {
    const due = repliedOn + rng.range(120, 900);
    const [y] = civilFromDays(due);
    const text = rng.pick(COMMITMENT_TEXT).replace('Y', String(y)).replace('CORE', core);
    const past = due < COMMITMENT_REFERENCE;
    const status = past
      ? rng.weighted([
          ['done', 62],
          ['dropped', 10],
          ['open', 28],
        ] as const)
      : rng.weighted([
          ['open', 85],
          ['done', 15],
        ] as const);
    const c: SampleCommitment = { text, due, status };
    if (status !== 'open') {
      c.checkedOn = Math.max(repliedOn + 1, due + rng.range(-90, 60));
      if (status === 'done' && rng.chance(0.6)) c.evidence = `https://www.example.gov.cn/${unit}/${number}/`;
    }
    out.push(c);
  }
  return out;
}

function replyFile(f: ReplyFields, body: string): string {
  let fm = '';
  if (f.docNo) fm += `docNo: ${scalar(f.docNo)}\n`;
  fm += `category: ${f.category}\n`;
  fm += `repliedOn: ${isoDate(f.repliedOn)}\n`;
  if (f.signedBy) fm += `signedBy: ${scalar(f.signedBy)}\n`;
  fm += `disclosure: ${f.disclosure}\n`;
  if (f.withheldReason) fm += `withheldReason: ${f.withheldReason}\n`;
  if (f.publishOn !== undefined) fm += `publishOn: ${isoDate(f.publishOn)}\n`;
  if (f.corrections?.length) {
    fm += `corrections:\n${f.corrections.map((c) => `  - ${flowMap({ on: isoDate(c.on), note: c.note })}\n`).join('')}`;
  }
  if (f.feedback) fm += `feedback: ${f.feedback}\n`;
  if (f.commitments?.length) {
    fm += 'commitments:\n';
    for (const c of f.commitments) {
      fm += `  - text: ${scalar(c.text)}\n    due: ${isoDate(c.due)}\n    status: ${c.status}\n`;
      if (c.checkedOn !== undefined) fm += `    checkedOn: ${isoDate(c.checkedOn)}\n`;
      if (c.evidence) fm += `    evidence: ${scalar(c.evidence)}\n`;
    }
  }
  return body ? `---\n${fm}---\n\n${body}\n` : `---\n${fm}---\n`;
}

/** Pick `n` distinct units: the subject's lead (or a district), then units that share the topic. */
function pickUnits(rng: Rng, topics: TopicDef[], subject: SubjectDef, n: number, district?: UnitDef): string[] {
  const chosen: string[] = [district ? district.id : rng.pick(subject.lead)];
  const pool = [...subject.lead, ...topics.flatMap((t) => [...t.co, ...t.subjects.flatMap((s) => s.lead)])];
  const candidates = rng.shuffle([...new Set(pool)].filter((u) => !chosen.includes(u)));
  while (chosen.length < n && candidates.length) chosen.push(candidates.pop()!);
  while (chosen.length < n) {
    const u = rng.pick(UNITS).id;
    if (!chosen.includes(u)) chosen.push(u);
  }
  return chosen;
}

function generateSession(
  ctx: Context,
  s: SessionDef,
  replies: number,
  isReportSession: boolean,
  files: Map<string, string>,
): { proposals: number } {
  const rng = new Rng(`${ctx.seed}:session:${s.id}`);
  const ratio = isReportSession ? REPORT_PROPOSALS / REPLIES_PER_SESSION : 0.9 + rng.next() * 0.045;
  const P = Math.max(replies > 0 ? 1 : 0, Math.min(replies, Math.round(replies * ratio)));

  // Units per proposal: 1 for most; the extra replies make 2- or 3-unit proposals.
  const unitCounts = new Array<number>(P).fill(1);
  let extra = replies - P;
  for (let guard = 0; extra > 0 && guard < 100 * replies; guard++) {
    const i = rng.int(P);
    if (unitCounts[i] === 1) {
      unitCounts[i] = 2;
      extra--;
    } else if (unitCounts[i] === 2 && rng.chance(0.25)) {
      unitCounts[i] = 3;
      extra--;
    }
  }
  for (let i = 0; extra > 0 && i < P; i++) {
    while (extra > 0 && unitCounts[i]! < 3) {
      unitCounts[i]!++;
      extra--;
    }
  }

  // Official figures scaled from the report (exact for a full 7-1).
  const betweenShare = isReportSession ? REPORT.betweenSessions / REPORT.received : 0.02 + rng.next() * 0.03;
  const registeredRatio = isReportSession ? REPORT.registered / REPORT_PROPOSALS : 1.01 + rng.next() * 0.03;
  const receivedRatio = isReportSession ? REPORT.received / REPORT.registered : 1.2 + rng.next() * 0.1;
  const between = Math.round(P * betweenShare);
  const registered = Math.max(P, Math.round(P * registeredRatio));
  let received = Math.max(registered, Math.round(registered * receivedRatio));
  const betweenSessions = Math.max(between, Math.round(received * betweenShare));
  const plenary = Math.max(P - between, received - betweenSessions);
  received = plenary + betweenSessions;

  const categories = apportion(replies, CATEGORY_SHARES);
  const categoryDeck = deck(rng, categories);
  const disclosureDeck = deck(rng, apportion(replies, DISCLOSURE_SHARES));

  // Key proposals (重点提案): about 2 %, chosen among plenary proposals.
  const leaders = leadersFor(ctx, s.term);
  const keyCount = Math.min(P - between, Math.round((P * REPORT.keyProposals) / REPORT_PROPOSALS));
  const keyIdx = rng.sample(
    Array.from({ length: P - between }, (_, i) => i),
    keyCount,
  );
  const keyOf = new Map<number, { supervisor: string; supervisorTitle: string }>();
  keyIdx.forEach((idx, j) =>
    keyOf.set(
      idx,
      j === 0
        ? { supervisor: leaders.mayor, supervisorTitle: '市长' }
        : { supervisor: leaders.vice[(j - 1) % leaders.vice.length]!, supervisorTitle: '副市长' },
    ),
  );

  // The plenary meeting: a few days in January.
  const plenaryStart = daysFromCivil(s.year, 1, rng.range(8, 20));
  // Between-sessions proposals are numbered after the plenary ones, in filing order.
  const betweenDates = Array.from({ length: between }, () =>
    rng.range(daysFromCivil(s.year, 2, 15), daysFromCivil(s.year, 11, 30)),
  ).sort((a, b) => a - b);
  let replyIdx = 0;

  for (let i = 0; i < P; i++) {
    const number = `${s.year}${pad(i + 1, 4)}`;
    const kind = i >= P - between ? 'between-sessions' : 'plenary';
    const filedOn = kind === 'plenary' ? plenaryStart + rng.range(-6, 4) : betweenDates[i - (P - between)]!;
    const topic = rng.weighted(TOPIC_WEIGHTS);
    const topics = [topic];
    const related = RELATED_TOPICS.get(topic)!;
    if (related.length && rng.chance(0.2)) topics.push(rng.pick(related));
    const subject = rng.pick(topic.subjects);
    const subjects = [
      subject,
      ...rng.sample(
        topic.subjects.filter((x) => x !== subject),
        rng.range(1, 2),
      ),
    ];
    const district = topic.local && rng.chance(0.12) ? rng.pick(DISTRICTS) : undefined;
    const n = unitCounts[i]!;
    const unitIds = pickUnits(rng, topics, subject, n, district);
    const splitMode = n > 1 && rng.chance(0.55);
    const units = unitIds.map((unit, j) => ({ unit, role: (splitMode ? 'split' : j === 0 ? 'lead' : 'co') as Role }));
    const place = district ? district.short! : rng.chance(0.35) ? '我市' : '';
    const draft: Omit<ProposalDraft, 'body'> = {
      number,
      title: `关于${rng.pick(subject.verbs)}${place}${subject.object}的提案`,
      kind,
      proposers: pickProposers(rng, ctx),
      filedOn,
      showFiledOn: !rng.chance(0.01),
      topics,
      subjects,
      units,
      key: keyOf.get(i),
    };
    const p: ProposalDraft = { ...draft, body: proposalBody(rng, draft, district) };
    const dir = `proposals/${s.id}/${number}`;
    files.set(`${dir}/index.mdx`, proposalFile(p));

    for (const u of units) {
      const r: ReplyDraft = {
        unit: u.unit,
        role: u.role,
        category: categoryDeck[replyIdx]!,
        disclosure: disclosureDeck[replyIdx]!,
      };
      replyIdx++;
      const repliedOn = filedOn + rng.range(30, 183);
      const f: ReplyFields = {
        category: r.category,
        repliedOn,
        disclosure: r.disclosure === 'embargoed' ? 'public' : r.disclosure,
      };
      if (rng.chance(0.6)) {
        const unit = UNIT_BY_ID.get(u.unit)!;
        const docYear = civilFromDays(repliedOn)[0];
        const counter = `${u.unit}:${docYear}`;
        const next = (ctx.docCounters.get(counter) ?? rng.range(8, 60)) + rng.range(1, 9);
        ctx.docCounters.set(counter, next);
        f.docNo = `${unit.doc}〔${docYear}〕${next}号`;
      }
      if (rng.chance(0.5)) f.signedBy = signerFor(ctx, u.unit, s.term);
      if (r.disclosure === 'withheld') f.withheldReason = rng.weighted(WITHHELD_REASONS);
      if (r.disclosure === 'embargoed') {
        f.publishOn = daysFromCivil(2099, rng.range(1, 12), rng.range(1, 28));
      } else if ((r.disclosure === 'public' || r.disclosure === 'summary') && rng.chance(0.4)) {
        f.publishOn = repliedOn + rng.range(0, 45);
      }
      if (
        (f.disclosure === 'public' || f.disclosure === 'summary') &&
        r.disclosure !== 'embargoed' &&
        rng.chance(0.015)
      ) {
        const from = f.publishOn ?? repliedOn;
        const first = from + rng.range(5, 90);
        f.corrections = [{ on: first, note: rng.pick(CORRECTION_NOTES) }];
        if (rng.chance(0.2)) f.corrections.push({ on: first + rng.range(3, 60), note: rng.pick(CORRECTION_NOTES) });
      }
      if (r.disclosure !== 'pending' && rng.chance(0.35)) f.feedback = rng.weighted(FEEDBACK);
      if (r.category === 'B') f.commitments = commitmentsFor(ctx.seed, p.title, u.unit, number, repliedOn);
      const body = r.disclosure === 'withheld' ? '' : replyBody(rng, p, r, s.year);
      files.set(`${dir}/${u.unit}.mdx`, replyFile(f, body));
    }
  }

  const publishedOn = isReportSession
    ? daysFromCivil(2022, 4, 10)
    : daysFromCivil(s.year + 1, rng.range(3, 5), rng.range(1, 28));
  const reportTitle = `深圳市人民政府关于${s.name}以来提案办理情况的通报`;
  let y = '';
  y += `id: ${scalar(s.id)}\n`;
  y += `name: ${scalar(s.name)}\n`;
  y += `official:\n`;
  y += `  source: ${flowMap({ title: reportTitle, publishedOn: isoDate(publishedOn) })}\n`;
  y += `  received: ${received}\n`;
  y += `  plenary: ${plenary}\n`;
  y += `  betweenSessions: ${betweenSessions}\n`;
  y += `  registered: ${registered}\n`;
  y += `  toGovernment: ${P}\n`;
  y += `  repliesDue: ${replies}\n`;
  y += `  categories: ${flowMap(categories)}\n`;
  files.set(`sessions/${s.id}.yaml`, y);
  return { proposals: P };
}

/**
 * Generate a complete demonstration content root with exactly `opts.replies`
 * reply files. Returns relative path → file text, in a stable order.
 */
export function generateSample(opts: SampleOptions): Map<string, string> {
  const replies = opts.replies;
  if (!Number.isInteger(replies) || replies < 0)
    throw new RangeError(`replies must be a non-negative integer, got ${replies}`);
  const seed = opts.seed === undefined ? DEFAULT_SEED : String(opts.seed);
  const ctx: Context = {
    seed,
    members: buildMembers(seed),
    signers: new Map(),
    docCounters: new Map(),
    leaders: new Map(),
  };
  const files = new Map<string, string>();

  files.set(
    'site.yaml',
    `title: ${scalar('提案答复公开')}\n` +
      `description: ${scalar('深圳市政协提案答复公开平台（演示数据，由程序生成，不代表真实提案与答复）')}\n` +
      `demo: true\n`,
  );
  files.set('units.yaml', yamlList(UNITS.map((u) => ({ id: u.id, name: u.name, fullName: u.fullName, kind: u.kind }))));
  files.set('topics.yaml', yamlList(TOPICS.map((t) => ({ id: t.id, name: t.name }))));
  files.set(
    'proposers.yaml',
    yamlList([...ctx.members, ...COMMITTEES, ...PARTIES, ...GROUPS, ...SECTORS].map((p) => ({ ...p }))),
  );

  const sessions = sessionOrder();
  const perSession = Math.max(REPLIES_PER_SESSION, Math.ceil(replies / sessions.length));
  let remaining = replies;
  for (const s of sessions) {
    if (remaining <= 0) break;
    const r = Math.min(perSession, remaining);
    generateSession(ctx, s, r, s.id === '7-1', files);
    remaining -= r;
  }
  return files;
}
