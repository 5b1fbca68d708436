/**
 * Debian's nginx serving a built site with deploy/nginx.conf, on a loopback
 * port, as an unprivileged foreground process with its own prefix, pid, logs
 * and temporary folders (nothing under /etc, /var or /run is written). Used by
 * test/e2e/nginx.test.ts and the Lighthouse benchmark.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './build.ts';

export const nginxBinary = process.env.NGINX_PATH || '/usr/sbin/nginx';
/** Debian's libnginx-mod-http-brotli-static. */
export const brotliModule = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
const mimeTypes = '/etc/nginx/mime.types';

/** Why nginx cannot run here, or null when it can. */
export function nginxMissing(): string | null {
  if (!existsSync(nginxBinary))
    return `没有 nginx（${nginxBinary}）：apt-get install nginx libnginx-mod-http-brotli-static`;
  if (!existsSync(brotliModule))
    return `没有 nginx 的 brotli 模块（${brotliModule}）：apt-get install libnginx-mod-http-brotli-static`;
  if (!existsSync(mimeTypes)) return `没有 ${mimeTypes}（Debian 的 nginx-common）`;
  return null;
}

/**
 * deploy/nginx.conf for a site at `dist` on `port`: the lines marked `# site:`
 * are the only ones a deployment changes, and the only ones replaced here.
 */
export function siteConfig(dist: string, port: number): string {
  const conf = readFileSync(join(repoRoot, 'deploy', 'nginx.conf'), 'utf8');
  let replaced = 0;
  const out = conf
    .split('\n')
    .map((line) => {
      if (!/# site:/.test(line)) return line;
      replaced++;
      if (/^\s*listen \[::\]/.test(line)) return '';
      if (/^\s*listen /.test(line)) return `    listen 127.0.0.1:${port};`;
      if (/^\s*(root|include) /.test(line)) return line.replace('/srv/open-replies/dist', dist).replace(/\s*#.*$/, '');
      throw new Error(`deploy/nginx.conf: 不认识的 "# site:" 行：${line}`);
    })
    .join('\n');
  if (replaced !== 4)
    throw new Error(`deploy/nginx.conf 应有 4 行 "# site:"（listen ×2、root、include），实有 ${replaced}`);
  return out;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface Nginx {
  url: string;
  close: () => Promise<void>;
}

/** Starts nginx serving `dist`; rejects with nginx's own error log when it does not come up. */
export async function startNginx(dist: string): Promise<Nginx> {
  const prefix = mkdtempSync(join(tmpdir(), 'open-replies-nginx-'));
  const port = await freePort();
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((t) => `    ${t}_temp_path ${join(prefix, t)};`)
    .join('\n');
  writeFileSync(join(prefix, 'site.conf'), siteConfig(dist, port));
  writeFileSync(
    join(prefix, 'nginx.conf'),
    `load_module ${brotliModule};
daemon off;
# One process running as the caller: no privilege switch, so any user can run the tests.
master_process off;
pid ${join(prefix, 'nginx.pid')};
error_log ${join(prefix, 'error.log')} warn;
events { worker_connections 256; }
http {
    include ${mimeTypes};
    default_type application/octet-stream;
    access_log off;
    sendfile on;
${temp}
    include ${join(prefix, 'site.conf')};
}
`,
  );
  const args = ['-p', `${prefix}/`, '-e', join(prefix, 'error.log'), '-c', join(prefix, 'nginx.conf')];
  const check = spawnSync(nginxBinary, [...args, '-t'], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx -t 失败：\n${check.stderr}`);
  const child = spawn(nginxBinary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const log = () =>
    `${stderr}\n${existsSync(join(prefix, 'error.log')) ? readFileSync(join(prefix, 'error.log'), 'utf8') : ''}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`nginx 退出了（${child.exitCode}）：\n${log()}`);
    try {
      await fetch(`${url}/`, { signal: AbortSignal.timeout(1000) });
      break;
    } catch {
      if (i > 100) {
        child.kill('SIGKILL');
        throw new Error(`nginx 在 ${url} 上没有响应：\n${log()}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    url,
    close: async () => {
      // QUIT: finish the requests in flight, then stop.
      if (child.exitCode === null) child.kill('SIGQUIT');
      await exited;
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}
