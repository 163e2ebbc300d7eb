// Engine types the CLI needs, derived from the engine's public API (the CLI imports only '../engine').
import type { LintOptions, validateConfig } from '../engine';

export type EngineConfig = ReturnType<typeof validateConfig>;
export type Language = NonNullable<LintOptions['language']>;
export type SeverityOrOff = NonNullable<LintOptions['rules']>[string];
export type TemplateChoice = NonNullable<LintOptions['template']>;
