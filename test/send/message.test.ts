import path from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { simpleParser, type ParsedMail } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDigest, loadArticles, personalise, renderDigestTemplate, type Digest, type PersonalTemplate } from '../../src/index.js';
import { composeMessage, listIdOf, messageIdFor, type IssueMessages } from '../../src/send/message.js';
import { verifyUnsubscribeToken } from '../../src/send/unsubscribe.js';
import { testConfig } from '../helpers/config.js';

const config = testConfig();
let digest: Digest;
let template: PersonalTemplate;
let issue: IssueMessages;

beforeAll(async () => {
  const { articles } = await loadArticles(path.join(import.meta.dirname, '../fixtures/digest/articles'));
  digest = buildDigest(articles, config, { date: '2026-11-30' });
  template = await renderDigestTemplate(digest, config);
  issue = { config, digest, template, issueKey: 'tide/2026-11-30', listId: listIdOf(config), date: new Date('2026-11-30T08:00:00Z'), secret: 's3cret' };
});

const ana = { email: 'ana.lopes@example.org', name: 'Ana Lopes', fields: { city: 'Port Ellis' } };

async function parsed(raw: Buffer): Promise<ParsedMail> {
  return simpleParser(raw);
}

function headerLines(raw: Buffer): string[] {
  const head = raw.toString('utf8').split('\r\n\r\n')[0] ?? '';
  return head.split(/\r\n(?![ \t])/);
}

describe('composeMessage', () => {
  it('is multipart/alternative with the text part first and the HTML last, both complete', async () => {
    const { raw } = await composeMessage(issue, ana);
    const mail = await parsed(raw);
    expect(mail.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });
    const source = raw.toString('utf8');
    expect(source.indexOf('Content-Type: text/plain')).toBeLessThan(source.indexOf('Content-Type: text/html'));
    expect(mail.text).toContain('Hi Ana,');
    for (const a of digest.articles) expect(mail.text).toContain(a.url);
    expect(mail.html).toContain('Hi Ana,');
    expect(mail.text).toContain(config.postalAddress);
    expect(mail.html).toContain(config.postalAddress);
  });

  it('decodes to exactly the personalised text and HTML', async () => {
    const { raw } = await composeMessage(issue, ana);
    const mail = await parsed(raw);
    const expected = personalise(template, {
      greeting: 'Hi Ana,',
      unsubscribeUrl: /<(https:[^>]+)>/.exec(headerLines(raw).find((l) => l.startsWith('List-Unsubscribe:')) ?? '')?.[1] ?? '',
      fields: ana.fields,
    });
    expect(mail.text?.replace(/\r\n/g, '\n')).toBe(expected.text);
    expect(mail.html).toBe(expected.html);
  });

  it('has one Date, From and Message-ID, and a deterministic Message-ID per issue and subscriber', async () => {
    const { raw, messageId } = await composeMessage(issue, ana);
    const lines = headerLines(raw);
    for (const name of ['Date', 'From', 'Message-ID', 'Subject', 'To']) {
      expect(lines.filter((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`)), name).toHaveLength(1);
    }
    expect(messageId).toMatch(/^<[0-9a-f]{32}@example\.org>$/);
    expect(messageId).toBe(messageIdFor('tide/2026-11-30', 'ANA.LOPES@example.org', config.from.address));
    expect(messageId).not.toBe(messageIdFor('tide/2026-12-07', ana.email, config.from.address));
    expect((await parsed(raw)).messageId).toBe(messageId);
  });

  it('gives byte-identical messages for the same issue and subscriber', async () => {
    const [a, b] = await Promise.all([composeMessage(issue, ana), composeMessage(issue, ana)]);
    expect(Buffer.compare(a.raw, b.raw)).toBe(0);
  });

  it('carries the one-click unsubscribe headers, with a token only this subscriber verifies', async () => {
    const { raw } = await composeMessage(issue, ana);
    const lines = headerLines(raw);
    expect(lines).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    const listUnsubscribe = lines.find((l) => l.startsWith('List-Unsubscribe:'))?.replace(/\r\n[ \t]/g, '');
    const url = /<(https:\/\/[^>]+)>/.exec(listUnsubscribe ?? '')?.[1] ?? '';
    expect(url).toMatch(/^https:\/\/tide\.example\.org\/unsubscribe\?t=/);
    expect(verifyUnsubscribeToken('s3cret', issue.listId, new URL(url).searchParams.get('t') ?? '')).toBe(ana.email);
    expect(lines.find((l) => /^list-id:/i.test(l))?.slice(9)).toBe('"The Test Tide" <the-test-tide.tide.example.org>');
    const mail = await parsed(raw);
    expect(mail.html).toContain(url.replace(/&/g, '&amp;'));
    expect(mail.text).toContain(url);
  });

  it('keeps every line within 998 octets and declares UTF-8', async () => {
    const { raw } = await composeMessage(issue, ana);
    for (const line of raw.toString('latin1').split('\r\n')) expect(line.length).toBeLessThanOrEqual(998);
    expect(raw.toString('utf8')).toMatch(/charset=utf-8/i);
  });

  it('round-trips a non-ASCII subject and name, and lets no CR/LF reach a header', async () => {
    const evil = { ...issue, digest: { ...digest, subject: 'Café Ünal 🎉 turns fifty' } };
    const { raw } = await composeMessage(evil, { email: 'zoe@example.org', name: 'Zoë\r\nBcc: x@evil.example', fields: {} });
    const mail = await parsed(raw);
    expect(mail.subject).toBe('Café Ünal 🎉 turns fifty');
    expect(headerLines(raw).find((l) => /^list-id:/i.test(l))).toMatch(/^List-ID: "The Test Tide" <the-test-tide\.tide\.example\.org>$/i);
    expect(headerLines(raw).some((l) => /^bcc:/i.test(l))).toBe(false);
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value[0] : undefined).toMatchObject({ address: 'zoe@example.org', name: 'Zoë Bcc: x@evil.example' });
  });

  it('prefixes a test send', async () => {
    const { raw } = await composeMessage({ ...issue, subjectPrefix: '[TEST] ' }, ana);
    expect((await parsed(raw)).subject).toBe(`[TEST] ${digest.subject}`);
  });

  it('signs with DKIM over both List-Unsubscribe headers', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const dkim = { domainName: 'example.org', keySelector: 'news', privateKey: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString() };
    const { raw } = await composeMessage({ ...issue, dkim }, ana);
    const signature = headerLines(raw).find((l) => l.startsWith('DKIM-Signature:'))?.replace(/\r\n[ \t]+/g, ' ') ?? '';
    const h = /\bh=([^;]+)/.exec(signature)?.[1]?.replace(/\s+/g, '').toLowerCase().split(':') ?? [];
    expect(h).toEqual(expect.arrayContaining(['list-unsubscribe', 'list-unsubscribe-post', 'from', 'subject']));
    expect(signature).toMatch(/d=example\.org;.*s=news;/);
  });
});
