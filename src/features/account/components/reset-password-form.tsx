import { Link } from 'react-router';
import { PASSWORD_MIN, resetBodySchema } from '@contract/account';
import { Field, FormAlert, SubmitButton } from '@/components/ui/form';
import { useResetPassword } from '../api/mutations';
import { useAccountForm } from '../lib/use-account-form';

const FIELDS = ['email', 'token', 'password'] as const;
type F = (typeof FIELDS)[number];

/** Completes a reset; the mail's link fills in the address and the code (?email=&token=). */
export function ResetPasswordForm({ email, token }: { email: string; token: string }) {
  const reset = useResetPassword();
  const { values, errors, send, submit, set } = useAccountForm<F>(
    FIELDS,
    { email, token, password: '' },
    { schema: resetBodySchema, send: (v, onError) => reset.mutate(v, { onError }) },
  );

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
