/**
 * The whole content root, read and checked as one: every schema, the MDX
 * dialect and every cross-reference of DESIGN.md. Pure: it takes the files'
 * texts and returns the records and every problem found (not only the first).
 * Both `npm run validate` and the collections' loader use it, so the two can
 * never disagree.
 */
import { parseBody, renderBody } from '../dialect/index.ts';
import type { Problem } from '../problems.ts';
import {
  categories,
  proposalSchema,
  proposersSchema,
  replySchema,
  sessionSchema,
  siteSchema,
  topicsSchema,
  unitsSchema,
  type ProposalFrontmatter,
  type Proposer,
  type ReplyFrontmatter,
  type Session,
  type Site,
  type Topic,
  type Unit,
} from '../schemas/index.ts';
import { listValues } from '../error-map.ts';
import { nearest } from '../suggest.ts';
import { PLACEHOLDER } from '../../templates.ts';
import { personalDataProblems } from '../privacy.ts';
import { checkYaml, fieldName, locate, parseYaml, type YamlSource } from '../yaml-source.ts';

export interface ProposalRecord {
  /** `<session>/<number>` */
  id: string;
  session: string;
  number: string;
  file: string;
  data: ProposalFrontmatter;
  /** The body as written (Markdown). */
  body: string;
  /** The body rendered to HTML (when rendering was asked for). */
  html?: string;
}

export interface ReplyRecord {
  /** `<session>/<number>/<unit>` */
  id: string;
  session: string;
  number: string;
  unit: string;
  /** `<session>/<number>` of the proposal it answers. */
  proposal: string;
  file: string;
  data: ReplyFrontmatter;
  body: string;
  html?: string;
}

export interface Corpus {
  site: Site;
  units: Unit[];
  topics: Topic[];
  proposers: Proposer[];
  sessions: Session[];
  proposals: ProposalRecord[];
  replies: ReplyRecord[];
}

export interface CheckResult {
  /** Present only when there is no problem at all. */
  corpus?: Corpus;
  problems: Problem[];
}

/** Files whose name starts with `_` (drafts) or `.` are not part of the corpus. */
export function isIgnored(relPath: string): boolean {
  return relPath.split('/').some((part) => part.startsWith('_') || part.startsWith('.'));
}

interface Frontmatter {
  yaml: string;
  body: string;
  /** File line of the body's first line. */
  bodyLine: number;
}

/** Split `---` YAML frontmatter from an MDX file. */
export function splitFrontmatter(text: string): Frontmatter | null {
  const m = /^---[ \t]*\n([\s\S]*?\n)?---[ \t]*(?:\n|$)/.exec(text);
  if (!m) return null;
  const yaml = m[1] ?? '';
  const bodyLine = m[0].split('\n').length - (m[0].endsWith('\n') ? 0 : 1);
  return { yaml, body: text.slice(m[0].length), bodyLine };
}

/** The first line of a file, shortened, for messages. */
function firstLineOf(text: string): string {
  const line = text.split('\n')[0].trim();
  if (line === '') return '第 1 行是空行';
  return `第 1 行为 ${line.length > 20 ? `${line.slice(0, 20)}…` : line}`;
}

/** `→ 是否应为 mzj（市民政局）？` for an id that is not in its list, when one is close. */
function didYouMean(id: string, list: Map<string, { id: string; name: string }>): string {
  const names = Object.fromEntries([...list.values()].map((x) => [x.id, x.name]));
  const guess = nearest(id, [...list.keys()], names);
  return guess !== undefined ? ` → 是否应为 ${guess}（${names[guess]}）？` : '';
}

const PROPOSAL_PATH = /^proposals\/([^/]+)\/([^/]+)\/([^/]+)\.mdx$/;

/**
 * Check a content root given as `relative path → text` (paths with `/`).
 * `render` also renders every body to HTML (the loader does; validate does not).
 */
