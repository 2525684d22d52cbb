import path from 'node:path';
import { renderIssue } from '../build.js';
import { checkEmail, type CheckReport } from '../check/index.js';
import { readConfigFile } from '../config/file.js';
import type { Config } from '../config/schema.js';
import { today } from '../load/date.js';
import { loadTemplates } from '../render/templates.js';
import type { Digest, Warning } from '../types.js';
import { personaliseForPreview } from './personalise.js';
import { describeError, type PreviewError } from './problems.js';

/** What the preview renders from; the config file and templates are re-read on every rebuild. */
export interface PreviewInputs {
  /** The config file (absolute, or relative to `cwd`). */
  configFile: string;
  /** --articles, over the config's `articles`. */
  articlesDir?: string;
  /** --templates, over the config's `templates`; gazette's own when neither is set. */
  templatesDir?: string;
  /** The issue date, YYYY-MM-DD; today's (at each rebuild) when not set. */
  date?: string;
  /** Relative paths resolve against it, and messages show paths relative to it. */
  cwd: string;
}

interface StateBase {
  /** Changes whenever what the preview serves changes; unique across restarts. */
  version: string;
  builtAt: Date;
  /** How long the render took, config to HTML. */
  renderMs: number;
}

/** The latest render worked: the parts of the email, as served. */
export interface RenderedState extends StateBase {
  ok: true;
  config: Config;
  digest: Digest;
  /** The HTML as served: as sent to the config's sample subscriber (`personaliseForPreview`). */
  html: string;
  text: string;
  digestJson: string;
  warnings: Warning[];
  /** `check` on this render, run on first use. */
  check: () => CheckReport;
}

/** The latest render failed; the config is there when it was the articles or templates that failed. */
export interface FailedState extends StateBase {
  ok: false;
  config: Config | undefined;
  error: PreviewError;
}

export type PreviewState = RenderedState | FailedState;

/** A render's result before it is given a version. */
type Outcome = Omit<RenderedState, keyof StateBase> | Omit<FailedState, keyof StateBase>;

export interface Renderer {
  /** The latest render (only the latest is kept). Read it after the first `rebuild()`. */
  readonly state: PreviewState;
  /** The config file and the folders the latest render read: what to watch. */
  readonly watched: readonly string[];
  /** How many renders have run. */
  readonly rebuilds: number;
  /**
   * Render again. Never two at once: called during a render, it runs one
   * more after that one (however many calls came in) and resolves when that
   * one is done. Resolves with whether what is served changed. Never rejects:
   * a failure becomes a FailedState.
   */
  rebuild: () => Promise<boolean>;
  /** Resolves when no render is running or queued. */
  idle: () => Promise<void>;
}

export function createRenderer(inputs: PreviewInputs): Renderer {
  const epoch = Date.now().toString(36);
  const configFile = path.resolve(inputs.cwd, inputs.configFile);
  let count = 0;
  let rebuilds = 0;
  let state: PreviewState | undefined;
  let watched: string[] = [configFile];

  async function renderOnce(): Promise<boolean> {
    rebuilds++;
    const started = performance.now();
    const next = await attempt();
    const renderMs = performance.now() - started;
    if (state && sameOutput(state, next)) {
      // Nothing a reader would see changed (an editor's touch, a swap file): keep the version, skip the reload.
      state = { ...state, builtAt: new Date(), renderMs };
      return false;
    }
    state = { ...next, version: `${epoch}-${++count}`, builtAt: new Date(), renderMs };
    return true;
  }

  async function attempt(): Promise<Outcome> {
    let config: Config | undefined;
    try {
      const file = await readConfigFile(configFile);
      config = file.config;
      const articlesDir = path.resolve(inputs.cwd, inputs.articlesDir ?? path.resolve(file.dir, config.articles));
      const templatesOption = inputs.templatesDir ?? (config.templates === undefined ? undefined : path.resolve(file.dir, config.templates));
      const templatesDir = templatesOption === undefined ? undefined : path.resolve(inputs.cwd, templatesOption);
      watched = templatesDir === undefined ? [configFile, articlesDir] : [configFile, articlesDir, templatesDir];
      const templates = templatesDir === undefined ? undefined : loadTemplates(templatesDir);
      const issue = await renderIssue(config, { articlesDir, date: inputs.date ?? today(), templates });
      const { html, text } = personaliseForPreview(issue.template, config);
      const checked = config;
      let report: CheckReport | undefined;
      return {
        ok: true,
        config,
        digest: issue.digest,
        html,
        text,
        digestJson: `${JSON.stringify(issue.digest, null, 2)}\n`,
        warnings: issue.warnings,
        check: () => (report ??= runCheck(html, text, issue.digest, checked)),
      };
    } catch (error) {
      return { ok: false, config, error: describeError(error, inputs.cwd) };
    }
  }

  const rebuild = serialised(renderOnce);
  return {
    get state(): PreviewState {
      if (!state) throw new Error('the preview has not rendered yet: await rebuild() first');
      return state;
    },
    get watched(): readonly string[] {
      return watched;
    },
    get rebuilds(): number {
      return rebuilds;
    },
    rebuild,
    idle: () => rebuild.idle(),
  };
}

/** `check` runs beside the preview; a bug in it must not take the preview down. */
function runCheck(html: string, text: string, digest: Digest, config: Config): CheckReport {
  try {
    return checkEmail({ html, text, digest, config }, { allow: config.check.allow });
  } catch (error) {
    return {
      findings: [{ level: 'warning', rule: 'check', message: `check itself failed: ${error instanceof Error ? error.message : String(error)}`, fix: 'please report it' }],
      errors: 0,
      warnings: 1,
      htmlBytes: Buffer.byteLength(html),
    };
  }
}

function sameOutput(a: Outcome, b: Outcome): boolean {
  if (JSON.stringify(a.config) !== JSON.stringify(b.config)) return false;
  if (a.ok && b.ok) return a.html === b.html && a.text === b.text && a.digestJson === b.digestJson && JSON.stringify(a.warnings) === JSON.stringify(b.warnings);
  if (!a.ok && !b.ok) return JSON.stringify(a.error) === JSON.stringify(b.error);
  return false;
}

/**
 * Wrap an async task so that it never runs twice at once: a call during a
 * run queues exactly one more run (later calls join that one), so a change
 * that arrives mid-render is never lost and a burst costs at most two runs.
 */
export function serialised<T>(task: () => Promise<T>): (() => Promise<T>) & { idle: () => Promise<void> } {
  let running: Promise<T> | undefined;
  let queued: Promise<T> | undefined;
  const schedule = (): Promise<T> => {
    if (!running) {
      running = task().finally(() => {
        running = undefined;
      });
      return running;
    }
    const next = (): Promise<T> => {
      queued = undefined;
      return schedule();
    };
    queued ??= running.then(next, next);
    return queued;
  };
  const idle = async (): Promise<void> => {
    while (queued ?? running) await (queued ?? running)?.then(noop, noop);
  };
  return Object.assign(schedule, { idle });
}

function noop(): void {}
