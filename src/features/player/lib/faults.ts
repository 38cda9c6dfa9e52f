/**
 * What to do when the audio fails. The element only says "error" (or stops moving); a probe of the
 * stream URL tells why: 403 means the link or grant expired, a failed fetch or 5xx means the
 * network or server, a good answer with an undecodable file means the song itself cannot play.
 */
export type FaultKind = 'forbidden' | 'network' | 'unplayable';

export interface FaultCounts {
  /** re-authorizations since the song last played well */
  reauthorized: number;
  /** network retries since the song last played well */
  retried: number;
}

export type Recovery =
  { action: 'reauthorize' } | { action: 'retry'; delayMs: number } | { action: 'skip' } | { action: 'give-up' };

export const MAX_NETWORK_RETRIES = 6;

export function recovery(kind: FaultKind, counts: FaultCounts): Recovery {
  if (kind === 'forbidden') return counts.reauthorized < 1 ? { action: 'reauthorize' } : { action: 'skip' };
  if (kind === 'unplayable') return { action: 'skip' };
  // Network: back off 1, 2, 4… s (at most 15 s); past the limit, pause and say so rather than skip
  // through the whole queue while offline.
  if (counts.retried >= MAX_NETWORK_RETRIES) return { action: 'give-up' };
  return { action: 'retry', delayMs: Math.min(15_000, 1000 * 2 ** counts.retried) };
}

/** Classifies a probe of the stream URL: its status, or null when the fetch itself failed. */
export function classifyProbe(status: number | null, mediaErrorCode: number): FaultKind {
  if (status === null || status >= 500 || status === 429) return 'network';
  if (status === 403 || status === 401) return 'forbidden';
  if (status >= 400) return 'unplayable';
  // The file answers: a network-type media error was a drop (retry), anything else is the file.
  return mediaErrorCode === 2 ? 'network' : 'unplayable';
}
