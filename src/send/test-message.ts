import type { Config } from '../config/schema.js';
import { GazetteError } from '../errors.js';
import type { Recipient } from '../render/personal.js';
import { classifySmtpError } from './classify.js';
import type { DkimKey, IssueContent } from './index.js';
import { composeMessage, listIdOf } from './message.js';
import { Secrets } from './secrets.js';
import type { Deliver } from './sender.js';
import { createSingle, relayError, type SmtpSettings } from './transport.js';

export interface TestMessageOptions {
  config: Config;
  issue: IssueContent;
  /** The issue date, YYYY-MM-DD. */
  date: string;
  /** Whom to send the test to. */
  to: string;
  smtp: SmtpSettings;
  secret: string;
  dkim?: DkimKey;
  /** Sends through this instead of an SMTP connection built from `smtp` (for tests). */
  deliver?: Deliver;
}

/**
 * `--test ADDRESS`: one message with a "[TEST] " subject, personalised as the
 * config's sample subscriber (preview.subscriber) at the given address.
 * Outside the ledger: no lock, no rows, and a Message-ID of its own, so that
 * the real message is not taken for a duplicate of the test.
 */
export async function sendTestMessage(options: TestMessageOptions): Promise<{ messageId: string; response: string }> {
  const { config } = options;
  const { email: _email, name, ...fields } = config.preview.subscriber;
  const recipient: Recipient = { email: options.to, name: name ?? null, fields };
  const message = await composeMessage(
    {
      ...options.issue,
      config,
      issueKey: `${listIdOf(config)}/${options.date}/test/${Date.now()}`,
      listId: listIdOf(config),
      date: new Date(),
      secret: options.secret,
      subjectPrefix: '[TEST] ',
      dkim: options.dkim,
    },
    recipient,
  );
  if (options.deliver) return { messageId: message.messageId, response: (await options.deliver(message)).response };
  const secrets = new Secrets().add(options.smtp.auth?.pass).add(options.secret).add(options.dkim?.privateKey);
  const transport = createSingle(options.smtp);
  try {
    const info = await transport.sendMail({ envelope: { from: message.envelope.from, to: [message.envelope.to] }, raw: message.raw });
    if (info.rejected.length > 0) throw info.rejectedErrors?.[0] ?? new Error('the relay refused the address');
    return { messageId: message.messageId, response: secrets.redact(info.response) };
  } catch (error) {
    const verdict = classifySmtpError(error);
    if (verdict.kind === 'permanent') {
      throw new GazetteError('SMTP_REFUSED', `${options.smtp.display} refused the test message to ${options.to}: ${secrets.redact(verdict.reason)}`, {
        fix: 'check the address, or try another',
      });
    }
    throw relayError(error, options.smtp, secrets);
  } finally {
    transport.close();
  }
}
