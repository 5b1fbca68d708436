/** Phase 2: one file per CPPCC session, named by its id. */
import type { Problem } from '../problems.ts';
import { sessionSchema, type Session } from '../schemas/index.ts';
import { locate } from '../yaml-source.ts';
import { fileProblem, yamlFile, type Files } from './files.ts';

export interface Sessions {
  /** The sessions whose file is valid. */
  sessions: Session[];
  /** Sessions that have a file, valid or not: a broken file is reported once, not by every proposal. */
  withFile: Set<string>;
  problems: Problem[];
}

export function checkSessions(files: Files): Sessions {
  const problems: Problem[] = [];
  const sessions: Session[] = [];
  const withFile = new Set<string>();
  for (const path of [...files.keys()].filter((p) => p.startsWith('sessions/')).sort()) {
    const m = /^sessions\/([^/]+)\.ya?ml$/.exec(path);
    if (!m) {
      problems.push(fileProblem(path, '会议文件应为 sessions/<届-次>.yaml'));
      continue;
    }
    if (withFile.has(m[1])) {
      problems.push(fileProblem(path, `会议 "${m[1]}" 已由另一个文件定义：每次会议只能有一个文件`, 'id'));
      continue;
    }
    withFile.add(m[1]);
    const s = yamlFile<Session>(files, problems, path, sessionSchema);
    if (!s.data || !s.src) continue;
    if (s.data.id !== m[1]) {
      problems.push({
        file: path,
        ...locate(s.src, ['id']),
        field: 'id',
        message: `应与文件名一致（"${m[1]}"），实际为 "${s.data.id}"`,
      });
      continue;
    }
    sessions.push(s.data);
  }
  return { sessions, withFile, problems };
}
