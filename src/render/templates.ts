import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { GazetteError } from '../errors.js';

export const MAIN_TEMPLATE = 'digest.mjml.hbs';
const PARTIAL_SUFFIX = '.mjml.hbs';

export interface TemplateSource {
  /** Where it came from, for messages. */
  file: string;
  source: string;
}

/** The main template and its partials, by partial name. */
export interface TemplateSet {
  main: TemplateSource;
  partials: Record<string, TemplateSource>;
}

export type CompiledTemplate = (view: object) => string;

/**
 * Read a templates folder: `digest.mjml.hbs` and `partials/<name>.mjml.hbs`.
 * A partial missing from a user's folder falls back to ours, so a copy may
 * hold only the files it changes.
 */
export function loadTemplates(dir: string): TemplateSet {
  const mainFile = path.join(dir, MAIN_TEMPLATE);
  if (!existsSync(mainFile)) {
    throw new GazetteError('TEMPLATES_MISSING', `no ${MAIN_TEMPLATE} in ${dir}`, {
      fix: `copy the templates folder that ships with gazette and point --templates at the copy`,
    });
  }
  const base = dir === defaultTemplatesDir() ? {} : defaultTemplates().partials;
  return { main: read(mainFile), partials: { ...base, ...readPartials(path.join(dir, 'partials')) } };
}

let bundled: TemplateSet | undefined;

/** gazette's own templates, read once. */
export function defaultTemplates(): TemplateSet {
  bundled ??= loadTemplates(defaultTemplatesDir());
  return bundled;
}

/** The `templates/` folder of this package, found from this module whether it runs from src/ or dist/. */
export function defaultTemplatesDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'templates');
    if (existsSync(path.join(candidate, MAIN_TEMPLATE)) && existsSync(path.join(dir, 'package.json'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('gazette is installed without its templates folder');
    dir = parent;
  }
}

function readPartials(dir: string): Record<string, TemplateSource> {
  if (!existsSync(dir)) return {};
  const partials: Record<string, TemplateSource> = {};
  for (const name of readdirSync(dir).sort()) {
    if (name.endsWith(PARTIAL_SUFFIX)) partials[name.slice(0, -PARTIAL_SUFFIX.length)] = read(path.join(dir, name));
  }
  return partials;
}

function read(file: string): TemplateSource {
  return { file, source: readFileSync(file, 'utf8') };
}

const compiled = new WeakMap<TemplateSet, CompiledTemplate>();

/**
 * Compile a template set once. Strict mode turns a misspelt {{field}} into an
 * error instead of an empty string; errors name the template file.
 */
export function compileTemplates(set: TemplateSet): CompiledTemplate {
  const cached = compiled.get(set);
  if (cached) return cached;
  const engine = Handlebars.create();
  for (const [name, partial] of Object.entries(set.partials)) {
    engine.registerPartial(name, located(compile(engine, partial), partial.file));
  }
  const main = located(compile(engine, set.main), set.main.file);
  const template: CompiledTemplate = (view) => main(view);
  compiled.set(set, template);
  return template;
}

function compile(engine: typeof Handlebars, template: TemplateSource): Handlebars.TemplateDelegate {
  try {
    engine.parse(template.source); // syntax errors now, with the file named, not at first render
  } catch (cause) {
    throw templateError(cause, template.file);
  }
  return engine.compile(template.source, { strict: true, preventIndent: true });
}

/** Run a template and, if it fails, say which file failed (once, at the innermost partial). */
function located(fn: Handlebars.TemplateDelegate, file: string): Handlebars.TemplateDelegate {
  return (context, options) => {
    try {
      return fn(context, options);
    } catch (cause) {
      throw cause instanceof GazetteError ? cause : templateError(cause, file);
    }
  };
}

function templateError(cause: unknown, file: string): GazetteError {
  const message = cause instanceof Error ? cause.message : String(cause);
  const line = /on line (\d+)/.exec(message)?.[1] ?? / - (\d+):\d+$/.exec(message)?.[1];
  const missing = /"([^"]+)" not defined/.exec(message)?.[1];
  return new GazetteError('TEMPLATE_ERROR', missing ? `template uses {{${missing}}}, which is not defined here` : `template error: ${message.split('\n')[0]}`, {
    file,
    line: line === undefined ? undefined : Number(line),
    fix: missing ? 'check the spelling against the fields listed in the README' : 'check the {{…}} tags on that line',
    cause,
  });
}
