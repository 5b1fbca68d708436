/** The record files of `proposals/`: proposals (index.mdx) and replies (<unit>.mdx), each list sorted. */
import type { Problem } from '../problems.ts';
import { fileProblem, PROPOSAL_PATH, type Files } from './files.ts';

export interface RecordPaths {
  proposalFiles: string[];
  replyFiles: string[];
  problems: Problem[];
}

export function recordPaths(files: Files): RecordPaths {
  const problems: Problem[] = [];
  const proposalFiles: string[] = [];
  const replyFiles: string[] = [];
  for (const path of files.keys()) {
    if (!path.startsWith('proposals/')) continue;
    const m = PROPOSAL_PATH.exec(path);
    if (!m) {
      problems.push(
        fileProblem(
          path,
          '位置或文件名不正确：记录应为 proposals/<会议>/<提案号>/index.mdx 或 <单位>.mdx（小写 .mdx）；草稿请以 _ 开头',
        ),
      );
      continue;
    }
    (m[3] === 'index' ? proposalFiles : replyFiles).push(path);
  }
  proposalFiles.sort();
  replyFiles.sort();
  return { proposalFiles, replyFiles, problems };
}
