import type { Config } from '../config/schema.js';
import type { Digest, RenderedDigest } from '../types.js';
import { compileMjml } from './mjml.js';
import { compileTemplates, defaultTemplates, type TemplateSet } from './templates.js';
import { renderText } from './text.js';
import { digestView, unsubscribeUrlOf } from './view.js';

export interface RenderOptions {
  /** A template set from `loadTemplates(dir)`; gazette's own by default. */
  templates?: TemplateSet;
  /** Readable, indented HTML instead of minified. */
  pretty?: boolean;
  /** The footer's unsubscribe link; the config's (or `<siteUrl>/unsubscribe`) by default. */
  unsubscribeUrl?: string;
}

/**
 * Render a digest to MJML, HTML and text. Pure apart from reading gazette's
 * own templates the first time they are needed.
 */
export async function renderDigest(digest: Digest, config: Config, options: RenderOptions = {}): Promise<RenderedDigest> {
  const templates = options.templates ?? defaultTemplates();
  const unsubscribeUrl = options.unsubscribeUrl ?? unsubscribeUrlOf(config);
  const mjml = compileTemplates(templates)(digestView(digest, config, unsubscribeUrl));
  const html = await compileMjml(mjml, { pretty: options.pretty ?? false, templates });
  const text = renderText(digest, config, unsubscribeUrl);
  return { mjml, html, text };
}
