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

  it('refuses inputs it cannot digest rather than leave them out', () => {
    expect(() => pageCacheKey({ name: () => '张委员' })).toThrow(/"name" is a function/);
    expect(() => pageCacheKey({ count: 1n })).toThrow(/"count" is a bigint/);
  });
});
