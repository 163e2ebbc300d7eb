// Per-document settings: the editor's `nianbao.*` settings (pulled with workspace/configuration for
// the document's scope) and the nearest `.nianbaorc.json` above the document's file, merged as the
// CLI merges them: defaults < editor settings < .nianbaorc.json. Cached per document and dropped on
// didChangeConfiguration or a change to a .nianbaorc.json; never held in server globals.
import { fileURLToPath } from 'node:url';
import * as l10n from '@vscode/l10n';
import { ConfigError, mergeConfig, validateConfig } from '../engine';
import type { EngineConfig, Language, LintOptions } from '../core/types';
import { CONFIG_NAME, ConfigResolver, type ConfigLookup } from '../node/config-file';

export const RC_FILE = CONFIG_NAME;

export interface DocSettings {
  /** What the engine gets: rules, template and the resolved language. */
  options: LintOptions & { language: Language };
  /** nianbao.detectReports: check plaintext/markdown/html documents that are reports. */
  detectReports: boolean;
  /** The .nianbaorc.json in force, if any. */
  rcPath: string | null;
}

/** Keys of the `nianbao` section that are the editor's own, not part of the shared config schema. */
const EDITOR_ONLY = new Set(['detectReports', 'trace']);

export interface EditorLayer {
  config: EngineConfig;
  detectReports: boolean;
  error: ConfigError | null;
}

/** Validates the `nianbao` settings object: the editor-only keys apart, the rest is the shared schema. */
export function editorLayer(raw: unknown): EditorLayer {
  const obj = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const detectReports = obj.detectReports !== false;
  const input: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (EDITOR_ONLY.has(k) || v === null || v === undefined) continue;
    if (k === 'language' && v === 'auto') continue;
    if (k === 'rules' && typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0) continue;
    input[k] = v;
  }
  try {
    return { config: validateConfig(input, 'nianbao.*'), detectReports, error: null };
  } catch (err) {
    if (err instanceof ConfigError) return { config: {}, detectReports, error: err };
    throw err;
  }
}

export interface SettingsHost {
  /** workspace/configuration for section `nianbao` in the document's scope; undefined when unsupported. */
  getConfiguration(uri: string): Promise<unknown>;
  /** Shows an error to the user (window/showMessage). */
  showError(message: string): void;
  log(message: string): void;
  /** The UI language (initialize's locale), used when nianbao.language is auto. */
  uiLanguage: Language;
}

export class Settings {
  private docs = new Map<string, Promise<DocSettings>>();
  private rc = new ConfigResolver(validateConfig);
  private shown = new Set<string>();

  constructor(private readonly host: SettingsHost) {}

  get(uri: string): Promise<DocSettings> {
    let s = this.docs.get(uri);
    if (!s) {
      s = this.load(uri);
      this.docs.set(uri, s);
      // A failed load is not cached, so the next check retries.
      s.catch(() => this.docs.delete(uri));
    }
    return s;
  }

  /** After didChangeConfiguration: every document pulls its settings again. */
  clear(): void {
    this.docs.clear();
  }

  /** After a .nianbaorc.json changed, appeared or disappeared. */
  clearRcFiles(): void {
    this.rc = new ConfigResolver(validateConfig);
    this.docs.clear();
  }

  forget(uri: string): void {
    this.docs.delete(uri);
  }

  private async load(uri: string): Promise<DocSettings> {
    let raw: unknown;
    try {
      raw = await this.host.getConfiguration(uri);
    } catch (err) {
      this.host.log(`workspace/configuration failed for ${uri}: ${String(err)}`);
    }
    const editor = editorLayer(raw);
    if (editor.error) this.reportOnce(editor.error.message);
    const rc = this.findRc(uri);
    if (rc?.error) this.reportOnce(rc.error);
    const merged = mergeConfig(editor.config, rc && !rc.error ? rc.config : undefined);
    const language = merged.language ?? this.host.uiLanguage;
    return { options: { ...merged, language }, detectReports: editor.detectReports, rcPath: rc && !rc.error ? (rc.source ?? null) : null };
  }

  private reportOnce(detail: string) {
    if (this.shown.has(detail)) return;
    this.shown.add(detail);
    this.host.log(detail);
    this.host.showError(l10n.t('nianbao-lint: {0}. The default settings stay in force until this is corrected.', detail));
  }

  /** The nearest .nianbaorc.json walking up from the document's folder (file: documents only), found as the CLI finds it. */
  private findRc(uri: string): ConfigLookup | null {
    if (!uri.startsWith('file:')) return null;
    let path: string;
    try {
      path = fileURLToPath(uri);
    } catch {
      return null;
    }
    const found = this.rc.forFile(path);
    return found.source ? found : null;
  }
}

export function languageOfLocale(locale: string | undefined): Language {
  if (!locale) return 'zh-CN';
  return locale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
