import { describe, expect, it } from 'vitest';
import { GazetteError } from '../../src/errors.js';
import { Secrets } from '../../src/send/secrets.js';
import { isLocalHost, poolOptions, smtpSettings } from '../../src/send/transport.js';

describe('smtpSettings', () => {
  it('reads GAZETTE_SMTP_URL, credentials and all, and never shows the password', () => {
    const s = smtpSettings({}, { GAZETTE_SMTP_URL: 'smtps://news%40example.org:p%40ss%3Aw0rd@smtp.example.org' });
    expect(s).toMatchObject({ host: 'smtp.example.org', port: 465, secure: true, requireTLS: false, auth: { user: 'news@example.org', pass: 'p@ss:w0rd' } });
    expect(s.display).toBe('smtps://news%40example.org@smtp.example.org:465');
  });

  it('requires STARTTLS to a remote host on any port but 465, and implicit TLS on 465', () => {
    expect(smtpSettings({}, { GAZETTE_SMTP_URL: 'smtp://smtp.example.org' })).toMatchObject({
      port: 587,
      secure: false,
      requireTLS: true,
      ignoreTLS: false,
      rejectUnauthorized: true,
    });
    expect(smtpSettings({}, { GAZETTE_SMTP_URL: 'smtp://smtp.example.org:25' })).toMatchObject({ requireTLS: true });
    expect(smtpSettings({}, { GAZETTE_SMTP_URL: 'smtp://smtp.example.org:465' })).toMatchObject({ secure: true, requireTLS: false });
    expect(smtpSettings({ smtp: { host: 'smtp.example.org', port: 587 } }, {})).toMatchObject({ requireTLS: true });
  });

  it('does not require TLS to this machine, nor with --insecure (which also skips the certificate check)', () => {
    for (const host of ['localhost', '127.0.0.1', '[::1]']) {
      expect(smtpSettings({}, { GAZETTE_SMTP_URL: `smtp://${host}:2525` }), host).toMatchObject({ requireTLS: false, ignoreTLS: true });
    }
    expect(smtpSettings({}, { GAZETTE_SMTP_URL: 'smtp://smtp.example.org' }, { insecure: true })).toMatchObject({
      requireTLS: false,
      ignoreTLS: false,
      rejectUnauthorized: false,
    });
    expect(isLocalHost('localhost.example.org')).toBe(false);
  });

  it("takes the config's relay with SMTP_USER and SMTP_PASS; the URL wins", () => {
    const env = { SMTP_USER: 'u', SMTP_PASS: 'secret-pass' };
    expect(smtpSettings({ smtp: { host: 'relay.example.org', port: 2587 } }, env)).toMatchObject({
      host: 'relay.example.org',
      port: 2587,
      auth: { user: 'u', pass: 'secret-pass' },
    });
    expect(smtpSettings({ smtp: { host: 'relay.example.org', port: 2587 } }, { ...env, GAZETTE_SMTP_URL: 'smtp://other.example.org' }).host).toBe(
      'other.example.org',
    );
  });

  it('explains a missing or broken setting without echoing it', () => {
    const fail = (env: Record<string, string>): GazetteError => {
      try {
        smtpSettings({}, env);
      } catch (error) {
        if (error instanceof GazetteError) return error;
      }
      throw new Error('no error');
    };
    expect(fail({}).message).toMatch(/no SMTP relay to send through: set GAZETTE_SMTP_URL/);
    expect(fail({}).exitCode).toBe(1);
    const broken = fail({ GAZETTE_SMTP_URL: 'smtp://user:hunter2-pw@ bad host' });
    expect(broken.message).toContain('GAZETTE_SMTP_URL is not a URL');
    expect(broken.message).not.toContain('hunter2');
    expect(fail({ GAZETTE_SMTP_URL: 'https://user:hunter2-pw@example.org' }).message).not.toContain('hunter2');
    expect(fail({ GAZETTE_SMTP_URL: 'smtp://user@smtp.example.org' }).message).toContain('an SMTP user is set but no password');
  });

  it('builds a pool that never requeues by itself', () => {
    const options = poolOptions(smtpSettings({}, { GAZETTE_SMTP_URL: 'smtp://127.0.0.1:2525' }), 4);
    expect(options).toMatchObject({ pool: true, maxConnections: 4, maxRequeues: 0, logger: false, debug: false });
  });
});

describe('Secrets', () => {
  it('blanks every form of a secret out of a text', () => {
    const secrets = new Secrets().add('p@ss:w0rd').add('tiny').add(undefined);
    expect(secrets.redact('login p@ss:w0rd or p%40ss%3Aw0rd failed')).toBe('login *** or *** failed');
  });
});
