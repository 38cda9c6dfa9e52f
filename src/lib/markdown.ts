/**
 * A deliberately tiny markdown subset for user- and artist-written text: paragraphs, bullet and
 * numbered lists, bold (two stars or underscores), emphasis (one) and [links](url). It yields a tree of plain data,
 * never HTML, so whatever the text holds is shown as text; links keep only http(s) and mailto
 * targets, everything else (javascript:, data:, relative or protocol-relative) becomes plain text.
 */
export type Inline =
  | { type: 'text'; text: string }
  | { type: 'strong' | 'em'; children: Inline[] }
  | { type: 'link'; href: string; children: Inline[] };

export type Block = { type: 'p'; children: Inline[] } | { type: 'ul' | 'ol'; items: Inline[][] };

/** Bios are at most a few KB; the cap keeps the lazy regexes cheap on hostile input. */
const MAX_SOURCE = 20_000;
const MAX_DEPTH = 4;

const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d{1,9}[.)]\s+(.*)$/;

/** The only link targets allowed: absolute http(s) URLs and mailto addresses. */
export function safeHref(raw: string): string | null {
  const href = raw.trim();
  if (!/^(https?:\/\/|mailto:)/i.test(href)) return null;
  try {
    const u = new URL(href);
    if (!['http:', 'https:', 'mailto:'].includes(u.protocol)) return null;
    return u.href;
  } catch {
    return null;
  }
}

export function parseMarkdown(source: string): Block[] {
  const lines = source.slice(0, MAX_SOURCE).replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let para: string[] = [];
  let list: { type: 'ul' | 'ol'; items: string[] } | null = null;

  const flush = () => {
    if (para.length) blocks.push({ type: 'p', children: parseInline(para.join(' ')) });
    if (list) blocks.push({ type: list.type, items: list.items.map((i) => parseInline(i)) });
    para = [];
    list = null;
  };

  for (const line of lines) {
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    const item = bullet ?? numbered;
    if (line.trim() === '') {
      flush();
    } else if (item) {
      const type = bullet ? 'ul' : 'ol';
      if (para.length || (list && list.type !== type)) flush();
      list ??= { type, items: [] };
      list.items.push(item[1] ?? '');
    } else if (list && /^\s+/.test(line)) {
      // an indented line continues the list item above it
      list.items[list.items.length - 1] += ` ${line.trim()}`;
    } else {
      if (list) flush();
      para.push(line.trim());
    }
  }
  flush();
  return blocks;
}

// Alternatives, earliest match wins: strong, link, em. Underscores only count at word edges, so
// snake_case_names stay as they are.
const INLINE =
  /\*\*(?<sa>[^*]+(?:\*(?!\*)[^*]*)*)\*\*|(?<![A-Za-z0-9])__(?<sb>[^_]+)__(?![A-Za-z0-9])|\[(?<lt>[^\]]+)\]\((?<lh>[^()\s]+)\)|\*(?<ea>[^*\s](?:[^*]*[^*\s])?)\*|(?<![A-Za-z0-9])_(?<eb>[^_\s](?:[^_]*[^_\s])?)_(?![A-Za-z0-9])/g;

export function parseInline(text: string, depth = 0): Inline[] {
  if (depth >= MAX_DEPTH) return text ? [{ type: 'text', text }] : [];
  const out: Inline[] = [];
  let last = 0;
  const re = new RegExp(INLINE.source, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) out.push({ type: 'text', text: text.slice(last, m.index) });
    const g = m.groups ?? {};
    const strong = g.sa ?? g.sb;
    const em = g.ea ?? g.eb;
    if (strong !== undefined) out.push({ type: 'strong', children: parseInline(strong, depth + 1) });
    else if (em !== undefined) out.push({ type: 'em', children: parseInline(em, depth + 1) });
    else {
      const href = safeHref(g.lh ?? '');
      // A refused target leaves its words, not the URL: the text stays readable, nothing is clickable.
      const children = parseInline(g.lt ?? '', depth + 1).filter((c) => c.type !== 'link');
      out.push(href ? { type: 'link', href, children } : { type: 'text', text: m[0] });
    }
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ type: 'text', text: text.slice(last) });
  return out;
}
