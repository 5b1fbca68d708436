/**
 * Reading the corpus's files: a YAML file checked against its schema, a record
 * (frontmatter + body) checked and its body parsed, and the personal-data check
 * over what of a record reaches a page. Shared by the phases.
 */
import { parseBody, renderBody } from '../dialect/index.ts';
import { readerBlocks, type ReaderBlock } from '../dialect/reader-text.ts';
import {
  findPersonalData,
  personalDataMessage,
  personalDataProblems,
  samePersonal,
  type PersonalHit,
} from '../privacy.ts';
import type { Problem } from '../problems.ts';
import { checkYaml, fieldName, locate, parseYaml, type YamlSource } from '../yaml-source.ts';
import { PLACEHOLDER } from '../../templates.ts';

/** Files of a content root: `relative path → text`, drafts left out, line ends normalised. */
export type Files = ReadonlyMap<string, string>;
export type Schema = Parameters<typeof checkYaml>[2];

/** `proposals/<session>/<number>/<index | unit>.mdx` */
export const PROPOSAL_PATH = /^proposals\/([^/]+)\/([^/]+)\/([^/]+)\.mdx$/;

/** A problem about a file as a whole (or a place the checks name themselves). */
export const fileProblem = (file: string, message: string, field = 'file', line = 1, column = 1): Problem => ({
  file,
  line,
  column,
  field,
  message,
});

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
  // The line after the closing `---` (a file ending at that `---` has an empty body, whose line no message names).
  return { yaml: m[1] ?? '', body: text.slice(m[0].length), bodyLine: m[0].split('\n').length };
}

/** The first line of a file, shortened, for messages. */
function firstLineOf(text: string): string {
  const line = text.split('\n')[0].trim();
  if (line === '') return '第 1 行是空行';
  return `第 1 行为 ${line.length > 20 ? `${line.slice(0, 20)}…` : line}`;
}

export interface YamlFile<T> {
  data?: T;
  src?: YamlSource;
}

/** A YAML file (site, a list, a session) read and checked; problems are pushed to `problems`. */
export function yamlFile<T>(
  files: Files,
  problems: Problem[],
  path: string,
  schema: Schema,
  topLevelList = false,
): YamlFile<T> {
  const text = files.get(path);
  if (text === undefined) {
    problems.push(fileProblem(path, '缺少此文件'));
    return {};
  }
  const parsed = parseYaml(path, text);
  problems.push(...parsed.problems);
  if (parsed.problems.length) return { src: parsed.source };
  const checked = checkYaml(parsed.source, parsed.value, schema, { topLevelList });
  problems.push(...checked.problems);
  // Every string of these files (names, descriptions, a session's source) is printed on pages and in the data.
  problems.push(...yamlPersonalData(path, parsed.source, checked.data, topLevelList));
  return { data: checked.data as T | undefined, src: parsed.source };
}

export interface RecordFile<T> extends YamlFile<T> {
  body: string;
  /** File line of the body's first line. */
  bodyLine: number;
  html?: string;
  /** The text a reader reads in each block of a body that parsed, at file lines. */
  blocks?: ReaderBlock[];
}

/**
 * A record (proposal or reply) read and checked: frontmatter against `schema`, a
 * template's placeholder left in place, the body against the dialect. `render`
 * also renders a body without problems to HTML.
 */
export function recordFile<T>(
  files: Files,
  problems: Problem[],
  path: string,
  schema: Schema,
  render: boolean | undefined,
): RecordFile<T> {
  const text = files.get(path)!;
  const fm = splitFrontmatter(text);
  if (!fm) {
    if (/^---[ \t]*(\n|$)/.test(text))
      problems.push(
        fileProblem(
          path,
          '第 1 行的 --- 开始了字段部分，但没有结束的 --- → 请在最后一个字段的下一行写一行 ---',
          'frontmatter',
        ),
      );
    else
      problems.push(
        fileProblem(
          path,
          `缺少字段部分（${firstLineOf(text)}）→ 文件第 1 行应为 ---，接着写字段，再以一行 --- 结束，正文写在其后`,
          'frontmatter',
        ),
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
  const out: RecordFile<T> = { data: checked.data as T | undefined, src: parsed.source, body, bodyLine: fm.bodyLine };
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
  } else {
    const b = parseBody(path, body, fm.bodyLine);
    problems.push(...b.problems);
    out.blocks = b.tree && readerBlocks(b.tree).map((x) => ({ ...x, line: x.line + fm.bodyLine - 1 }));
    // An empty body renders as ''. A record with a problem is never published, so it is not rendered.
    if (render && b.tree && b.problems.length === 0) out.html = renderBody(b.tree);
  }
  return out;
}

/** A frontmatter string that reaches a page: a key, or a path to a nested one. */
export type TextField = string | (string | number)[];

/** The personal-data check over every string of a YAML file (site, lists, sessions), each at its own line. */
function yamlPersonalData(
  path: string,
  src: YamlSource,
  value: unknown,
  topLevelList: boolean,
  keys: (string | number)[] = [],
): Problem[] {
  if (typeof value === 'string')
    return personalDataProblems(path, fieldName(keys, topLevelList), value, locate(src, keys), [], 'list');
  const inner = (v: unknown, k: string | number) => yamlPersonalData(path, src, v, topLevelList, [...keys, k]);
  if (Array.isArray(value)) return value.flatMap(inner);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => inner(v, k));
  return [];
}

/** The personal-data check over a record's body and the frontmatter strings that reach a page. */
export function personalData(path: string, r: RecordFile<{ notPersonal?: string[] }>, fields: TextField[]): Problem[] {
  const notPersonal = r.data?.notPersonal ?? [];
  const found = personalDataProblems(path, 'body', r.body, { line: r.bodyLine, column: 1 }, notPersonal);
  // What a page shows joined though the source keeps it apart (138**1234**5678, 王*小*明): named at its block.
  let inSource: PersonalHit[] | undefined;
  for (const block of r.blocks ?? [])
    for (const hit of findPersonalData(block.text, notPersonal)) {
      inSource ??= findPersonalData(r.body, notPersonal);
      if (!inSource.some((h) => samePersonal(h, hit)))
        found.push(fileProblem(path, personalDataMessage(hit), 'body', block.line, block.column));
    }
  for (const field of fields) {
    const keys = typeof field === 'string' ? [field] : field;
    let value: unknown = r.data;
    for (const k of keys) value = (value as { [key: string | number]: unknown } | undefined)?.[k];
    if (typeof value !== 'string' || !r.src) continue;
    found.push(...personalDataProblems(path, fieldName(keys), value, locate(r.src, keys), notPersonal));
  }
  return found;
}
