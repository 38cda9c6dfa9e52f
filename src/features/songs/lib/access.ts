/** What the access badge needs to know about a song: both song shapes of the contract have these. */
export interface AccessInput {
  tokens: readonly string[];
  publicStreamable: boolean;
  priceFloat: number;
}

export type SongAccess =
  | { kind: 'token'; token: string; playable: true; label: string }
  | { kind: 'free'; playable: true; label: string }
  | { kind: 'credits'; price: number; playable: true; label: string }
  | { kind: 'locked'; tokens: string[]; playable: false; label: string };

export function formatCredits(amount: number): string {
  const n = Number(amount.toFixed(8));
  return `${n} ${n === 1 ? 'credit' : 'credits'}`;
}

/**
 * How a listener may play a song, decided as the server's stream authorization decides it: a held
 * token of the song unlocks it for free (the alphabetically first one, as the server picks), else a
 * publicly streamable song costs its price in credits, else it is locked until one of its tokens is
 * held. `held` holds the token names the listener has (any case); empty when signed out.
 */
export function songAccess(song: AccessInput, held: ReadonlySet<string>): SongAccess {
  const heldUpper = new Set([...held].map((t) => t.toUpperCase()));
  const unlocking = song.tokens.filter((t) => heldUpper.has(t.toUpperCase())).sort();
  const token = unlocking[0];
  if (token) return { kind: 'token', token, playable: true, label: `Free with ${token}` };
  if (song.publicStreamable) {
    if (song.priceFloat <= 0) return { kind: 'free', playable: true, label: 'Free to stream' };
    return { kind: 'credits', price: song.priceFloat, playable: true, label: formatCredits(song.priceFloat) };
  }
  const tokens = [...song.tokens];
  const label = tokens.length ? `Locked — needs ${tokens.join(' or ')}` : 'Locked — not available to stream';
  return { kind: 'locked', tokens, playable: false, label };
}

/** The distinct token names of a list of songs, sorted, for one token-status request. */
export function tokensOf(songs: readonly AccessInput[]): string[] {
  return [...new Set(songs.flatMap((s) => s.tokens.map((t) => t.toUpperCase())))].sort();
}
