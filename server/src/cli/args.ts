// Command-line arguments: parsed with Node's util.parseArgs, validated into one typed object.
import { parseArgs } from 'node:util';
import type { EngineConfig, Language, SeverityOrOff } from './types';

export type Format = 'text' | 'json' | 'sarif';

export interface CliOptions {
  files: string[];
  format: Format;
  fix: boolean;
  /** `--rule` overrides, `--template`, `--lang`: the top layer of the configuration. */
  flags: EngineConfig;
  /** Language for the CLI's own metadata (SARIF rule descriptions); messages follow each file's config. */
  lang: Language;
  configFile?: string;
  quiet: boolean;
  maxWarnings?: number;
  exitZero: boolean;
  color?: boolean;
  help: boolean;
  version: boolean;
  /** Worker threads to check files with: a number ≥ 1, or 'auto' (one per core but one). Default 1 (no workers). */
  jobs: number | 'auto';
}

export class UsageError extends Error {
  override name = 'UsageError';
}

const FORMATS: readonly Format[] = ['text', 'json', 'sarif'];
const SEVERITIES: readonly SeverityOrOff[] = ['off', 'error', 'warning', 'info', 'hint'];
const LANGUAGES: readonly Language[] = ['zh-CN', 'en'];
const TEMPLATES = ['auto', '2019', '2021'] as const;

export const HELP = `nianbao-lint — 政府信息公开工作年度报告检查 / lints government information-disclosure annual reports

Usage: nianbao-lint [options] <files or folders…>

Folders are searched recursively for .txt, .md, .html and .htm files (node_modules and
dot-folders are skipped); files named explicitly are always checked.

Options:
  -f, --format <text|json|sarif>   output format (default: text)
      --fix                        fill in totals (arithmetic fixes only) and write files back
      --rule <code>=<severity>     set a rule's severity: off, error, warning, info, hint (repeatable)
  -c, --config <file>              use this config for every file instead of .nianbaorc.json
      --template <auto|2019|2021>  template version (default: auto)
      --lang <zh-CN|en>            message language (default: zh-CN)
  -q, --quiet                      report errors only
      --max-warnings <n>           exit 1 when there are more than n warnings
      --exit-zero                  exit 0 even when errors are found (usage and file problems still exit 2)
      --color, --no-color          force colours on or off (default: on for a terminal, off with NO_COLOR)
  -j, --jobs <n|auto>              check files in n worker threads (0 or auto: one per core but one;
                                   default: 1, no workers); the output is the same, in the same order
  -h, --help                       show this help
  -v, --version                    show the version

Configuration: the nearest .nianbaorc.json above each file, e.g.
  { "rules": { "cell-blank": "off" }, "template": "auto", "language": "zh-CN" }
Precedence, lowest first: defaults, .nianbaorc.json or --config, then --rule/--template/--lang.

Exit codes: 0 no errors, 1 errors found (or too many warnings), 2 usage, configuration or file problem.
`;

function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`invalid value "${value}" for ${flag}: expected ${allowed.join(', ')}`);
}

/** Parses argv (without node and script). `knownCodes` validates `--rule`. */
export function parseCliArgs(argv: string[], knownCodes: ReadonlySet<string>): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        fix: { type: 'boolean' },
        rule: { type: 'string', multiple: true },
        config: { type: 'string', short: 'c' },
        template: { type: 'string' },
        lang: { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        'max-warnings': { type: 'string' },
        'exit-zero': { type: 'boolean' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        jobs: { type: 'string', short: 'j' },
      },
    });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const v = parsed.values;
  const flags: EngineConfig = {};
  for (const spec of v.rule ?? []) {
    const eq = spec.lastIndexOf('=');
    if (eq <= 0) throw new UsageError(`invalid --rule "${spec}": expected <code>=<${SEVERITIES.join('|')}>`);
    const code = spec.slice(0, eq).trim();
    const severity = spec.slice(eq + 1).trim();
    if (!knownCodes.has(code)) throw new UsageError(`unknown rule code "${code}" in --rule ${spec}`);
    flags.rules = { ...(flags.rules ?? {}), [code]: oneOf(severity, SEVERITIES, `--rule ${code}`) };
  }
  if (v.template !== undefined) flags.template = oneOf(v.template, TEMPLATES, '--template');
  if (v.lang !== undefined) flags.language = oneOf(v.lang, LANGUAGES, '--lang');

  let maxWarnings: number | undefined;
  if (v['max-warnings'] !== undefined) {
    const s = v['max-warnings'];
    if (!/^\d+$/.test(s)) throw new UsageError(`invalid value "${s}" for --max-warnings: expected a non-negative integer`);
    maxWarnings = Number(s);
  }
  let jobs: number | 'auto' = 1;
  if (v.jobs !== undefined) {
    const s = v.jobs.trim();
    if (s === 'auto') jobs = 'auto';
    else if (/^\d+$/.test(s) && Number(s) <= 256) jobs = Number(s) === 0 ? 'auto' : Number(s);
    else throw new UsageError(`invalid value "${v.jobs}" for --jobs: expected a number of threads (0 to 256) or auto`);
  }
  if (v.color && v['no-color']) throw new UsageError('--color and --no-color cannot be used together');

  const options: CliOptions = {
    files: parsed.positionals,
    format: v.format === undefined ? 'text' : oneOf(v.format, FORMATS, '--format'),
    fix: v.fix ?? false,
    flags,
    lang: flags.language ?? 'zh-CN',
    quiet: v.quiet ?? false,
    exitZero: v['exit-zero'] ?? false,
    help: v.help ?? false,
    version: v.version ?? false,
    jobs,
  };
  if (v.config !== undefined) {
    if (v.config === '') throw new UsageError('--config needs a file name');
    options.configFile = v.config;
  }
  if (maxWarnings !== undefined) options.maxWarnings = maxWarnings;
  if (v.color) options.color = true;
  if (v['no-color']) options.color = false;
  if (!options.help && !options.version && options.files.length === 0) {
    throw new UsageError('no files or folders given');
  }
  return options;
}
