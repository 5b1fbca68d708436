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

/**
 * Serialises a page's inputs. Maps and sets keep their entries; a function or
 * symbol cannot be digested, so a page that would read one is refused rather
 * than given a key that misses part of its input.
 */
function plain(key: string, value: unknown): unknown {
  if (value instanceof Map) return { map: [...value] };
  if (value instanceof Set) return { set: [...value] };
  if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') {
    throw new TypeError(`a page's inputs must be data: "${key}" is a ${typeof value}`);
  }
  return value;
}

/** The digest of what a page is made of. */
export function pageCacheKey(inputs: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(inputs, plain) ?? 'undefined')
    .digest('base64url');
}
