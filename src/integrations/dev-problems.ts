/**
 * The live preview's error page. While the content root has problems, the
 * collections' loader keeps the last good pages in its store and records the
 * problems here; the dev server then answers every page request with a page
 * listing them (HTTP 500), so a broken record — or a new broken file that has
 * no page yet — shows its problems in the browser instead of an old page or a
 * 404. Dev server only: a build fails on the first problem.
 */
import type { AstroIntegration } from 'astro';
import type { Problem } from '../lib/model/problems.ts';
import { PROBLEMS_STATUS_PATH, problemPage, problemsKey } from '../lib/model/problem-page.ts';

interface LiveState {
  root: string;
  problems: Problem[];
}

/**
 * Shared through `globalThis`: the loader runs in Vite's module graph and this
 * integration in Node's, so each has its own copy of this module.
 */
const STATE = Symbol.for('open-replies.live-problems');
const store = globalThis as typeof globalThis & { [STATE]?: LiveState };

export function setLiveProblems(root: string, problems: Problem[]): void {
  store[STATE] = { root, problems };
}

export function liveProblems(): LiveState {
  return store[STATE] ?? { root: '', problems: [] };
}

/** Requests for pages, not for the dev server's own modules and assets. */
function isPageRequest(url: string, accept: string | undefined): boolean {
  const path = url.split('?')[0];
  if (/^\/(@|_astro\/|node_modules\/|src\/|__)/.test(path)) return false;
  if (/\.[a-z0-9]+$/i.test(path) && !path.endsWith('.html')) return false;
  return accept === undefined || accept.includes('text/html') || accept.includes('*/*');
}

export default function devProblems(): AstroIntegration {
  return {
    name: 'open-replies:dev-problems',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          const state = liveProblems();
          if (req.url === PROBLEMS_STATUS_PATH) {
            res.setHeader('content-type', 'application/json; charset=utf-8');
            res.setHeader('cache-control', 'no-store');
            res.end(JSON.stringify({ key: problemsKey(state.problems), count: state.problems.length }));
            return;
          }
          if (
            state.problems.length === 0 ||
            req.method !== 'GET' ||
            !isPageRequest(req.url ?? '/', req.headers.accept)
          ) {
            next();
            return;
          }
          res.statusCode = 500;
          res.setHeader('content-type', 'text/html; charset=utf-8');
          res.setHeader('cache-control', 'no-store');
          res.end(problemPage(state.problems, state.root));
        });
      },
    },
  };
}
