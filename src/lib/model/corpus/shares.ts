/**
 * A content root shared out by session, so that it can be checked on several
 * cores. Every check of a record looks at its own folder, the lists, the site
 * file and the session files only (phases 3–5 never compare two proposals'
 * folders), so a share made of every shared file and the record files of some
 * sessions yields, for its record files, exactly the problems the whole root
 * yields for them. The whole root's problems are therefore each share's
 * problems of its own record files, plus the shared files' problems once.
 */
import type { Problem } from '../problems.ts';

/** `proposals/<session>/…` → the session folder; any other path is shared by every share. */
export function sessionFolder(path: string): string | undefined {
  const m = /^proposals\/([^/]+)\//.exec(path);
  return m?.[1];
}

/**
 * The paths of a content root in `n` shares: each share holds every shared
 * path and the record paths of whole sessions, the sessions dealt largest
 * first to the share with the fewest records so far. Shares without records
 * are dropped; one share is always returned.
 */
export function shareBySession(paths: readonly string[], n: number): string[][] {
  const shared: string[] = [];
  const bySession = new Map<string, string[]>();
  for (const p of paths) {
    const s = sessionFolder(p);
    if (s === undefined) shared.push(p);
    else {
      const list = bySession.get(s);
      if (list) list.push(p);
      else bySession.set(s, [p]);
    }
  }
  const shares = Array.from({ length: Math.max(1, Math.floor(n) || 1) }, () => ({ records: [] as string[] }));
  const sessions = [...bySession].sort(([a, x], [b, y]) => y.length - x.length || (a < b ? -1 : 1));
  for (const [, records] of sessions) {
    const smallest = shares.reduce((min, s) => (s.records.length < min.records.length ? s : min));
    smallest.records.push(...records);
  }
  const used = shares.filter((s, i) => i === 0 || s.records.length > 0);
  return used.map((s) => [...shared, ...s.records]);
}

/**
 * The problems of the whole root from the shares' problems (in share order):
 * every share's problems of its record files, and the first share's problems
 * of the shared files (every share finds the same ones).
 */
export function mergeShareProblems(problems: readonly Problem[][]): Problem[] {
  return problems.flatMap((list, i) => list.filter((p) => i === 0 || sessionFolder(p.file) !== undefined));
}
