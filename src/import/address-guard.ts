import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';

/** A connection the guard refused: the host resolved to a private address while the hop was not allowed one. */
export class PrivateAddressRefused extends Error {
  constructor(
    readonly hostname: string,
    readonly address: string,
  ) {
    super(`${hostname} resolves to ${address}, a private address`);
  }
}

/**
 * The addresses a fetch connects to, hop by hop. It is the connection's own
 * DNS lookup (net.connect's `lookup`), so the address checked is the address
 * connected to: a host that answers one address to a check and another to the
 * connection (DNS rebinding) gains nothing.
 */
export class AddressGuard {
  /** Whether the hop being fetched may connect to a private address. */
  allowPrivate = true;
  /** Each host looked up so far, with the private address it resolved to, or null. */
  private readonly resolved = new Map<string, string | null>();

  constructor(
    private readonly isPrivate: (address: string) => boolean,
    private readonly resolve: LookupFunction = dnsLookup,
  ) {}

  readonly lookup: LookupFunction = (hostname, options, callback) => {
    this.resolve(hostname, { ...options, all: true }, (error, found) => {
      const addresses = typeof found === 'string' ? [{ address: found, family: isIP(found) }] : (found as LookupAddress[] | undefined) ?? [];
      if (error || addresses.length === 0) {
        callback(error ?? Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '');
        return;
      }
      const inside = addresses.find((a) => this.isPrivate(a.address))?.address ?? null;
      this.resolved.set(hostname, inside);
      if (inside !== null && !this.allowPrivate) callback(new PrivateAddressRefused(hostname, inside), '');
      else if (options.all) callback(null, addresses);
      else callback(null, addresses[0]?.address ?? '', addresses[0]?.family);
    });
  };

  /** The private address a host is known to have (it is one, or it resolved to one), or null. */
  privateAddressOf(hostname: string): string | null {
    const bare = hostname.replace(/^\[|\]$/g, '');
    if (isIP(bare) !== 0) return this.isPrivate(bare) ? bare : null;
    return this.resolved.get(hostname) ?? null;
  }
}
