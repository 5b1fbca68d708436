/**
 * checkCorpus runs in phases (src/lib/model/corpus/): lists, sessions, record
 * files, proposals, replies. `npm run validate` sorts what it prints, but the
 * loader and the tests read the problems as returned: their order is the
 * phases' order, each file's problems in the order its checks run.
 */
import { describe, expect, it } from 'vitest';
import { checkCorpus } from '../src/lib/model/corpus/index.ts';
import { formatProblem } from '../src/lib/model/problems.ts';
import { fixtureFiles, PROPOSAL, REPLY, withFiles } from './helpers.ts';

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
