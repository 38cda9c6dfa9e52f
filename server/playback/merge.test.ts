import { describe, expect, it } from 'vitest';
import type { QueueItem } from '@contract/playback.js';
import { mergeSave, positionAt, toAnswer, type ParsedSave, type StoredPlayback } from './merge.js';

const item = (id: string, durationSec = 100): QueueItem => ({
  id,
  name: `Song ${id}`,
  artist: 'A',
  artistProfileId: null,
  albumId: 'al',
  albumName: null,
  durationSec,
  artworkUrl: null,
  access: { kind: 'free', label: 'Free' },
});
const settings = { shuffle: false, repeat: 'off' as const, volume: 0.8, muted: false };
const save = (over: Partial<ParsedSave> = {}): ParsedSave => ({
  deviceId: 'device-a1',
  deviceName: 'A',
  entries: [item('s1'), item('s2')],
  current: 0,
  positionSec: 10,
  playing: true,
  settings,
  takeOver: false,
  ...over,
});

describe('playback state merge', () => {
  it('keeps the first save, with revision 1, and the saving device is active', () => {
    const { next, active } = mergeSave(null, save(), 1000);
    expect(active).toBe(true);
    expect(next).toMatchObject({ deviceId: 'device-a1', current: 0, positionSec: 10, playing: true, revision: 1 });
    expect(next?.updatedAtMs).toBe(1000);
  });

  it('replaces the state with the active device’s next save', () => {
    const first = mergeSave(null, save(), 1000).next!;
    const { next, active } = mergeSave(first, save({ positionSec: 12, current: 1 }), 3000);
    expect(active).toBe(true);
    expect(next).toMatchObject({ current: 1, positionSec: 12, revision: 2, updatedAtMs: 3000 });
  });

  it('refuses another device’s save unless it takes over, and then the first one is no longer active', () => {
    const first = mergeSave(null, save(), 1000).next!;
    const stale = mergeSave(first, save({ deviceId: 'device-b2', positionSec: 0 }), 2000);
    expect(stale).toEqual({ next: null, active: false });
    const taken = mergeSave(first, save({ deviceId: 'device-b2', positionSec: 11, takeOver: true }), 2000);
    expect(taken.active).toBe(true);
    expect(taken.next).toMatchObject({ deviceId: 'device-b2', positionSec: 11, revision: 2 });
    // The first device is still ticking: its saves are refused from now on.
    expect(mergeSave(taken.next, save({ positionSec: 13 }), 3000)).toEqual({ next: null, active: false });
  });

  it('repairs a current index that points nowhere, and an empty queue plays nothing', () => {
    expect(mergeSave(null, save({ current: 7 }), 0).next?.current).toBe(1);
    const empty = mergeSave(null, save({ entries: [], current: 0, positionSec: 30 }), 0).next!;
    expect(empty).toMatchObject({ current: -1, positionSec: 0, playing: false });
  });

  it('moves a playing position on with the clock, up to the song’s end; a paused one stays', () => {
    const playing: StoredPlayback = mergeSave(null, save({ positionSec: 10 }), 1000).next!;
    expect(positionAt(playing, 1000)).toBe(10);
    expect(positionAt(playing, 3500)).toBe(12.5);
    expect(positionAt(playing, 500)).toBe(10);
    expect(positionAt(playing, 1000 + 500_000)).toBe(100);
    const paused = mergeSave(null, save({ positionSec: 10, playing: false }), 1000).next!;
    expect(positionAt(paused, 9000)).toBe(10);
    expect(toAnswer(playing, 2234)).toMatchObject({
      positionSec: 11.234,
      updatedAt: new Date(1000).toISOString(),
      revision: 1,
    });
  });
});
