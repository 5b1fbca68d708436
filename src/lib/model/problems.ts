/**
 * A problem found in a content root, as editors read it:
 * `path:line:col field — message`, the path relative to the content root and
 * the message in Chinese. Every check of the corpus reports through this type.
 */
export interface Problem {
  /** File path relative to the content root, with `/` separators. */
  file: string;
  /** 1-based line in that file. */
  line: number;
  /** 1-based column in that file. */
  column: number;
  /** The field's key name (`category`, `units[1].unit`), or what the check is about (`body`, `file`). */
  field: string;
  /** What is wrong, in Chinese. */
  message: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.column} ${p.field} — ${p.message}`;
}

/** Problems in reading order: by file, then line, then column. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column,
  );
}

/** Thrown by the collections' loader so that a build with any problem fails. */
export class ContentError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    const lines = sortProblems(problems).map(formatProblem);
    super(`内容校验未通过，共 ${problems.length} 个问题，未发布任何内容：\n${lines.join('\n')}`);
    this.name = 'ContentError';
    this.problems = problems;
    // A content problem is the editor's to fix, not a program bug: no stack trace. Astro prints an error's
    // stack and its source location only when the error has a stack, so the build shows just these lines.
    this.stack = '';
  }
}
