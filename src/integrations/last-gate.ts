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
import { madeCopies } from './precompress.ts';
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

export default function lastGate(): AstroIntegration {
  return {
    name: 'open-replies:last-gate',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const started = performance.now();
        const cpu = process.cpuUsage();
        const needles = await recallNeedles();
        const leaks = await scanOutputInWorkers(out, needles, madeCopies);
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
