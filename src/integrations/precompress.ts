/**
 * Writes a `.br` and a `.gz` copy beside every text file of the built site, so
 * a web server sends them as they are (nginx `brotli_static` / `gzip_static`,
 * see deploy/nginx.conf) instead of compressing on every request. Runs after
 * the Pagefind index and the sitemap are written (it is the last integration).
 *
 * Deterministic: the same file gives the same bytes in every build. Node's
 * gzip writes no file name and a zero modification time in its header, and
 * both encoders are fed the whole file with fixed parameters.
 *
 * Incremental: the copies are also kept in Astro's cache directory under a
 * digest of the original and the brotli quality; a later build whose file has
 * the same bytes takes them from there instead of compressing again (the same
 * bytes it would write), hard-linked (src/integrations/hard-links.ts). Entries
 * no build used last time are removed.
 *
 * Skipped: files of other types (images, Pagefind's `pf_*` fragments, indexes
 * and its `.pagefind` WebAssembly, which Pagefind already gzips), files
 * already compressed whatever their name, tiny files, and any copy that would
 * not be smaller than the original.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { place, writeNew } from './hard-links.ts';

/** Text types worth compressing. */
export const COMPRESSIBLE = new Set([
  '.html',
  '.css',
  '.js',
  '.mjs',
  '.json',
  '.xml',
  '.svg',
  '.txt',
  '.csv',
  '.map',
  '.webmanifest',
  '.wasm',
]);

/** Below this size a compressed copy saves less than the request's own headers. */
export const MIN_BYTES = 1024;

/** True when `bytes` already start like a gzip, zip, zstd or xz stream. */
function alreadyCompressed(bytes: Uint8Array): boolean {
  const magic = [
    [0x1f, 0x8b],
    [0x50, 0x4b, 0x03, 0x04],
    [0x28, 0xb5, 0x2f, 0xfd],
    [0xfd, 0x37, 0x7a, 0x58, 0x5a],
  ];
  return magic.some((m) => m.every((b, i) => bytes[i] === b));
}

/** Whether a file at `path` (relative to the site) with these bytes gets compressed copies. */
export function shouldCompress(path: string, bytes: Uint8Array): boolean {
  return COMPRESSIBLE.has(extname(path).toLowerCase()) && bytes.length >= MIN_BYTES && !alreadyCompressed(bytes);
}

/**
 * Brotli's best quality costs about 1 s per MB: worth it for the scripts and
 * styles every page loads (a few files), too slow for 20,000 pages, which get
 * a fast quality that still beats gzip -9.
 */
export function brotliQuality(path: string): number {
  return /^(?:_astro|pagefind)\//.test(path.split('\\').join('/')) ? 11 : 5;
}

const br = promisify(brotliCompress);
const gz = promisify(gzip);

/** The two compressed copies of one file; `null` for a copy that would not be smaller. */
export async function compress(
  path: string,
  bytes: Uint8Array,
): Promise<{ br: Uint8Array | null; gz: Uint8Array | null }> {
  const [b, g] = await Promise.all([
    br(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: brotliQuality(path),
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      },
    }),
    gz(bytes, { level: 9 }),
  ]);
  return { br: b.length < bytes.length ? b : null, gz: g.length < bytes.length ? g : null };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * What this build compressed (not what it took from the cache): each copy's
 * path → the digests of the original it was made from and of the copy's own
 * bytes. The last gate reads it: a copy whose bytes are still these, made from
 * an original the gate scanned with these very bytes, holds the same text, so
 * the gate need not decompress it.
 * Any mismatch (or a copy not listed) and the gate decompresses and scans it.
 */
export type MadeCopies = Map<string, { original: string; copy: string }>;
export const madeCopies: MadeCopies = new Map();

/**
 * Copies kept between builds: `<dir>/<2 hex>/<digest>-q<quality>.br|.gz`. An
 * empty file stands for "no copy" (one that would not have been smaller).
 */
class CopyCache {
  private used = new Set<string>();
  private dir: string;
  constructor(dir: string) {
    this.dir = dir;
  }

  private path(original: string, quality: number): string {
    return join(this.dir, original.slice(0, 2), `${original}-q${quality}`);
  }

