import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isForbiddenAddress } from './address-rules.js';
import { fetchPublicSource, SourceError } from './fetch-source.js';

type Quad = [number, number, number, number];
const byte = fc.integer({ min: 0, max: 255 });

/** Every IPv4 address a fetch must not reach, by class (CIDR base and prefix length). */
const FORBIDDEN_V4: Record<string, [Quad, number]> = {
  'this network': [[0, 0, 0, 0], 8],
  loopback: [[127, 0, 0, 0], 8],
  'private 10/8': [[10, 0, 0, 0], 8],
  'private 172.16/12': [[172, 16, 0, 0], 12],
  'private 192.168/16': [[192, 168, 0, 0], 16],
  'link-local (cloud metadata)': [[169, 254, 0, 0], 16],
  CGNAT: [[100, 64, 0, 0], 10],
};
const inRange = ([base, len]: [Quad, number]) =>
  fc.integer({ min: 0, max: 2 ** (32 - len) - 1 }).map((off) => {
    const n = ((base[0] << 24) | (base[1] << 16) | (base[2] << 8) | base[3]) + off;
    return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255] as Quad;
  });
const metadata = fc.constantFrom<Quad>([169, 254, 169, 254], [100, 100, 100, 200], [169, 254, 170, 2]);
const forbiddenV4 = fc.oneof(metadata, ...Object.values(FORBIDDEN_V4).map(inRange));

const hex = (q: Quad) => [((q[0] << 8) | q[1]).toString(16), ((q[2] << 8) | q[3]).toString(16)];
const dotted = (q: Quad) => q.join('.');
/** The ways an IPv6 address can carry (and route to) an IPv4 one. */
const EMBEDDINGS: Record<string, (q: Quad) => string> = {
  'plain IPv4': dotted,
  'IPv4-mapped, dotted': (q) => `::ffff:${dotted(q)}`,
  'IPv4-mapped, hex': (q) => `::ffff:${hex(q).join(':')}`,
  'IPv4-mapped, long form': (q) => `0:0:0:0:0:ffff:${hex(q).join(':')}`,
  'IPv4-mapped, zero-padded': (q) =>
    `0000:0000:0000:0000:0000:FFFF:${hex(q)
      .map((h) => h.padStart(4, '0'))
      .join(':')}`,
  'IPv4-compatible, dotted': (q) => `::${dotted(q)}`,
  'IPv4-compatible, hex': (q) => `::${hex(q).join(':')}`,
  'SIIT (::ffff:0:0:0/96)': (q) => `::ffff:0:${hex(q).join(':')}`,
  'NAT64, hex': (q) => `64:ff9b::${hex(q).join(':')}`,
  'NAT64, dotted': (q) => `64:ff9b::${dotted(q)}`,
  '6to4': (q) => `2002:${hex(q).join(':')}::1`,
  '6to4, host part': (q) => `2002:${hex(q).join(':')}:1:2:3:4:5`,
};

describe('the address classifier', () => {
  it.each(Object.entries(EMBEDDINGS))('refuses every forbidden IPv4 address written as %s', (_what, write) => {
    fc.assert(
      fc.property(forbiddenV4, (q) => {
        const text = write(q);
        expect(isForbiddenAddress(text), text).toBe(true);
        // As the URL parser hands it over (it rewrites ::ffff:127.0.0.1 to [::ffff:7f00:1]).
        const host = new URL(`http://${text.includes(':') ? `[${text}]` : text}/`).hostname;
        expect(isForbiddenAddress(host), host).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('allows public IPv4 addresses in the embeddings that route to them, so the rule is not "refuse all"', () => {
    for (const q of [
      [8, 8, 8, 8],
      [93, 184, 216, 34],
    ] as Quad[]) {
      for (const [what, write] of Object.entries(EMBEDDINGS)) {
        expect(isForbiddenAddress(write(q)), `${what}: ${write(q)}`).toBe(false);
      }
    }
  });

  it.each([
    '::1',
    '::',
    'fe80::1',
    'fd00:ec2::254',
    'fc00::1',
    'ff02::1',
    '2001::1', // Teredo: the target is hidden in the address
    '64:ff9b:1::a00:1', // local-use NAT64
    '2001:db8::1',
    '255.255.255.255',
    '224.0.0.1',
    '198.18.0.1',
    'not an address',
    'fe80::1%eth0',
  ])('refuses %s', (ip) => expect(isForbiddenAddress(ip)).toBe(true));

  it('never refuses a public address by accident', () => {
    fc.assert(
      fc.property(fc.tuple(byte, byte, byte, byte), (q) => {
        const [a, b] = q;
        const special =
          [0, 10, 127].includes(a) ||
          a >= 224 ||
          (a === 100 && b >= 64 && b < 128) ||
          (a === 169 && b === 254) ||
          (a === 172 && b >= 16 && b < 32) ||
          (a === 192 && (b === 168 || b === 0 || b === 88 || b === 175 || b === 31 || b === 52)) ||
          (a === 198 && (b === 18 || b === 19 || b === 51)) ||
          (a === 203 && b === 0);
        if (!special) expect(isForbiddenAddress(dotted(q as Quad)), dotted(q as Quad)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('fetching a link written in an IPv6 embedding of loopback', () => {
  let port: number;
  let hits = 0;
  const server = http.createServer((req, res) => {
    hits++;
    if (req.url === '/to-mapped') return res.writeHead(302, { location: `http://[::ffff:7f00:1]:${port}/song` }).end();
    res.end(Buffer.alloc(100, 1));
  });
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it.each([
    ['the short mapped form', (p: number) => `http://[::ffff:127.0.0.1]:${p}/song`],
    ['the long mapped form', (p: number) => `http://[0:0:0:0:0:ffff:7f00:1]:${p}/song`],
    ['NAT64', (p: number) => `http://[64:ff9b::7f00:1]:${p}/song`],
  ])('never connects to %s', async (_what, url) => {
    const before = hits;
    const err = await fetchPublicSource(url(port), { maxBytes: 1000, timeoutMs: 2000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceError);
    expect(hits).toBe(before);
  });

  it('does not follow a redirect to a mapped loopback address', async () => {
    // The first hop is let through (the test server is on loopback); the redirect is judged by the real rule.
    let first = true;
    const rule = (ip: string) => (first ? ((first = false), false) : isForbiddenAddress(ip));
    const before = hits;
    const err = await fetchPublicSource(`http://127.0.0.1:${port}/to-mapped`, {
      maxBytes: 1000,
      timeoutMs: 2000,
      forbidden: rule,
    }).catch((e: unknown) => e);
    expect((err as SourceError).message).toMatch(/private, loopback/);
    expect(hits).toBe(before + 1);
  });
});
