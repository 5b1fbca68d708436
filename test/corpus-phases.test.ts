/**
 * checkCorpus runs in phases (src/lib/model/corpus/): lists, sessions, record
 * files, proposals, replies. `npm run validate` sorts what it prints, but the
 * loader and the tests read the problems as returned: their order is the
 * phases' order, each file's problems in the order its checks run.
 */
import { describe, expect, it } from 'vitest';
import { checkCorpus, isIgnored } from '../src/lib/model/corpus/index.ts';
import { formatProblem } from '../src/lib/model/problems.ts';
import { checkLists } from '../src/lib/model/corpus/lists.ts';
import { checkProposals } from '../src/lib/model/corpus/proposals.ts';
import { recordPaths } from '../src/lib/model/corpus/records.ts';
import { checkReplies } from '../src/lib/model/corpus/replies.ts';
import { checkSessions } from '../src/lib/model/corpus/sessions.ts';
import { fixtureFiles, PROPOSAL, REPLY, reply, withFiles } from './helpers.ts';

describe('checkCorpus phases', () => {
  it('reports lists, then sessions, then misplaced records, then proposals, then replies', () => {
    const base = fixtureFiles();
    const files = withFiles({
      // replies first in the map: the order is the phases', not the files'
      [REPLY]: base.get(REPLY)!.replace(/^category: A$/m, 'category: E'),
      [PROPOSAL]: base.get(PROPOSAL)!.replace('topics: [transport]', 'topics: [nowhere]'),
      'proposals/7-1/notes.mdx': '---\n---\n',
      'sessions/7-9.yml': 'id: "7-8"\nname: 七届九次\n',
      'units.yaml': `${base.get('units.yaml')}- { id: fgw, name: 重复, kind: department }\n`,
    });
    const reversed = new Map([...files].reverse());
    const lines = checkCorpus(reversed).problems.map(formatProblem);
    const order = lines.map((l) => l.split(':')[0]);
    expect(order).toEqual(['units.yaml', 'sessions/7-9.yml', 'proposals/7-1/notes.mdx', PROPOSAL, REPLY]);
    expect(lines[0]).toContain('id "fgw" 重复');
    expect(lines[3]).toContain('主题 "nowhere" 不在 topics.yaml 中');
  });
});

describe('checkCorpus, whatever order the files come in', () => {
  it('gives the same records and problems for a root read in any order (a file system lists folders as it likes)', () => {
    const base = withFiles({
      'sessions/7-2.yaml': 'id: "7-2"\nname: 市政协七届二次会议\n',
      'proposals/7-2/20220001/index.mdx': fixtureFiles()
        .get(PROPOSAL)!
        .replace('number: "20210001"', 'number: "20220001"')
        .replace('filedOn: 2021-01-20', 'filedOn: 2022-01-20'),
    });
    const forward = checkCorpus(new Map([...base].sort()));
    const backward = checkCorpus(new Map([...base].sort().reverse()));
    expect(backward).toEqual(forward);
    expect(forward.corpus?.sessions.map((s) => s.id)).toEqual(['7-1', '7-2']);
    expect(forward.corpus?.proposals.map((p) => p.id)).toEqual([...forward.corpus!.proposals.map((p) => p.id)].sort());
    const broken = withFiles({ [REPLY]: '答复正文\n', 'proposals/7-1/20210002/fgw.mdx': '答复正文\n' }, base);
    const order = (files: Map<string, string>) => checkCorpus(files).problems.map((p) => p.file);
    expect(order(new Map([...broken].reverse()))).toEqual(order(broken));
  });
});

describe('the session files', () => {
  it('names a file in sessions/ that is not <届-次>.yaml, and takes it for no session', () => {
    const lines = checkCorpus(
      withFiles({ 'sessions/7-1.yaml.bak': fixtureFiles().get('sessions/7-1.yaml')! }),
    ).problems.map(formatProblem);
    expect(lines).toEqual(['sessions/7-1.yaml.bak:1:1 file — 会议文件应为 sessions/<届-次>.yaml']);
  });
});

describe('the lists', () => {
  it('names the list an id is repeated in', () => {
    const base = fixtureFiles();
    for (const [file, extra] of [
      ['topics.yaml', '- { id: transport, name: 交通 }\n'],
      ['proposers.yaml', '- { id: member-a, name: 李委员, kind: member }\n'],
    ]) {
      const problems = checkCorpus(withFiles({ [file]: base.get(file)! + extra })).problems;
      // At the repeated id's own line: the one appended after the file's last.
      const line = base.get(file)!.split('\n').length;
      expect(problems.map((p) => `${p.file}:${p.line} ${p.field}`)).toEqual([`${file}:${line} id`]);
    }
  });

  it('reports a YAML syntax error in a list once, not also every field it then lacks', () => {
    const lines = checkCorpus(withFiles({ 'units.yaml': '- { id: gaj, name: 市公安局\n' })).problems.map(formatProblem);
    expect(lines.filter((l) => l.startsWith('units.yaml'))).toHaveLength(1);
  });
});

describe('the replies phase', () => {
  const fm = 'category: A\nrepliedOn: 2021-06-30\ndisclosure: public';
  /** The replies the phase keeps as records, beside the problems it reports. */
  function phase(changes: Record<string, string | null>) {
    // As checkCorpus reads a root: drafts left out.
    const files = new Map([...withFiles(changes)].filter(([path]) => !isIgnored(path)));
    const lists = checkLists(files);
    const paths = recordPaths(files).replyFiles;
    const proposals = checkProposals(files, recordPaths(files).proposalFiles, lists, checkSessions(files), false);
    const { replies, problems } = checkReplies(files, paths, lists, proposals.byId, false);
    return { ids: replies.map((r) => r.id), problems: problems.map((p) => `${p.file}:${p.line} ${p.field}`) };
  }

  it('keeps as records only the replies with no problem of their own', () => {
    const clean = phase({});
    expect(clean.problems).toEqual([]);
    expect(clean.ids).toContain('7-1/20210001/gaj');
    // A unit the proposal did not send it to; a unit no list knows; a proposal that is not there;
    // a withheld reply with text (reported at its first line with text, after blank and space-only lines).
    const cases: [Record<string, string | null>, string, string][] = [
      [{ 'proposals/7-1/20210002/gaj.mdx': reply(fm) }, '7-1/20210002/gaj', 'proposals/7-1/20210002/gaj.mdx:2 unit'],
      [{ 'proposals/7-1/20210001/xyz.mdx': reply(fm) }, '7-1/20210001/xyz', 'proposals/7-1/20210001/xyz.mdx:1 unit'],
      [{ 'proposals/7-1/20210009/gaj.mdx': reply(fm) }, '7-1/20210009/gaj', 'proposals/7-1/20210009/gaj.mdx:1 file'],
      [
        {
          [REPLY]: reply(
            'category: C\nrepliedOn: 2021-06-30\ndisclosure: withheld\nwithheldReason: work-secret',
            '\n  \n不公开的文字\n',
          ),
        },
        '7-1/20210001/gaj',
        `${REPLY}:9 body`,
      ],
    ];
    for (const [changes, id, problem] of cases) {
      const { ids, problems } = phase(changes);
      expect(problems, JSON.stringify(problems)).toContain(problem);
      expect(ids, id).not.toContain(id);
    }
  });
});
