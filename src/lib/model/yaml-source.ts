/**
 * YAML with positions: parse a document, report syntax errors, and find the
 * line and column of the value (or key) a zod issue points at, so every message
 * names the line an editor must change.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { issueMessage } from './error-map.ts';
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
  const at = (line: number, column: number, message: string): Problem => ({
    file,
    line: line + firstLine - 1,
    column,
    field: 'yaml',
    message,
  });
  // Characters an editor cannot see or tell apart first, each at its own column: they explain the parser's errors.
  const typed = scanCharacters(text).map((c) => at(c.line, c.column, c.message));
  const problems: Problem[] = [...typed];
  // The parser's complaints follow from a misplaced character (a Tab shifts every later line): named first, alone.
  if (typed.length === 0) {
    // The parser may report one fault twice at the same place (once per token it could not place): once is enough.
    const seen = new Set<string>();
    for (const e of doc.errors) {
      const pos = lines.linePos(e.pos[0]);
      const problem = at(pos.line, pos.col, `YAML 语法错误：${yamlErrorZh(e.code)}`);
      const key = `${problem.line}:${problem.column}:${problem.message}`;
      if (!seen.has(key)) problems.push(problem);
      seen.add(key);
    }
  }
  return { source, value: problems.length ? undefined : doc.toJS(), problems };
}

/** The parser's error codes in an editor's words, each with what to do. */
function yamlErrorZh(code: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return '同一个字段写了两次 → 请删除其中一行';
    case 'TAB_AS_INDENT':
      return '缩进中有 Tab（制表符）→ 请改用空格缩进';
    case 'BAD_INDENT':
      return '缩进不正确，或上面某一行的 [ ]、{ }、引号没有成对 → 同一层的字段应对齐，下一层多缩进两个空格；请检查括号和引号是否闭合';
    case 'MISSING_CHAR':
      return '缺少符号：括号、引号或冒号没有成对或没有写全 → 请检查 [ ]、{ }、" " 是否成对';
    case 'MULTILINE_IMPLICIT_KEY':
    case 'BLOCK_AS_IMPLICIT_KEY':
      return '这一行不是“字段: 值”的写法 → 请检查冒号（半角 :，其后加一个空格）以及上一行的引号和括号';
    case 'BAD_SCALAR_START':
      return '值不能以这个符号开头 → 请给值加上引号，例如 title: "…"';
    case 'MULTIPLE_DOCS':
      return '文件中有多余的 --- → 每个文件只能有一段 YAML';
    case 'UNEXPECTED_TOKEN':
      return '这里有多余的符号 → 请检查冒号、括号和引号';
    default:
      return '无法解析 → 请对照 README 中的示例检查这一行的写法';
  }
}

interface CharacterProblem {
  line: number;
  column: number;
  message: string;
}

/** Anything scanCharacters could report: a character to name, or a key with no space after its colon. */
const SUSPECT =
  /[\t\u3000\u00a0\u200b-\u200d\u2060\ufeff\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]|^ *(?:- +)?[A-Za-z][\w-]*(?::\S| *：)/m;

/** Invisible characters, by code point: their names in the message. */
const invisible: Record<string, string> = {
  '\u200b': '零宽空格 U+200B',
  '\u200c': '零宽非连接符 U+200C',
  '\u200d': '零宽连接符 U+200D',
  '\u2060': '零宽不换行空格 U+2060',
  '\ufeff': '字节顺序标记 U+FEFF',
  '\u00a0': '不换行空格 U+00A0',
};

/**
 * Full-width and invisible characters where YAML needs plain ASCII: a Tab or a
 * full-width space in the indentation, a full-width colon or full-width letters
 * in a field name, a missing space after the colon, and invisible characters
 * anywhere outside comments. Written by hand: the YAML parser reports these as
 * generic syntax errors (or not at all) at another position.
 */
