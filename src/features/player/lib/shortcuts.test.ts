import { describe, expect, it } from 'vitest';
import { shortcutFor, type KeyTarget } from './shortcuts';

const press = (key: string, target: KeyTarget | null = { tagName: 'BODY' }, mods = {}) =>
  shortcutFor({ key, ctrlKey: false, metaKey: false, altKey: false, target, ...mods });

describe('keyboard shortcuts', () => {
  it('maps the documented keys', () => {
    expect(press(' ')).toBe('toggle');
    expect(press('ArrowLeft')).toBe('seekBack');
    expect(press('ArrowRight')).toBe('seekForward');
    expect(press('ArrowUp')).toBe('volumeUp');
    expect(press('m')).toBe('mute');
    expect(press('N')).toBe('next');
    expect(press('p')).toBe('previous');
    expect(press('?')).toBe('help');
    expect(press('x')).toBeNull();
  });

  it('never fires while typing in a field', () => {
    for (const target of [
      { tagName: 'INPUT', type: 'text' },
      { tagName: 'INPUT', type: 'search' },
      { tagName: 'INPUT', type: 'password' },
      { tagName: 'TEXTAREA' },
      { tagName: 'SELECT' },
      { tagName: 'DIV', isContentEditable: true },
    ]) {
      for (const key of [' ', 'm', 'n', 'p', '?', 'ArrowLeft']) expect(press(key, target)).toBeNull();
    }
  });

  it('leaves Space to buttons and links, and arrows to sliders', () => {
    expect(press(' ', { tagName: 'BUTTON' })).toBeNull();
    expect(press(' ', { tagName: 'A' })).toBeNull();
    expect(press('ArrowRight', { tagName: 'DIV', role: 'slider' })).toBeNull();
    expect(press('ArrowRight', { tagName: 'INPUT', type: 'range' })).toBeNull();
    expect(press('m', { tagName: 'BUTTON' })).toBe('mute');
  });

  it('ignores keys pressed with Ctrl, Cmd or Alt (browser shortcuts)', () => {
    expect(press('n', { tagName: 'BODY' }, { ctrlKey: true })).toBeNull();
    expect(press('p', { tagName: 'BODY' }, { metaKey: true })).toBeNull();
  });
});
