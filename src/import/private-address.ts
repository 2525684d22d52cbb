import { BlockList, isIP } from 'node:net';

/**
 * IPv4 ranges that are not the public internet: a machine's own, a local
 * network's, or its provider's (RFC 6890). Redirects may not lead into them.
 */
const PRIVATE_V4: readonly (readonly [string, number])[] = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, where cloud metadata services answer
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
];

const PRIVATE_V6: readonly (readonly [string, number])[] = [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
];

const blocked = new BlockList();
for (const [address, prefix] of PRIVATE_V4) {
  // BlockList matches IPv4-mapped IPv6 (::ffff:10.0.0.1) by the IPv4 rules; the other forms that carry an IPv4 address are added here.
  blocked.addSubnet(address, prefix, 'ipv4');
  blocked.addSubnet(`::${address}`, 96 + prefix, 'ipv6'); // IPv4-compatible
  blocked.addSubnet(`64:ff9b::${address}`, 96 + prefix, 'ipv6'); // NAT64
  const [a = 0, b = 0, c = 0, d = 0] = address.split('.').map(Number);
  blocked.addSubnet(`2002:${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}::`, 16 + prefix, 'ipv6'); // 6to4
}
for (const [address, prefix] of PRIVATE_V6) blocked.addSubnet(address, prefix, 'ipv6');

/** Whether an IP address is loopback, link-local or private, in IPv4 or IPv6; false for what is not an IP address. */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  const family = isIP(bare);
  if (family === 0) return false;
  return blocked.check(bare, family === 4 ? 'ipv4' : 'ipv6');
}
