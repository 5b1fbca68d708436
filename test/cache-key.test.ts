import { describe, expect, it } from 'vitest';
import { pageCacheKey } from '../src/lib/cache-key.ts';

describe("a record page's cache key", () => {
  it('is the same for the same inputs and changes with any of them', () => {
    const inputs = { title: '关于发展数字经济的提案', proposers: new Map([['member-a', { name: '张委员' }]]) };
    expect(pageCacheKey(inputs)).toBe(pageCacheKey(structuredClone(inputs)));
    expect(pageCacheKey({ ...inputs, title: '关于加快发展数字经济的提案' })).not.toBe(pageCacheKey(inputs));
    // A map's entries are part of the key (JSON alone would write every map as {}).
    expect(pageCacheKey({ ...inputs, proposers: new Map([['member-a', { name: '章委员' }]]) })).not.toBe(
      pageCacheKey(inputs),
    );
    expect(pageCacheKey({ ...inputs, seen: new Set(['a']) })).not.toBe(
      pageCacheKey({ ...inputs, seen: new Set(['b']) }),
    );
  });

  it('digests a content entry whole, its text and rendered HTML included', () => {
    const entry = {
      id: '7-1/20210001/gaj',
      collection: 'replies',
      data: { body: '原文' },
      rendered: { html: '<p>原文</p>' },
    };
    const key = pageCacheKey([entry, { slots: [{ entry }] }]);
    expect(pageCacheKey([structuredClone(entry), { slots: [{ entry: structuredClone(entry) }] }])).toBe(key);
    const edited = { ...entry, rendered: { html: '<p>改过的原文</p>' } };
    expect(pageCacheKey([entry, { slots: [{ entry: edited }] }])).not.toBe(key);
    expect(pageCacheKey([{ ...entry, data: { body: '改过的原文' } }, { slots: [{ entry }] }])).not.toBe(key);
  });

  it('refuses inputs it cannot digest rather than leave them out', () => {
    expect(() => pageCacheKey({ name: () => '张委员' })).toThrow(/"name" is a function/);
    expect(() => pageCacheKey({ count: 1n })).toThrow(/"count" is a bigint/);
  });
});