  /** The files holding the two copies and their sizes; `null` for "no copy", `undefined` if not cached. */
  get(original: string, quality: number): Record<'br' | 'gz', CachedCopy | null> | undefined {
    const base = this.path(original, quality);
    if (!existsSync(`${base}.br`) || !existsSync(`${base}.gz`)) return undefined;
    this.used.add(base);
    const copy = (path: string) => {
      const bytes = statSync(path).size;
      return bytes > 0 ? { path, bytes } : null;
    };
    return { br: copy(`${base}.br`), gz: copy(`${base}.gz`) };
  }

  set(original: string, quality: number, copies: { br: Uint8Array | null; gz: Uint8Array | null }): void {
    const base = this.path(original, quality);
    mkdirSync(join(base, '..'), { recursive: true });
    // Written under a temporary name, then renamed: a half-written copy is never taken.
    for (const ext of ['br', 'gz'] as const) {
      writeFileSync(`${base}.${ext}.tmp`, copies[ext] ?? new Uint8Array());
      renameSync(`${base}.${ext}.tmp`, `${base}.${ext}`);
    }
    this.used.add(base);
  }

  /** Removes every entry this build did not use. */
  prune(): void {
    if (!existsSync(this.dir)) return;
    for (const e of readdirSync(this.dir, { recursive: true, withFileTypes: true })) {
      if (!e.isFile()) continue;
      const path = join(e.parentPath, e.name);
      if (!this.used.has(path.replace(/\.(br|gz)(\.tmp)?$/, ''))) rmSync(path);
    }
  }
}

interface CachedCopy {
  path: string;
  bytes: number;
}

export interface PrecompressStats {
  files: number;
  /** Files whose copies were taken from the cache. */
  reused: number;
  originalBytes: number;
  brBytes: number;
  gzBytes: number;
}

/**
 * Compresses every eligible file below `dir`, at most `parallel` at once (zlib
 * runs them on libuv's threads), taking copies from `cacheDir` when given.
 */
export async function precompressDir(dir: string, parallel = 4, cacheDir?: string): Promise<PrecompressStats> {
  const cache = cacheDir ? new CopyCache(cacheDir) : undefined;
  const paths = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .filter((p) => COMPRESSIBLE.has(extname(p).toLowerCase()) && statSync(p).size >= MIN_BYTES)
    .sort();
  const stats: PrecompressStats = { files: 0, reused: 0, originalBytes: 0, brBytes: 0, gzBytes: 0 };
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const path = paths[next++];
      const bytes = readFileSync(path);
      const rel = relative(dir, path);
      if (!shouldCompress(rel, bytes)) continue;
      const original = sha256(bytes);
      const quality = brotliQuality(rel);
      stats.files++;
      stats.originalBytes += bytes.length;
      const cached = cache?.get(original, quality);
      if (cached) {
        stats.reused++;
        stats.brBytes += cached.br?.bytes ?? bytes.length;
        stats.gzBytes += cached.gz?.bytes ?? bytes.length;
        for (const ext of ['br', 'gz'] as const) {
          const copy = cached[ext];
          if (!copy) continue;
          place(copy.path, `${path}.${ext}`);
          // Only a copy compressed here from these bytes is known to hold their text. One taken from
          // the cache is a file on disk like any other: the last gate decompresses and scans it.
          madeCopies.delete(`${path}.${ext}`);
        }
        continue;
      }
      const out = await compress(rel, bytes);
      cache?.set(original, quality, out);
      stats.brBytes += out.br?.length ?? bytes.length;
      stats.gzBytes += out.gz?.length ?? bytes.length;
      for (const ext of ['br', 'gz'] as const) {
        const copy = out[ext];
        if (!copy) continue;
        writeNew(`${path}.${ext}`, copy);
        madeCopies.set(`${path}.${ext}`, { original, copy: sha256(copy) });
      }
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  cache?.prune();
  return stats;
}

export default function precompress(): AstroIntegration {
  let cacheDir = '';
  return {
    name: 'open-replies:precompress',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = join(fileURLToPath(config.cacheDir), 'precompress');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const s = await precompressDir(fileURLToPath(dir), 4, cacheDir);
        const pct = (n: number) => `${((100 * n) / Math.max(s.originalBytes, 1)).toFixed(0)} %`;
        logger.info(
          `${s.files} files (${s.reused} from the cache), ${(s.originalBytes / 1e6).toFixed(1)} MB → brotli ${pct(s.brBytes)}, gzip ${pct(s.gzBytes)} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
        );
      },
    },
  };
}
