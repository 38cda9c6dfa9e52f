/**
 * A tiny response cache for public catalog reads: many listeners ask for the same album list and
 * the same popular searches within a second or two. Entries live `ttlMs` (short, so that several
 * servers on one database agree within that time), concurrent misses share one computation, and
 * the oldest entries go first when the cache is full.
 */
export class MicroCache<V> {
  private readonly entries = new Map<string, { value: V; at: number }>();
  private readonly pending = new Map<string, Promise<V>>();
  /** bumped by clear(): a computation that began before it must not store its (older) answer */
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 2000,
  ) {}

  async get(key: string, produce: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.value;
    const inFlight = this.pending.get(key);
    if (inFlight) return inFlight;
    const gen = this.generation;
    const p = produce()
      .then((value) => {
        if (gen !== this.generation) return value;
        this.entries.delete(key);
        this.entries.set(key, { value, at: Date.now() });
        if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
        return value;
      })
      .finally(() => {
        if (this.pending.get(key) === p) this.pending.delete(key);
      });
    this.pending.set(key, p);
    return p;
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
    this.pending.clear();
  }
}
