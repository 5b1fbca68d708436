/**
 * A deterministic demonstration corpus shaped like the Shenzhen government's
 * April 2022 report on the 7th CPPCC's first session: about 616 replies per
 * 567 proposals, replies graded A/B/C/D in the report's shares, a few key
 * proposals supervised by a city leader, and a disclosure mix that exercises
 * every rule (summary, withheld, pending, embargoed).
 *
 * Pure: no Node imports, no clock, no Math.random. Same options, same files.
 * The output is a map of relative path → file text for a complete content
 * root (see DESIGN.md, "Content model"), each record written by the `yaml`
 * library from an object typed by the content schemas.
 */
import { dateOfDay, dayNumber } from '../../src/lib/dates.ts';
import type {
  ProposalFrontmatter,
  Proposer,
  Role,
  Session,
  Site,
  Topic,
  Unit,
} from '../../src/lib/model/schemas/index.ts';
import { buildMembers, leadersFor, pickProposers, type Context } from './people.ts';
import { sampleReply } from './replies.ts';
import { apportion, deck, Rng } from './rng.ts';
import { DISCLOSURE_SHARES, proposalBody, type ProposalDraft, type ReplyDraft } from './text.ts';
import {
  COMMITTEES,
  GROUPS,
  NUMERALS,
  PARTIES,
  SECTORS,
  TOPIC_WEIGHT,
  TOPICS,
  UNITS,
  type SubjectDef,
  type TopicDef,
  type UnitDef,
} from './vocabulary.ts';
import { mdxFile, yamlFile } from './yaml.ts';

export { apportion };

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
const DEFAULT_SEED = 'open-replies';
const LAST_TERM = 7;
const FIRST_TERM = 1;
const MEETINGS_PER_TERM = 5;

const TOPIC_WEIGHTS = TOPICS.map((t) => [t, TOPIC_WEIGHT[t.id] ?? 5] as const);
/** Topics whose subjects a unit of `t.co` leads: candidates for a second topic. */
const RELATED_TOPICS = new Map(
  TOPICS.map((t) => [t, TOPICS.filter((o) => o !== t && o.subjects.some((s) => s.lead.some((u) => t.co.includes(u))))]),
);
const DISTRICTS = UNITS.filter((u) => u.kind === 'district');

/** A calendar day as a day number, for the arithmetic (src/lib/dates.ts). */
const day = (y: number, m: number, d: number) =>
  dayNumber(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

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

/** Units per proposal: 1 for most; the extra replies make 2- or 3-unit proposals. */
function unitsPerProposal(rng: Rng, P: number, replies: number): number[] {
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
    while (extra > 0 && unitCounts[i] < 3) {
      unitCounts[i]++;
      extra--;
    }
  }
  return unitCounts;
}

/** The session's `official` block: the report's figures, scaled (exact for a full 7-1). */
function officialFigures(rng: Rng, P: number, isReportSession: boolean) {
  const betweenShare = isReportSession ? REPORT.betweenSessions / REPORT.received : 0.02 + rng.next() * 0.03;
  const registeredRatio = isReportSession ? REPORT.registered / REPORT_PROPOSALS : 1.01 + rng.next() * 0.03;
  const receivedRatio = isReportSession ? REPORT.received / REPORT.registered : 1.2 + rng.next() * 0.1;
  const between = Math.round(P * betweenShare);
  const registered = Math.max(P, Math.round(P * registeredRatio));
  let received = Math.max(registered, Math.round(registered * receivedRatio));
  const betweenSessions = Math.max(between, Math.round(received * betweenShare));
  const plenary = Math.max(P - between, received - betweenSessions);
  received = plenary + betweenSessions;
  return { between, received, plenary, betweenSessions, registered };
}

