// `--jobs`: worker threads that check files. The bundled CLI script is also the worker (main.ts
// runs `serveWorker` when it is started as a worker thread with WORKER_MARK in its workerData), so no
// second bundle is needed. The main thread walks folders, resolves configurations and prints; the
// workers read, decode, check and rewrite files. Results come back per file and the caller settles
// them in file order, so the output is exactly that of a single-threaded run.
import { Worker, parentPort } from 'node:worker_threads';
import type { CheckJob, CheckOutcome } from './run';

export const WORKER_MARK = 'nianbao-lint/cli-worker';

interface Request {
  id: number;
  job: CheckJob;
}

interface Reply {
  id: number;
  outcome: CheckOutcome;
}

/** Jobs handed to one worker ahead of its answers, so that it never waits for the main thread. */
const IN_FLIGHT = 2;

/**
 * Checks `jobs` in `threads` worker threads started from `script`; `onResult` is called once per job
 * as its result arrives (in any order). A worker that dies fails the job it was working on (reported
 * as an internal error for that file); its other jobs go to a fresh worker.
 */
export function runInWorkers(script: string, threads: number, jobs: readonly CheckJob[], onResult: (job: CheckJob, outcome: CheckOutcome) => void): Promise<void> {
  return new Promise<void>((resolve) => {
    const queue = jobs.map((job, id) => ({ id, job }));
    let remaining = jobs.length;
    const workers = new Set<{ worker: Worker; pending: Request[] }>();
    if (remaining === 0) return resolve();

    const finish = (req: Request, outcome: CheckOutcome) => {
      onResult(req.job, outcome);
      if (--remaining === 0) {
        for (const w of workers) void w.worker.terminate();
        workers.clear();
        resolve();
      }
    };

    const start = () => {
      const worker = new Worker(script, { workerData: { [WORKER_MARK]: true }, stdout: false, stderr: false });
      const slot = { worker, pending: [] as Request[] };
      workers.add(slot);
      const feed = () => {
        while (slot.pending.length < IN_FLIGHT && queue.length) {
          const req = queue.shift()!;
          slot.pending.push(req);
          worker.postMessage(req);
        }
      };
      worker.on('message', (reply: Reply) => {
        const i = slot.pending.findIndex((r) => r.id === reply.id);
        if (i < 0) return;
        const [req] = slot.pending.splice(i, 1);
        feed();
        finish(req!, reply.outcome);
      });
      let dead = false;
      const die = (why: string) => {
        if (dead || !workers.has(slot)) return;
        dead = true;
        workers.delete(slot);
        // The oldest pending job is the one it was checking; the others were only queued there.
        const [current, ...queued] = slot.pending;
        slot.pending = [];
        queue.unshift(...queued);
        if (queue.length) start();
        if (current) {
          finish(current, {
            report: { file: current.job.path, templateVersion: null, year: null, yearSource: null, diagnostics: [], error: `internal error while checking: ${why}` },
            ruleErrors: [],
          });
        }
      };
      worker.on('error', (err) => die(`worker thread failed: ${err instanceof Error ? err.message : String(err)}`));
      worker.on('exit', (code) => die(`worker thread exited with code ${code}`));
      feed();
    };
    for (let i = 0; i < Math.min(threads, jobs.length); i++) start();
  });
}

/** The worker thread's side: answer each job with its outcome until the main thread terminates us. */
export function serveWorker(check: (job: CheckJob) => CheckOutcome): void {
  const port = parentPort;
  if (!port) throw new Error('serveWorker must run in a worker thread');
  port.on('message', (req: Request) => {
    let outcome: CheckOutcome;
    try {
      outcome = check(req.job);
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      outcome = { report: { file: req.job.path, templateVersion: null, year: null, yearSource: null, diagnostics: [], error: `internal error while checking: ${why}` }, ruleErrors: [] };
    }
    const reply: Reply = { id: req.id, outcome };
    port.postMessage(reply);
  });
}
