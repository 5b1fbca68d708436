/**
 * What an editor sees outside `npm run validate`: a failed build prints the
 * same problem lines and no stack trace, and the live preview (`astro dev`)
 * shows a broken record's problems in the browser, prints them once per save,
 * says 已恢复 when they are fixed, and shows a new broken file's problems
 * instead of a 404.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, buildsDir, projectCopy, repoRoot } from './build.ts';
import { fixturesDir } from '../helpers.ts';

function brokenCopy(): string {
  const root = join(mkdtempSync(join(buildsDir, 'editors-')), 'content');
  cpSync(join(fixturesDir, 'leak'), root, { recursive: true });
  return root;
}
const GAJ = 'proposals/7-1/20210001/gaj.mdx';

// A whole build runs inside: given the time a build takes on a loaded CI machine, not the 30 s of a test.
describe('a failed build', { timeout: 180_000 }, () => {
  it('prints the lines of npm run validate and no stack trace', () => {
    const root = brokenCopy();
    const file = join(root, GAJ);
    writeFileSync(file, readFileSync(file, 'utf8').replace('category: A', 'category: A类') + '\n面积<3平方米\n');
    const validate = spawnSync(join(repoRoot, 'node_modules', '.bin', 'tsx'), ['scripts/validate.ts', root], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    const lines = validate.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    const result = build(root);
    expect(result.ok).toBe(false);
    for (const line of lines) expect(result.output).toContain(line);
    expect(result.output).not.toMatch(/Stack trace|Location:|corpus\.ts:\d+/);
  });
});

describe('the live preview', { timeout: 90_000 }, () => {
  let root: string;
  let dev: ChildProcess;
  let log = '';
  let base = '';

  beforeAll(async () => {
    root = brokenCopy();
    const port = 43000 + Math.floor(Math.random() * 2000);
    dev = spawn(join(repoRoot, 'node_modules', '.bin', 'astro'), ['dev', '--port', String(port)], {
      // A copy of the project: the dev server writes its own `.astro/`, which the builds of
      // other test files running at the same time must not share.
      cwd: projectCopy(mkdtempSync(join(buildsDir, 'dev-project-'))),
      env: {
        // Not vitest's own NODE_ENV=test and VITEST*: the dev server would take itself for a test run.
        ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_ENV' && !k.startsWith('VITEST'))),
        CONTENT_DIR: root,
        ASTRO_CACHE_DIR: join(root, '..', 'cache'),
        ASTRO_TELEMETRY_DISABLED: '1',
        NO_COLOR: '1',
      },
      detached: true,
    });
    dev.stdout!.on('data', (d: Buffer) => (log += stripVTControlCharacters(d.toString())));
    dev.stderr!.on('data', (d: Buffer) => (log += stripVTControlCharacters(d.toString())));
    base = await until(() => /Local\s+(http:\/\/localhost:\d+)\//.exec(log)?.[1]);
  }, 60_000);

  afterAll(() => {
    if (dev?.pid) process.kill(-dev.pid, 'SIGTERM');
  });

  async function until<T>(probe: () => T | undefined | Promise<T | undefined>, ms = 20_000): Promise<T> {
    const end = Date.now() + ms;
    for (;;) {
      const v = await probe();
      if (v !== undefined && v !== false) return v;
      if (Date.now() > end) throw new Error(`timed out; dev server said:\n${log}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  const page = async (path: string) => {
    const r = await fetch(base + path);
    return { status: r.status, html: await r.text() };
  };
  const edit = (rel: string, change: (t: string) => string) => {
    const file = join(root, rel);
    writeFileSync(file, change(readFileSync(file, 'utf8')));
  };

  it('shows problems in the browser, prints each once, and says 已恢复 when fixed', async () => {
    const url = '/proposals/7-1/20210001/gaj/';
    // The first page waits for the dev server's first content sync.
    await until(async () => (await page(url)).status === 200);

    edit(GAJ, (t) => t.replace('category: A', 'category: A类'));
    const broken = await until(async () => {
      const p = await page(url);
      return p.status === 500 ? p : undefined;
    });
    const line = 'proposals/7-1/20210001/gaj.mdx:3:11';
    expect(broken.html).toContain('内容有 1 个问题');
    expect(broken.html).toContain(`<code class="place">${line}</code>`);
    expect(broken.html).toContain('取值无效（A类）→ 应写成 A');
    // Other pages show the problems too: nothing stale is previewed.
    expect((await page('/')).status).toBe(500);
    await new Promise((r) => setTimeout(r, 1000));
    expect(log.split(`${line} category`).length - 1).toBe(1);

    edit(GAJ, (t) => t.replace('category: A类', 'category: B'));
    const fixed = await until(async () => {
      const p = await page(url);
      return p.status === 200 ? p : undefined;
    });
    // The first page after the error page is already the new one.
    expect(fixed.html).toContain('B 类');
    expect(log).toContain('已恢复');
  });

  it('shows a new broken file its problems, not a 404', async () => {
    writeFileSync(
      join(root, 'proposals/7-1/20210002/zsj.mdx'),
      '---\ncategory: A\nrepliedOn: 2021-06-30\ndisclosure: public\n---\n\n面积<3平方米\n',
    );
    const p = await until(async () => {
      const r = await page('/proposals/7-1/20210002/zsj/');
      return r.status === 500 ? r : undefined;
    });
    expect(p.html).toContain('<code class="place">proposals/7-1/20210002/zsj.mdx:7:3</code>');
    expect(p.html).toContain('正文中的半角“&lt;”后面是“3”');
  });
});
