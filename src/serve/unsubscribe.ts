import type { Config } from '../config/schema.js';
import { verifyUnsubscribeToken } from '../send/unsubscribe.js';
import { alreadyPage, badLinkPage, confirmPage, maskAddress, unsubscribedPage } from './pages.js';

/** The part of the ledger serve writes to. */
export interface SuppressionList {
  suppress(email: string, reason: string, source: string): void;
  isSuppressed(email: string): boolean;
}

/** How an unsubscribe arrived: a mail client's one-click POST (RFC 8058), or the button on our confirm page. */
export type UnsubscribeVia = 'one-click' | 'confirm-page';

/** What a POST's body asks for; undefined when it asks for nothing we know, 'unsupported' when it is not a form. */
export type PostedVia = UnsubscribeVia | undefined | 'unsupported';

export interface UnsubscribeEvent {
  /** The address, masked (for a log). */
  masked: string;
  via: UnsubscribeVia;
  /** False when it was already on the suppression list (a replay, or a bounce before). */
  added: boolean;
}

export interface UnsubscribeContext {
  config: Config;
  secret: string;
  listId: string;
  suppressions: SuppressionList;
  onUnsubscribe?: (event: UnsubscribeEvent) => void;
}

export interface PageReply {
  status: number;
  body: string;
}

const REASONS: Record<UnsubscribeVia, string> = {
  'one-click': 'one-click unsubscribe',
  'confirm-page': 'unsubscribed from the confirm page',
};

/** GET: the confirm page. A GET never unsubscribes: mail scanners and link previews follow links. */
export function unsubscribeGet(context: UnsubscribeContext, token: string | null): PageReply {
  const email = addressOf(context, token);
  if (typeof email !== 'string') return email;
  const masked = maskAddress(email);
  if (context.suppressions.isSuppressed(email)) return { status: 200, body: alreadyPage(context.config, masked) };
  return { status: 200, body: confirmPage(context.config, masked) };
}

/**
 * POST: check the token (in constant time), then what the body asks, then
 * add the address to the suppression list. Doing it again changes nothing
 * and answers the same, so a client that retries is never told it failed.
 */
export function unsubscribePost(context: UnsubscribeContext, token: string | null, via: PostedVia): PageReply {
  const email = addressOf(context, token);
  if (typeof email !== 'string') return email;
  if (via === 'unsupported') {
    return {
      status: 415,
      body: badLinkPage(context.config, 'The request was not a form: send it as application/x-www-form-urlencoded or multipart/form-data.'),
    };
  }
  if (via === undefined) {
    return {
      status: 400,
      body: badLinkPage(context.config, 'The request did not say what to do: a one-click unsubscribe sends "List-Unsubscribe=One-Click" (RFC 8058).'),
    };
  }
  const masked = maskAddress(email);
  const already = context.suppressions.isSuppressed(email);
  if (!already) context.suppressions.suppress(email, REASONS[via], 'unsubscribe');
  context.onUnsubscribe?.({ masked, via, added: !already });
  return { status: 200, body: unsubscribedPage(context.config, masked, already) };
}

/**
 * What a POST body asks for: `List-Unsubscribe=One-Click` from a mail client
 * (form-urlencoded, or multipart/form-data, which RFC 8058 also allows), or
 * `confirm=page` from our own form. Parsed by the platform's form parsers.
 */
export async function postedVia(body: Buffer, contentType: string | undefined): Promise<PostedVia> {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  let form: URLSearchParams | FormData;
  // No type, or text/plain, is read as a URL-encoded form too: the body must still say exactly what it asks.
  if (type === '' || type === 'application/x-www-form-urlencoded' || type === 'text/plain') {
    form = new URLSearchParams(body.toString('utf8'));
  } else if (type === 'multipart/form-data') {
    try {
      form = await new Response(body, { headers: { 'content-type': contentType ?? '' } }).formData();
    } catch {
      return undefined;
    }
  } else {
    return 'unsupported';
  }
  if (form.get('List-Unsubscribe') === 'One-Click') return 'one-click';
  if (form.get('confirm') === 'page') return 'confirm-page';
  return undefined;
}

function addressOf({ config, secret, listId }: UnsubscribeContext, token: string | null): string | PageReply {
  if (!token) {
    return { status: 400, body: badLinkPage(config, 'The link has lost the part that says who you are: it may have been cut short when it was copied.') };
  }
  const email = verifyUnsubscribeToken(secret, listId, token);
  if (email === null) {
    return { status: 400, body: badLinkPage(config, 'The link is not one of ours, or it was changed or cut short when it was copied.') };
  }
  return email;
}
