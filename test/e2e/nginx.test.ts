/**
 * The production server: Debian's nginx with deploy/nginx.conf serving the
 * demo build on a loopback port. Headers, status codes, the 404 page, the
 * trailing-slash redirect, the precompressed copies (decompressed, they must
 * equal the files), and search in Chromium under the CSP header.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CSP_CONF, policyOf } from '../../src/integrations/csp-header.ts';
import { launch } from './browser.ts';
import { nginxMissing, startNginx, type Nginx } from './nginx.ts';

interface Response {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A raw GET: no decompression, no redirect following. */
function get(base: string, path: string, headers: Record<string, string> = {}): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const missing = nginxMissing();
if (missing && process.env.CI) throw new Error(`CI 必须能运行 nginx 测试：${missing}（.ci/run 应安装它）`);
if (missing) console.warn(`跳过 nginx 测试：${missing}`);

describe.skipIf(missing !== null)('deploy/nginx.conf serving the demo build', () => {
  const dist = inject('demoDist');
  let server: Nginx;
  let base: string;
  beforeAll(async () => {
    server = await startNginx(dist);
    base = server.url;
  });
  afterAll(async () => {
    await server?.close();
  });

  const files = () =>
    readdirSync(dist, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name).slice(dist.length + 1));
  const firstPage = (re: RegExp) => {
    const f = files().find((p) => re.test(p));
    if (!f) throw new Error(`构建结果中没有 ${re}`);
    return `/${f.replace(/index\.html$/, '')}`;
  };

  it('sends the CSP of the pages as a header, with nosniff and a referrer policy, on pages and on 404s', async () => {
    const policy = policyOf(readFileSync(join(dist, 'index.html'), 'utf8'));
    expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
    for (const path of ['/', '/stats/', '/data/replies.csv', '/no-such-page/']) {
      const r = await get(base, path);
      expect(r.headers['content-security-policy'], path).toBe(policy);
      expect(r.headers['x-content-type-options'], path).toBe('nosniff');
      expect(r.headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
    }
  });

  it('answers 200 with the right type for every kind of page and file', async () => {
    const paths: [string, RegExp][] = [
      ['/', /^text\/html; charset=utf-8$/],
      ['/proposals/', /^text\/html/],
      [firstPage(/^proposals\/7-1\/\d+\/index\.html$/), /^text\/html/],
      [firstPage(/^proposals\/7-1\/\d+\/[a-z0-9-]+\/index\.html$/), /^text\/html/],
      [firstPage(/^units\/[a-z0-9-]+\/index\.html$/), /^text\/html/],
      [firstPage(/^topics\/[a-z0-9-]+\/index\.html$/), /^text\/html/],
      [firstPage(/^sessions\/[a-z0-9-]+\/index\.html$/), /^text\/html/],
      ['/key/', /^text\/html/],
      ['/disclosure/', /^text\/html/],
      ['/corrections/', /^text\/html/],
      ['/stats/', /^text\/html/],
      ['/search/', /^text\/html/],
      ['/data/', /^text\/html/],
      ['/about/', /^text\/html/],
      ['/data/replies.csv', /^text\/csv; charset=utf-8$/],
      ['/data/replies.json', /^application\/json/],
      ['/data/datapackage.json', /^application\/json/],
      ['/feeds/replies.xml', /xml/],
      ['/feeds/feed.xsl', /^application\/xslt\+xml/],
      ['/feeds/feed.css', /^text\/css/],
      ['/data/replies.xlsx', /^application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet$/],
      ['/data/units/jtj.csv', /^text\/csv; charset=utf-8$/],
      ['/sitemap-index.xml', /xml/],
      ['/robots.txt', /^text\/plain/],
      ['/favicon.svg', /^image\/svg\+xml/],
      [firstPage(/^pagefind\/[^/]+\/pagefind\.js$/), /javascript/],
      [firstPage(/^_astro\/.*\.css$/), /^text\/css/],
    ];
    for (const [path, type] of paths) {
      const r = await get(base, path);
      expect(r.status, path).toBe(200);
      expect(r.headers['content-type'], path).toMatch(type);
    }
  });

  it('caches hashed assets for a year, pages and data for minutes', async () => {
    const cache = async (path: string) => (await get(base, path)).headers['cache-control'];
    const immutable = 'public, max-age=31536000, immutable';
    expect(await cache(firstPage(/^_astro\/.*\.css$/))).toBe(immutable);
    expect(await cache(firstPage(/^pagefind\/[^/]+\/fragment\//))).toBe(immutable);
    expect(await cache(firstPage(/^pagefind\/.*\.pf_meta$/))).toBe(immutable);
    expect(await cache(firstPage(/^pagefind\/[^/]+\/pagefind\.js$/))).toBe('public, max-age=86400');
    const entry = firstPage(/^pagefind\/[^/]+\/pagefind-entry\.json$/);
    for (const path of ['/', '/stats/', '/data/replies.csv', '/feeds/replies.xml', entry])
      expect(await cache(path), path).toBe('public, max-age=300');
    // A wrong address below /_astro/ is a 404 page, not something to keep for a year.
    expect(await cache('/_astro/no-such-file.js')).toBe('public, max-age=300');
  });

  it('answers wrong addresses with 404 and the site 404 page, which is not indexed', async () => {
    for (const path of ['/no-such-page/', '/proposals/7-1/99999999/', '/_astro/no-such-file.js', `/${CSP_CONF}`]) {
      const r = await get(base, path);
      expect(r.status, path).toBe(404);
      const html = r.body.toString('utf8');
      expect(html, path).toContain('找不到这个页面');
      expect(html, path).toContain('<meta name="robots" content="noindex">');
    }
  });

  it('redirects an address without its trailing slash, keeping the query', async () => {
    for (const [path, to] of [
      ['/stats', '/stats/'],
      ['/search?q=%E5%81%9C%E8%BD%A6', '/search/?q=%E5%81%9C%E8%BD%A6'],
      [
        firstPage(/^proposals\/7-1\/\d+\/index\.html$/).replace(/\/$/, ''),
        firstPage(/^proposals\/7-1\/\d+\/index\.html$/),
      ],
    ]) {
      const r = await get(base, path);
      expect(r.status, path).toBe(301);
      expect(r.headers.location, path).toBe(to);
    }
  });

  it('sends the precompressed copies, which decompress to the very files', async () => {
    const compressed = files().filter((f) => f.endsWith('.br'));
    expect(compressed.length).toBeGreaterThan(100);
    // Pagefind's own gzip'd files get no second layer.
    expect(files().filter((f) => /\.pf_\w+\.(?:br|gz)$|\.pagefind\.(?:br|gz)$/.test(f))).toEqual([]);
    for (const f of compressed) {
      const file = f.slice(0, -'.br'.length);
      const original = readFileSync(join(dist, file));
      const path = `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
      const br = await get(base, path, { 'accept-encoding': 'br, gzip' });
      expect(br.headers['content-encoding'], path).toBe('br');
      expect(br.headers.vary, path).toMatch(/Accept-Encoding/i);
      expect(br.body.equals(readFileSync(join(dist, f))), path).toBe(true);
      expect(brotliDecompressSync(br.body).equals(original), path).toBe(true);
      const gz = await get(base, path, { 'accept-encoding': 'gzip' });
      expect(gz.headers['content-encoding'], path).toBe('gzip');
      expect(gunzipSync(gz.body).equals(original), path).toBe(true);
      const plain = await get(base, path);
      expect(plain.headers['content-encoding'], path).toBeUndefined();
      expect(plain.body.equals(original), path).toBe(true);
    }
  });

  it('runs the search page in Chromium under the CSP header: results, no violation', async () => {
    const browser = await launch();
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`${base}/search/?q=${encodeURIComponent('停车')}`);
      await page.locator('#search-results li').first().waitFor({ timeout: 20_000 });
      expect(await page.locator('#search-results li').count()).toBeGreaterThan(0);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
