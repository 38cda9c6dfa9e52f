/**
 * Gathers what many requests ask during one turn of the event loop into one load (one statement,
 * one round trip to the database for all of them). At most `maxInFlight` loads run at once; what is
 * asked meanwhile waits for the next one, so under load batches grow instead of round trips
 * queueing. Each question is answered by a load that starts after it was asked: a batched answer
 * is as fresh as a statement of its own, never a cached one.
 */
export class Batcher<K, V> {
  private waiting: { key: K; resolve: (v: V) => void; reject: (err: unknown) => void }[] = [];
  private inFlight = 0;
  private scheduled = false;

  /** `load` answers one value per key, in the keys' order. */
  constructor(
    private readonly load: (keys: K[]) => Promise<V[]>,
    private readonly maxInFlight = 2,
    private readonly maxBatch = 500,
  ) {}

  get(key: K): Promise<V> {
    return new Promise<V>((resolve, reject) => {
      this.waiting.push({ key, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.maxInFlight || this.waiting.length === 0) return;
    this.scheduled = true;
    // After the requests read in this turn have asked (setImmediate runs after the poll phase).
    setImmediate(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    if (this.inFlight >= this.maxInFlight) return;
    const batch = this.waiting.splice(0, this.maxBatch);
    if (batch.length === 0) return;
    this.inFlight++;
    this.load(batch.map((b) => b.key))
      .then(
        (values) => batch.forEach((b, i) => b.resolve(values[i]!)),
        (err: unknown) => batch.forEach((b) => b.reject(err)),
      )
      .finally(() => {
        this.inFlight--;
        this.schedule();
      });
    this.schedule();
  }
}
