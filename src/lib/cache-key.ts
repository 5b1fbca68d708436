/**
 * The `cacheKey` of a record page for Astro's incremental builds
 * (`experimental.incrementalBuild`): Astro copies a page from its last build
 * instead of rendering it again when the page's code (its module graph, which
 * Astro hashes) and this key are both unchanged. The key is a digest of
 * everything the page is made of besides code: its entry, its page model and
 * the site's settings. A page must show nothing that is not in its inputs;
 * the proof is a clean build, byte for byte the same.
 */
import { createHash } from 'node:crypto';

/** Each content entry's digest, made once: a reply's entry is part of its own page and its proposal's. */
const entryDigests = new WeakMap<object, string>();

/** An entry of a content collection, as `getCollection` returns it. */
const isEntry = (value: object): boolean =>
  'collection' in value && typeof value.collection === 'string' && 'id' in value && 'data' in value;

/**
 * Serialises data. Maps and sets keep their entries; a function or symbol
 * cannot be digested, so a page that would read one is refused rather than
 * given a key that misses part of its input.
 */
function data(key: string, value: unknown): unknown {
  if (value instanceof Map) return { map: [...value] };
  if (value instanceof Set) return { set: [...value] };
  if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') {
    throw new TypeError(`a page's inputs must be data: "${key}" is a ${typeof value}`);
  }
  return value;
}

/** Serialises a page's inputs as `data` does, each content entry standing as the digest of all of it. */
function inputs(key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || !isEntry(value)) return data(key, value);
  let d = entryDigests.get(value);
  if (d === undefined) entryDigests.set(value, (d = digest(JSON.stringify(value, data))));
  return { entry: d };
}

const digest = (json: string | undefined) =>
  createHash('sha256')
    .update(json ?? 'undefined')
    .digest('base64url');

/** The digest of what a page is made of. */
export const pageCacheKey = (page: unknown): string => digest(JSON.stringify(page, inputs));
