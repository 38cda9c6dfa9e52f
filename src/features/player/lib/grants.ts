import type { StreamAuth } from '@contract/listener';

/** A stream the server authorized: where to play it from and until when that link works. */
export interface StreamGrant {
  songId: string;
  streamUrl: string;
  /** ms since the epoch: the signed URL stops working then (it lives shorter than the grant) */
  urlExpiresAt: number;
  /** ms since the epoch: the paid or unlocked listen itself ends then */
  grantExpiresAt: number;
}

/** Ask again this long before the link expires, so a seek never meets an expired link. */
export const GRANT_MARGIN_MS = 60_000;

export function grantFrom(songId: string, auth: StreamAuth): StreamGrant | null {
  if (!auth.authorized || !auth.streamUrl || !auth.expiresAt) return null;
  const grantExpiresAt = Date.parse(auth.expiresAt);
  let urlExpiresAt = grantExpiresAt;
  try {
    const e = Number(new URL(auth.streamUrl, 'http://x').searchParams.get('e'));
    if (Number.isFinite(e) && e > 0) urlExpiresAt = Math.min(grantExpiresAt, e * 1000);
  } catch {
    // not a URL we can read: trust the grant's own end
  }
  return { songId, streamUrl: auth.streamUrl, urlExpiresAt, grantExpiresAt };
}

/** Can this grant still be used to start or resume playback, without asking the server? */
export function isUsable(g: StreamGrant | undefined, now: number): g is StreamGrant {
  return !!g && g.urlExpiresAt - GRANT_MARGIN_MS > now;
}