export function scanCharacters(text: string): CharacterProblem[] {
  // Most files have none of these: one pass over the text decides.
  if (!SUSPECT.test(text)) return [];
  const out: CharacterProblem[] = [];
  let blockIndent = -1;
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    const indent = /^[ \t\u3000\u00a0]*/.exec(raw)![0];
    // Lines of a block scalar (`|` or `>`) are free text.
    if (blockIndent >= 0) {
      if (raw.trim() === '' || indent.length > blockIndent) return;
      blockIndent = -1;
    }
    const comment = raw.search(/(^|\s)#/);
    const code = comment >= 0 ? raw.slice(0, comment) : raw;
    for (const [j, ch] of [...indent].entries()) {
      if (ch === '\t') {
        out.push({ line, column: j + 1, message: 'YAML 缩进中有 Tab（制表符）→ 请改用空格缩进（每层两个空格）' });
        return;
      }
      if (ch === '\u3000') {
        out.push({ line, column: j + 1, message: 'YAML 缩进中有全角空格“　”→ 请改用半角空格' });
        return;
      }
    }
    const keyMatch = /^([ \t\u3000\u00a0]*(?:-[ \u3000]+)?)([^\s:：#'"{}[\],]+?)([ \u3000]*)([:：])([^\n]*)$/.exec(
      code,
    );
    if (keyMatch) {
      const [, lead, key, gap, colon, rest] = keyMatch;
      const keyStart = lead.length + 1;
      const wide = [...key].findIndex((c) => /[\uff01-\uff5e]/.test(c));
      if (/^[\x21-\x7e\uff01-\uff5e]+$/.test(key) && wide >= 0) {
        const fixed = key.normalize('NFKC');
        out.push({
          line,
          column: keyStart + wide,
          message: `字段名中有全角字符（${key}）→ 请用半角字母重写：${fixed}`,
        });
        return;
      }
      if (/^[A-Za-z][A-Za-z0-9_-]*$/.test(key)) {
        const colonColumn = keyStart + key.length + gap.length;
        if (colon === '：') {
          out.push({
            line,
            column: colonColumn,
            message: `${key} 后面是全角冒号“：”→ 请改用半角冒号并加一个空格：${key}: ${rest.trim()}`,
          });
          return;
        }
        if (rest.startsWith('\u3000')) {
          out.push({ line, column: colonColumn + 1, message: '冒号后是全角空格“　”→ 请改用半角空格' });
          return;
        }
        if (rest !== '' && !/^[ \t]/.test(rest) && !rest.startsWith('//')) {
          out.push({
            line,
            column: colonColumn + 1,
            message: `${key} 的冒号后缺少空格 → 请写成 ${key}: ${rest.trim()}`,
          });
          return;
        }
        if (/^[ \t]*[|>][-+]?[ \t]*$/.test(rest)) blockIndent = indent.length;
      }
    }
    for (const [j, ch] of [...code].entries()) {
      if (invisible[ch]) {
        out.push({ line, column: j + 1, message: `有不可见字符（${invisible[ch]}）→ 请删除它，或重新输入这一行` });
        return;
      }
      if (ch === '\u3000' && /^[ \t\u3000]*(?:-[ \u3000]+)?[^\s:：#]+[ \u3000]*:\u3000/.test(code.slice(0, j + 1))) {
        out.push({ line, column: j + 1, message: '冒号后是全角空格“　”→ 请改用半角空格' });
        return;
      }
    }
  });
  return out;
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
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
    for (const key of keys) {
      const path = key === undefined ? issue.path : [...issue.path, key];
      // A rule about a missing field is reported where the rule comes from (`params.at`, e.g. disclosure).
      const at = (issue.code === 'custom' && (issue.params?.at as PathKey[] | undefined)) || path;
      const where = locate(src, at, issue.code === 'unrecognized_keys');
      problems.push({
        file: src.file,
        ...where,
        field: fieldName(at, opts.topLevelList),
        message: issueMessage(issue, { schema, key }),
      });
    }
  }
  return { problems };
}
