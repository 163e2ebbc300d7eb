// The CLI's work, apart from process plumbing: arguments → files → configs → engine → output, exit code.
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { resolve } from 'node:path';
import { applyFixes, knownCodes, lintText, mergeConfig, onRuleError, rules, validateConfig, type LintOptions, type LintResult } from '../engine';
import { HELP, parseCliArgs, UsageError, type CliOptions } from './args';
import { ConfigFileError, ConfigResolver, loadConfigFile, type ConfigLookup } from '../node/config-file';
import { decodeBytes, encodeText } from './encoding';
import { writeFileAtomic } from './fix-write';
import { formatJson } from './format-json';
import { formatSarif } from './format-sarif';
import { formatText } from './format-text';
import { countSeverities, type FileReport } from './report';
import { describeFsError } from '../node/fs-errors';
import { collectTargets, type Target } from './walk';
import { runInWorkers } from './workers';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_TROUBLE = 2;

/** Larger files are not annual reports (the biggest real ones are a few hundred KB of HTML). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  stdoutIsTTY: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
  version: string;
  /** The bundled CLI script, which also runs as the `--jobs` worker; without it files are checked inline. */
  workerScript?: string;
}

const UNDECODABLE = 'cannot decode: the bytes are not valid UTF-8, UTF-16 or GB18030 (a mixed or damaged encoding); save the file as UTF-8';

const NOT_A_REPORT: LintResult = { templateVersion: null, year: null, yearSource: null, diagnostics: [] };

class FileProblem extends Error {
  override name = 'FileProblem';
}

function readReportBytes(path: string): Buffer {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO must not hang the run waiting for a writer.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    throw new FileProblem(`cannot read file: ${describeFsError(err)}`);
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new FileProblem('cannot read file: is a directory');
    if (!st.isFile()) throw new FileProblem('cannot read file: not a regular file');
    if (st.size > MAX_FILE_BYTES) {
      throw new FileProblem(`file too large to be a report (${st.size} bytes; the limit is ${MAX_FILE_BYTES} bytes)`);
    }
    return readFileSync(fd);
  } catch (err) {
    if (err instanceof FileProblem) throw err;
    throw new FileProblem(`cannot read file: ${describeFsError(err)}`);
  } finally {
    closeSync(fd);
  }
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

interface Session {
  options: CliOptions;
  /** The `--config` file's settings, used for every file instead of discovery. */
  fixedConfig?: ConfigLookup;
  resolver: ConfigResolver;
  io: CliIO;
  reportedConfigErrors: Set<string>;
  reportedRuleErrors: Set<string>;
}

/** One file to check, with everything needed to check it (a worker thread gets exactly this). */
export interface CheckJob {
  path: string;
  options: LintOptions;
  fix: boolean;
}

export interface RuleErrorNote {
  code: string;
  message: string;
}

export interface CheckOutcome {
  report: FileReport;
  /** Rules that threw while checking this file (each is skipped; the CLI says so once per rule). */
  ruleErrors: RuleErrorNote[];
}

/**
 * What the main thread decides before a file is read: its configuration, or why it cannot be
 * checked. Configuration errors are settled here, in file order, so they print the same way whether
 * files are then checked inline or in worker threads.
 */
type Prepared = { done: FileReport; configError?: string } | { job: CheckJob };

function prepare(target: Target, s: Session): Prepared {
  const base: FileReport = { file: target.path, ...NOT_A_REPORT, diagnostics: [] };
  if (target.error !== undefined) return { done: { ...base, error: target.error } };

  const lookup = s.fixedConfig ?? s.resolver.forFile(target.path);
  if (lookup.error !== undefined) {
    return { done: { ...base, error: `invalid configuration: ${lookup.error}` }, configError: lookup.error };
  }
  const config = mergeConfig(lookup.config, s.options.flags);
  const lintOptions: LintOptions = {};
  if (config.rules) lintOptions.rules = config.rules;
  if (config.template) lintOptions.template = config.template;
  lintOptions.language = config.language ?? 'zh-CN';
  return { job: { path: target.path, options: lintOptions, fix: s.options.fix } };
}

/** Reads, decodes, checks and (with `fix`) rewrites one file. Never throws. */
export function checkJob(job: CheckJob): CheckOutcome {
  const ruleErrors: RuleErrorNote[] = [];
  onRuleError((code, err) => ruleErrors.push({ code, message: message(err) }));
  try {
    return { report: checkFile(job), ruleErrors };
  } finally {
    onRuleError(undefined);
  }
}

function checkFile(job: CheckJob): FileReport {
  const base: FileReport = { file: job.path, ...NOT_A_REPORT, diagnostics: [] };
  const lintOptions = job.options;
  let bytes: Buffer;
  try {
    bytes = readReportBytes(job.path);
  } catch (err) {
    return { ...base, error: message(err) };
  }

  try {
    const decoded = decodeBytes(bytes);
    // NUL bytes: not text at all (an image or a PDF named .txt), so not a report. Text bytes that no
    // encoding explains (UTF-8 and GB18030 mixed, a damaged download) may well be a report: say so.
    if (decoded.kind === 'binary') return decoded.reason === 'undecodable' ? { ...base, error: UNDECODABLE } : base;
    let text = decoded.text;
    let result = lintText(text, lintOptions);
    let fixed = false;
    if (job.fix) {
      const fixedText = applyFixes(text, result, lintOptions);
      if (fixedText !== text) {
        if (!decoded.lossless) {
          return {
            file: job.path,
            ...result,
            error: `cannot write fixes: the file's ${decoded.encoding} bytes do not survive decoding and re-encoding unchanged`,
          };
        }
        try {
          writeFileAtomic(job.path, encodeText(fixedText, decoded));
        } catch (err) {
          return { file: job.path, ...result, error: `cannot write fixes: ${describeFsError(err)}` };
        }
        text = fixedText;
        result = lintText(text, lintOptions);
        fixed = true;
      }
    }
    return { file: job.path, ...result, ...(fixed ? { fixed } : {}) };
  } catch (err) {
    // The engine must not take the whole run down with it; report the file and go on.
    return { ...base, error: `internal error while checking: ${message(err)}` };
  }
}

