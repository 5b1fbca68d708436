/** Phase 3: the proposals, each against its folder, its session and the lists. */
import type { Problem } from '../problems.ts';
import { proposalSchema, type ProposalFrontmatter } from '../schemas/index.ts';
import { locate } from '../yaml-source.ts';
import { proposalReferences, sessionReference, type Finding } from './cross-checks.ts';
import { personalData, PROPOSAL_PATH, recordFile, type Files } from './files.ts';
import type { Lists } from './lists.ts';
import type { Sessions } from './sessions.ts';
import type { ProposalRecord } from './types.ts';

export interface Proposals {
  proposals: ProposalRecord[];
  /** The valid proposals by `<session>/<number>`. */
  byId: Map<string, ProposalRecord>;
  problems: Problem[];
}

export function checkProposals(
  files: Files,
  paths: string[],
  lists: Lists,
  sessions: Sessions,
  render: boolean | undefined,
): Proposals {
  const problems: Problem[] = [];
  const proposals: ProposalRecord[] = [];
  const byId = new Map<string, ProposalRecord>();
  const validSessions = new Set(sessions.sessions.map((s) => s.id));
  for (const path of paths) {
    const [, session, number] = PROPOSAL_PATH.exec(path)!;
    const r = recordFile<ProposalFrontmatter>(files, problems, path, proposalSchema, render);
    if (!r.data || !r.src) continue;
    problems.push(...personalData(path, r, ['title', ['key', 'supervisor'], ['key', 'supervisorTitle']]));
    const d = r.data;
    const found: Finding[] = [...sessionReference(session, sessions.withFile, sessions.sessions)];
    if (d.number !== number)
      found.push({ at: ['number'], field: 'number', message: `应与文件夹名一致（"${number}"），实际为 "${d.number}"` });
    found.push(...proposalReferences(d, lists));
    for (const f of found) problems.push({ file: path, ...locate(r.src, f.at), field: f.field, message: f.message });
    if (found.length || !validSessions.has(session)) continue;
    const rec: ProposalRecord = {
      id: `${session}/${number}`,
      session,
      number,
      file: path,
      data: d,
      body: r.body,
      html: r.html,
    };
    proposals.push(rec);
    byId.set(rec.id, rec);
  }
  return { proposals, byId, problems };
}
