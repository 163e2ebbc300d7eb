// The one configuration schema shared by `.nianbaorc.json`, `--config` and the editor's `nianbao.*` settings.
import * as z from 'zod/mini';
import './zod-messages';
import type { EngineConfig } from './types';

export const severitySchema = z.enum(['off', 'error', 'warning', 'info', 'hint']);

export const configSchema = z.strictObject({
  rules: z.optional(z.record(z.string(), severitySchema)),
  template: z.optional(z.enum(['auto', '2019', '2021'])),
  language: z.optional(z.enum(['zh-CN', 'en'])),
});

export class ConfigError extends Error {
  constructor(
    message: string,
    readonly key: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

/**
 * Validates a parsed config object. Unknown keys, unknown rule codes and bad values throw a
 * ConfigError whose message names the offending key path (e.g. `rules.row-totl`).
 */
export function parseConfig(input: unknown, knownCodes: ReadonlySet<string>, source = 'config'): EngineConfig {
  const parsed = configSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    let path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') path = [...issue.path.map(String), ...issue.keys].join('.');
    const key = path || '(root)';
    throw new ConfigError(`${source}: invalid setting "${key}": ${issue.message}`, key);
  }
  for (const code of Object.keys(parsed.data.rules ?? {})) {
    if (!knownCodes.has(code)) {
      throw new ConfigError(`${source}: invalid setting "rules.${code}": unknown rule code`, `rules.${code}`);
    }
  }
  return parsed.data;
}

/** Later configs win; rule maps merge key by key. */
export function mergeConfig(...configs: (EngineConfig | undefined)[]): EngineConfig {
  const out: EngineConfig = {};
  for (const c of configs) {
    if (!c) continue;
    if (c.rules) out.rules = { ...(out.rules ?? {}), ...c.rules };
    if (c.template) out.template = c.template;
    if (c.language) out.language = c.language;
  }
  return out;
}
