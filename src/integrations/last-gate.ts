/**
 * The last gate, run after every other build step (keep it last in
 * astro.config.mjs): every file of the output is read — gzip and brotli
 * decompressed — and scanned for the text of replies not published on the
 * build date and for personal data (src/lib/model/last-gate.ts), the files
 * shared among worker threads (scan-output.ts). Any hit fails
 * the build, names the output file and the record, and removes the output
 * folder, so nothing of a failed build can be deployed.
 */
import type { AstroIntegration } from 'astro';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkContentRoot, contentRoot } from '../lib/content-root.ts';
import { buildDate } from '../lib/dates.ts';
import { formatLeaks, lastGateNeedles, type Needles } from '../lib/model/last-gate.ts';
import { madeCopies, type MadeCopies } from './precompress.ts';
import { scanOutputInWorkers } from './scan-output.ts';

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

/**
 * The test-only hook `OPEN_REPLIES_BREAK_GATE_FOR_TEST=1` (src/loaders/corpus.ts)
 * breaks the disclosure gate on purpose. A build with it set never succeeds,
 * even when the scan finds nothing: text too short to be a needle would pass.
 */
export function gateBrokenForTest(env: Record<string, string | undefined> = process.env): boolean {
  return env.OPEN_REPLIES_BREAK_GATE_FOR_TEST === '1';
}

/**
 * Scans `out` and returns the leaks. Fails closed: on a leak, on the test
 * hook, and on any error of the scan itself (a worker that dies, a file that
 * cannot be read or decompressed), the output folder is removed before the
 * error is thrown, so nothing unscanned is left to deploy.
 */
export async function guardOutput(
  out: string,
  needles: () => Promise<Needles>,
  copies: MadeCopies,
  env: Record<string, string | undefined> = process.env,
): Promise<void> {
  let leaks;
  try {
    leaks = await scanOutputInWorkers(out, await needles(), copies);
  } catch (error) {
    rmSync(out, { recursive: true, force: true });
    throw new Error(`最后一道检查未能完成，已删除输出目录，未发布任何内容：${String(error)}`, { cause: error });
  }
  if (leaks.length > 0 || gateBrokenForTest(env)) {
    rmSync(out, { recursive: true, force: true });
    const lines = leaks.length > 0 ? formatLeaks(leaks) : ['（未发现，但披露检查在本次构建中被测试开关关闭）'];
    throw new Error(`最后一道检查发现输出中有不应公开的内容，已删除输出目录，未发布任何内容：\n${lines.join('\n')}`);
  }
}

export default function lastGate(): AstroIntegration {
  return {
    name: 'open-replies:last-gate',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const cpu = process.cpuUsage();
        await guardOutput(fileURLToPath(dir), recallNeedles, madeCopies);
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
