import ipaddr from 'ipaddr.js';

/**
 * The IPv4 address an IPv6 address carries, in the notations that route to it: IPv4-mapped
 * (::ffff:0:0/96), IPv4-compatible (::/96), SIIT (::ffff:0:0:0/96), NAT64 (64:ff9b::/96) and 6to4
 * (2002::/16, the address after the prefix). Undefined when it carries none.
 */
export function embeddedIPv4(v6: ipaddr.IPv6): ipaddr.IPv4 | undefined {
  const p = v6.parts;
  const v4 = (hi: number, lo: number) => new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
  const range = v6.range();
  if (range === 'ipv4Mapped' || range === 'rfc6145') return v4(p[6]!, p[7]!);
  if (p.slice(0, 6).every((x) => x === 0)) return v4(p[6]!, p[7]!);
  if (v6.match(ipaddr.IPv6.parse('64:ff9b::'), 96)) return v4(p[6]!, p[7]!);
  if (range === '6to4') return v4(p[1]!, p[2]!);
  return undefined;
}

/**
 * Addresses a fetch from the server must never reach. Only ordinary public unicast addresses are
 * allowed: loopback, private, link-local (cloud metadata), CGNAT, reserved, multicast and the like
 * are refused, and an IPv6 address that embeds an IPv4 one is judged by that IPv4 address. Tunnels
 * whose target cannot be read off the address (Teredo, local-use NAT64) are refused outright.
 * Anything that does not parse as an address is refused too.
 */
export function isForbiddenAddress(ip: string): boolean {
  let addr: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    addr = ipaddr.parse(ip.replace(/^\[|\]$/g, ''));
  } catch {
    return true;
  }
  if (addr.kind() === 'ipv6') {
    const v6 = addr as ipaddr.IPv6;
    if (v6.zoneId) return true;
    const inner = embeddedIPv4(v6);
    if (inner) return inner.range() !== 'unicast';
    return v6.range() !== 'unicast';
  }
  return addr.range() !== 'unicast';
}
