// Worker thread for large documents: the language server's connection is single-threaded, so a check
// of a multi-megabyte report runs here while hovers and code actions of other documents stay
// responsive. Answers {text, options} with the same plain facts an inline check produces.
import { parentPort } from 'node:worker_threads';
import { analyze, applyFixes, onRuleError } from '../engine';
import { computeFacts } from './facts';
import type { WorkerReply, WorkerRequest } from './pool';

const port = parentPort;
if (!port) throw new Error('worker.ts must run in a worker thread');

let ruleErrors: { code: string; message: string }[] = [];
onRuleError((code, error) => {
  ruleErrors.push({ code, message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
});

port.on('message', (req: WorkerRequest) => {
  ruleErrors = [];
  let reply: WorkerReply;
  try {
    if (req.kind === 'check') {
      const facts = computeFacts(analyze(req.text, req.options));
      reply = { id: req.id, ok: true, kind: 'check', facts, ruleErrors };
    } else {
      reply = { id: req.id, ok: true, kind: 'fixAll', fixed: applyFixes(req.text, undefined, req.options), ruleErrors };
    }
  } catch (err) {
    reply = { id: req.id, ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err), ruleErrors };
  }
  port.postMessage(reply);
});
