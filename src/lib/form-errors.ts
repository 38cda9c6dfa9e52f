import { ApiError } from './api-error';

/**
 * Splits a server message into per-field errors. The server names the field first, either as
 * "username: this username is already taken" or, for schema checks, "password must be at least 10
 * characters"; several problems are joined with "; ". What names no known field stays general.
 */
export interface SplitErrors<F extends string> {
  fields: Partial<Record<F, string>>;
  general: string[];
}

export function splitFieldErrors<F extends string>(message: string, fields: readonly F[]): SplitErrors<F> {
  const out: SplitErrors<F> = { fields: {}, general: [] };
  for (const part of message.split('; ').map((p) => p.trim())) {
    if (!part) continue;
    const colon = /^([A-Za-z_][\w.]*):\s*(.+)$/s.exec(part);
    const named = colon ? fields.find((f) => f === colon[1]) : undefined;
    if (named && colon) {
      out.fields[named] = capitalize(colon[2] ?? '');
      continue;
    }
    const leading = fields.find((f) => part.toLowerCase().startsWith(`${f.toLowerCase()} `));
    if (leading) out.fields[leading] = capitalize(part);
    else out.general.push(capitalize(part));
  }
  return out;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export interface FormErrors<F extends string> extends SplitErrors<F> {
  /** the server was unreachable, busy or broken: the same submission may well work again */
  retryable: boolean;
}

/** What a failed form submission shows: field errors next to fields, the rest above the button. */
export function formErrorsFrom<F extends string>(err: unknown, fields: readonly F[]): FormErrors<F> {
  if (err instanceof ApiError) {
    if (err.isTransient) {
      const why = err.isNetwork
        ? 'The server could not be reached.'
        : 'The server is busy or having trouble right now.';
      return { fields: {}, general: [`${why} Nothing you typed is lost: try again in a moment.`], retryable: true };
    }
    return { ...splitFieldErrors(err.message, fields), retryable: false };
  }
  return { fields: {}, general: ['Something went wrong. Please try again.'], retryable: true };
}

/** No errors: one frozen value, which forms replace and never mutate. */
export const noFormErrors: FormErrors<never> = Object.freeze({ fields: {}, general: [], retryable: false });
