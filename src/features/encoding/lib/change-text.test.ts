import { describe, expect, it } from 'vitest';
import { changeText } from './change-text';

describe('changeText', () => {
  it('names speed and tempo changes in percent and pitch shifts in semitones', () => {
    expect(changeText({ change: 'speed', value: 1.02 })).toBe('speed change of +2.0% (×1.020)');
    expect(changeText({ change: 'tempo', value: 0.9703 })).toBe('tempo change of -3.0% (×0.970)');
    expect(changeText({ change: 'pitch', value: 2 ** (-1 / 12) })).toBe('pitch shift of -1.00 semitones');
  });
});
