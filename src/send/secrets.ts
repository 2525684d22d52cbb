/**
 * Secrets (the SMTP password, the unsubscribe secret, the DKIM key) never
 * reach a log, an error message, the ledger or the report. Everything the
 * sender writes or prints about an SMTP exchange goes through `redact`, as a
 * last line of defence: the messages are built not to contain them anyway.
 */
export class Secrets {
  private readonly values: string[] = [];

  add(value: string | undefined | null): this {
    if (!value || value.length < 4) return this;
    for (const form of new Set([value, encodeURIComponent(value), Buffer.from(value).toString('base64')])) this.values.push(form);
    // A PEM key is also hidden line by line, in case one line of it is quoted.
    if (value.includes('\n')) for (const line of value.split(/\r?\n/)) if (line.length >= 16 && !line.startsWith('-----')) this.values.push(line);
    this.values.sort((a, b) => b.length - a.length);
    return this;
  }

  redact(text: string): string {
    let out = text;
    for (const value of this.values) out = out.split(value).join('***');
    return out;
  }
}
