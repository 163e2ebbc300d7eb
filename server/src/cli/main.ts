// Entry point of the `nianbao-lint` command (bundled to server/out/cli.js with a shebang).
import { version } from '../../../package.json';
import { EXIT_TROUBLE, run } from './run';

// A closed pipe (`nianbao-lint … | head`) is not an error worth a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

try {
  process.exitCode = run(process.argv.slice(2), {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    stdoutIsTTY: process.stdout.isTTY === true,
    env: process.env,
    cwd: process.cwd(),
    version,
  });
} catch (err) {
  process.stderr.write(`nianbao-lint: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = EXIT_TROUBLE;
}
