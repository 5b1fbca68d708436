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
/** The objects that hold an entry being digested in full. */
const holders = new WeakSet<object>();

/** An entry of a content collection, as `getCollection` returns it. */
const isEntry = (value: object): boolean =>
  'collection' in value && typeof value.collection === 'string' && 'id' in value && 'data' in value;

const digest = (value: unknown) =>
  createHash('sha256')
    .update(JSON.stringify(value, plain) ?? 'undefined')
    .digest('base64url');

/**
 * Serialises a page's inputs. Maps and sets keep their entries; a content
 * entry stands as the digest of all of it; a function or symbol cannot be
 * digested, so a page that would read one is refused rather than given a key
 * that misses part of its input.
 */
function plain(this: object, key: string, value: unknown): unknown {
  if (value !== null && typeof value === 'object' && !holders.has(this) && isEntry(value)) {
    let d = entryDigests.get(value);
    if (d === undefined) {
      const holder = { entry: value };
      holders.add(holder);
      entryDigests.set(value, (d = digest(holder)));
    }
    return { entry: d };
  }
  if (value instanceof Map) return { map: [...value] };
  if (value instanceof Set) return { set: [...value] };
  if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') {
    throw new TypeError(`a page's inputs must be data: "${key}" is a ${typeof value}`);
  }
  return value;
}

/** The digest of what a page is made of. */
export const pageCacheKey = (inputs: unknown): string => digest(inputs);
