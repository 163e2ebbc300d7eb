// A small pool of worker threads (worker.ts) for checking large documents off the connection's
// thread. A job superseded by a newer version of its document is cancelled: dropped from the queue,
// or, when already running, its worker is terminated (a check cannot be interrupted otherwise) and a
// fresh worker takes the next job.
import { Worker } from 'node:worker_threads';
import type { LintOptions } from '../core/types';
import type { DocumentFacts } from './facts';

export type WorkerRequest =
  | { id: number; kind: 'check'; text: string; options: LintOptions }
  | { id: number; kind: 'fixAll'; text: string; options: LintOptions };

export type WorkerReply =
  | { id: number; ok: true; kind: 'check'; facts: DocumentFacts; ruleErrors: RuleErrorReport[] }
  | { id: number; ok: true; kind: 'fixAll'; fixed: string; ruleErrors: RuleErrorReport[] }
  | { id: number; ok: false; error: string; ruleErrors: RuleErrorReport[] };

export interface RuleErrorReport {
  code: string;
  message: string;
}

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

type Reply = Extract<WorkerReply, { ok: true }>;

interface Job {
  id: number;
  key: string;
  request: WorkerRequest;
  resolve(reply: Reply): void;
  reject(err: Error): void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
}

export class WorkerPool {
  private slots: Slot[] = [];
  private queue: Job[] = [];
  private nextId = 1;

  constructor(
    private readonly script: string,
    private readonly size: number,
    private readonly onRuleErrors: (errors: RuleErrorReport[]) => void,
  ) {}

  /** Runs a request; `key` (the document URI) is what `cancel` matches. */
  run(key: string, request: { kind: 'check' | 'fixAll'; text: string; options: LintOptions }): Promise<Reply> {
    return new Promise<Reply>((resolve, reject) => {
      const id = this.nextId++;
      this.queue.push({ id, key, request: { id, ...request }, resolve, reject });
      this.pump();
    });
  }

  /** Cancels every queued or running job of `key` (optionally of one kind). */
  cancel(key: string, kind?: 'check' | 'fixAll'): void {
    const match = (j: Job) => j.key === key && (!kind || j.request.kind === kind);
    for (const j of this.queue.filter(match)) j.reject(new CancelledError());
    this.queue = this.queue.filter((j) => !match(j));
    for (const slot of [...this.slots]) {
      if (slot.job && match(slot.job)) {
        const job = slot.job;
        slot.job = null;
        this.remove(slot);
        void slot.worker.terminate();
        job.reject(new CancelledError());
      }
    }
    this.pump();
  }

  /** Jobs queued or running. */
  get busy(): number {
    return this.queue.length + this.slots.filter((s) => s.job).length;
  }

  dispose(): void {
    for (const j of this.queue) j.reject(new CancelledError());
    this.queue = [];
    for (const s of this.slots) {
      s.job?.reject(new CancelledError());
      void s.worker.terminate();
    }
    this.slots = [];
  }

  private remove(slot: Slot) {
    this.slots = this.slots.filter((s) => s !== slot);
  }

  private spawn(): Slot {
    const worker = new Worker(this.script);
    worker.unref();
    const slot: Slot = { worker, job: null };
    worker.on('message', (reply: WorkerReply) => {
      const job = slot.job;
      if (!job || job.id !== reply.id) return;
      slot.job = null;
      if (reply.ruleErrors.length) this.onRuleErrors(reply.ruleErrors);
      if (reply.ok) job.resolve(reply);
      else job.reject(new Error(reply.error));
      this.pump();
    });
    const fail = (err: Error) => {
      if (!this.slots.includes(slot)) return;
      this.remove(slot);
      const job = slot.job;
      slot.job = null;
      job?.reject(err);
      this.pump();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`check worker exited with code ${code}`)));
    this.slots.push(slot);
    return slot;
  }

  private pump() {
    while (this.queue.length) {
      let slot = this.slots.find((s) => !s.job);
      if (!slot) {
        if (this.slots.length >= this.size) return;
        slot = this.spawn();
      }
      const job = this.queue.shift()!;
      slot.job = job;
      slot.worker.postMessage(job.request);
    }
  }
}
