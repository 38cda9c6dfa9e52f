import { describe, expect, it } from 'vitest';
import { splitFieldErrors } from './form-errors';

const fields = ['username', 'password', 'email', 'code'] as const;

describe('splitFieldErrors', () => {
  it('puts "field: message" next to that field', () => {
    expect(splitFieldErrors('username: this username is already taken', fields)).toEqual({
      fields: { username: 'This username is already taken' },
      general: [],
    });
    expect(splitFieldErrors('code: this invitation code is not valid', fields).fields.code).toBe(
      'This invitation code is not valid',
    );
  });

  it('recognises schema messages that start with the field name', () => {
    const r = splitFieldErrors('password must be at least 10 characters; email: must be a valid email', fields);
    expect(r.fields).toEqual({ password: 'Password must be at least 10 characters', email: 'Must be a valid email' });
  });

  it('keeps messages about unknown fields or none as general errors', () => {
    expect(splitFieldErrors('Wrong username or password', fields)).toEqual({
      fields: {},
      general: ['Wrong username or password'],
    });
    expect(splitFieldErrors('token: expired', fields).general).toEqual(['Token: expired']);
  });
});
