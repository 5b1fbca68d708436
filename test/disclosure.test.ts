/** The disclosure gate: what each kind of reply becomes on a given build date. */
import { describe, expect, it } from 'vitest';
import { checkCorpus } from '../src/lib/model/corpus/index.ts';
import { buildDate } from '../src/lib/dates.ts';
import { publish, replyState } from '../src/lib/disclosure.ts';
import { fixtureFiles } from './helpers.ts';

const base = { repliedOn: '2021-06-30' } as const;

describe('replyState', () => {
  it('publishes public and summary replies from their release date on', () => {
    expect(replyState({ ...base, disclosure: 'public' }, '2021-06-30')).toBe('published');
    expect(replyState({ ...base, disclosure: 'summary' }, '2021-07-01')).toBe('published');
    expect(replyState({ ...base, disclosure: 'public' }, '2021-06-29')).toBe('unpublished');
  });
  it('holds an embargoed reply until publishOn', () => {
    const r = { ...base, disclosure: 'public', publishOn: '2021-07-28' } as const;
    expect(replyState(r, '2021-07-27')).toBe('unpublished');
    expect(replyState(r, '2021-07-28')).toBe('published');
  });
  it('never publishes pending replies', () => {
    expect(replyState({ ...base, disclosure: 'pending' }, '2099-12-31')).toBe('unpublished');
  });
  it('shows withheld replies as ledger entries once due', () => {
    expect(replyState({ ...base, disclosure: 'withheld' }, '2021-07-01')).toBe('withheld');
    expect(replyState({ ...base, disclosure: 'withheld', publishOn: '2022-01-01' }, '2021-07-01')).toBe('unpublished');
  });
  it('fails closed on a value it does not know', () => {
    expect(replyState({ ...base, disclosure: 'open' as 'public' }, '2099-01-01')).toBe('unpublished');
    expect(replyState({ repliedOn: undefined, disclosure: 'public' }, '2099-01-01')).toBe('unpublished');
  });
});

describe('publish', () => {
  const corpus = checkCorpus(fixtureFiles(), { render: true }).corpus!;
  const out = publish(corpus, '2030-01-01');
  const text = JSON.stringify(out);

  it('keeps the text of published replies', () => {
    expect(text).toContain('PUBLIC-SENTINEL-4K8');
    const r = out.replies.find((x) => x.id === '7-1/20210001/gaj');
    expect(r).toMatchObject({ state: 'published', disclosure: 'public', category: 'A', docNo: '深公函〔2021〕88号' });
  });
  it('drops the text of pending and embargoed replies, and the category too', () => {
    expect(text).not.toContain('CANARY-PENDING');
    expect(text).not.toContain('CANARY-EMBARGO');
    expect(out.replies.find((x) => x.id === '7-1/20210001/jtj')).toEqual({
      id: '7-1/20210001/jtj',
      session: '7-1',
      number: '20210001',
      unit: 'jtj',
      proposal: '7-1/20210001',
      state: 'unpublished',
    });
  });
  it('reduces a withheld reply to proposal, unit, category and reason', () => {
    expect(out.replies.find((x) => x.id === '7-1/20210001/mzj')).toEqual({
      id: '7-1/20210001/mzj',
      session: '7-1',
      number: '20210001',
      unit: 'mzj',
      proposal: '7-1/20210001',
      state: 'withheld',
      category: 'C',
      withheldReason: 'work-secret',
    });
  });
  it('publishes an embargoed reply once the build date reaches it', () => {
    expect(JSON.stringify(publish(corpus, '2099-01-01'))).toContain('CANARY-EMBARGO-3M5');
  });
  it('stamps the build date', () => {
    expect(out.buildDate).toBe('2030-01-01');
  });
});

describe('buildDate', () => {
  it('reads SOURCE_DATE_EPOCH as a Beijing calendar date', () => {
    expect(buildDate({ SOURCE_DATE_EPOCH: '1627430400' })).toBe('2021-07-28'); // 2021-07-28T00:00Z
    expect(buildDate({ SOURCE_DATE_EPOCH: '1627401600' })).toBe('2021-07-28'); // 2021-07-27T16:00Z = 00:00 in Beijing
    expect(buildDate({ SOURCE_DATE_EPOCH: '1627401599' })).toBe('2021-07-27');
  });
  it('rejects a malformed SOURCE_DATE_EPOCH rather than guessing', () => {
    expect(() => buildDate({ SOURCE_DATE_EPOCH: 'yesterday' })).toThrow(/SOURCE_DATE_EPOCH/);
  });
  it('is today without it', () => {
    expect(buildDate({})).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
