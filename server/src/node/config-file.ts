// `.nianbaorc.json` discovery and `--config` loading, shared by the CLI and the language server (Node only). The nearest file above a report wins (no
// merging across files); lookups are cached per directory, so a folder of reports reads each config once.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describeFsError } from './fs-errors';
import type { EngineConfig } from '../engine';

export const CONFIG_NAME = '.nianbaorc.json';

export type Validate = (input: unknown, source: string) => EngineConfig;

export interface ConfigLookup {
  /** The config file that applies, if any. */
  source?: string;
  config?: EngineConfig;
  /** Why that config file cannot be used (its reports are not checked). */
  error?: string;
}

export class ConfigFileError extends Error {
  override name = 'ConfigFileError';
}

/** Reads, parses and validates one config file; errors name the file (and the key, via `validate`). */
export function loadConfigFile(path: string, validate: Validate): EngineConfig {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigFileError(`${path}: cannot read config: ${describeFsError(err)}`);
  }
  try {
    return parseConfigText(raw, path, validate);
  } catch (err) {
    if (err instanceof ConfigFileError) throw err;
    throw new ConfigFileError(err instanceof Error ? err.message : String(err));
  }
}

export class ConfigResolver {
  private readonly byDir = new Map<string, ConfigLookup>();

  constructor(private readonly validate: Validate) {}

  forFile(file: string): ConfigLookup {
    return this.forDir(dirname(resolve(file)));
  }

  forDir(start: string): ConfigLookup {
    const pending: string[] = [];
    let dir = resolve(start);
    let found: ConfigLookup | undefined;
    for (;;) {
      const cached = this.byDir.get(dir);
      if (cached) {
        found = cached;
        break;
      }
      pending.push(dir);
      const here = this.tryDir(dir);
      if (here) {
        found = here;
        break;
      }
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
    const result = found ?? {};
    for (const d of pending) this.byDir.set(d, result);
    return result;
  }

  /** The lookup for a config file in exactly this folder, or undefined when there is none. */
  private tryDir(dir: string): ConfigLookup | undefined {
    const path = join(dir, CONFIG_NAME);
    let raw: string;
    try {
      raw = readFileSync(path, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
      return { source: path, error: `${path}: cannot read config: ${describeFsError(err)}` };
    }
    try {
      return { source: path, config: parseConfigText(raw, path, this.validate) };
    } catch (err) {
      return { source: path, error: err instanceof Error ? err.message : String(err) };
    }
  }
}

function parseConfigText(raw: string, path: string, validate: Validate): EngineConfig {
  if (raw.charCodeAt(0) === 0xfeff) raw = raw.slice(1);
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (err) {
    throw new ConfigFileError(`${path}: invalid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  return validate(json, path);
}
