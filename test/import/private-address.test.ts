import { describe, expect, it } from 'vitest';
import { isPrivateAddress } from '../../src/import/private-address.js';

describe('isPrivateAddress', () => {
  it('knows every private, loopback and link-local range, at both ends and just outside', () => {
    const cases: Record<string, boolean> = {
      // 0.0.0.0/8, "this network"
      '0.0.0.0': true, '0.255.255.255': true, '1.0.0.0': false,
      // 10.0.0.0/8
      '9.255.255.255': false, '10.0.0.0': true, '10.255.255.255': true, '11.0.0.0': false,
      // 100.64.0.0/10, carrier-grade NAT
      '100.63.255.255': false, '100.64.0.0': true, '100.127.255.255': true, '100.128.0.0': false,
      // 127.0.0.0/8, loopback
      '126.255.255.255': false, '127.0.0.1': true, '127.255.255.255': true, '128.0.0.0': false,
      // 169.254.0.0/16, link-local (cloud metadata at 169.254.169.254)
      '169.253.255.255': false, '169.254.169.254': true, '169.255.0.0': false,
      // 172.16.0.0/12
      '172.15.255.255': false, '172.16.0.0': true, '172.31.255.255': true, '172.32.0.0': false,
      // 192.168.0.0/16
      '192.167.255.255': false, '192.168.0.1': true, '192.168.255.255': true, '192.169.0.0': false,
      // public
      '8.8.8.8': false, '93.184.216.34': false, '203.0.113.7': false,
      // IPv6: unspecified, loopback, unique local fc00::/7, link-local fe80::/10
      '::': true, '::1': true, '::2': true, 'fbff:ffff::1': false, 'fc00::1': true, 'fd12:3456::1': true, 'fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff': true, 'fe00::1': false,
      'fe7f:ffff::1': false, 'fe80::1': true, 'febf:ffff::1': true, 'fec0::1': false,
      '2001:4860:4860::8888': false, '2606:4700::1111': false,
      // IPv4 inside IPv6: mapped, compatible, NAT64, 6to4
      '::ffff:127.0.0.1': true, '::ffff:7f00:1': true, '::ffff:10.1.2.3': true, '::ffff:169.254.169.254': true, '::ffff:8.8.8.8': false,
      '::127.0.0.1': true, '::8.8.8.8': false,
      '64:ff9b::127.0.0.1': true, '64:ff9b::c0a8:101': true, '64:ff9b::8.8.8.8': false,
      '2002:7f00:1::': true, '2002:c0a8:101::1': true, '2002:a9fe:a9fe::1': true, '2002:808:808::1': false,
      // literal hosts as URLs write them
      '[::1]': true, '[2001:db8::1]': false,
      // not addresses
      'localhost': false, 'example.org': false, '': false, '999.1.1.1': false,
    };
    const wrong = Object.entries(cases).filter(([address, expected]) => isPrivateAddress(address) !== expected);
    expect(wrong).toEqual([]);
  });
});
