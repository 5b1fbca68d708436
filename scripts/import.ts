/**
 * `npm run import -- [--session ID] [--unit ID] [--number N] [--dry-run] [--force] FILE...`
 * Word replies (.docx, .txt, .md) and proposal ledgers (.xlsx, .csv) into the
 * content root (CONTENT_DIR, else content/). One report line per input;
 * exit 1 when any input failed. Each record is written atomically (a hidden
 * temporary file, then a rename), so no run leaves half a record behind.
 * The reading and checking is in src/lib/import/; this file only touches disk.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { contentRoot } from '../src/lib/content-root.ts';
import { planImport, type Registries } from '../src/lib/import/index.ts';

const usage = '用法：npm run import -- [--session ID] [--unit ID] [--number N] [--dry-run] [--force] 文件或文件夹…';

let args;
try {
  args = parseArgs({
    allowPositionals: true,
    options: {
      session: { type: 'string' },
      unit: { type: 'string' },
      number: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (e) {
  console.error(`${(e as Error).message}\n${usage}`);
  process.exit(2);
}
const { values, positionals } = args;
if (values.help || positionals.length === 0) {
  console.error(usage);
  process.exit(values.help ? 0 : 2);
}

const root = contentRoot();
function list<T>(file: string): T[] {
  const path = join(root, file);
  if (!existsSync(path)) return [];
  const data: unknown = parse(readFileSync(path, 'utf8'));
  return Array.isArray(data) ? (data as T[]) : [];
}
let registries: Registries;
try {
  registries = {
    units: list('units.yaml'),
    proposers: list('proposers.yaml'),
    topics: list('topics.yaml'),
    sessions: existsSync(join(root, 'sessions'))
      ? readdirSync(join(root, 'sessions'))
          .filter((f) => /\.ya?ml$/.test(f))
          .map((f) => f.replace(/\.ya?ml$/, ''))
      : [],
  };
} catch (e) {
  console.error(`无法读取内容目录 ${root} 中的 units.yaml、proposers.yaml 或 topics.yaml：${(e as Error).message}`);
  process.exit(1);
}
if (!registries.units.length) {
  console.error(`${root} 中没有 units.yaml（或它是空的）：导入需要单位名单来识别落款和承办单位`);
  process.exit(1);
}

/**
 * Inputs, each named in the report as the editor wrote it: files as given, folders expanded to the
 * files they hold (not sub-folders, hidden files or Word's ~$ lock files).
 */
const inputs: { path: string; name: string }[] = [];
for (const p of positionals) {
  const abs = resolve(p);
  if (existsSync(abs) && statSync(abs).isDirectory()) {
    for (const f of readdirSync(abs).sort())
      if (!f.startsWith('.') && !f.startsWith('~$') && statSync(join(abs, f)).isFile())
        inputs.push({ path: join(abs, f), name: join(p, f) });
  } else inputs.push({ path: abs, name: p });
}

/** Files written (or planned, in a dry run) during this run, so two inputs cannot write one record. */
const planned = new Map<string, string>();
const read = (path: string) => {
  if (planned.has(path)) return planned.get(path);
  const abs = join(root, path);
  return existsSync(abs) ? readFileSync(abs, 'utf8') : undefined;
};

let failed = 0;
const started = performance.now();
for (const { path: input, name } of inputs) {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(input);
  } catch (e) {
    failed += 1;
    console.log(`✗ ${name}：无法读取文件（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）`);
    continue;
  }
  const outcome = await planImport(input, bytes, {
    registries,
    session: values.session,
    unit: values.unit,
    number: values.number,
    force: values.force,
    read,
    writtenThisRun: (path) => planned.has(path),
  });
  const writes = outcome.writes;
  if (outcome.ok && !values['dry-run']) {
    try {
      for (const w of writes) {
        const abs = join(root, w.path);
        mkdirSync(dirname(abs), { recursive: true });
        const tmp = join(dirname(abs), `.${basename(abs)}.${process.pid}.import-tmp`);
        writeFileSync(tmp, w.text, { flag: 'wx' });
        renameSync(tmp, abs);
      }
    } catch (e) {
      outcome.ok = false;
      outcome.summary = `写入失败：${(e as Error).message}`;
    }
  }
  if (outcome.ok || !values['dry-run']) for (const w of writes) planned.set(w.path, w.text);
  if (!outcome.ok) failed += 1;
  console.log(`${outcome.ok ? '✓' : '✗'} ${name}：${outcome.summary}`);
  for (const d of outcome.details) console.log(`    ${d}`);
  if (values['dry-run'] && outcome.ok)
    for (const w of writes) console.log(`\n--- ${w.path}${w.replaces ? '（覆盖）' : ''} ---\n${w.text}`);
}
const seconds = ((performance.now() - started) / 1000).toFixed(2);
const what = values['dry-run'] ? '试运行，未写入任何文件' : `写入 ${root}`;
console.error(
  `\n${inputs.length} 个文件，${inputs.length - failed} 个成功，${failed} 个失败（${what}，${seconds} 秒）。`,
);
if (failed === 0 && !values['dry-run'])
  console.error(
    '下一步：按上面列出的“待补”填写，再运行 npm run validate；审核后把 disclosure 改为 public 或 summary。',
  );
process.exit(failed ? 1 : 0);
