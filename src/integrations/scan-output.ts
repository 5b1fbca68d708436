/**
 * The last gate's reading of the output folder: every file read — gzip and
 * brotli decompressed, spreadsheets unzipped — and handed to `scanText`
 * (src/lib/model/last-gate.ts). The files are shared among worker threads, an
 * original always together with its compressed copies.
 */
import { strFromU8, unzipSync } from 'fflate';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { scanText, type Leak, type Needles } from '../lib/model/last-gate.ts';
import type { MadeCopies } from './precompress.ts';

/** Spreadsheets are zip archives of XML: each entry is scanned as text (fflate reads the archive). */
const ZIPPED = /\.xlsx$/i;

/** Files that hold no text: skipped (Pagefind's WebAssembly, images, fonts). */
const BINARY = /\.(wasm|png|jpe?g|gif|webp|avif|ico|woff2?|ttf|otf|pdf)$/i;

const COPY = /\.(br|gz)$/;

function decoded(path: string): Buffer {
  let bytes = readFileSync(path);
  if (path.endsWith('.br')) bytes = brotliDecompressSync(bytes);
  while (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
  return bytes;
}

const digest = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Every file of `dir` that can hold text, as absolute paths. */
function outputFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .filter((path) => !BINARY.test(path.replace(COPY, '')));
}

/**
 * Every leak in `files` (below `dir`). A compressed copy whose original is
 * among `files` must be in the same call. `copies` are the compressed copies
 * this build made (src/integrations/precompress.ts): one still byte for byte
 * as made, from an original scanned here with the same digest, is not
 * decompressed again; every other copy is decompressed and scanned.
 */
export function scanFiles(dir: string, files: string[], needles: Needles, copies: MadeCopies): Leak[] {
  const leaks: Leak[] = [];
  /** Digests of the originals scanned, so a compressed copy with the same bytes is not scanned twice. */
  const scanned = new Map<string, string>();
  // Originals first, then the compressed copies.
  for (const path of [...files.filter((p) => !COPY.test(p)), ...files.filter((p) => COPY.test(p))]) {
    const name = relative(dir, path).split(sep).join('/');
    if (ZIPPED.test(path)) {
      for (const [entry, data] of Object.entries(unzipSync(readFileSync(path)))) {
        leaks.push(...scanText(`${name}:${entry}`, strFromU8(data), needles));
      }
      continue;
    }
    const copy = COPY.test(path);
    if (copy) {
      const made = copies.get(path);
      if (made && scanned.get(path.slice(0, -3)) === made.original && digest(readFileSync(path)) === made.copy) {
        continue;
      }
    }
    const bytes = decoded(path);
    // A copy whose bytes equal its scanned original needs no second scan; one that differs
    // (or has no original) is scanned like any file.
    if (copy && scanned.get(path.slice(0, -3)) === digest(bytes)) continue;
    if (!copy) scanned.set(path, digest(bytes));
    leaks.push(...scanText(name, bytes.toString('utf8'), needles));
  }
  return leaks;
}

/** Every leak in the output folder `dir`, in this thread. */
export function scanOutput(dir: string, needles: Needles, copies: MadeCopies = new Map()): Leak[] {
  return scanFiles(dir, outputFiles(dir), needles, copies);
}

/**
 * The files of `dir` in `n` shares of about equal size, each original with its
 * copies. Deterministic: the same folder gives the same shares.
 */
export function shares(files: string[], n: number): string[][] {
  const groups = new Map<string, { files: string[]; bytes: number }>();
  for (const path of [...files].sort()) {
    const key = path.replace(COPY, '');
    const group = groups.get(key) ?? { files: [], bytes: 0 };
    group.files.push(path);
    group.bytes += statSync(path).size;
    groups.set(key, group);
  }
  const out = Array.from({ length: n }, () => ({ files: [] as string[], bytes: 0 }));
  // Largest groups first, each to the share with the fewest bytes so far.
  for (const group of [...groups.values()].sort((a, b) => b.bytes - a.bytes)) {
    const share = out.reduce((min, s) => (s.bytes < min.bytes ? s : min));
    share.files.push(...group.files);
    share.bytes += group.bytes;
  }
  return out.map((s) => s.files).filter((f) => f.length > 0);
}

export interface ScanJob {
  dir: string;
  files: string[];
  needles: Needles;
  copies: MadeCopies;
}

/**
 * Every leak in `dir`, the files shared among one worker thread per core (at
 * most four). A worker that fails rejects the whole scan: the gate fails closed.
 * Leaks come back in a fixed order (originals before copies, then by file).
 */
export async function scanOutputInWorkers(dir: string, needles: Needles, copies: MadeCopies): Promise<Leak[]> {
  const jobs = shares(outputFiles(dir), Math.min(4, Math.max(1, availableParallelism())));
  const results = await Promise.all(
    jobs.map(
      (files) =>
        new Promise<Leak[]>((resolve, reject) => {
          const mine = new Set(files);
          const job: ScanJob = { dir, files, needles, copies: new Map([...copies].filter(([p]) => mine.has(p))) };
          const worker = new Worker(new URL('./scan-output-worker.ts', import.meta.url), { workerData: job });
          let leaks: Leak[] | undefined;
          worker.once('message', (message: Leak[]) => (leaks = message));
          worker.once('error', reject);
          worker.once('exit', (code) =>
            leaks && code === 0 ? resolve(leaks) : reject(new Error(`最后一道检查的线程异常退出（代码 ${code}）`)),
          );
        }),
    ),
  );
  const rank = (leak: Leak) => (COPY.test(leak.file) ? 1 : 0);
  return results.flat().sort((a, b) => rank(a) - rank(b) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}
