/** One share of a content root, read and checked in a worker thread (`checkContentRootInWorkers`). */
import { parentPort, workerData } from 'node:worker_threads';
import { readFiles, type CheckSummary } from './content-root.ts';
import { checkCorpus } from './model/corpus/index.ts';

const { root, paths } = workerData as { root: string; paths: string[] };
const { corpus, problems } = checkCorpus(readFiles(root, paths));
const summary: CheckSummary = {
  problems,
  proposals: corpus?.proposals.length ?? 0,
  replies: corpus?.replies.length ?? 0,
};
parentPort!.postMessage(summary);
