import type { Config } from '../config/schema.js';
import { greetingFor, personalise, type PersonalTemplate, type Recipient } from '../render/personal.js';
import { unsubscribeUrlOf } from '../render/view.js';
import { unsubscribeLink } from '../send/unsubscribe.js';
import type { RenderedDigest } from '../types.js';

/**
 * The email as one subscriber receives it: the config's `preview.subscriber`
 * (a made-up reader by default) with their greeting and columns filled in,
 * and an unsubscribe link shaped like a real one. The token is a stand-in,
 * since the preview does not hold the unsubscribe secret.
 */
export function personaliseForPreview(template: PersonalTemplate, config: Config): RenderedDigest {
  const { email = 'reader@example.org', name, ...fields } = config.preview.subscriber;
  const recipient: Recipient = { email, name: name ?? null, fields };
  return personalise(template, {
    greeting: greetingFor(config, recipient),
    unsubscribeUrl: unsubscribeLink(unsubscribeUrlOf(config), 'preview-sample'),
    fields,
  });
}
