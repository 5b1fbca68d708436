/** Phase 4: the replies, each against its unit and the proposal it answers. */
import type { Problem } from '../problems.ts';
import { replySchema, type ReplyFrontmatter } from '../schemas/index.ts';
import { locate } from '../yaml-source.ts';
import { replyAgainstProposal, replyUnitReference } from './cross-checks.ts';
import { fileProblem, personalData, PROPOSAL_PATH, recordFile, type Files, type TextField } from './files.ts';
import type { Lists } from './lists.ts';
import type { ProposalRecord, ReplyRecord } from './types.ts';

export interface Replies {
  replies: ReplyRecord[];
  problems: Problem[];
}

export function checkReplies(
  files: Files,
  paths: string[],
  lists: Lists,
  proposalById: ReadonlyMap<string, ProposalRecord>,
  render: boolean | undefined,
): Replies {
  const problems: Problem[] = [];
  const replies: ReplyRecord[] = [];
  for (const path of paths) {
    const [, session, number, unit] = PROPOSAL_PATH.exec(path)!;
    const r = recordFile<ReplyFrontmatter>(files, problems, path, replySchema, render);
    // Every reply that is or will be published is checked; a pending or withheld one has no text that reaches a page.
    if (r.data && r.data.disclosure !== 'pending' && r.data.disclosure !== 'withheld') {
      const texts: TextField[] = ['title', 'docNo', 'indexNo', 'signedBy'];
      r.data.corrections?.forEach((_, i) => texts.push(['corrections', i, 'note']));
      r.data.commitments?.forEach((_, i) => texts.push(['commitments', i, 'text'], ['commitments', i, 'evidence']));
      problems.push(...personalData(path, r, texts));
    }
    const proposalId = `${session}/${number}`;
    const hasIndex = files.has(`proposals/${session}/${number}/index.mdx`);
    if (!hasIndex) problems.push(fileProblem(path, `同一文件夹中缺少提案文件 index.mdx`));
    const unknownUnit = replyUnitReference(unit, lists);
    if (unknownUnit) problems.push(fileProblem(path, unknownUnit, 'unit'));
    if (!r.data || !r.src) continue;
    const src = r.src;
    const d = r.data;
    const parent = proposalById.get(proposalId);
    const found = replyAgainstProposal(unit, d, parent?.data);
    for (const f of found) problems.push({ file: path, ...locate(src, f.at), field: f.field, message: f.message });
    let ok = found.length === 0;
    if (d.disclosure === 'withheld' && r.body.trim() !== '') {
      const firstText = r.body.split('\n').findIndex((l) => l.trim() !== '');
      problems.push({
        file: path,
        line: r.bodyLine + firstText,
        column: 1,
        field: 'body',
        message: 'disclosure 为 withheld 的答复正文必须为空：不公开的文本只留在办公系统中 → 请删除正文',
      });
      ok = false;
    }
    if (!ok || !parent || !lists.units.byId.has(unit)) continue;
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
  return { replies, problems };
}
