import type { Recipient } from '../render/personal.js';

export type { Recipient } from '../render/personal.js';

/** One row of the subscriber list, as read. */
export type SubscriberRow =
  | { ok: true; line: number; subscriber: Recipient }
  /** A row that cannot be sent to: `value` is what it held, `reason` says why. */
  | { ok: false; line: number; value: string; reason: string };
