import { describe, expect, it } from 'vitest';
import { DomainError, HttpError, isClientError, STATUS_OF, toHttpError, type DomainErrorKind } from './errors.js';

describe('the domain error mapper', () => {
  it('turns each kind of domain error into its HTTP status, with its message', () => {
    const expected: Record<DomainErrorKind, number> = {
      invalid: 422,
      forbidden: 403,
      'not-found': 404,
      gone: 410,
      conflict: 409,
      'not-ready': 409,
      'too-large': 413,
    };
    expect(STATUS_OF).toEqual(expected);
    for (const [kind, status] of Object.entries(expected)) {
      const answer = toHttpError(new DomainError(kind as DomainErrorKind, `a ${kind} problem`));
      expect(answer).toBeInstanceOf(HttpError);
      expect(answer).toMatchObject({ statusCode: status, message: `a ${kind} problem` });
    }
  });

  it('keeps an HttpError as thrown (status and headers), and maps nothing else', () => {
    const busy = new HttpError(503, 'offline', { 'retry-after': '60' });
    expect(toHttpError(busy)).toBe(busy);
    expect(toHttpError(new Error('a fault'))).toBeUndefined();
    expect(toHttpError('a string')).toBeUndefined();
  });

  it('tells answers meant for the client from faults', () => {
    expect(isClientError(new DomainError('gone', 'x'))).toBe(true);
    expect(isClientError(new HttpError(400, 'x'))).toBe(true);
    expect(isClientError(new TypeError('x'))).toBe(false);
  });
});
