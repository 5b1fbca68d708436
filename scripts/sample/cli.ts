/**
 * Write a deterministic demonstration corpus.
 *
 *   npm run sample -- --replies N --out DIR [--seed S]
 *
 * DIR must be missing, empty, or an earlier corpus (it holds a site.yaml); in
 * the last case its content is removed first. Nothing outside DIR is touched.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateSample } from './generate.ts';

const USAGE = 'usage: npm run sample -- --replies N --out DIR [--seed S]';

function fail(message: string): never {
  console.error(`sample: ${message}`);
  console.error(USAGE);
  process.exit(2);
}

let values: { replies?: string; out?: string; seed?: string; help?: boolean };
try {
  ({ values } = parseArgs({
    options: {
      replies: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  }));
} catch (error) {
  fail((error as Error).message);
}

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (values.replies === undefined) fail('--replies is required');
if (!/^\d+$/.test(values.replies)) fail(`--replies must be a non-negative integer, got "${values.replies}"`);
if (!values.out) fail('--out is required');

const replies = Number(values.replies);
if (!Number.isSafeInteger(replies)) fail(`--replies is too large: ${values.replies}`);
const out = resolve(values.out);

if (existsSync(out)) {
  let entries: string[];
  try {
    entries = readdirSync(out);
  } catch (error) {
    console.error(`sample: cannot read ${out}: ${(error as Error).message}`);
    process.exit(1);
  }
  if (entries.length > 0) {
    if (!entries.includes('site.yaml')) {
      console.error(`sample: refusing to write into ${out}: it is not empty and holds no site.yaml`);
      process.exit(1);
    }
    for (const entry of entries) rmSync(join(out, entry), { recursive: true, force: true });
  }
}

const started = performance.now();
const files = generateSample({ replies, seed: values.seed });
const made = new Set<string>();
let proposals = 0;
let replyFiles = 0;
for (const [path, text] of files) {
  const target = join(out, path);
  const dir = dirname(target);
  if (!made.has(dir)) {
    mkdirSync(dir, { recursive: true });
    made.add(dir);
  }
  writeFileSync(target, text);
  if (path.startsWith('proposals/')) {
    if (path.endsWith('/index.mdx')) proposals++;
    else if (path.endsWith('.mdx')) replyFiles++;
  }
}
mkdirSync(out, { recursive: true });
const seconds = ((performance.now() - started) / 1000).toFixed(2);
console.log(
  `sample: wrote ${files.size} files (${proposals} proposals, ${replyFiles} replies) to ${out} in ${seconds}s`,
);
