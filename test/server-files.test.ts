/** The files the build writes for a web server: precompressed copies and the CSP header snippet. */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { nginxCspDirective, policyOf, sitePolicy } from '../src/integrations/csp-header.ts';
import { brotliQuality, compress, precompressDir, shouldCompress } from '../src/integrations/precompress.ts';

const scratch = mkdtempSync(join(tmpdir(), 'open-replies-server-files-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const page = (n: number) =>
  Buffer.from(`<!doctype html><title>第 ${n} 页</title>${'<p>答复正文，办理情况与下一步工作。</p>'.repeat(60)}`);

describe('precompression', () => {
  it('takes text files of at least 1 KB, never what is already compressed', () => {
    expect(shouldCompress('proposals/7-1/1/index.html', page(1))).toBe(true);
    expect(shouldCompress('_astro/a.js', Buffer.alloc(4096, 'a'))).toBe(true);
    expect(shouldCompress('index.html', Buffer.from('<p>短</p>'))).toBe(false);
    expect(shouldCompress('pagefind/fragment/zh_1.pf_fragment', gzipSync(page(1)))).toBe(false);
    expect(shouldCompress('pagefind/wasm.zh.pagefind', Buffer.alloc(4096))).toBe(false);
    expect(shouldCompress('favicon.png', Buffer.alloc(4096))).toBe(false);
    // A gzip stream with a text name is not compressed twice.
    expect(shouldCompress('data/x.json', gzipSync(Buffer.alloc(8192, 'x')))).toBe(false);
  });

  it('uses brotli 11 for shared scripts and styles, a fast level for pages', () => {
    expect(brotliQuality('_astro/Base.css')).toBe(11);
    expect(brotliQuality('pagefind/pagefind.js')).toBe(11);
    expect(brotliQuality('proposals/7-1/1/index.html')).toBeLessThan(11);
  });

  it('writes copies that decompress to the file, with a gzip header free of time and name', async () => {
    const bytes = page(2);
    const a = await compress('index.html', bytes);
    const b = await compress('index.html', bytes);
    expect(Buffer.from(a.br!).equals(Buffer.from(b.br!))).toBe(true);
    expect(Buffer.from(a.gz!).equals(Buffer.from(b.gz!))).toBe(true);
    expect(brotliDecompressSync(a.br!).equals(bytes)).toBe(true);
    expect(gunzipSync(a.gz!).equals(bytes)).toBe(true);
    const gz = Buffer.from(a.gz!);
    expect(gz.readUInt32LE(4)).toBe(0); // MTIME
    expect(gz[3] & 0x08).toBe(0); // no FNAME
    expect(a.br!.length).toBeLessThan(a.gz!.length);
  });

  it('compresses a folder the same way twice, skipping what it should', async () => {
    const dir = join(scratch, 'site');
    mkdirSync(join(dir, 'pagefind', 'fragment'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), page(3));
    writeFileSync(join(dir, 'tiny.html'), '<p>短</p>');
    writeFileSync(join(dir, 'pagefind', 'fragment', 'zh_1.pf_fragment'), gzipSync(page(4)));
    const stats = await precompressDir(dir);
    expect(stats.files).toBe(1);
    const files = () => readdirSync(dir, { recursive: true }).map(String).sort();
    expect(files().filter((f) => /\.(?:br|gz)$/.test(f))).toEqual(['index.html.br', 'index.html.gz']);
    const first = readFileSync(join(dir, 'index.html.br'));
    rmSync(join(dir, 'index.html.br'));
    rmSync(join(dir, 'index.html.gz'));
    await precompressDir(dir);
    expect(readFileSync(join(dir, 'index.html.br')).equals(first)).toBe(true);
  });

  it('takes copies of an unchanged file from the cache, the same bytes, and forgets what the last build did not use', async () => {
    const dir = join(scratch, 'cached-site');
    const cache = join(scratch, 'cache');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'a.html'), page(5));
    writeFileSync(join(dir, 'b.html'), page(6));
    expect(await precompressDir(dir, 4, cache)).toMatchObject({ files: 2, reused: 0 });
    const copies = () => ['a.html.br', 'a.html.gz', 'b.html.br', 'b.html.gz'].map((f) => readFileSync(join(dir, f)));
    const fresh = copies();
    const cached = () =>
      readdirSync(cache, { recursive: true })
        .map(String)
        .filter((f) => /\.(br|gz)$/.test(f));
    expect(cached()).toHaveLength(4);

    // b.html edited: a's copies come from the cache, b's are made again.
    writeFileSync(join(dir, 'b.html'), page(7));
    expect(await precompressDir(dir, 4, cache)).toMatchObject({ files: 2, reused: 1 });
    expect(copies()[0].equals(fresh[0])).toBe(true);
    expect(gunzipSync(readFileSync(join(dir, 'b.html.gz'))).equals(page(7))).toBe(true);
    // Only what this build used is kept: a's copies and the edited b's, not the old b's.
    expect(cached()).toHaveLength(4);

    // Incompressible bytes get no copy: the cache says so (an empty entry), and the next build still writes none.
    const noise = randomBytes(4096);
    writeFileSync(join(dir, 'noise.txt'), noise);
    await precompressDir(dir, 4, cache);
    expect(await precompressDir(dir, 4, cache)).toMatchObject({ files: 3, reused: 3 });
    expect(readdirSync(dir).filter((f) => f.startsWith('noise'))).toEqual(['noise.txt']);
  });
});

