import { describe, expect, it } from 'vitest';
import { nameProblem, uniqueName } from './names';

const list = [{ name: 'Road trip' }, { name: 'Focus' }];

describe('playlist names', () => {
  it('refuses names the server or a page address could not keep', () => {
    expect(nameProblem(list, 'Focus')).toMatch(/already have/);
    expect(nameProblem(list, 'Focus', 'Focus')).toBeNull();
    expect(nameProblem(list, ' x')).toMatch(/spaces/);
    expect(nameProblem(list, 'a\tb')).toMatch(/control/);
    expect(nameProblem(list, '__proto__')).toMatch(/reserved/);
    expect(nameProblem(list, 'x'.repeat(101))).toMatch(/100/);
    expect(nameProblem(list, 'Night drive')).toBeNull();
  });
  it('finds the first free name for a copy', () => {
    expect(uniqueName(list, 'Focus')).toBe('Focus (2)');
    expect(uniqueName([...list, { name: 'Focus (2)' }], 'Focus')).toBe('Focus (3)');
    expect(uniqueName(list, 'New')).toBe('New');
  });
});
