import { describe, expect, it } from 'vitest';
import { albumPrefill, nameFromFile, trackPrefill } from './prefill';

describe('release prefill from tags', () => {
  it('names a track from its title tag, else from its file name without the number', () => {
    expect(trackPrefill('01 - x.mp3', { title: ' Headlights ', artist: 'Nova', trackNumber: 4 }, 0)).toEqual({
      name: 'Headlights',
      trackNumber: 4,
      performers: 'Nova',
    });
    expect(trackPrefill('03 - Night_Drive.flac', {}, 2)).toEqual({ name: 'Night Drive', trackNumber: 3 });
    expect(nameFromFile('.mp3')).toBe('Untitled');
  });

  it('takes the album name and year from the first file that has them', () => {
    expect(albumPrefill([{ title: 'a' }, { album: 'Neon', year: 2024 }])).toEqual({
      name: 'Neon',
      releaseDate: '2024-01-01T00:00:00.000Z',
      isSingle: false,
    });
    expect(albumPrefill([{ year: 99 }])).toEqual({ name: undefined, releaseDate: undefined, isSingle: true });
  });
});
