import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkCorpus } from '../src/lib/model/corpus/index.ts';
import { formatProblem } from '../src/lib/model/problems.ts';
import { apportion, CATEGORY_SHARES, generateSample } from '../scripts/sample/generate.ts';
import { reportOfficial } from './helpers.ts';

type Fields = Record<string, unknown>;

const ID = /^[a-z0-9-]+$/;
const REPLY_PATH = /^proposals\/([^/]+)\/([^/]+)\/([^/]+)\.mdx$/;

/** Frontmatter (parsed with the yaml package, YAML 1.2) and body of an MDX file. */
function split(text: string): { data: Fields; body: string } {
  const m = /^---\n([\s\S]*?)---\n/.exec(text);
  if (!m) throw new Error(`no frontmatter in:\n${text}`);
  return { data: parse(m[1]) as Fields, body: text.slice(m[0].length).trim() };
}

interface Reply {
  path: string;
  session: string;
  number: string;
  unit: string;
  data: Fields;
  body: string;
}

function replies(files: Map<string, string>): Reply[] {
  const out: Reply[] = [];
  for (const [path, text] of files) {
    const m = REPLY_PATH.exec(path);
    if (!m || m[3] === 'index') continue;
    out.push({ path, session: m[1], number: m[2], unit: m[3], ...split(text) });
  }
  return out;
}

function proposals(files: Map<string, string>) {
  return [...files].filter(([path]) => path.endsWith('/index.mdx')).map(([path, text]) => ({ path, ...split(text) }));
}

function countBy<T>(items: readonly T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
}

