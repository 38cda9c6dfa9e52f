/**
 * Lyrics as artists enter them: plain text, or LRC with time tags (`[mm:ss.xx]`, also `[mm:ss]`,
 * `[mm:ss.xxx]` and `[mm:ss:xx]`), several tags on one line for a repeated line, and an
 * `[offset:±ms]` header (positive shows lines earlier, as in the LRC convention). Pure functions.
 */

export interface TimedLine {
  /** seconds into the song */
  time: number;
  text: string;
}

export type Lyrics = { kind: 'none' } | { kind: 'plain'; text: string } | { kind: 'synced'; lines: TimedLine[] };

const TIME_TAG = /\[(\d{1,3}):(\d{1,2})(?:[.:](\d{1,3}))?\]/g;
const LEADING_TAGS = /^(?:\s*\[\d{1,3}:\d{1,2}(?:[.:]\d{1,3})?\])+/;
const ID_TAG = /^\s*\[([a-z]+):(.*)\]\s*$/i;

function seconds(min: string, sec: string, frac: string | undefined): number {
  const f = frac ? Number(frac) / 10 ** frac.length : 0;
  return Number(min) * 60 + Number(sec) + f;
}

/** Reads lyrics: `synced` when at least one line starts with a time tag, else `plain`. */
export function parseLyrics(raw: string | null | undefined): Lyrics {
  const text = (raw ?? '').replace(/\r\n?/g, '\n');
  if (!text.trim()) return { kind: 'none' };
  let offsetSec = 0;
  const lines: TimedLine[] = [];
  for (const line of text.split('\n')) {
    const lead = LEADING_TAGS.exec(line);
    if (lead) {
      const words = line.slice(lead[0].length).trim();
      for (const m of lead[0].matchAll(TIME_TAG)) lines.push({ time: seconds(m[1]!, m[2]!, m[3]), text: words });
      continue;
    }
    const id = ID_TAG.exec(line);
    if (id && id[1]!.toLowerCase() === 'offset') {
      const ms = Number(id[2]!.trim());
      if (Number.isFinite(ms)) offsetSec = ms / 1000;
    }
  }
  if (!lines.length) return { kind: 'plain', text: text.trim() };
  const shifted = lines.map((l) => ({ time: Math.max(0, l.time - offsetSec), text: l.text }));
  // A stable sort keeps lines with the same time in the order written.
  shifted.sort((a, b) => a.time - b.time);
  return { kind: 'synced', lines: shifted };
}

/** Does this text have LRC time tags (for the release editor's hint)? */
export const isTimeTagged = (raw: string): boolean => parseLyrics(raw).kind === 'synced';

/** The index of the line that is sung at `position` (the last one started), -1 before the first. */
export function currentLine(lines: readonly TimedLine[], position: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid]!.time <= position) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** `[mm:ss.xx]` for a time in seconds (what the editor offers to insert). */
export function formatTag(sec: number): string {
  const cs = Math.max(0, Math.round(sec * 100));
  const m = Math.floor(cs / 6000);
  const s = Math.floor((cs % 6000) / 100);
  const c = cs % 100;
  return `[${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${String(c).padStart(2, '0')}]`;
}