/** Prints what a file's check has to say on stderr, in file order: config error, rule errors, file error. */
function settle(prepared: Prepared, outcome: CheckOutcome | undefined, s: Session): FileReport {
  if ('done' in prepared) {
    if (prepared.configError !== undefined) {
      if (!s.reportedConfigErrors.has(prepared.configError)) {
        s.reportedConfigErrors.add(prepared.configError);
        s.io.stderr(`nianbao-lint: ${prepared.configError}\n`);
      }
    } else if (prepared.done.error !== undefined) {
      s.io.stderr(`nianbao-lint: ${prepared.done.file}: ${prepared.done.error}\n`);
    }
    return prepared.done;
  }
  const { report, ruleErrors } = outcome!;
  for (const e of ruleErrors) {
    if (s.reportedRuleErrors.has(e.code)) continue;
    s.reportedRuleErrors.add(e.code);
    s.io.stderr(`nianbao-lint: rule ${e.code} failed and was skipped: ${e.message}\n`);
  }
  if (report.error !== undefined) s.io.stderr(`nianbao-lint: ${report.file}: ${report.error}\n`);
  return report;
}

/**
 * The number of worker threads `--jobs` asks for (1 means: check inline, no workers). `auto` leaves
 * one core to the main thread and V8's own compiler and GC threads, which keep about 0.4 of a core
 * busy beside a single-threaded check (bench/RESULTS.md): on 2 cores it checks inline.
 */
export function resolveJobs(jobs: number | 'auto', files: number, cores = typeof availableParallelism === 'function' ? availableParallelism() : cpus().length): number {
  const wanted = jobs === 'auto' ? cores - 1 : jobs;
  return Math.max(1, Math.min(wanted, files));
}

async function checkAll(targets: Target[], s: Session): Promise<FileReport[]> {
  const prepared = targets.map((t) => prepare(t, s));
  const jobs = prepared.flatMap((p) => ('job' in p ? [p.job] : []));
  const threads = s.io.workerScript === undefined ? 1 : resolveJobs(s.options.jobs, jobs.length);
  if (threads <= 1) return prepared.map((p) => settle(p, 'job' in p ? checkJob(p.job) : undefined, s));

  // Worker threads check the files; results are settled (printed) strictly in file order as they arrive.
  const reports: FileReport[] = new Array<FileReport>(prepared.length);
  const outcomes = new Map<CheckJob, CheckOutcome>();
  let next = 0;
  const flush = () => {
    while (next < prepared.length) {
      const p = prepared[next]!;
      if ('job' in p && !outcomes.has(p.job)) return;
      reports[next] = settle(p, 'job' in p ? outcomes.get(p.job) : undefined, s);
      if ('job' in p) outcomes.delete(p.job);
      next++;
    }
  };
  flush();
  await runInWorkers(s.io.workerScript!, threads, jobs, (job, outcome) => {
    outcomes.set(job, outcome);
    flush();
  });
  flush();
  return reports;
}

function useColor(options: CliOptions, io: CliIO): boolean {
  if (options.color !== undefined) return options.color;
  const noColor = io.env.NO_COLOR;
  return io.stdoutIsTTY && (noColor === undefined || noColor === '');
}

export async function run(argv: string[], io: CliIO): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCliArgs(argv, knownCodes);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`nianbao-lint: ${err.message}\nRun "nianbao-lint --help" for usage.\n`);
      return EXIT_TROUBLE;
    }
    throw err;
  }
  if (options.help) {
    io.stdout(HELP);
    return EXIT_OK;
  }
  if (options.version) {
    io.stdout(`${io.version}\n`);
    return EXIT_OK;
  }

  const session: Session = {
    options,
    resolver: new ConfigResolver((input, source) => validateConfig(input, source)),
    io,
    reportedConfigErrors: new Set(),
    reportedRuleErrors: new Set(),
  };
  if (options.configFile !== undefined) {
    try {
      session.fixedConfig = { source: resolve(io.cwd, options.configFile), config: loadConfigFile(options.configFile, (input, source) => validateConfig(input, source)) };
    } catch (err) {
      io.stderr(`nianbao-lint: ${err instanceof ConfigFileError ? err.message : message(err)}\n`);
      return EXIT_TROUBLE;
    }
  }

  const targets = collectTargets(options.files);
  let reports = await checkAll(targets, session);

  const counts = countSeverities(reports);
  if (options.quiet) {
    reports = reports.map((r) => ({ ...r, diagnostics: r.diagnostics.filter((d) => d.severity === 'error') }));
  }

  switch (options.format) {
    case 'json':
      io.stdout(formatJson(reports));
      break;
    case 'sarif':
      io.stdout(formatSarif(reports, { rules, version: io.version, lang: options.lang, cwd: io.cwd }));
      break;
    default:
      io.stdout(formatText(reports, { color: useColor(options, io) }));
  }

  if (reports.some((r) => r.error !== undefined)) return EXIT_TROUBLE;
  if (options.exitZero) return EXIT_OK;
  if (counts.error > 0) return EXIT_FINDINGS;
  if (options.maxWarnings !== undefined && counts.warning > options.maxWarnings) {
    io.stderr(`nianbao-lint: too many warnings (${counts.warning}; --max-warnings is ${options.maxWarnings})\n`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}
