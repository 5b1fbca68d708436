/**
 * YAML with positions: parse a document, report syntax errors, and find the
 * line and column of the value (or key) a zod issue points at, so every message
 * names the line an editor must change.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import type { Problem } from './problems.ts';

export interface YamlSource {
  file: string;
  /** Line of the file where the YAML text starts (2 for MDX frontmatter). */
  firstLine: number;
  doc: Document.Parsed;
  lines: LineCounter;
}

export interface ParsedYaml {
  source: YamlSource;
  value: unknown;
  problems: Problem[];
}

export function parseYaml(file: string, text: string, firstLine = 1): ParsedYaml {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const source: YamlSource = { file, firstLine, doc, lines };
  const problems: Problem[] = doc.errors.map((e) => {
    const pos = lines.linePos(e.pos[0]);
    return {
      file,
      line: pos.line + firstLine - 1,
      column: pos.col,
      field: 'yaml',
      message: `YAML 语法错误：${yamlErrorZh(e.code)}（${e.message.split('\n')[0]}）`,
    };
  });
  return { source, value: problems.length ? undefined : doc.toJS(), problems };
}

function yamlErrorZh(code: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return '字段重复';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'UNEXPECTED_TOKEN':
      return '缩进或符号不正确';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return '键值对写法不正确（冒号后需要空格）';
    default:
      return '无法解析';
  }
}

type PathKey = string | number | symbol;

/** The node at `path`, or the deepest existing ancestor when the field is missing. */
function nodeAt(doc: Document.Parsed, path: readonly PathKey[], wantKey: boolean): Node | null {
  let node: Node | null = doc.contents;
  for (let i = 0; i < path.length; i++) {
    const k = path[i];
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(k));
      if (!pair) return node;
      const last = i === path.length - 1;
      if (last && wantKey && isScalar(pair.key)) return pair.key;
      node = (pair.value as Node | null) ?? (pair.key as Node);
    } else if (isSeq(node) && typeof k === 'number' && node.items[k]) {
      node = node.items[k] as Node;
    } else {
      return node;
    }
  }
  return node;
}

/** Line and column in the file of the field at `path`. */
export function locate(src: YamlSource, path: readonly PathKey[], wantKey = false): { line: number; column: number } {
  const node = nodeAt(src.doc, path, wantKey);
  const offset = node?.range?.[0] ?? 0;
  const pos = src.lines.linePos(offset);
  return { line: pos.line + src.firstLine - 1, column: pos.col };
}

/** `units[1].unit`; a top-level list index is dropped (the line names the entry). */
export function fieldName(path: readonly PathKey[], topLevelList = false): string {
  let out = '';
  path.forEach((k, i) => {
    if (typeof k === 'number') {
      if (!(i === 0 && topLevelList)) out += `[${k}]`;
    } else {
      out += out === '' ? String(k) : `.${String(k)}`;
    }
  });
  return out || '（整个文件）';
}

/** Chinese names of the value kinds zod expects. */
const typeZh: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: 'true 或 false',
  array: '列表',
  object: '键值对',
};

function describe(input: unknown): string {
  if (input === null) return '空值';
  if (Array.isArray(input)) return '列表';
  if (typeof input === 'string') return `"${input}"`;
  if (typeof input === 'object') return '键值对';
  return String(input);
}

/** A zod issue in Chinese, naming what was expected and what was found. */
export function issueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return '缺少必填字段';
      return `应为${typeZh[issue.expected] ?? issue.expected}，实际为${describe(issue.input)}`;
    case 'invalid_value':
      return `取值无效：应为 ${issue.values.map(String).join(' | ')} 之一，实际为 ${describe(issue.input)}`;
    case 'too_small':
      if (issue.origin === 'array' || issue.origin === 'string') return '不能为空';
      return `不能小于 ${String(issue.minimum)}`;
    case 'too_big':
      return `不能大于 ${String(issue.maximum)}`;
    case 'invalid_format':
      if (issue.format === 'url') return '应为以 http:// 或 https:// 开头的网址';
      return issue.message;
    case 'unrecognized_keys':
      return '未知字段：内容模型中没有这个字段（检查拼写）';
    default:
      return issue.message;
  }
}

/** Validate `value` from `src` against `schema`; every issue becomes a located problem. */
export function checkYaml<S extends z.ZodType>(
  src: YamlSource,
  value: unknown,
  schema: S,
  opts: { topLevelList?: boolean } = {},
): { data?: z.infer<S>; problems: Problem[] } {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return { data: result.data, problems: [] };
  const problems: Problem[] = [];
  for (const issue of result.error.issues) {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...issue.path, k]) : [issue.path];
    for (const path of keys) {
      const at = locate(src, path, issue.code === 'unrecognized_keys');
      problems.push({ file: src.file, ...at, field: fieldName(path, opts.topLevelList), message: issueMessage(issue) });
    }
  }
  return { problems };
}
