/** One worker thread of the last gate: scans its share of the output files (scan-output.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { scanFiles, type ScanJob } from './scan-output.ts';

const job = workerData as ScanJob;
parentPort!.postMessage(scanFiles(job.dir, job.files, job.needles, job.copies));
