/**
 * The engine's promises about money, with Howler and the network replaced (jsdom has no audio):
 * one authorization per song while its grant lasts, whatever the listener does, and the refusal
 * said in words. The real audio and server are covered by e2e/player*.spec.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StreamAuth } from '@contract/listener';
import { ApiError } from '@/lib/api-error';
import type { QueueItem } from './lib/queue-item';

type Handler = (...args: unknown[]) => void;
class FakeHowl {
  static all: FakeHowl[] = [];
  src: string;
  handlers = new Map<string, Handler[]>();
  position = 0;
  isPlaying = false;
  unloaded = false;
  constructor(o: { src: string[] }) {
    this.src = o.src[0]!;
    FakeHowl.all.push(this);
  }
  on(e: string, fn: Handler) {
    this.handlers.set(e, [...(this.handlers.get(e) ?? []), fn]);
    return this;
  }
  once(e: string, fn: Handler) {
    return this.on(e, fn);
  }
  off() {
    this.handlers.clear();
    return this;
  }
  emit(e: string, ...args: unknown[]) {
    for (const fn of this.handlers.get(e) ?? []) fn(...args);
  }
  play() {
    this.isPlaying = true;
    queueMicrotask(() => this.emit('play'));
    return 1;
  }
  pause() {
    this.isPlaying = false;
    this.emit('pause');
    return this;
  }
  seek(t?: number) {
    if (t === undefined) return this.position;
    this.position = t;
    return this;
  }
  playing() {
    return this.isPlaying;
  }
  duration() {
    return 30;
  }
  volume() {
    return this;
  }
  unload() {
    this.unloaded = true;
  }
}

const authorizeStream = vi.fn<(auth: unknown, songId: string) => Promise<StreamAuth>>();
vi.mock('howler', () => ({ Howl: FakeHowl, Howler: { volume: () => {}, mute: () => {} } }));
vi.mock('./api/stream', () => ({ authorizeStream: (a: unknown, id: string) => authorizeStream(a, id) }));

const { playerActions, configurePlayer } = await import('./commands');
const { actions: store } = await import('./store');
const { onPlaybackEvent } = await import('./playback-events');
const { soundSettings } = await import('./sound-settings');

const item = (id: string): QueueItem => ({
  id,
  name: `Song ${id}`,
  artist: 'Artist',
  artistProfileId: null,
  albumId: 'album',
  albumName: 'Album',
  // long enough to stream through (fake) Howls: songs from memory need Web Audio, which jsdom lacks
  durationSec: 1200,
  artworkUrl: null,
  access: { kind: 'credits', label: '2 credits' },
});
const granted = (songId: string, chargedSat: number): StreamAuth => ({
  authorized: true,
  balanceFloat: 10,
  balanceSat: 1_000_000_000,
  authType: 'credits',
  token: null,
  streamUrl: `http://127.0.0.1/media/stream/${songId}?u=u&e=${Math.floor(Date.now() / 1000) + 1800}&s=x`,
  expiresAt: new Date(Date.now() + 6 * 3600_000).toISOString(),
  chargedSat,
  reason: null,
  requiredTokens: [],
});
const settle = () => new Promise((r) => setTimeout(r, 0));
const current = () => FakeHowl.all.filter((h) => !h.unloaded).at(-1)!;
const calls = (id: string) => authorizeStream.mock.calls.filter((c) => c[1] === id).length;

beforeEach(() => {
  FakeHowl.all = [];
  authorizeStream.mockReset();
  authorizeStream.mockImplementation(async (_a, id) => granted(id, 200_000_000));
  configurePlayer({ getAuth: () => ({ apiToken: 't', apiSecretKey: 'k' }), onAuthorized: () => {} });
  playerActions.reset();
});
afterEach(() => vi.useRealTimers());

describe('player engine', () => {
  it('authorizes once: pause, resume, seek and replay reuse the grant', async () => {
    await playerActions.playSongs([item('a'), item('b')], 0);
    await settle();
    expect(store.get().status).toBe('playing');
    expect(current().src).toContain('/media/stream/a');
    await playerActions.pause();
    await playerActions.play();
    await playerActions.seek(12);
    expect(current().position).toBe(12);
    await playerActions.previous(); // past 3 s: back to the start of the same song
    await playerActions.next();
    await playerActions.previous(); // at the start of b: back to a, a replay
    await settle();
    expect(calls('a')).toBe(1);
    expect(calls('b')).toBe(1);
    // the replay of a was not a new paid authorization: the last charge is still b's
    expect(store.get().lastCharge).toMatchObject({ songId: 'b', chargedFloat: 2 });
  });

  it('a preload and a click on Next at the same time ask for the next song once', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let release!: () => void;
    await playerActions.playSongs([item('a'), item('b')], 0);
    await settle();
    authorizeStream.mockImplementation(
      (_a, id) => new Promise((resolve) => (release = () => resolve(granted(id, 100_000_000)))),
    );
    await new Promise((r) => setTimeout(r, 1100)); // not a rapid skip: Next asks at once
    current().position = 27; // within the (paid) preload lead of the end
    vi.advanceTimersByTime(250); // the tick starts the preload of b
    const next = playerActions.next();
    await settle();
    release();
    await next;
    await settle();
    expect(calls('b')).toBe(1);
    expect(store.get().queue.entries[store.get().queue.current]!.item.id).toBe('b');
    expect(store.get().status).toBe('playing');
  });

  it('buys a paid next song only in the last seconds, and loads a token-unlocked one earlier', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const free = { ...item('c'), access: { kind: 'token' as const, label: 'Free with TOK' } };
    await playerActions.playSongs([item('a'), item('b'), free], 0);
    await settle();
    current().position = 20; // 10 s before the end: too early to pay for b
    vi.advanceTimersByTime(250);
    await settle();
    expect(calls('b')).toBe(0);
    current().position = 27; // 3 s before the end: b is bought and loaded
    vi.advanceTimersByTime(250);
    await settle();
    expect(calls('b')).toBe(1);

    await playerActions.next();
    await settle();
    current().position = 20; // the next song (c) costs nothing: it loads 10 s ahead
    vi.advanceTimersByTime(250);
    await settle();
    expect(calls('c')).toBe(1);
  });

  it('a crossfade asks for a paid next song that much earlier, but not within an album played in order', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    soundSettings.set({ crossfadeSec: 6 });
    try {
      const tick = async (position: number) => {
        current().position = position;
        vi.advanceTimersByTime(250);
        await settle();
      };
      await playerActions.playSongs(
        [item('a'), { ...item('b'), albumId: 'other' }, { ...item('c'), albumId: 'other' }],
        0,
      );
      await settle();
      await tick(19); // 11 s before the end: the fade starts 6 s before it, so too early to pay for b
      expect(calls('b')).toBe(0);
      await tick(22); // 8 s before the end: 4 s before the fade starts, b is bought and loaded
      expect(calls('b')).toBe(1);
      await playerActions.next();
      await settle();
      await tick(24); // b to c is the same album in order: no fade, so the usual 4 s lead
      expect(calls('c')).toBe(0);
      await tick(27);
      expect(calls('c')).toBe(1);
    } finally {
      soundSettings.set({ crossfadeSec: 0 });
    }
  });

  it('says why a refused song does not play, and loads no audio', async () => {
    authorizeStream.mockImplementation(async () => ({
      ...granted('x', 0),
      authorized: false,
      streamUrl: null,
      expiresAt: null,
      authType: null,
      balanceFloat: 0.5,
      reason: 'Not enough credits: "Song a" costs 2 and your balance is 0.5',
      requiredTokens: ['TOKA'],
    }));
    await playerActions.playSongs([item('a')], 0);
    expect(store.get().status).toBe('refused');
    expect(store.get().message).toMatchObject({ kind: 'refused', balanceFloat: 0.5 });
    expect(FakeHowl.all).toHaveLength(0);
  });

  it('a song still being prepared waits as the server says, then plays without a click', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    authorizeStream.mockRejectedValueOnce(new ApiError(503, 'The audio of this song is still being prepared.', 5));
    const started = playerActions.playSongs([item('a')], 0);
    await vi.advanceTimersByTimeAsync(400); // past a rapid start's settling pause, if there is one
    await started;
    expect(store.get().status).toBe('loading');
    expect(store.get().message).toEqual({
      kind: 'info',
      text: 'The audio of this song is still being prepared. Trying again in 5 s…',
    });
    expect(FakeHowl.all).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(4500);
    expect(calls('a')).toBe(1);
    await vi.advanceTimersByTimeAsync(600);
    expect(calls('a')).toBe(2);
    expect(current().src).toContain('/media/stream/a');
  });

  it('a wait for a song being prepared ends when the listener plays another one', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    authorizeStream.mockRejectedValueOnce(new ApiError(503, 'The audio of this song is still being prepared.', 5));
    const started = playerActions.playSongs([item('a'), item('b')], 0);
    await vi.advanceTimersByTimeAsync(400);
    await started;
    const skipped = playerActions.next();
    await vi.advanceTimersByTimeAsync(6000);
    await skipped;
    expect(calls('a')).toBe(1);
    expect(current().src).toContain('/media/stream/b');
  });

  it('restores paused, and starts at the saved position only when asked', async () => {
    store.setQueue({ ...store.get().queue });
    playerActions.enqueue([item('a')]);
    await playerActions.seek(17);
    expect(FakeHowl.all).toHaveLength(0);
    expect(authorizeStream).not.toHaveBeenCalled();
    await playerActions.play();
    await settle();
    expect(current().position).toBe(17);
    expect(calls('a')).toBe(1);
  });

  it('skipping quickly through paid songs buys only the one the listener stops on', async () => {
    await playerActions.playSongs([item('a'), item('b'), item('c'), item('d')], 0);
    await settle();
    const skips = [playerActions.next(), playerActions.next(), playerActions.next()];
    await Promise.all(skips);
    await settle();
    expect(calls('b')).toBe(0);
    expect(calls('c')).toBe(0);
    expect(calls('d')).toBe(1);
    expect(store.get().status).toBe('playing');
  });

  it('asks once for a next song that is refused, not on every tick before the end', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    await playerActions.playSongs([item('a'), item('b')], 0);
    await settle();
    authorizeStream.mockImplementation(async () => ({
      ...granted('b', 0),
      authorized: false,
      streamUrl: null,
      expiresAt: null,
      reason: 'Not enough credits',
    }));
    current().position = 27; // within the paid preload lead
    for (let i = 0; i < 20; i++) {
      vi.advanceTimersByTime(250);
      await settle();
    }
    expect(calls('b')).toBe(1);
  });

  it('Pause while the song is still being authorized cancels it, and Play starts it then', async () => {
    await new Promise((r) => setTimeout(r, 1100)); // not right after the previous test's start
    let release!: () => void;
    authorizeStream.mockImplementation(
      (_a, id) => new Promise((resolve) => (release = () => resolve(granted(id, 100_000_000)))),
    );
    const playing = playerActions.playSongs([item('a')], 0);
    await settle();
    expect(store.get().status).toBe('loading');
    await playerActions.toggle();
    expect(store.get().status).toBe('paused');
    release();
    await playing;
    await settle();
    expect(FakeHowl.all).toHaveLength(0); // the late answer did not start the audio
    await playerActions.toggle();
    await settle();
    expect(store.get().status).toBe('playing');
    expect(calls('a')).toBe(1); // the grant of the late answer was kept, not bought again
  });

  it('tells subscribers what plays: started, paused, skipped and ended, with the song and position', async () => {
    await new Promise((r) => setTimeout(r, 1100)); // not a rapid skip
    const seen: string[] = [];
    const off = onPlaybackEvent((e) => {
      if (e.type !== 'progress') seen.push(`${e.type} ${e.songId} ${e.position}`);
    });
    await playerActions.playSongs([item('a'), item('b')], 0);
    await settle();
    current().position = 8;
    await playerActions.pause();
    await playerActions.play();
    await settle();
    current().position = 9;
    await new Promise((r) => setTimeout(r, 1100));
    await playerActions.next();
    await settle();
    current().position = 30;
    current().emit('end');
    await settle();
    off();
    expect(seen).toEqual(['started a 0', 'paused a 8', 'started a 8', 'skipped a 9', 'started b 0', 'ended b 30']);
  });

  it('Shuffle on a list: shuffle turned on, then the list plays from its start row in a shuffled order', async () => {
    const ten = Array.from({ length: 10 }, (_, i) => item(`s${i}`));
    playerActions.toggleShuffle();
    await playerActions.playSongs(ten, 3);
    const order = store.get().queue.entries.map((e) => e.item.id);
    expect(order[0]).toBe('s3');
    expect([...order].sort()).toEqual(ten.map((t) => t.id).sort());
    expect(order).not.toEqual(['s3', ...ten.map((t) => t.id).filter((id) => id !== 's3')]); // 1 in 9! to fail by chance
    playerActions.toggleShuffle();
  });
});
