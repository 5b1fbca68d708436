/** One session's Pagefind index, built in a worker thread of its own (pagefind.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { indexSession, type SessionJob } from './pagefind.ts';

parentPort!.postMessage(await indexSession(workerData as SessionJob));
