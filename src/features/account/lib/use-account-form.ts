import { useState, type ChangeEvent, type FormEvent } from 'react';
import type { z } from 'zod';
import { formErrorsFrom, noFormErrors, type FormErrors } from '@/lib/form-errors';
import { checkWith } from './client-checks';

/**
 * What the account forms share: their values, the contract's check in the browser first, then the
 * server's answer turned into errors next to their fields. `send` is also the retry of a failed send.
 */
export function useAccountForm<F extends string>(
  fields: readonly F[],
  initial: Record<F, string>,
  opts: { schema?: z.ZodType; send: (values: Record<F, string>, onError: (err: unknown) => void) => void },
) {
  const [values, setValues] = useState<Record<F, string>>(initial);
  const [errors, setErrors] = useState<FormErrors<F>>(noFormErrors);
  const send = () => {
    const local = opts.schema ? checkWith(opts.schema, values) : null;
    if (local) return setErrors({ fields: local, general: [], retryable: false });
    setErrors(noFormErrors);
    opts.send(values, (err) => setErrors(formErrorsFrom(err, fields)));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send();
  };
  const set = (f: F) => (e: ChangeEvent<HTMLInputElement>) => setValues((v) => ({ ...v, [f]: e.target.value }));
  return { values, errors, send, submit, set };
}
