import type { Config } from '../config/schema.js';
import type { Digest, RenderedDigest } from '../types.js';
import { compileMjml } from './mjml.js';
import { compileTemplates, defaultTemplates, type TemplateSet } from './templates.js';
import { renderText } from './text.js';
import { archiveUrlOf, digestView, unsubscribeUrlOf } from './view.js';
import { genericValues, Holes, personalise, type PersonalTemplate } from './personal.js';

export interface RenderOptions {
  /** A template set from `loadTemplates(dir)`; gazette's own by default. */
  templates?: TemplateSet;
  /** Readable, indented HTML instead of minified. */
  pretty?: boolean;
  /** The footer's unsubscribe link; the config's (or `<publicUrl>unsubscribe`, or `<siteUrl>/unsubscribe`) by default. */
  unsubscribeUrl?: string;
  /** The number in the series: with the config's `publicUrl`, both parts link to its archive page. */
  number?: number;
}

/**
 * Render a digest once, with holes for what differs per subscriber (greeting,
 * unsubscribe link, subscriber columns): the send fills them per message.
 */
export async function renderDigestTemplate(digest: Digest, config: Config, options: Omit<RenderOptions, 'unsubscribeUrl'> = {}): Promise<PersonalTemplate> {
  const templates = options.templates ?? defaultTemplates();
  const tokens = new Holes();
  const holes = { greeting: tokens.token('greeting'), unsubscribeUrl: tokens.token('unsubscribe') };
  const place = { number: options.number };
  const mjml = compileTemplates(templates)(digestView(digest, config, { ...holes, subscriber: tokens.subscriber() }, place));
  const html = await compileMjml(mjml, { pretty: options.pretty ?? false, templates });
  const archiveUrl = options.number === undefined ? null : archiveUrlOf(config, options.number);
  const text = renderText(digest, config, { ...holes, archiveUrl });
  return tokens.split({ mjml, html, text });
}

/**
 * Render a digest to MJML, HTML and text as a reader who is nobody in
 * particular sees it (the greeting's fallback, the list's own unsubscribe
 * page): what `build` writes. Pure apart from reading gazette's own
 * templates the first time they are needed.
 */
export async function renderDigest(digest: Digest, config: Config, options: RenderOptions = {}): Promise<RenderedDigest> {
  const template = await renderDigestTemplate(digest, config, options);
  return personalise(template, genericValues(config, options.unsubscribeUrl ?? unsubscribeUrlOf(config)));
}