export function checkCorpus(input: Map<string, string>, opts: { render?: boolean } = {}): CheckResult {
  const problems: Problem[] = [];
  const files = new Map<string, string>();
  // A byte-order mark (Windows Notepad writes one) is not part of the text: dropped silently.
  for (const [path, text] of input)
    if (!isIgnored(path)) files.set(path, text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n'));

  const fileProblem = (file: string, message: string, field = 'file', line = 1, column = 1) =>
    problems.push({ file, line, column, field, message });

  // The YAML files: site, lists, sessions.
  function yamlFile<T>(
    path: string,
    schema: Parameters<typeof checkYaml>[2],
    topLevelList = false,
  ): { data?: T; src?: YamlSource } {
    const text = files.get(path);
    if (text === undefined) {
      fileProblem(path, '缺少此文件');
      return {};
    }
    const parsed = parseYaml(path, text);
    problems.push(...parsed.problems);
    if (parsed.problems.length) return { src: parsed.source };
    const checked = checkYaml(parsed.source, parsed.value, schema, { topLevelList });
    problems.push(...checked.problems);
    return { data: checked.data as T | undefined, src: parsed.source };
  }

  const site = yamlFile<Site>('site.yaml', siteSchema);
  const units = yamlFile<Unit[]>('units.yaml', unitsSchema, true);
  const topics = yamlFile<Topic[]>('topics.yaml', topicsSchema, true);
  const proposers = yamlFile<Proposer[]>('proposers.yaml', proposersSchema, true);

  // Ids are unique within each list.
  function index<T extends { id: string }>(list: { data?: T[]; src?: YamlSource }, file: string): Map<string, T> {
    const byId = new Map<string, T>();
    list.data?.forEach((item, i) => {
      if (byId.has(item.id) && list.src) {
        const at = locate(list.src, [i, 'id']);
        problems.push({ file, ...at, field: 'id', message: `id "${item.id}" 重复：每个 id 只能出现一次` });
      }
      byId.set(item.id, item);
    });
    return byId;
  }
  const unitById = index(units, 'units.yaml');
  const topicById = index(topics, 'topics.yaml');
  const proposerById = index(proposers, 'proposers.yaml');

  const sessions: Session[] = [];
  const sessionIds = new Set<string>();
  /** Sessions that have a file, valid or not: a broken file is reported once, not by every proposal. */
  const sessionFiles = new Set<string>();
  for (const path of [...files.keys()].filter((p) => p.startsWith('sessions/')).sort()) {
    const m = /^sessions\/([^/]+)\.ya?ml$/.exec(path);
    if (!m) {
      fileProblem(path, '会议文件应为 sessions/<届-次>.yaml');
      continue;
    }
    if (sessionFiles.has(m[1])) {
      fileProblem(path, `会议 "${m[1]}" 已由另一个文件定义：每次会议只能有一个文件`, 'id');
      continue;
    }
    sessionFiles.add(m[1]);
    const s = yamlFile<Session>(path, sessionSchema);
    if (!s.data || !s.src) continue;
    if (s.data.id !== m[1]) {
      problems.push({
        file: path,
        ...locate(s.src, ['id']),
        field: 'id',
        message: `应与文件名一致（"${m[1]}"），实际为 "${s.data.id}"`,
      });
      continue;
    }
    sessions.push(s.data);
    sessionIds.add(s.data.id);
  }

  // Records: proposals first, so replies can be checked against them.
  const proposalFiles: string[] = [];
  const replyFiles: string[] = [];
  for (const path of files.keys()) {
    if (!path.startsWith('proposals/')) continue;
    const m = PROPOSAL_PATH.exec(path);
    if (!m) {
      fileProblem(
        path,
        '位置或文件名不正确：记录应为 proposals/<会议>/<提案号>/index.mdx 或 <单位>.mdx（小写 .mdx）；草稿请以 _ 开头',
      );
      continue;
    }
    (m[3] === 'index' ? proposalFiles : replyFiles).push(path);
  }
  proposalFiles.sort();
  replyFiles.sort();

  interface Record<T> {
    data?: T;
    src?: YamlSource;
    body: string;
    /** File line of the body's first line. */
    bodyLine: number;
    html?: string;
  }
  function record<T>(path: string, schema: Parameters<typeof checkYaml>[2]): Record<T> {
    const text = files.get(path)!;
    const fm = splitFrontmatter(text);
    if (!fm) {
      if (/^---[ \t]*(\n|$)/.test(text))
        fileProblem(
          path,
          '第 1 行的 --- 开始了字段部分，但没有结束的 --- → 请在最后一个字段的下一行写一行 ---',
          'frontmatter',
        );
      else
        fileProblem(
          path,
          `缺少字段部分（${firstLineOf(text)}）→ 文件第 1 行应为 ---，接着写字段，再以一行 --- 结束，正文写在其后`,
          'frontmatter',
        );
      return { body: '', bodyLine: 1 };
    }
    const parsed = parseYaml(path, fm.yaml, 2);
    problems.push(...parsed.problems);
    const checked: { data?: unknown; problems: Problem[] } = parsed.problems.length
      ? { problems: [] }
      : checkYaml(parsed.source, parsed.value ?? {}, schema);
    problems.push(...checked.problems);
    const body = fm.body;
    const out: Record<T> = { data: checked.data as T | undefined, src: parsed.source, body, bodyLine: fm.bodyLine };
    // A template's placeholder left in place: the record is not ready.
    const placeholder = body.indexOf(PLACEHOLDER);
    if (placeholder >= 0) {
      const before = body.slice(0, placeholder).split('\n');
      problems.push({
        file: path,
        line: fm.bodyLine + before.length - 1,
        column: before[before.length - 1].length + 1,
        field: 'body',
        message: '模板的占位文字还在（【待填写…】）→ 请换成正文',
      });
    }
    if (body.trim() !== '' && placeholder < 0) {
      const b = parseBody(path, body, fm.bodyLine);
      problems.push(...b.problems);
      if (opts.render && b.tree && b.problems.length === 0) out.html = renderBody(b.tree);
    } else if (opts.render) {
      out.html = '';
    }
    return out;
  }

  /** A frontmatter string that reaches a page: a key, or a path to a nested one. */
  type TextField = string | (string | number)[];
  /** The personal-data check over a record's body and the frontmatter strings that reach a page. */
  function personalData(path: string, r: Record<{ notPersonal?: string[] }>, fields: TextField[]): Problem[] {
    const notPersonal = r.data?.notPersonal ?? [];
    const found = personalDataProblems(path, 'body', r.body, { line: r.bodyLine, column: 1 }, notPersonal);
    for (const field of fields) {
      const keys = typeof field === 'string' ? [field] : field;
      let value: unknown = r.data;
      for (const k of keys) value = (value as { [key: string | number]: unknown } | undefined)?.[k];
      if (typeof value !== 'string' || !r.src) continue;
      found.push(...personalDataProblems(path, fieldName(keys), value, locate(r.src, keys), notPersonal));
    }
    return found;
  }

  const proposals: ProposalRecord[] = [];
  const proposalById = new Map<string, { rec: ProposalRecord; src: YamlSource }>();
  for (const path of proposalFiles) {
    const [, session, number] = PROPOSAL_PATH.exec(path)!;
    const r = record<ProposalFrontmatter>(path, proposalSchema);
    if (!r.data || !r.src) continue;
    problems.push(...personalData(path, r, ['title', ['key', 'supervisor'], ['key', 'supervisorTitle']]));
    const src = r.src;
    const d = r.data;
    const at = (field: (string | number)[]) => locate(src, field);
    let ok = true;
    const bad = (fieldPath: (string | number)[], field: string, message: string) => {
      problems.push({ file: path, ...at(fieldPath), field, message });
      ok = false;
    };
    if (!sessionFiles.has(session))
      bad(
        [],
        'session',
        `会议 "${session}" 不存在：应有 sessions/${session}.yaml${didYouMean(session, new Map(sessions.map((x) => [x.id, x])))}`,
      );
    if (d.number !== number) bad(['number'], 'number', `应与文件夹名一致（"${number}"），实际为 "${d.number}"`);
    // References are checked against lists that loaded; a broken list is reported once, in its own file.
    d.proposers.forEach((p, i) => {
      if (proposers.data && !proposerById.has(p))
        bad(['proposers', i], `proposers[${i}]`, `提案者 "${p}" 不在 proposers.yaml 中${didYouMean(p, proposerById)}`);
    });
    d.topics.forEach((t, i) => {
      if (topics.data && !topicById.has(t))
        bad(['topics', i], `topics[${i}]`, `主题 "${t}" 不在 topics.yaml 中${didYouMean(t, topicById)}`);
    });
    const seenUnits = new Set<string>();
    d.units.forEach((u, i) => {
      if (units.data && !unitById.has(u.unit))
        bad(
          ['units', i, 'unit'],
          `units[${i}].unit`,
          `单位 "${u.unit}" 不在 units.yaml 中${didYouMean(u.unit, unitById)}`,
        );
      if (seenUnits.has(u.unit)) bad(['units', i, 'unit'], `units[${i}].unit`, `单位 "${u.unit}" 重复列出`);
      seenUnits.add(u.unit);
    });
    if (!ok || !sessionIds.has(session)) continue;
    const rec: ProposalRecord = {
      id: `${session}/${number}`,
      session,
      number,
      file: path,
      data: d,
      body: r.body,
      html: r.html,
    };
    proposals.push(rec);
    proposalById.set(rec.id, { rec, src });
  }

  const replies: ReplyRecord[] = [];
  for (const path of replyFiles) {
    const [, session, number, unit] = PROPOSAL_PATH.exec(path)!;
    const r = record<ReplyFrontmatter>(path, replySchema);
    // Every reply that is or will be published is checked; a pending or withheld one has no text that reaches a page.
    if (r.data && r.data.disclosure !== 'pending' && r.data.disclosure !== 'withheld') {
      const texts: TextField[] = ['title', 'docNo', 'indexNo', 'signedBy'];
      r.data.corrections?.forEach((_, i) => texts.push(['corrections', i, 'note']));
      r.data.commitments?.forEach((_, i) => texts.push(['commitments', i, 'text'], ['commitments', i, 'evidence']));
      problems.push(...personalData(path, r, texts));
    }
    const proposalId = `${session}/${number}`;
    const hasIndex = files.has(`proposals/${session}/${number}/index.mdx`);
    if (!hasIndex) fileProblem(path, `同一文件夹中缺少提案文件 index.mdx`);
    if (!unitById.has(unit) && units.data)
      fileProblem(
        path,
        `文件名应为答复单位的 id：单位 "${unit}" 不在 units.yaml 中${didYouMean(unit, unitById)}`,
        'unit',
      );
    if (!r.data || !r.src) continue;
    const src = r.src;
    const d = r.data;
    let ok = true;
    const bad = (fieldPath: (string | number)[], field: string, message: string) => {
      problems.push({ file: path, ...locate(src, fieldPath), field, message });
      ok = false;
    };
    const parent = proposalById.get(proposalId);
    if (parent && !parent.rec.data.units.some((u) => u.unit === unit)) {
      bad(
        [],
        'unit',
        `单位 "${unit}" 不是该提案 units 中的答复单位（${parent.rec.data.units.map((u) => u.unit).join('、')}）`,
      );
    }
    const filedOn = parent?.rec.data.filedOn;
    if (filedOn && d.repliedOn && d.repliedOn < filedOn)
      bad(['repliedOn'], 'repliedOn', `不能早于提案的 filedOn（${filedOn}）（${d.repliedOn}）→ 请核对两个日期`);
    // A lead or split unit's reply is graded once it is published or withheld; a co-handling opinion (协办意见) need not be.
    const role = parent?.rec.data.units.find((u) => u.unit === unit)?.role;
    if (role && role !== 'co' && d.disclosure !== 'pending' && d.category === undefined) {
      bad(
        ['disclosure'],
        'category',
        `缺少必填字段：${role === 'lead' ? '主办' : '分办'}单位的答复在 disclosure 为 ${d.disclosure} 时必须填写 category → 请添加 category，可选值：${listValues(categories)}（只有协办意见或 pending 的答复可以不填）`,
      );
    }
    if (d.disclosure === 'withheld' && r.body.trim() !== '') {
      const bodyLine = splitFrontmatter(files.get(path)!)!.bodyLine;
      const firstText = r.body.split('\n').findIndex((l) => l.trim() !== '');
      problems.push({
        file: path,
        line: bodyLine + firstText,
        column: 1,
        field: 'body',
        message: 'disclosure 为 withheld 的答复正文必须为空：不公开的文本只留在办公系统中 → 请删除正文',
      });
      ok = false;
    }
    if (!ok || !parent || !unitById.has(unit)) continue;
    replies.push({
      id: `${proposalId}/${unit}`,
      session,
      number,
      unit,
      proposal: proposalId,
      file: path,
      data: d,
      body: r.body,
      html: r.html,
    });
  }

  if (problems.length || !site.data || !units.data || !topics.data || !proposers.data) return { problems };
  return {
    problems,
    corpus: {
      site: site.data,
      units: units.data,
      topics: topics.data,
      proposers: proposers.data,
      sessions,
      proposals,
      replies,
    },
  };
}
