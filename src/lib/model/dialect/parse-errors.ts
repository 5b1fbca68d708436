/**
 * micromark's parse errors in an editor's words (Chinese), at the place to change.
 */
import { angleAdvice, componentList, components, htmlAdvice } from './components.ts';

export interface ParseError {
  ruleId?: string;
  source?: string;
  reason?: string;
  /** Where micromark stopped (vfile sets both from the message's place); absent for a tag never closed. */
  line?: number;
  column?: number;
}

/** The components that wrap text, and what their closing tag comes after. */
const closedAfter: Record<string, string> = { Aside: '说明文字', Signature: '落款' };

interface Explained {
  line: number;
  column: number;
  message: string;
}

/** The first `{` of `text` whose `}` never comes: where an unclosed expression starts. */
function unclosedBrace(text: string): number {
  for (let i = text.indexOf('{'); i >= 0; i = text.indexOf('{', i + 1)) {
    let depth = 0;
    for (const c of text.slice(i)) {
      if (c === '{') depth += 1;
      else if (c === '}' && --depth === 0) break;
    }
    if (depth > 0) return i;
  }
  return -1;
}

/** Line and column (1-based) of `offset` in `text`. */
function pointOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/**
 * A parser error in an editor's words, at the place to change. micromark's
 * messages are for programmers ("Unexpected character `3` (U+0033) before
 * name"); each case an editor meets gets its own advice, and none keeps the
 * English text.
 */
export function explainParseError(e: ParseError, text: string, offset: number): Explained {
  const reason = e.reason ?? '';
  const line = e.line ?? 1;
  const column = e.column ?? 1;
  const lineText = text.split('\n')[line - 1];

  // `<` followed by something that cannot start a tag (a digit, `=`, `!`, `<`, Chinese…) or by the end of the line:
  // reported at the character after the `<` (or after `</`), pointed out at the `<`.
  if (/before name/.test(reason)) {
    const col = lineText.lastIndexOf('<', column - 2) + 1;
    const next = lineText.charAt(col);
    if (next === '!')
      return { line, column: col, message: '不允许 HTML 注释 <!-- … --> → 请删除；草稿或备注请放在以 _ 开头的文件中' };
    const close = lineText.indexOf('>', col);
    if (close > col && !/[{}<]/.test(lineText.slice(col, close)))
      return { line, column: col, message: angleAdvice(lineText.slice(col, close)) };
    return {
      line,
      column: col,
      message: `正文中的半角“<”${next ? `后面是“${next}”` : '在行末'}，会被当作标签的开始 → 表示“小于”请写“＜”或“小于”，书名号内的标题请用〈…〉`,
    };
  }

  // `<Redacted reason=privacy />`: reported at the value.
  if (/before attribute value/.test(reason))
    return { line, column, message: '标签的属性值要写在半角双引号中 → 例如 <Redacted reason="privacy" />' };

  // A tag that never closes: reported at the tag itself, whose position the message carries.
  const unclosed = /Expected a closing tag for `<([^>`]*)>` \((\d+):(\d+)-/.exec(reason);
  if (unclosed) {
    const [, name, l, c] = unclosed;
    const tagLine = Number(l);
    const tagColumn = Number(c);
    const tagName = name.split(/\s/)[0];
    const where = { line: tagLine, column: tagColumn };
    if (/[^\x00-\x7f]/.test(tagName)) return { ...where, message: angleAdvice(name) };
    if (htmlAdvice[tagName.toLowerCase()]) return { ...where, message: htmlAdvice[tagName.toLowerCase()] };
    if (tagName in closedAfter)
      return {
        ...where,
        message: `<${tagName}> 没有结束标签 → 请在${closedAfter[tagName]}之后单独写一行 </${tagName}>`,
      };
    if (components[tagName])
      return { ...where, message: `<${tagName}> 应写成自闭合标签 → 请在末尾写 />，例如 <${tagName} … />` };
    return { ...where, message: `不允许使用 <${tagName}> → 只能使用 ${componentList}；不允许 HTML 标签` };
  }

  // A closing tag that does not match the one opened.
  const mismatch =
    /Unexpected closing tag `<\/([^>`]*)>`, expected corresponding closing tag for `<([^>`]*)>` \((\d+):/.exec(reason);
  if (mismatch) {
    const [, got, want, openLine] = mismatch;
    const wanted = want.split(/\s/)[0];
    return {
      line,
      column,
      message: `结束标签 </${got}> 与第 ${Number(openLine) + offset} 行的 <${wanted}> 不一致 → 请写成 </${wanted}>`,
    };
  }
  // Reported at the slash of `</`.
  if (e.ruleId === 'unexpected-closing-slash')
    return { line, column: column - 1, message: '多余的结束标签 → 前面没有对应的开始标签，请删除它' };

  // `{` without `}`: reported at the brace.
  if (e.source === 'micromark-extension-mdx-expression') {
    const brace = unclosedBrace(text);
    const where = brace >= 0 ? pointOf(text, brace) : { line, column };
    return {
      ...where,
      message:
        brace >= 0
          ? '正文中的半角“{”没有配对的“}”→ 正文中的花括号请改用全角｛｝'
          : '正文中的 {…} 会被当作表达式 → 正文中的花括号请改用全角｛｝',
    };
  }

  return {
    line,
    column,
    message:
      '这里的写法无法解析 → 请检查半角符号 < > { }：正文中请改用全角符号〈〉＜＞｛｝，组件只能使用 ' + componentList,
  };
}
