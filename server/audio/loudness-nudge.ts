/**
 * Tells this process's loudness backfill that there is audio to measure now (a release), so it does
 * not wait for its next look. Nothing is lost without it: the backfill looks every 30 s anyway.
 */
const listeners = new Set<() => void>();

export function onLoudnessWanted(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function wantLoudness(): void {
  for (const fn of listeners) fn();
}
