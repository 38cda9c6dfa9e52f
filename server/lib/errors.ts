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
