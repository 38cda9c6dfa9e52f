import { describe, expect, it } from 'vitest';
import { registerBodySchema } from '@contract/account';
import { checkWith, safeNext } from './client-checks';

describe('client checks', () => {
  it('reports each field once, in the server words', () => {
    const r = checkWith(registerBodySchema, { username: 'a', password: 'short', email: 'nope', code: '' });
    expect(Object.keys(r ?? {}).sort()).toEqual(['code', 'email', 'password', 'username']);
    expect(r?.password).toBe('Password must be at least 10 characters');
  });
  it('passes good input', () => {
    expect(
      checkWith(registerBodySchema, { username: 'leroy', password: 'a-long-password', email: 'l@e.com', code: 'X' }),
    ).toBeNull();
  });
  it('never redirects off-site after login', () => {
    expect(safeNext('/credits')).toBe('/credits');
    expect(safeNext('//evil.example')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });
});
