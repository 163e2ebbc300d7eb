// Entry point of the `nianbao-lint` command (bundled to server/out/cli.js with a shebang). The same
// script is the `--jobs` worker thread (workers.ts).
import { isMainThread, workerData } from 'node:worker_threads';
import { version } from '../../../package.json';
import { EXIT_TROUBLE, checkJob, run } from './run';
import { WORKER_MARK, serveWorker } from './workers';

function internalError(err: unknown): void {
  process.stderr.write(`nianbao-lint: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = EXIT_TROUBLE;
}

if (!isMainThread && (workerData as Record<string, unknown> | null)?.[WORKER_MARK] === true) {
  serveWorker(checkJob);
} else {
  // A closed pipe (`nianbao-lint … | head`) is not an error worth a stack trace.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });

  try {
    run(process.argv.slice(2), {
      stdout: (s) => void process.stdout.write(s),
      stderr: (s) => void process.stderr.write(s),
      stdoutIsTTY: process.stdout.isTTY === true,
      env: process.env,
      cwd: process.cwd(),
      version,
      workerScript: __filename,
    }).then((code) => {
      process.exitCode = code;
    }, internalError);
  } catch (err) {
    internalError(err);
  }
}