const realDate = (s: unknown) => {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

const s616 = generateSample({ replies: 616 });
const s2000 = generateSample({ replies: 2000, seed: 'tests' });

/** Generous: these walk thousands of files, and CI machines are slow. */
const SLOW = 60_000;

describe('generateSample', () => {
  it(
    'is deterministic for a seed and varies with it',
    () => {
      expect([...generateSample({ replies: 300, seed: 'a' })]).toEqual([
        ...generateSample({ replies: 300, seed: 'a' }),
      ]);
      expect([...generateSample({ replies: 300, seed: 7 })]).toEqual([...generateSample({ replies: 300, seed: '7' })]);
      expect([...generateSample({ replies: 300 })]).toEqual([...generateSample({ replies: 300 })]);
      expect([...generateSample({ replies: 300, seed: 'a' })]).not.toEqual([
        ...generateSample({ replies: 300, seed: 'b' }),
      ]);
    },
    SLOW,
  );

  it('writes the same bytes as before for a pinned seed (the YAML writer and the draws are stable)', () => {
    const hash = createHash('sha256');
    for (const [path, text] of generateSample({ replies: 40, seed: 'pinned' })) hash.update(`${path}\n${text}\n`);
    expect(hash.digest('hex')).toBe('2b87b7f4edf00783f7a9fbb18250638161b17366e11b3d947066fb45222914ea');
  });

  it(
    'writes exactly N reply files, each proposal with at least one',
    () => {
      for (const n of [0, 1, 2, 5, 49, 616, 617, 1231]) {
        const files = generateSample({ replies: n, seed: n });
        expect(replies(files)).toHaveLength(n);
        for (const p of proposals(files)) {
          const dir = p.path.slice(0, -'index.mdx'.length);
          const units = (p.data.units as { unit: string }[]).map((u) => u.unit).sort();
          const replying = [...files.keys()]
            .filter((f) => f.startsWith(dir) && !f.endsWith('/index.mdx'))
            .map((f) => f.slice(dir.length, -'.mdx'.length))
            .sort();
          expect(replying).toEqual(units);
        }
      }
    },
    SLOW,
  );

  it(
    'reproduces the report for one full session',
    () => {
      const r = replies(s616);
      expect(countBy(r, (x) => String(x.data.category))).toEqual({ A: 461, B: 119, C: 32, D: 4 });
      expect(proposals(s616)).toHaveLength(567);
      const session = parse(s616.get('sessions/7-1.yaml')!) as Fields;
      expect(session).toMatchObject({
        id: '7-1',
        name: '市政协七届一次会议',
        official: { source: { publishedOn: '2022-04-10' }, ...reportOfficial },
      });
      expect(apportion(616, CATEGORY_SHARES)).toEqual({ A: 461, B: 119, C: 32, D: 4 });
    },
    SLOW,
  );

  it(
    'fills sessions 7-1 … 7-5, then 6-5 downwards, with official figures matching what was generated',
    () => {
      const files = generateSample({ replies: 616 * 6 + 10, seed: 'sessions' });
      const ids = [...files.keys()].filter((p) => p.startsWith('sessions/')).map((p) => p.slice(9, -5));
      expect(ids).toEqual(['7-1', '7-2', '7-3', '7-4', '7-5', '6-5', '6-4']);
      const r = replies(files);
      const ps = proposals(files);
      for (const id of ids) {
        const s = parse(files.get(`sessions/${id}.yaml`)!) as {
          id: string;
          name: string;
          official: Record<string, number> & { categories: Record<string, number> };
        };
        const o = s.official;
        const mine = r.filter((x) => x.session === id);
        const mineP = ps.filter((p) => p.path.startsWith(`proposals/${id}/`));
        expect(s.id).toBe(id);
        expect(o.plenary + o.betweenSessions).toBe(o.received);
        expect(o.registered).toBeLessThanOrEqual(o.received);
        expect(o.toGovernment).toBeLessThanOrEqual(o.registered);
        expect(o.toGovernment).toBe(mineP.length);
        expect(o.repliesDue).toBe(mine.length);
        expect(o.categories).toEqual({ A: 0, B: 0, C: 0, D: 0, ...countBy(mine, (x) => String(x.data.category)) });
        expect(mineP.filter((p) => p.data.kind === 'between-sessions').length).toBeLessThanOrEqual(o.betweenSessions);
        const year = 2021 + (Number(id.split('-')[0]) - 7) * 5 + Number(id.split('-')[1]) - 1;
        for (const p of mineP) {
          expect(p.data.number).toMatch(new RegExp(`^${year}\\d{4}$`));
          const filedOn = p.data.filedOn as string | undefined;
          if (filedOn === undefined) continue;
          if (p.data.kind === 'plenary') expect(filedOn.startsWith(`${year}-01-`)).toBe(true);
          else expect(filedOn > `${year}-01-31` && filedOn < `${year + 1}`).toBe(true);
        }
      }
      expect((parse(files.get('sessions/6-5.yaml')!) as Fields).name).toBe('市政协六届五次会议');
    },
    SLOW,
  );

  it(
    'splits some proposals between units and supervises a few key proposals',
    () => {
      const ps = proposals(s2000);
      const units = ps.map((p) => p.data.units as { unit: string; role: string }[]);
      const multi = units.filter((u) => u.length > 1);
      expect(multi.length / ps.length).toBeGreaterThan(0.04);
      expect(multi.length / ps.length).toBeLessThan(0.12);
      expect(multi.some((u) => u.every((x) => x.role === 'split'))).toBe(true);
      expect(multi.some((u) => u[0].role === 'lead' && u.slice(1).every((x) => x.role === 'co'))).toBe(true);
      for (const u of units) {
        expect(new Set(u.map((x) => x.unit)).size).toBe(u.length);
        expect(u.length).toBeLessThanOrEqual(3);
      }
      const keys = ps.map((p) => p.data.key as Fields | undefined).filter((k) => k);
      expect(keys.length).toBeGreaterThan(10);
      expect(keys.length).toBeLessThan(ps.length * 0.04);
      expect(keys.some((k) => k!.supervisorTitle === '市长')).toBe(true);
      for (const k of keys) expect(['市长', '副市长']).toContain(k!.supervisorTitle);
    },
    SLOW,
  );

  it(
    'uses lowercase ids everywhere',
    () => {
      const lists = ['units.yaml', 'topics.yaml', 'proposers.yaml'].map(
        (f) => parse(s2000.get(f)!) as { id: string }[],
      );
      for (const list of lists) {
        for (const item of list) expect(item.id).toMatch(ID);
        expect(new Set(list.map((i) => i.id)).size).toBe(list.length);
      }
      expect(lists[0].length).toBeGreaterThanOrEqual(35);
      expect(lists[2].filter((p) => (p as { kind?: string }).kind === 'party')).toHaveLength(8);
      for (const path of s2000.keys())
        for (const part of path.replace(/\.(mdx|yaml)$/, '').split('/')) expect(part).toMatch(ID);
      for (const p of proposals(s2000)) {
        for (const id of [...(p.data.proposers as string[]), ...(p.data.topics as string[])]) expect(id).toMatch(ID);
      }
    },
    SLOW,
  );

  it(
    'follows the disclosure rules',
    () => {
      const r = replies(s2000);
      const by = countBy(r, (x) => String(x.data.disclosure));
      expect(by.withheld).toBeGreaterThan(0);
      expect(by.summary).toBeGreaterThan(0);
      expect(by.pending).toBeGreaterThan(0);
      expect(by.public / r.length).toBeGreaterThan(0.9);
      for (const x of r) {
        if (x.data.disclosure === 'withheld') {
          expect(x.body).toBe('');
          expect(['state-secret', 'work-secret', 'privacy', 'sensitive', 'other']).toContain(x.data.withheldReason);
        } else {
          expect(x.data.withheldReason).toBeUndefined();
          expect(x.body.length).toBeGreaterThan(0);
        }
        if (x.data.disclosure === 'summary') expect(x.body).not.toContain('\n');
      }
      const embargoed = r.filter(
        (x) => (x.data.publishOn as string | undefined) !== undefined && (x.data.publishOn as string) >= '2099',
      );
      expect(embargoed.length).toBeGreaterThan(0);
      expect(embargoed.every((x) => x.data.disclosure === 'public')).toBe(true);
      expect(r.some((x) => Array.isArray(x.data.corrections))).toBe(true);
      expect(r.some((x) => x.data.feedback)).toBe(true);
      expect(r.some((x) => typeof x.data.docNo === 'string' && /〔\d{4}〕\d+号$/.test(x.data.docNo))).toBe(true);
    },
    SLOW,
  );

  it(
    'keeps bodies inside the MDX dialect and with 3–6 paragraphs per full reply',
    () => {
      for (const [path, text] of s2000) {
        if (!path.endsWith('.mdx')) continue;
        const { body } = split(text);
        expect(body).not.toMatch(/[{}<>]/);
        expect(body).not.toMatch(/^(import|export)\b/m);
      }
      for (const x of replies(s2000)) {
        if (x.data.disclosure === 'withheld' || x.data.disclosure === 'summary') continue;
        const paragraphs = x.body.split(/\n\n/).length;
        expect(paragraphs).toBeGreaterThanOrEqual(3);
        expect(paragraphs).toBeLessThanOrEqual(6);
      }
      for (const p of proposals(s2000)) {
        expect(p.data.title).toMatch(/^关于.+的提案$/);
        expect(p.body.split(/\n\n/).length).toBeGreaterThanOrEqual(2);
      }
    },
    SLOW,
  );

  it(
    'writes YAML that reads back as intended: quoted numbers, plain real dates in order',
    () => {
      const ps = new Map(proposals(s2000).map((p) => [p.path.slice(0, -'index.mdx'.length), p]));
      expect(s2000.get('proposals/7-1/20210001/index.mdx')).toContain('number: "20210001"');
      expect(parse(s2000.get('sessions/7-1.yaml')!)).toMatchObject({ id: '7-1', official: { repliesDue: 616 } });
      expect(parse(s2000.get('site.yaml')!)).toMatchObject({ demo: true });
      for (const x of replies(s2000)) {
        const p = ps.get(x.path.slice(0, x.path.lastIndexOf('/') + 1))!;
        expect(p.data.number).toBe(x.number);
        const filedOn = p.data.filedOn as string | undefined;
        const repliedOn = x.data.repliedOn as string;
        const publishOn = x.data.publishOn as string | undefined;
        expect(realDate(repliedOn)).toBe(true);
        if (filedOn !== undefined) {
          expect(realDate(filedOn)).toBe(true);
          expect(filedOn <= repliedOn).toBe(true);
        }
        if (publishOn !== undefined) {
          expect(realDate(publishOn)).toBe(true);
          expect(repliedOn <= publishOn).toBe(true);
        }
        for (const c of (x.data.corrections as { on: string }[] | undefined) ?? []) expect(realDate(c.on)).toBe(true);
      }
    },
    SLOW,
  );

  it(
    'passes the corpus checks',
    () => {
      const { problems } = checkCorpus(s2000);
      expect(problems.map(formatProblem)).toEqual([]);
    },
    SLOW,
  );

  it(
    'generates 10,000 replies',
    () => {
      const files = generateSample({ replies: 10_000 });
      expect(replies(files)).toHaveLength(10_000);
    },
    SLOW,
  );
});
