/**
 * A song played from memory through Howler's Web Audio context (and its master volume): fetched
 * whole, decoded, with the MP3 encoder's delay and padding cut (lib/lame-header.ts). Unlike an
 * HTML5 element it can start on an exact sample of the context's clock, so the next song begins
 * on the sample after the current one ends (gapless), or overlaps it by a crossfade. It answers
 * the engine the way a Howl does (events, seek, play, pause), so the engine treats both alike.
 */
import { Howler } from 'howler';
import { musicSpan, parseMp3Gapless } from './lib/lame-header';

type Handler = (id: number, code?: unknown) => void;
export type SoundEvent = 'load' | 'loaderror' | 'play' | 'playerror' | 'pause' | 'end';

/** What the engine asks of a song's audio, a Howl (streamed) or a BufferSound (from memory). */
export interface Sound {
  on(event: SoundEvent, fn: Handler): unknown;
  once(event: SoundEvent, fn: Handler): unknown;
  off(): unknown;
  play(): unknown;
  pause(): unknown;
  playing(): boolean;
  seek(): number | unknown;
  seek(to: number): unknown;
  duration(): number;
  unload(): unknown;
}

/** Media error codes, as an element would give them (recovery reads them). */
const NETWORK_ERROR = 2;
const DECODE_ERROR = 4;

export function audioContext(): AudioContext {
  // Howler makes its context on first use of the global volume; it must not suspend it while
  // songs play outside Howls
  if (!Howler.ctx) Howler.volume(Howler.volume());
  Howler.autoSuspend = false;
  return Howler.ctx;
}

export class BufferSound implements Sound {
  private handlers: { event: SoundEvent; fn: Handler; once: boolean }[] = [];
  private buffer: AudioBuffer | null = null;
  private span = { start: 0, duration: 0 };
  private source: AudioBufferSourceNode | null = null;
  private state: 'loading' | 'ready' | 'playing' | 'paused' | 'failed' | 'unloaded' = 'loading';
  private wantPlay = false;
  /** the context's time at which position 0 plays (while playing) */
  private zeroAt = 0;
  /** the position while not playing */
  private offset = 0;
  private readonly abort = new AbortController();
  private readonly ctx = audioContext();
  /** this song's own gain (loudness, crossfade), before Howler's master volume */
  readonly gain: GainNode;
  /** decoded (the whole song is there: the seek bar's buffered range is all of it) */
  loaded = false;

  constructor(readonly url: string) {
    this.gain = this.ctx.createGain();
    this.gain.connect(Howler.masterGain);
    void this.load();
  }

  private async load(): Promise<void> {
    let bytes: ArrayBuffer;
    try {
      const res = await fetch(this.url, { signal: this.abort.signal });
      if (!res.ok) return this.fail(NETWORK_ERROR);
      bytes = await res.arrayBuffer();
    } catch {
      return this.fail(NETWORK_ERROR);
    }
    if (this.gone()) return;
    const info = parseMp3Gapless(new Uint8Array(bytes, 0, Math.min(bytes.byteLength, 16384)));
    try {
      this.buffer = await this.ctx.decodeAudioData(bytes);
    } catch {
      return this.fail(DECODE_ERROR);
    }
    if (this.gone()) return;
    this.span = info ? musicSpan(info, this.buffer.duration) : { start: 0, duration: this.buffer.duration };
    this.loaded = true;
    this.state = 'ready';
    this.emit('load');
    if (this.wantPlay) this.play();
  }

  private gone(): boolean {
    return this.state === 'unloaded';
  }

  private fail(code: number): void {
    if (this.gone()) return;
    this.state = 'failed';
    this.emit('loaderror', code);
  }

  private emit(event: SoundEvent, code?: unknown): void {
    for (const h of [...this.handlers]) {
      if (h.event !== event) continue;
      if (h.once) this.handlers = this.handlers.filter((x) => x !== h);
      h.fn(1, code);
    }
  }

  on(event: SoundEvent, fn: Handler): this {
    this.handlers.push({ event, fn, once: false });
    return this;
  }
  once(event: SoundEvent, fn: Handler): this {
    this.handlers.push({ event, fn, once: true });
    return this;
  }
  off(): this {
    this.handlers = [];
    return this;
  }

  duration(): number {
    return this.span.duration;
  }

  playing(): boolean {
    return this.state === 'playing';
  }

  /** Whether it waits to start at a set time (scheduled to follow the song before it). */
  scheduled(): boolean {
    return this.state === 'playing' && this.zeroAt > this.ctx.currentTime;
  }

  /** The context time at which the song ends, while it plays. */
  endsAt(): number {
    return this.zeroAt + this.span.duration;
  }

  seek(): number;
  seek(to: number): this;
  seek(to?: number): number | this {
    if (to === undefined) {
      if (this.state !== 'playing') return this.offset;
      return Math.max(0, Math.min(this.span.duration, this.ctx.currentTime - this.zeroAt));
    }
    const at = Math.max(0, Math.min(to, this.span.duration));
    if (this.state === 'playing') this.startAt(this.ctx.currentTime, at);
    else this.offset = at;
    return this;
  }

  /** Plays from the current position now; on a song already playing (or scheduled), says so again. */
  play(): this {
    if (this.state === 'unloaded' || this.state === 'failed') return this;
    if (this.state === 'loading') {
      this.wantPlay = true;
      return this;
    }
    if (this.state !== 'playing') {
      void this.ctx.resume();
      this.startAt(this.ctx.currentTime, this.offset);
    }
    queueMicrotask(() => this.state === 'playing' && this.emit('play'));
    return this;
  }

  /** Starts from the beginning at the context time `when` (the end of the song before), silently. */
  playAt(when: number): boolean {
    if (this.state !== 'ready' && this.state !== 'paused') return false;
    this.startAt(when, 0);
    return true;
  }

  private startAt(when: number, at: number): void {
    this.stopSource();
    const src = this.ctx.createBufferSource();
    src.buffer = this.buffer;
    src.connect(this.gain);
    const start = Math.max(when, this.ctx.currentTime);
    const from = at + (start - when);
    src.start(start, this.span.start + from, Math.max(0, this.span.duration - from));
    src.onended = () => {
      if (this.source !== src) return;
      this.source = null;
      this.state = 'ready';
      this.offset = 0;
      this.emit('end');
    };
    this.source = src;
    this.zeroAt = when - at;
    this.state = 'playing';
  }

  private stopSource(): void {
    const src = this.source;
    this.source = null;
    if (!src) return;
    src.onended = null;
    try {
      src.stop();
    } catch {
      // never started
    }
    src.disconnect();
  }

  pause(): this {
    this.wantPlay = false;
    if (this.state !== 'playing') return this;
    const wasScheduled = this.scheduled();
    this.offset = wasScheduled ? 0 : (this.seek() as number);
    this.stopSource();
    this.state = 'paused';
    if (!wasScheduled) this.emit('pause');
    return this;
  }

  unload(): this {
    this.stopSource();
    this.abort.abort();
    this.state = 'unloaded';
    this.buffer = null;
    this.gain.disconnect();
    this.handlers = [];
    return this;
  }
}
