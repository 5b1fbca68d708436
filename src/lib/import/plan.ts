/**
 * What the importer plans for one input, and the steps every plan shares: the
 * session it belongs to, the self-check before a write, the write itself.
 */
import { splitFrontmatter } from '../model/corpus/index.ts';
import { parseBody } from '../model/dialect/index.ts';
import { findPersonalData } from '../model/privacy.ts';
import { proposalSchema, replySchema } from '../model/schemas/index.ts';
import { parse as parseYaml } from 'yaml';
import type { Registries } from './registry.ts';

export interface ImportOptions {
  registries: Registries;
  /** --session, --unit, --number */
  session?: string;
  unit?: string;
  number?: string;
  /** --force: overwrite an existing record. */
  force?: boolean;
  /** The text of a file of the content root (path relative to it), or undefined when there is none. */
  read: (path: string) => string | undefined;
  /** True for a file this run has written (a proposal made from another reply may still take this unit). */
  writtenThisRun?: (path: string) => boolean;
}

export interface Write {
  /** Relative to the content root. */
  path: string;
  text: string;
  /** A file is there already (written only with --force). */
  replaces: boolean;
}

export interface Outcome {
  /** Every step succeeded; false makes the command exit 1. */
  ok: boolean;
  /** The report's line for this input (without the file name). */
  summary: string;
  /** Further lines: what to fill, what was changed, what could not be read. */
  details: string[];
  writes: Write[];
}

/** What to write for a field the input does not give, in the words of the `# 待填` comments. */
export const gapHint = {
  kind: 'plenary（大会提案）或 between-sessions（闭会期间提案）',
  topics: 'topics.yaml 中的主题 id，例如 [industry]',
} as const;

export const fail = (summary: string, details: string[] = []): Outcome => ({ ok: false, summary, details, writes: [] });

/** The proposal's session and number, from the options or the document; an error message otherwise. */
export function sessionOf(opts: ImportOptions, found: string | undefined, where: string): string | { error: string } {
  const session = opts.session ?? found;
  if (!session) return { error: `无法确定会议：${where}没有“X届X次会议”，请用 --session 指定（例如 --session 7-1）` };
  if (!opts.registries.sessions.includes(session))
    return { error: `会议 ${session} 不存在：内容目录中没有 sessions/${session}.yaml，请先建立它或用 --session 指定` };
  return session;
}

export function existingUnits(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  try {
    const fm = splitFrontmatter(text.replace(/\r\n?/g, '\n'));
    const data = fm ? (parseYaml(fm.yaml) as { units?: { unit?: string }[] }) : undefined;
    return (data?.units ?? []).map((u) => String(u?.unit));
  } catch {
    return [];
  }
}

/** Check a record before it is written: the importer must never write what its own checks reject. */
export function selfCheck(path: string, text: string, kind: 'reply' | 'proposal'): string | undefined {
  const fm = splitFrontmatter(text)!;
  const data: unknown = parseYaml(fm.yaml) ?? {};
  const schema = kind === 'reply' ? replySchema : proposalSchema.partial();
  const parsed = schema.safeParse(data);
  if (!parsed.success) return `内部检查未通过（${path}）：${parsed.error.issues[0]?.message}`;
  const body = parseBody(path, fm.body, fm.bodyLine);
  if (body.problems.length) return `内部检查未通过（${path}）：${body.problems[0].message}`;
  if (findPersonalData(fm.body).length) return `内部检查未通过（${path}）：正文仍有个人信息`;
  return undefined;
}

export function plannedWrite(path: string, text: string, opts: ImportOptions): Write {
  return { path, text, replaces: opts.read(path) !== undefined };
}
