// The CLI's work, apart from process plumbing: arguments → files → configs → engine → output, exit code.
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
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
}

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
  /** Reports whose error went to stderr already (config errors are printed once per config file). */
  printed: WeakSet<FileReport>;
}

function checkFile(target: Target, s: Session): FileReport {
  const base: FileReport = { file: target.path, ...NOT_A_REPORT, diagnostics: [] };
  if (target.error !== undefined) return { ...base, error: target.error };

  const lookup = s.fixedConfig ?? s.resolver.forFile(target.path);
  if (lookup.error !== undefined) {
    if (!s.reportedConfigErrors.has(lookup.error)) {
      s.reportedConfigErrors.add(lookup.error);
      s.io.stderr(`nianbao-lint: ${lookup.error}\n`);
    }
    const report = { ...base, error: `invalid configuration: ${lookup.error}` };
    s.printed.add(report);
    return report;
  }
  const config = mergeConfig(lookup.config, s.options.flags);
  const lintOptions: LintOptions = {};
  if (config.rules) lintOptions.rules = config.rules;
  if (config.template) lintOptions.template = config.template;
  lintOptions.language = config.language ?? 'zh-CN';

  let bytes: Buffer;
  try {
    bytes = readReportBytes(target.path);
  } catch (err) {
    return { ...base, error: message(err) };
  }
  const decoded = decodeBytes(bytes);
  if (decoded.kind === 'binary') return base;

  try {
    let text = decoded.text;
    let result = lintText(text, lintOptions);
    let fixed = false;
    if (s.options.fix) {
      const fixedText = applyFixes(text, result, lintOptions);
      if (fixedText !== text) {
        if (!decoded.lossless) {
          return {
            file: target.path,
            ...result,
            error: `cannot write fixes: the file's ${decoded.encoding} bytes do not survive decoding and re-encoding unchanged`,
          };
        }
        try {
          writeFileAtomic(target.path, encodeText(fixedText, decoded));
        } catch (err) {
          return { file: target.path, ...result, error: `cannot write fixes: ${describeFsError(err)}` };
        }
        text = fixedText;
        result = lintText(text, lintOptions);
        fixed = true;
      }
    }
    return { file: target.path, ...result, ...(fixed ? { fixed } : {}) };
  } catch (err) {
    // The engine must not take the whole run down with it; report the file and go on.
    return { ...base, error: `internal error while checking: ${message(err)}` };
  }
}

function useColor(options: CliOptions, io: CliIO): boolean {
  if (options.color !== undefined) return options.color;
  const noColor = io.env.NO_COLOR;
  return io.stdoutIsTTY && (noColor === undefined || noColor === '');
}

export function run(argv: string[], io: CliIO): number {
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
    printed: new WeakSet(),
  };
  if (options.configFile !== undefined) {
    try {
      session.fixedConfig = { source: resolve(io.cwd, options.configFile), config: loadConfigFile(options.configFile, (input, source) => validateConfig(input, source)) };
    } catch (err) {
      io.stderr(`nianbao-lint: ${err instanceof ConfigFileError ? err.message : message(err)}\n`);
      return EXIT_TROUBLE;
    }
  }

  const ruleErrors = new Set<string>();
  onRuleError((code, err) => {
    if (ruleErrors.has(code)) return;
    ruleErrors.add(code);
    io.stderr(`nianbao-lint: rule ${code} failed and was skipped: ${message(err)}\n`);
  });

  const targets = collectTargets(options.files);
  let reports = targets.map((t) => {
    const report = checkFile(t, session);
    if (report.error !== undefined && !session.printed.has(report)) io.stderr(`nianbao-lint: ${report.file}: ${report.error}\n`);
    return report;
  });
  onRuleError(undefined);

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
