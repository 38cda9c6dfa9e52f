import { useState, type ChangeEvent, type FormEvent } from 'react';
import { Link } from 'react-router';
import { PASSWORD_MIN, resetBodySchema } from '../../../../contract/account';
import { Field, FormAlert, SubmitButton } from '../../../components/ui/form';
import { formErrorsFrom, noFormErrors, type FormErrors } from '../../../lib/form-errors';
import { useResetPassword } from '../api/mutations';
import { checkWith } from '../lib/client-checks';

const FIELDS = ['email', 'token', 'password'] as const;
type F = (typeof FIELDS)[number];

/** Completes a reset; the mail's link fills in the address and the code (?email=&token=). */
export function ResetPasswordForm({ email, token }: { email: string; token: string }) {
  const [values, setValues] = useState<Record<F, string>>({ email, token, password: '' });
  const [errors, setErrors] = useState<FormErrors<F>>(noFormErrors);
  const reset = useResetPassword();

  const send = () => {
    const local = checkWith(resetBodySchema, values);
    if (local) return setErrors({ fields: local, general: [], retryable: false });
    setErrors(noFormErrors);
    reset.mutate(values, { onError: (err) => setErrors(formErrorsFrom(err, FIELDS)) });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send();
  };
  const set = (f: F) => (e: ChangeEvent<HTMLInputElement>) => setValues({ ...values, [f]: e.target.value });

  if (reset.isSuccess) {
    return (
      <p role="status">
        Your password has been changed.{' '}
        <Link to="/login" className="text-brand-700 underline dark:text-brand-400">
          Log in with it
        </Link>
        .
      </p>
    );
  }
  return (
    <form onSubmit={submit} aria-label="Choose a new password" noValidate className="space-y-4">
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        value={values.email}
        onChange={set('email')}
        error={errors.fields.email}
      />
      <Field
        label="Reset code"
        name="token"
        autoComplete="one-time-code"
        required
        value={values.token}
        onChange={set('token')}
        error={errors.fields.token}
        hint={
          errors.fields.token ? (
            <Link to="/forgot-password" className="underline">
              Request a new code
            </Link>
          ) : (
            'From the message we sent you.'
          )
        }
      />
      <Field
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        value={values.password}
        onChange={set('password')}
        error={errors.fields.password}
        hint={`At least ${PASSWORD_MIN} characters.`}
      />
      <FormAlert messages={errors.general} onRetry={errors.retryable ? send : undefined} />
      <SubmitButton busy={reset.isPending}>{reset.isPending ? 'Saving…' : 'Set new password'}</SubmitButton>
    </form>
  );
}
