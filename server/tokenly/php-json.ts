/**
 * PHP's `json_encode($value, JSON_UNESCAPED_SLASHES | JSON_FORCE_OBJECT)`, which the publisher's
 * SDK (tokenly/hmac-auth) signs a request's parameters with, while it sends the body as plain
 * `json_encode` writes it: lists become objects keyed "0", "1", …, an empty list becomes {}, "/"
 * is not escaped, and every non-ASCII character is written as lowercase \uXXXX (UTF-16 units, so
 * emoji become surrogate pairs).
 */
export function phpJsonForceObject(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return Number.isFinite(v) ? JSON.stringify(v) : '0';
  if (typeof v === 'string') return phpString(v);
  if (Array.isArray(v)) return `{${v.map((x, i) => `"${i}":${phpJsonForceObject(x)}`).join(',')}}`;
  if (typeof v === 'object') {
    const parts = Object.entries(v as Record<string, unknown>).map(
      ([k, x]) => `${phpString(k)}:${phpJsonForceObject(x)}`,
    );
    return `{${parts.join(',')}}`;
  }
  return 'null';
}

const SHORT: Record<number, string> = { 0x08: '\\b', 0x0c: '\\f', 0x0a: '\\n', 0x0d: '\\r', 0x09: '\\t' };
const u = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;

function phpString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += '\\\\';
    else if (SHORT[c]) out += SHORT[c];
    else if (c < 0x20 || c > 0x7e) out += c === 0x7f ? '\x7f' : u(c);
    else out += s[i];
  }
  return `${out}"`;
}