describe('precompression with a cache on the same disk', () => {
  it('links a cached copy into the output instead of writing its bytes again, and a later write there leaves the cache alone', async () => {
    const dir = join(scratch, 'linked-site');
    const cache = join(scratch, 'linked-cache');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'a.html'), page(8));
    await precompressDir(dir, 4, cache);
    rmSync(join(dir, 'a.html.br'));
    expect(await precompressDir(dir, 4, cache)).toMatchObject({ files: 1, reused: 1 });
    const entry = join(
      cache,
      readdirSync(cache, { recursive: true })
        .map(String)
        .find((f) => f.endsWith('.br'))!,
    );
    const cached = readFileSync(entry);
    expect(statSync(join(dir, 'a.html.br')).ino).toBe(statSync(entry).ino);
    // The page changes and is compressed again, without the cache: the cache's file keeps its bytes.
    writeFileSync(join(dir, 'a.html'), page(9));
    await precompressDir(dir);
    expect(readFileSync(entry).equals(cached)).toBe(true);
    expect(brotliDecompressSync(readFileSync(join(dir, 'a.html.br'))).equals(page(9))).toBe(true);
  });
});

describe('the CSP header snippet', () => {
  const policy = "default-src 'self'; script-src 'self' 'sha256-abc='";
  const html = (p: string) => `<html><head><meta http-equiv="content-security-policy" content="${p}"></head></html>`;

  it('reads the policy from a page, entities decoded', () => {
    expect(policyOf(html('default-src &#39;self&#39;'))).toBe("default-src 'self'");
    expect(policyOf('<html><head></head></html>')).toBeNull();
  });

  it('takes the one policy of every page, and refuses pages that differ, naming them', () => {
    const dir = join(scratch, 'csp');
    mkdirSync(join(dir, 'stats'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), html(policy));
    writeFileSync(join(dir, 'stats', 'index.html'), html(policy));
    expect(sitePolicy(dir)).toBe(policy);
    writeFileSync(join(dir, 'stats', 'index.html'), html(`${policy} 'sha256-other='`));
    expect(() => sitePolicy(dir)).toThrow(/CSP 不一致：.*index\.html 与 .*index\.html/);
  });

  it('writes an nginx add_header that applies to error pages too, refusing characters nginx would misread', () => {
    expect(nginxCspDirective(policy)).toContain(`add_header Content-Security-Policy "${policy}" always;`);
    expect(() => nginxCspDirective('default-src "self"')).toThrow(/nginx/);
    expect(() => nginxCspDirective('default-src $host')).toThrow(/nginx/);
  });
});
