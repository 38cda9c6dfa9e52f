import { describe, expect, it } from 'vitest';
import { parseMediaUrl, uploadIdOf } from './media-urls.js';

const ID = '0b6f2a52-5d0e-4a8c-9a4e-3f1f5c2d7e11';

describe('parseMediaUrl', () => {
  it('reads the kind, id, signed query and origin of this server’s media links', () => {
    expect(parseMediaUrl(`https://music.example/media/uploads/${ID}?u=a&e=9&s=sig`)).toEqual({
      kind: 'uploads',
      id: ID,
      query: { u: 'a', e: '9', s: 'sig' },
      origin: 'https://music.example',
    });
    expect(parseMediaUrl(new URL(`http://127.0.0.1:8080/media/download/${ID}?i=1`))).toMatchObject({
      kind: 'download',
      id: ID,
      query: { i: '1' },
    });
    expect(parseMediaUrl(`https://m.example/media/stream/${ID}`)?.kind).toBe('stream');
  });

  it('answers undefined for every other URL', () => {
    for (const url of [
      'not a url',
      `https://m.example/media/artwork/${ID}`,
      `https://m.example/media/uploads/${ID}/more`,
      `https://m.example/x/media/uploads/${ID}`,
      'https://m.example/media/uploads/short',
      `https://m.example/media/uploads/${ID.toUpperCase()}`,
    ]) {
      expect(parseMediaUrl(url), url).toBeUndefined();
    }
  });

  it('gives the upload of an uploads link (a uuid) and null otherwise', () => {
    expect(uploadIdOf(`https://m.example/media/uploads/${ID}?s=1`)).toBe(ID);
    expect(uploadIdOf(`https://m.example/media/download/${ID}`)).toBeNull();
    expect(uploadIdOf(`https://m.example/media/uploads/${'-'.repeat(36)}`)).toBeNull();
    expect(uploadIdOf('https://elsewhere.example/song.mp3')).toBeNull();
  });
});
