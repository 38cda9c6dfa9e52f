/**
 * A duration as a clock: m:ss, or h:mm:ss past an hour. A song's length rounds to the nearest
 * second; a playing position counts whole seconds (pass Math.floor), so it never runs ahead.
 */
export function formatClock(sec: number, round: (n: number) => number = Math.round): string {
  const s = Math.max(0, round(Number.isFinite(sec) ? sec : 0));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** A list's total length in words: "1 h 4 min" or "38 min 12 s". */
export function totalLength(sec: number): string {
  const s = Math.max(0, Math.round(sec));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h} h ${m} min` : `${m} min ${s % 60} s`;
}
