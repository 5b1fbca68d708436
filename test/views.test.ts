/**
 * How pages name what real documents hold: a co unit's reply is a 协办意见, 等
 * after the proposers, an unnamed supervisor said so, and a listed unit with no
 * file (未收录) told apart from one whose file is not yet published (暂未公开).
 */
import { describe, expect, it } from 'vitest';
import type { ProposalEntryData } from '../src/lib/disclosure.ts';
import { replyEntryTitle } from '../src/lib/feeds.ts';
import { rfc3339 } from '../src/lib/dates.ts';
import { keySupervisorZh, officialStagesZh, proposersZh, replyNounZh } from '../src/lib/labels.ts';
import { absoluteUrl, commitmentUrl, unitFeedUrl } from '../src/lib/urls.ts';
import {
  latestSessionWithFigures,
  missingReplies,
  slotCounts,
  slotStatus,
  slotStatusZh,
  unitSlots,
} from '../src/lib/views.ts';
import { publishedReply } from './helpers.ts';

describe('names', () => {
  it('a co unit writes a 协办意见, lead and split units a 答复', () => {
    expect(replyNounZh('co')).toBe('协办意见');
    expect(replyNounZh('lead')).toBe('答复');
    expect(replyNounZh('split')).toBe('答复');
  });
  it('proposers end with 等 when the source says there are more', () => {
    expect(proposersZh(['马青', '周丽'], true)).toBe('马青、周丽等');
    expect(proposersZh(['马青', '周丽'])).toBe('马青、周丽');
  });
  it('a key proposal without a named supervisor says so', () => {
    expect(keySupervisorZh({})).toBe('督办领导未公布');
    expect(keySupervisorZh({ supervisor: '覃伟中', supervisorTitle: '市长' })).toBe('市长覃伟中 领衔督办');
  });
});

describe('slots: 未收录 vs 暂未公开', () => {
  const proposal = {
    id: '9-3/52',
    units: [
      { unit: 'cgj', role: 'lead' as const },
      { unit: 'zjj', role: 'co' as const },
      { unit: 'jtj', role: 'co' as const },
      { unit: 'fgw', role: 'split' as const },
    ],
  };
  const replies = [
    { proposal: '9-3/52', unit: 'cgj', state: 'published' },
    { proposal: '9-3/52', unit: 'zjj', state: 'unpublished' },
    { proposal: '9-3/52', unit: 'fgw', state: 'withheld' },
  ];
  const slots = unitSlots(proposal, replies);

  it('a listed unit with no file is missing, a pending or embargoed file unpublished', () => {
    expect(slots.map((s) => [s.unit, slotStatus(s)])).toEqual([
      ['cgj', 'published'],
      ['zjj', 'unpublished'],
      ['jtj', 'missing'],
      ['fgw', 'withheld'],
    ]);
    expect(slotStatusZh.missing).toBe('未收录');
    expect(slotStatusZh.unpublished).toBe('暂未公开');
  });
  it('counts each status', () => {
    expect(slotCounts(slots)).toEqual({ published: 1, withheld: 1, unpublished: 1, missing: 1 });
  });
  it('counts the missing files of several proposals', () => {
    const byProposal = new Map([['9-3/52', replies]]);
    expect(missingReplies([proposal, { id: '9-3/53', units: [{ unit: 'cgj', role: 'lead' }] }], byProposal)).toBe(2);
  });
});

describe('the headline session', () => {
  it('is the latest, by term then meeting numerically, that has official figures', () => {
    const sessions = [
      { id: '9-3', official: { received: 10 } },
      { id: '10-1' },
      { id: '9-10', official: { received: 5 } },
    ];
    expect(latestSessionWithFigures(sessions)?.id).toBe('9-10');
  });
});

describe('feed entry titles', () => {
  const proposal = {
    id: '7-1/20210009',
    session: '7-1',
    number: '20210009',
    data: {
      title: '关于促进青年律师发展的提案',
      units: [
        { unit: 'sfj', role: 'lead' },
        { unit: 'rsj', role: 'co' },
      ],
    },
  } as unknown as ProposalEntryData;
  it('name a co unit’s reply a 协办意见', () => {
    expect(replyEntryTitle(publishedReply({ unit: 'rsj' }), proposal)).toBe('关于促进青年律师发展的提案的协办意见');
    expect(replyEntryTitle(publishedReply(), proposal)).toBe('关于促进青年律师发展的提案的答复');
  });
  it('use the document’s own title when the record gives one', () => {
    expect(replyEntryTitle(publishedReply({ title: '关于政协九届三次会议第52号提案的答复' }), proposal)).toBe(
      '关于政协九届三次会议第52号提案的答复',
    );
    expect(replyEntryTitle(publishedReply({ title: '某答复', disclosure: 'summary' }), proposal)).toBe(
      '某答复（摘要）',
    );
  });
});

describe('addresses and dates made one way', () => {
  it('an absolute address is the same with or without a trailing slash on the site', () => {
    expect(absoluteUrl('https://x.org', '/a/')).toBe('https://x.org/a/');
    expect(absoluteUrl('https://x.org/', '/a/#c1')).toBe('https://x.org/a/#c1');
    expect(absoluteUrl(new URL('https://x.org'), '/')).toBe('https://x.org/');
  });
  it("a commitment's address is its reply page with the list item's anchor; a unit's feed sits beside the proposers'", () => {
    expect(commitmentUrl({ session: '7-1', number: '20210010', unit: 'gaj', n: 2 })).toBe(
      '/proposals/7-1/20210010/gaj/#c2',
    );
    expect(unitFeedUrl('gaj')).toBe('/feeds/units/gaj.xml');
  });
  it('a calendar day is its midnight in Beijing, and anything else is refused', () => {
    expect(rfc3339('2021-09-27')).toBe('2021-09-27T00:00:00+08:00');
    expect(() => rfc3339('2021-9-27')).toThrow(/YYYY-MM-DD/);
  });
  it("the session figures' stages are the report's, parts marked", () => {
    expect(officialStagesZh.filter((s) => s.sub).map((s) => s.label)).toEqual(['大会提案', '平时提案']);
  });
});
