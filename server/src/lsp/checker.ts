// When and where documents are checked. A check is debounced after edits, runs inline for ordinary
// documents and in a worker thread for large ones, and its result is published only if nothing
// changed meanwhile: each document has a generation, bumped by every edit and settings change and
// captured before the check (vscode-markdownlint's habit). Superseded worker jobs are cancelled.
// The last result per document is cached for hovers, outline, lenses and code actions.
import { Buffer } from 'node:buffer';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../engine';
import { computeFacts, emptyFacts, type DocumentFacts } from './facts';
import { CancelledError, type WorkerPool } from './pool';
import type { DocSettings, Settings } from './settings';

export interface CheckEntry {
  generation: number;
  version: number;
  facts: DocumentFacts;
  settings: DocSettings;
  /** False when the document was not checked (not a candidate under nianbao.detectReports). */
  checked: boolean;
}

export interface CheckerHost {
  get(uri: string): TextDocument | undefined;
  all(): TextDocument[];
  publish(uri: string, version: number, entry: CheckEntry): void;
  log(message: string): void;
}

/** Languages checked when their content is a report (nianbao.detectReports); `nianbao` always is. */
export const DETECTED_LANGUAGES = new Set(['plaintext', 'markdown', 'html']);

export class Checker {
  private cache = new Map<string, CheckEntry>();
  private pending = new Map<string, { generation: number; promise: Promise<CheckEntry | null> }>();
  private timers = new Map<string, NodeJS.Timeout>();
  private generations = new Map<string, number>();
  /** Generations are drawn from one counter, so a document closed and reopened never reuses one. */
  private counter = 0;

  constructor(
    private readonly host: CheckerHost,
    private readonly settings: Settings,
    private readonly pool: WorkerPool,
    readonly debounceMs: number,
    readonly workerThreshold: number,
  ) {}

  generation(uri: string): number {
    return this.generations.get(uri) ?? 0;
  }

  /** The document changed (or opened): results in flight are stale; check again after the debounce. */
  changed(uri: string, immediate = false): void {
    this.generations.set(uri, ++this.counter);
    this.pool.cancel(uri, 'check');
    this.schedule(uri, immediate ? 0 : this.debounceMs);
  }

  /** Settings changed: every open document is checked again. */
  invalidateAll(): void {
    for (const doc of this.host.all()) this.changed(doc.uri, true);
  }

  closed(uri: string): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
    this.pool.cancel(uri);
    this.cache.delete(uri);
    this.pending.delete(uri);
    this.generations.delete(uri);
  }

  /** The cached result if it is for the current text and settings. */
  current(uri: string): CheckEntry | undefined {
    const e = this.cache.get(uri);
    return e && e.generation === this.generation(uri) ? e : undefined;
  }

  /** The result for the document as it is now, checking it now if needed (hover, lenses, …). */
  async ensure(uri: string): Promise<CheckEntry | null> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const cur = this.current(uri);
      if (cur) return cur;
      if (!this.host.get(uri)) return null;
      const gen = this.generation(uri);
      let p = this.pending.get(uri);
      if (!p || p.generation !== gen) {
        const t = this.timers.get(uri);
        if (t) clearTimeout(t);
        this.timers.delete(uri);
        p = { generation: gen, promise: this.run(uri, gen) };
        this.pending.set(uri, p);
      }
      const entry = await p.promise;
      if (entry && entry.generation === this.generation(uri)) return entry;
      // Superseded while checking: try again with the newer text.
    }
    return this.cache.get(uri) ?? null;
  }

  isLarge(text: string): boolean {
    return text.length * 3 > this.workerThreshold && Buffer.byteLength(text, 'utf8') > this.workerThreshold;
  }

  private schedule(uri: string, delay: number) {
    const old = this.timers.get(uri);
    if (old) clearTimeout(old);
    const t = setTimeout(() => {
      this.timers.delete(uri);
      this.ensure(uri).catch((err: unknown) => this.host.log(`check of ${uri} failed: ${String(err)}`));
    }, delay);
    this.timers.set(uri, t);
  }

  private async run(uri: string, generation: number): Promise<CheckEntry | null> {
    const doc = this.host.get(uri);
    if (!doc) return null;
    const version = doc.version;
    const settings = await this.settings.get(uri);
    if (generation !== this.generation(uri)) return null;
    const text = doc.getText();
    const candidate = doc.languageId === 'nianbao' || (settings.detectReports && DETECTED_LANGUAGES.has(doc.languageId));
    let facts: DocumentFacts;
    if (!candidate) {
      facts = emptyFacts(settings.options.language);
    } else {
      try {
        if (this.isLarge(text)) {
          const reply = await this.pool.run(uri, { kind: 'check', text, options: settings.options });
          if (reply.kind !== 'check') throw new Error('unexpected worker reply');
          facts = reply.facts;
        } else {
          facts = computeFacts(analyze(text, settings.options));
        }
      } catch (err) {
        if (err instanceof CancelledError) return null;
        // Never leave old findings standing when a check fails: publish none.
        this.host.log(`check of ${uri} (version ${version}) failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
        facts = emptyFacts(settings.options.language);
      }
    }
    if (generation !== this.generation(uri) || this.host.get(uri)?.version !== version) return null;
    const entry: CheckEntry = { generation, version, facts, settings, checked: candidate };
    this.cache.set(uri, entry);
    if (this.pending.get(uri)?.generation === generation) this.pending.delete(uri);
    this.host.publish(uri, version, entry);
    return entry;
  }
}
