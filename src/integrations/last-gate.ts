/**
 * The last gate, run after every other build step (keep it last in
 * astro.config.mjs): every file of the output is read — gzip and brotli
 * decompressed — and scanned for the text of replies not published on the
 * build date and for personal data (src/lib/model/last-gate.ts). Any hit fails
 * the build, names the output file and the record, and removes the output
 * folder, so nothing of a failed build can be deployed.
 */
import type { AstroIntegration } from 'astro';
import { strFromU8, unzipSync } from 'fflate';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { checkContentRoot, contentRoot } from '../lib/content-root.ts';
import { buildDate } from '../lib/dates.ts';
import { formatLeaks, lastGateNeedles, scanText, type Leak, type Needles } from '../lib/model/last-gate.ts';

/**
 * The loader hands the needles over in memory (never on disk). A global key,
 * because the loader runs in Vite's module graph and this hook in Node's: the
 * two may hold separate copies of this module.
 */
const KEY = Symbol.for('open-replies.last-gate.needles');
type Holder = { [KEY]?: Needles };

export function rememberNeedles(needles: Needles): void {
  (globalThis as Holder)[KEY] = needles;
}

async function recallNeedles(): Promise<Needles> {
  const held = (globalThis as Holder)[KEY];
  if (held) return held;
  // Fail closed: without the loader's needles, compute them again from the content root.
  const { corpus, problems } = await checkContentRoot(contentRoot());
  if (!corpus) throw new Error(`最后一道检查无法读取内容（${problems.length} 个问题）`);
  return lastGateNeedles(corpus, buildDate());
}

/** Spreadsheets are zip archives of XML: each entry is scanned as text (fflate reads the archive). */
const ZIPPED = /\.xlsx$/i;

/** Files that hold no text: skipped (Pagefind's WebAssembly, images, fonts). */
const BINARY = /\.(wasm|png|jpe?g|gif|webp|avif|ico|woff2?|ttf|otf|pdf)$/i;

function decoded(path: string): Buffer {
  let bytes = readFileSync(path);
  if (path.endsWith('.br')) bytes = brotliDecompressSync(bytes);
  while (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
  return bytes;
}

const digest = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Every leak in the output folder `dir`. */
export function scanOutput(dir: string, needles: Needles): Leak[] {
  const leaks: Leak[] = [];
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .filter((path) => !BINARY.test(path.replace(/\.(br|gz)$/, '')));
  const copy = (path: string) => /\.(br|gz)$/.test(path);
  /** Digests of the originals scanned, so a compressed copy with the same bytes is not scanned twice. */
  const scanned = new Map<string, string>();
  // Originals first, then the compressed copies.
  for (const path of [...files.filter((p) => !copy(p)), ...files.filter(copy)]) {
    const name = relative(dir, path).split(sep).join('/');
    if (ZIPPED.test(path)) {
      for (const [entry, data] of Object.entries(unzipSync(readFileSync(path)))) {
        leaks.push(...scanText(`${name}:${entry}`, strFromU8(data), needles));
      }
      continue;
    }
    const bytes = decoded(path);
    // A copy whose bytes equal its scanned original needs no second scan; one that differs
    // (or has no original) is scanned like any file.
    if (copy(path) && scanned.get(path.slice(0, -3)) === digest(bytes)) continue;
    if (!copy(path)) scanned.set(path, digest(bytes));
    leaks.push(...scanText(name, bytes.toString('utf8'), needles));
  }
  return leaks;
}

export default function lastGate(): AstroIntegration {
  return {
    name: 'open-replies:last-gate',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const started = performance.now();
        const cpu = process.cpuUsage();
        const needles = await recallNeedles();
        const leaks = scanOutput(out, needles);
        if (leaks.length > 0) {
          rmSync(out, { recursive: true, force: true });
          const lines = formatLeaks(leaks);
          throw new Error(
            `最后一道检查发现输出中有不应公开的内容，已删除输出目录，未发布任何内容：\n${lines.join('\n')}`,
          );
        }
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        const used = process.cpuUsage(cpu);
        const cpuSeconds = ((used.user + used.system) / 1e6).toFixed(1);
        logger.info(
          `scanned the output for unpublished text and personal data in ${seconds} s (${cpuSeconds} s CPU): nothing found`,
        );
      },
    },
  };
}
