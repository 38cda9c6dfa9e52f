import { describe, expect, it } from 'vitest';
import { checkAudioFile, formatBytes } from './file-check';

describe('checkAudioFile', () => {
  it('accepts audio of an allowed type and size', () => {
    expect(checkAudioFile({ name: 'song.mp3', size: 4_000_000, type: 'audio/mpeg' })).toBeNull();
    expect(checkAudioFile({ name: 'take.WAV', size: 10, type: '' })).toBeNull();
  });
  it('refuses other types, empty and oversized files, saying why', () => {
    expect(checkAudioFile({ name: 'cover.png', size: 10, type: 'image/png' })).toMatch(/not an audio file/);
    expect(checkAudioFile({ name: 'notes', size: 10, type: '' })).toMatch(/not an audio file/);
    expect(checkAudioFile({ name: 'a.mp3', size: 0, type: 'audio/mpeg' })).toMatch(/empty/);
    expect(checkAudioFile({ name: 'a.wav', size: 300 * 1024 * 1024, type: 'audio/wav' })).toMatch(
      /300\.0 MB: the limit is 100\.0 MB/,
    );
  });
  it('formats sizes', () =>
    expect([formatBytes(500), formatBytes(2048), formatBytes(5 * 1024 * 1024)]).toEqual([
      '500 bytes',
      '2 kB',
      '5.0 MB',
    ]));
});
