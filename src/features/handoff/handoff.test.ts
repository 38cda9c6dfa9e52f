import { describe, expect, it } from 'vitest';
import { deviceName } from './device';
import { offerPosition, type Offer } from './store';

const offer = (playing: boolean): Offer => ({
  receivedAt: 1000,
  state: {
    deviceId: 'laptop-0001',
    deviceName: 'Firefox on Windows',
    entries: [
      {
        id: 's1',
        name: 'Song',
        artist: 'A',
        artistProfileId: null,
        albumId: 'al',
        albumName: null,
        durationSec: 30,
        artworkUrl: null,
        access: { kind: 'free', label: 'Free' },
      },
    ],
    current: 0,
    positionSec: 10,
    playing,
    settings: { shuffle: false, repeat: 'off', volume: 1, muted: false },
    updatedAt: new Date(0).toISOString(),
    revision: 1,
  },
});

describe('handoff', () => {
  it('moves a playing offer on with the clock from when it was read, up to the song’s end', () => {
    expect(offerPosition(offer(true), 1000)).toBe(10);
    expect(offerPosition(offer(true), 3500)).toBe(12.5);
    expect(offerPosition(offer(true), 900)).toBe(10);
    expect(offerPosition(offer(true), 1_000_000)).toBe(30);
    expect(offerPosition(offer(false), 9000)).toBe(10);
  });

  it('names a device by browser and system only', () => {
    const chrome =
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36';
    expect(deviceName(chrome)).toBe('Chrome on Linux');
    expect(deviceName('Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0')).toBe(
      'Firefox on Windows',
    );
    expect(
      deviceName(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
      ),
    ).toBe('Safari on iOS');
    expect(deviceName('curl/8')).toBe('A browser');
  });
});
