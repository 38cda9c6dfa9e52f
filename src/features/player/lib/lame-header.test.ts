import { describe, expect, it } from 'vitest';
import { DECODER_DELAY, musicSpan, parseMp3Gapless } from './lame-header';

/** A first frame as LAME writes it: MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, joint stereo, with an Info tag. */
function infoFrame(opts: { frames: number; delay: number; padding: number; id?: string; encoder?: string }) {
  const b = new Uint8Array(417);
  b.set([0xff, 0xfb, 0x90, 0x44]);
  const o = 4 + 32;
  const put = (s: string, at: number) => [...s].forEach((c, i) => (b[at + i] = c.charCodeAt(0)));
  put(opts.id ?? 'Info', o);
  b[o + 7] = 0x0f; // frames, bytes, TOC, quality
  new DataView(b.buffer).setUint32(o + 8, opts.frames);
  const lame = o + 120;
  put(opts.encoder ?? 'LAME3.100', lame);
  b[lame + 21] = opts.delay >> 4;
  b[lame + 22] = ((opts.delay & 0x0f) << 4) | (opts.padding >> 8);
  b[lame + 23] = opts.padding & 0xff;
  return b;
}

describe('parseMp3Gapless', () => {
  it('reads the frame count, encoder delay and padding of a LAME Info tag', () => {
    expect(parseMp3Gapless(infoFrame({ frames: 116, delay: 576, padding: 756 }))).toEqual({
      sampleRate: 44100,
      samplesPerFrame: 1152,
      frames: 116,
      delay: 576,
      padding: 756,
    });
  });

  it('reads a Xing (VBR) tag, and 12-bit values to their limit', () => {
    const info = parseMp3Gapless(infoFrame({ frames: 9000, delay: 4095, padding: 1, id: 'Xing' }));
    expect(info).toMatchObject({ frames: 9000, delay: 4095, padding: 1 });
  });

  it('finds the frame after an ID3v2 tag', () => {
    const frame = infoFrame({ frames: 10, delay: 576, padding: 100 });
    const id3 = new Uint8Array([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 20, ...new Array(20).fill(0)]);
    const file = new Uint8Array(id3.length + frame.length);
    file.set(id3);
    file.set(frame, id3.length);
    expect(parseMp3Gapless(file)).toMatchObject({ frames: 10, delay: 576, padding: 100 });
  });

  it('gives no delay for an encoder without the LAME extension, and null without a tag', () => {
    expect(parseMp3Gapless(infoFrame({ frames: 5, delay: 576, padding: 9, encoder: 'XXXX' }))).toMatchObject({
      frames: 5,
      delay: 0,
      padding: 0,
    });
    const plain = infoFrame({ frames: 5, delay: 576, padding: 9 });
    plain.set([0, 0, 0, 0], 36);
    expect(parseMp3Gapless(plain)).toBeNull();
    expect(parseMp3Gapless(new Uint8Array([1, 2, 3]))).toBeNull();
  });
});

describe('musicSpan', () => {
  const info = { sampleRate: 44100, samplesPerFrame: 1152, frames: 116, delay: 576, padding: 756 };
  const music = (116 * 1152 - 576 - 756) / 44100;

  it('cuts the encoder and decoder delay and the padding from a decoder that kept them', () => {
    const span = musicSpan(info, (116 * 1152) / 44100);
    expect(span.start * 44100).toBeCloseTo(576 + DECODER_DELAY, 6);
    expect(span.duration).toBeCloseTo(music, 9);
  });

  it('leaves audio that the decoder already cut as it is', () => {
    expect(musicSpan(info, music)).toEqual({ start: 0, duration: music });
  });
});
