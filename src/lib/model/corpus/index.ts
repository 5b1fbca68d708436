/**
 * The whole content root, read and checked as one: every schema, the MDX
 * dialect and every cross-reference of DESIGN.md. Pure: it takes the files'
 * texts and returns the records and every problem found (not only the first).
 * Both `npm run validate` and the collections' loader use it, so the two can
 * never disagree.
 *
 * The checks run in phases, each returning its records and problems: the lists
 * (lists.ts), the sessions (sessions.ts), the record files (records.ts), the
 * proposals (proposals.ts), the replies (replies.ts); the checks of one file
 * against another are in cross-checks.ts.
 */
import { checkLists } from './lists.ts';
import { checkProposals } from './proposals.ts';
import { recordPaths } from './records.ts';
import { checkReplies } from './replies.ts';
import { checkSessions } from './sessions.ts';
import type { CheckResult } from './types.ts';

export { splitFrontmatter } from './files.ts';
export type { CheckResult, Corpus, ProposalRecord, ReplyRecord } from './types.ts';

/** Files whose name starts with `_` (drafts) or `.` are not part of the corpus. */
export function isIgnored(relPath: string): boolean {
  return relPath.split('/').some((part) => part.startsWith('_') || part.startsWith('.'));
}

/**
 * Check a content root given as `relative path → text` (paths with `/`).
 * `render` also renders every body to HTML (the loader does; validate does not).
 */
export function checkCorpus(input: Map<string, string>, opts: { render?: boolean } = {}): CheckResult {
  const files = new Map<string, string>();
  // A byte-order mark (Windows Notepad writes one) is not part of the text: dropped silently.
  for (const [path, text] of input)
    if (!isIgnored(path)) files.set(path, text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n'));

  const lists = checkLists(files);
  const sessions = checkSessions(files);
  // Records: proposals first, so replies can be checked against them.
  const paths = recordPaths(files);
  const proposals = checkProposals(files, paths.proposalFiles, lists, sessions, opts.render);
  const replies = checkReplies(files, paths.replyFiles, lists, proposals.byId, opts.render);

  const problems = [
    ...lists.problems,
    ...sessions.problems,
    ...paths.problems,
    ...proposals.problems,
    ...replies.problems,
  ];
  const { site, units, topics, proposers } = lists;
  if (problems.length || !site || !units.list || !topics.list || !proposers.list) return { problems };
  return {
    problems,
    corpus: {
      site,
      units: units.list,
      topics: topics.list,
      proposers: proposers.list,
      sessions: sessions.sessions,
      proposals: proposals.proposals,
      replies: replies.replies,
    },
  };
}