function generateSession(
  ctx: Context,
  s: SessionDef,
  replies: number,
  isReportSession: boolean,
  files: Map<string, string>,
): void {
  const rng = new Rng(`${ctx.seed}:session:${s.id}`);
  const ratio = isReportSession ? REPORT_PROPOSALS / REPLIES_PER_SESSION : 0.9 + rng.next() * 0.045;
  const P = Math.max(replies > 0 ? 1 : 0, Math.min(replies, Math.round(replies * ratio)));
  const unitCounts = unitsPerProposal(rng, P, replies);
  const { between, ...figures } = officialFigures(rng, P, isReportSession);

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
        : { supervisor: leaders.vice[(j - 1) % leaders.vice.length], supervisorTitle: '副市长' },
    ),
  );

  // The plenary meeting: a few days in January.
  const plenaryStart = day(s.year, 1, rng.range(8, 20));
  // Between-sessions proposals are numbered after the plenary ones, in filing order.
  const betweenDates = Array.from({ length: between }, () => rng.range(day(s.year, 2, 15), day(s.year, 11, 30))).sort(
    (a, b) => a - b,
  );
  let replyIdx = 0;

  for (let i = 0; i < P; i++) {
    const number = `${s.year}${String(i + 1).padStart(4, '0')}`;
    const kind = i >= P - between ? 'between-sessions' : 'plenary';
    const filedOn = kind === 'plenary' ? plenaryStart + rng.range(-6, 4) : betweenDates[i - (P - between)];
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
    const n = unitCounts[i];
    const unitIds = pickUnits(rng, topics, subject, n, district);
    const splitMode = n > 1 && rng.chance(0.55);
    const units = unitIds.map((unit, j): { unit: string; role: Role } => ({
      unit,
      role: splitMode ? 'split' : j === 0 ? 'lead' : 'co',
    }));
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
    const frontmatter: ProposalFrontmatter = {
      number,
      title: p.title,
      kind,
      proposers: p.proposers.map((x) => x.id),
      ...(p.showFiledOn && { filedOn: dateOfDay(filedOn) }),
      topics: topics.map((t) => t.id),
      units,
      ...(p.key && { key: p.key }),
    };
    const dir = `proposals/${s.id}/${number}`;
    files.set(`${dir}/index.mdx`, mdxFile(frontmatter, p.body));

    for (const u of units) {
      const r: ReplyDraft = { ...u, category: categoryDeck[replyIdx], disclosure: disclosureDeck[replyIdx] };
      replyIdx++;
      const reply = sampleReply(ctx, rng, p, r, s);
      files.set(`${dir}/${u.unit}.mdx`, mdxFile(reply.frontmatter, reply.body));
    }
  }

  const publishedOn = isReportSession ? day(2022, 4, 10) : day(s.year + 1, rng.range(3, 5), rng.range(1, 28));
  const session: Session = {
    id: s.id,
    name: s.name,
    official: {
      source: { title: `深圳市人民政府关于${s.name}以来提案办理情况的通报`, publishedOn: dateOfDay(publishedOn) },
      ...figures,
      toGovernment: P,
      repliesDue: replies,
      categories,
    },
  };
  files.set(`sessions/${s.id}.yaml`, yamlFile(session));
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

  const site: Site = {
    title: '提案答复公开',
    description: '深圳市政协提案答复公开平台（演示数据，由程序生成，不代表真实提案与答复）',
    demo: true,
  };
  files.set('site.yaml', yamlFile(site));
  const units: Unit[] = UNITS.map((u) => ({ id: u.id, name: u.name, fullName: u.fullName, kind: u.kind }));
  files.set('units.yaml', yamlFile(units));
  const topics: Topic[] = TOPICS.map((t) => ({ id: t.id, name: t.name }));
  files.set('topics.yaml', yamlFile(topics));
  const proposers: Proposer[] = [...ctx.members, ...COMMITTEES, ...PARTIES, ...GROUPS, ...SECTORS].map((p) => ({
    ...p,
  }));
  files.set('proposers.yaml', yamlFile(proposers));

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
