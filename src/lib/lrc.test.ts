import { describe, expect, it } from 'vitest';
import { currentLine, formatTag, isTimeTagged, parseLyrics } from './lrc';

describe('LRC lyrics', () => {
  it('reads time tags in their forms, in time order, with the words after them', () => {
    const l = parseLyrics(
      '[ar:Someone]\n[00:12.50]Second\n[00:01.00] First \n[01:02.345]Third\n[02:03]Fourth\n[2:04:50]Fifth',
    );
    expect(l).toEqual({
      kind: 'synced',
      lines: [
        { time: 1, text: 'First' },
        { time: 12.5, text: 'Second' },
        { time: 62.345, text: 'Third' },
        { time: 123, text: 'Fourth' },
        { time: 124.5, text: 'Fifth' },
      ],
    });
  });

  it('repeats a line that has several tags, and keeps empty lines as pauses', () => {
    const l = parseLyrics('[00:05.00][00:20.00]Chorus\n[00:10.00]\n[00:15.00]Verse');
    expect(l.kind === 'synced' && l.lines).toEqual([
      { time: 5, text: 'Chorus' },
      { time: 10, text: '' },
      { time: 15, text: 'Verse' },
      { time: 20, text: 'Chorus' },
    ]);
  });

  it('applies an [offset:] header in milliseconds (positive shows lines earlier), never before zero', () => {
    const l = parseLyrics('[offset:+500]\n[00:00.20]A\n[00:10.00]B');
    expect(l.kind === 'synced' && l.lines.map((x) => x.time)).toEqual([0, 9.5]);
    const later = parseLyrics('[offset:-250]\r\n[00:10.00]B');
    expect(later.kind === 'synced' && later.lines[0]!.time).toBe(10.25);
  });

  it('takes text without time tags as plain lyrics, and blank text as none', () => {
    expect(parseLyrics('Line one\nLine [two]\n\nVerse two\n')).toEqual({
      kind: 'plain',
      text: 'Line one\nLine [two]\n\nVerse two',
    });
    expect(parseLyrics('  \n ')).toEqual({ kind: 'none' });
    expect(parseLyrics(null)).toEqual({ kind: 'none' });
    // A time in the middle of a line is words, not a tag.
    expect(parseLyrics('at [00:12.00] we met').kind).toBe('plain');
    expect(isTimeTagged('[00:01.00]x')).toBe(true);
    expect(isTimeTagged('x')).toBe(false);
  });

  it('finds the line sung at a position: the last one started', () => {
    const lines = [1, 5, 5, 9].map((time, i) => ({ time, text: String(i) }));
    expect(currentLine(lines, 0)).toBe(-1);
    expect(currentLine(lines, 1)).toBe(0);
    expect(currentLine(lines, 4.99)).toBe(0);
    expect(currentLine(lines, 5)).toBe(2);
    expect(currentLine(lines, 100)).toBe(3);
    expect(currentLine([], 3)).toBe(-1);
  });

  it('formats a time as a tag', () => {
    expect(formatTag(62.345)).toBe('[01:02.35]');
    expect(formatTag(0)).toBe('[00:00.00]');
    expect(formatTag(599.999)).toBe('[10:00.00]');
  });
});
