/**
 * Per-user answers kept for a moment, dropped when the database says the user's data changed
 * (NOTIFY user_changed, see migration 014) and in any case after `ttlMs`: the documented bound on
 * how long another process's write can go unseen if a notification is lost.
 */
export class UserCache {
  private readonly entries = new Map<string, Map<string, { value: unknown; at: number }>>();
  /** bumped by every invalidation: a load that started before one is not stored */
  private readonly generations = new Map<string, number>();
  private everything = 0;

  constructor(
    readonly ttlMs = 2000,
    private readonly maxUsers = 20_000,
  ) {}

  private generation(userId: string): number {
    return this.everything * 1e9 + (this.generations.get(userId) ?? 0);
  }

  peek<T>(userId: string, kind: string, now = Date.now()): T | undefined {
    const hit = this.entries.get(userId)?.get(kind);
    return hit && now - hit.at < this.ttlMs ? (hit.value as T) : undefined;
  }

  /** The cached value, or `load()`'s (stored unless the user changed while it loaded). */
  async get<T>(userId: string, kind: string, load: () => Promise<T>): Promise<T> {
    const hit = this.peek<T>(userId, kind);
    if (hit !== undefined) return hit;
    const gen = this.generation(userId);
    const at = Date.now();
    const value = await load();
    if (this.generation(userId) === gen) this.set(userId, kind, value, at);
    return value;
  }

  /**
   * Stores a value read at `at` (a Date.now()) provided that no invalidation of the user came after
   * `gen` (from `mark(userId)` taken before the read).
   */
  setIfUnchanged(userId: string, kind: string, value: unknown, gen: number, at = Date.now()): void {
    if (this.generation(userId) === gen) this.set(userId, kind, value, at);
  }

  mark(userId: string): number {
    return this.generation(userId);
  }

  private set(userId: string, kind: string, value: unknown, at: number): void {
    let m = this.entries.get(userId);
    if (!m) {
      if (this.entries.size >= this.maxUsers) this.entries.clear();
      m = new Map();
      this.entries.set(userId, m);
    }
    m.set(kind, { value, at });
  }

  /** A user's data changed (or, for '*', anyone's: the catalog). */
  invalidate(userId: string): void {
    if (userId === '*') return this.clear();
    this.entries.delete(userId);
    this.generations.set(userId, (this.generations.get(userId) ?? 0) + 1);
    if (this.generations.size > this.maxUsers * 4) {
      this.generations.clear();
      this.everything++;
    }
  }

  clear(): void {
    this.entries.clear();
    this.generations.clear();
    this.everything++;
  }
}
