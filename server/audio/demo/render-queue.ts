/**
 * The demo songs still to render, in the order listeners reach them, with a song someone just
 * tried to play moved to the front. The demand is process-local: the process that seeds the demo
 * renders it, and a listener on another process (WEB_CONCURRENCY > 1) waits for the planned order.
 */
export class RenderQueue<J extends { id: string }> {
  private readonly jobs: J[];

  constructor(jobs: readonly J[]) {
    this.jobs = [...jobs];
  }

  /** moves this song's job to the front; false when it is not waiting (rendering or done) */
  prefer(id: string): boolean {
    const i = this.jobs.findIndex((j) => j.id === id);
    if (i < 0) return false;
    if (i > 0) this.jobs.unshift(...this.jobs.splice(i, 1));
    return true;
  }

  next(): J | undefined {
    return this.jobs.shift();
  }

  get size(): number {
    return this.jobs.length;
  }
}

type Listener = (songId: string) => void;
const listeners = new Set<Listener>();

/** a listener asked for a song whose audio is not made yet */
export function audioWanted(songId: string): void {
  for (const l of listeners) l(songId);
}

/** calls `fn` with each wanted song until the returned function is called */
export function onAudioWanted(fn: Listener): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
