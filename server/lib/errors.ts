/** An error with an HTTP status and a message meant for the client. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const forbidden = (message = 'The credentials are wrong or missing') => new HttpError(403, message);
export const notFound = (what: string) => new HttpError(404, `${what} not found`);
export const gone = (what: string) => new HttpError(410, `${what} has been removed`);
export const unprocessable = (message: string) => new HttpError(422, message);
export const badRequest = (message: string) => new HttpError(400, message);

/** What went wrong, in the domain's terms: repositories throw these, and know nothing of HTTP. */
export type DomainErrorKind = 'invalid' | 'forbidden' | 'not-found' | 'gone' | 'conflict' | 'not-ready' | 'too-large';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** The one mapping from domain errors to HTTP statuses (a state that does not allow it is a 409). */
export const STATUS_OF: Record<DomainErrorKind, number> = {
  invalid: 422,
  forbidden: 403,
  'not-found': 404,
  gone: 410,
  conflict: 409,
  'not-ready': 409,
  'too-large': 413,
};

/** The HTTP answer an error stands for: ours as thrown, a domain error by its kind; else undefined (a 500). */
export function toHttpError(err: unknown): HttpError | undefined {
  if (err instanceof HttpError) return err;
  if (err instanceof DomainError) return new HttpError(STATUS_OF[err.kind], err.message);
  return undefined;
}

/** Is this an answer meant for the client (ours or the domain's), rather than a fault? */
export const isClientError = (err: unknown): err is HttpError | DomainError =>
  err instanceof HttpError || err instanceof DomainError;
